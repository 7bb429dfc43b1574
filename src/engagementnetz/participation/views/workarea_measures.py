"""The network office keeps the measures and traces them to contributions."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services
from ..forms import LinkContributionForm, MeasureForm
from ..models import Contribution, Measure, MeasureUpdate
from .workarea import office


@office
def measure_manage_list(request: HttpRequest) -> HttpResponse:
    measures = Measure.objects.select_related("process", "field", "responsible_organisation")
    return render(
        request,
        "participation/workarea/measure_list.html",
        {"measures": measures.order_by("title")},
    )


def _render_edit(request, measure, form, link_form, status=200) -> HttpResponse:
    context = {
        "measure": measure,
        "form": form,
        "link_form": link_form,
        "contributions": list(
            measure.contributions.select_related("process", "table").order_by("pk")
        )
        if measure
        else [],
        "updates": list(measure.updates.all()) if measure else [],
    }
    return render(request, "participation/workarea/measure_form.html", context, status=status)


@office
def measure_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    measure = get_object_or_404(Measure, pk=pk) if pk else None
    form = MeasureForm(request.POST or None, instance=measure)
    if request.method == "POST":
        if "delete" in request.POST and measure is not None:
            services.measure_delete(measure=measure)
            messages.success(request, _("The measure has been deleted."))
            return redirect("participation:manage_measures")
        if form.is_valid():
            measure = services.measure_save(form=form, by=request.user)
            messages.success(
                request, _("The measure “%(title)s” has been saved.") % {"title": measure.title}
            )
            return redirect("participation:manage_measure", pk=measure.pk)
    return _render_edit(request, measure, form, LinkContributionForm())


@office
@require_POST
def measure_link(request: HttpRequest, pk: int) -> HttpResponse:
    measure = get_object_or_404(Measure, pk=pk)
    link_form = LinkContributionForm(request.POST)
    if not link_form.is_valid():
        return _render_edit(request, measure, MeasureForm(instance=measure), link_form)
    contribution = link_form.cleaned_data["contribution"]
    if services.measure_link_contribution(
        measure=measure, contribution=contribution, by=request.user
    ):
        messages.success(
            request, _("Contribution no. %(number)s is linked.") % {"number": contribution.pk}
        )
    else:
        messages.info(request, _("The contribution was part of this measure already."))
    return redirect("participation:manage_measure", pk=measure.pk)


@office
@require_POST
def measure_unlink(request: HttpRequest, pk: int, contribution_pk: int) -> HttpResponse:
    measure = get_object_or_404(Measure, pk=pk)
    contribution = get_object_or_404(Contribution, pk=contribution_pk)
    services.measure_unlink_contribution(measure=measure, contribution=contribution)
    messages.success(
        request, _("Contribution no. %(number)s is no longer linked.") % {"number": contribution.pk}
    )
    return redirect("participation:manage_measure", pk=measure.pk)


@office
@require_POST
def update_delete(request: HttpRequest, pk: int, update_pk: int) -> HttpResponse:
    update = get_object_or_404(MeasureUpdate, pk=update_pk, measure_id=pk)
    services.measure_update_delete(update=update)
    messages.success(request, _("The progress report has been deleted."))
    return redirect("participation:manage_measure", pk=pk)
