"""Public pages of the measures, and reporting progress (network office, responsible club)."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from engagementnetz.core.models import Field
from engagementnetz.core.page_cache import public_page

from .. import selectors, services
from ..forms import MeasureUpdateForm
from ..models import Measure, MeasureState, Process
from ._helpers import is_htmx


@public_page
def measure_list(request: HttpRequest) -> HttpResponse:
    fields = list(Field.objects.filter(participation_measures__is_published=True).distinct())
    processes = list(Process.objects.public().filter(measures__is_published=True).distinct())
    filters = {
        "state": request.GET.get("stand", ""),
        "field": request.GET.get("bereich", ""),
        "process": request.GET.get("verfahren", ""),
        "q": request.GET.get("q", "").strip()[:100],
    }
    if filters["state"] not in MeasureState.values:
        filters["state"] = ""
    if filters["field"] not in {field.slug for field in fields}:
        filters["field"] = ""
    if filters["process"] not in {process.slug for process in processes}:
        filters["process"] = ""
    measures = selectors.measures_public(**filters)
    context = {
        "page": selectors.paginate(measures, request.GET.get("seite")),
        "chart": selectors.status_chart(measures),
        "filters": filters,
        "fields": fields,
        "processes": processes,
        "states": MeasureState.choices,
    }
    template = "participation/measure_list.html"
    if is_htmx(request):
        template = "participation/_measure_results.html"
    return render(request, template, context)


def _measure_or_404(request: HttpRequest, slug: str) -> Measure:
    measures = Measure.objects.select_related("field", "responsible_organisation", "process")
    if not rules.test_rule("is_network_office", request.user):
        measures = measures.public()
    return get_object_or_404(measures, slug=slug)


@public_page
def measure_detail(request: HttpRequest, slug: str) -> HttpResponse:
    measure = _measure_or_404(request, slug)
    context = {
        "measure": measure,
        **selectors.measure_page(measure),
        "is_following": selectors.is_following(measure, request.user),
        "can_report": request.user.has_perm("participation.report_progress", measure),
    }
    return render(request, "participation/measure_detail.html", context)


@login_required
def measure_progress(request: HttpRequest, slug: str) -> HttpResponse:
    """Report progress: the network office, or admins and editors of the responsible club."""
    measure = get_object_or_404(Measure.objects.select_related("process"), slug=slug)
    if not request.user.has_perm("participation.report_progress", measure):
        raise PermissionDenied
    form = MeasureUpdateForm(request.POST or None, measure=measure)
    if request.method == "POST" and form.is_valid():
        services.measure_update_post(measure=measure, by=request.user, **form.cleaned_data)
        messages.success(request, _("The progress report has been published."))
        return redirect(measure.get_absolute_url() + "#fortschritt")
    return render(
        request, "participation/measure_progress_form.html", {"measure": measure, "form": form}
    )
