"""Public pages of participation processes: overview, process, theme table, workshop."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from engagementnetz.core.page_cache import public_page

from .. import selectors, services
from ..forms import ContributionForm
from ..models import ContributionKind, ContributionStatus, ThemeTable, Workshop
from ._helpers import is_htmx, process_or_404, within_rate_limit


@public_page
def process_list(request: HttpRequest) -> HttpResponse:
    processes = list(selectors.processes_public())
    for process in processes:
        process.timeline = selectors.timeline(list(process.phases.all()))
    return render(request, "participation/process_list.html", {"processes": processes})


@public_page
def process_detail(request: HttpRequest, slug: str) -> HttpResponse:
    process = process_or_404(request, slug)
    context = {"process": process, **selectors.process_page(process)}
    context["is_following"] = selectors.is_following(process, request.user)
    return render(request, "participation/process_detail.html", context)


def _submit_contribution(request: HttpRequest, process, table=None):
    """Handle the contribution form; returns the form and, on success, the redirect."""
    form = ContributionForm(request.POST, process=process, table=table, user=request.user)
    if not form.is_valid():
        return form, None
    back = table.get_absolute_url() if table else process.get_absolute_url()
    if form.is_spam:
        messages.success(request, _("Thank you! Please confirm your contribution by e-mail."))
        return form, redirect(back)
    if not within_rate_limit(request, form, "contribution"):
        return form, None
    try:
        contribution = services.contribution_submit(
            process=process,
            table=form.chosen_table(),
            kind=form.cleaned_data["kind"],
            text=form.cleaned_data["text"],
            author_name=form.cleaned_data["author_name"],
            user=request.user,
            email=form.cleaned_data.get("email", ""),
            follow=form.cleaned_data["follow"],
        )
    except services.ParticipationClosed:
        form.add_error(None, _("Contributions are not possible at the moment."))
        return form, None
    if contribution.is_published:
        messages.success(request, _("Thank you! Your contribution has been published."))
        return form, redirect(contribution.get_absolute_url())
    if contribution.user_id:
        messages.success(
            request,
            _("Thank you! Your contribution appears as soon as the network office has read it."),
        )
    else:
        messages.success(
            request,
            _(
                "Thank you! We have sent an e-mail to %(email)s. Please confirm your "
                "contribution with the link in it."
            )
            % {"email": contribution.email},
        )
    return form, redirect(back)


def contribution_create(request: HttpRequest, slug: str) -> HttpResponse:
    process = process_or_404(request, slug)
    if request.method == "POST":
        form, response = _submit_contribution(request, process)
        if response is not None:
            return response
    else:
        initial = {}
        table = process.tables.filter(slug=request.GET.get("tisch", "")).first()
        if table is not None:
            initial["table"] = table
        if request.GET.get("art") in ContributionKind.values:
            initial["kind"] = request.GET["art"]
        form = ContributionForm(process=process, user=request.user, initial=initial)
    context = {
        "process": process,
        "form": form,
        "timeline": selectors.timeline(list(process.phases.all())),
    }
    return render(request, "participation/contribution_form.html", context)


@public_page
def table_detail(request: HttpRequest, slug: str, table: str) -> HttpResponse:
    process = process_or_404(request, slug)
    table = get_object_or_404(
        ThemeTable.objects.select_related("workshop", "process"), process=process, slug=table
    )
    form = None
    if request.method == "POST":
        form, response = _submit_contribution(request, process, table)
        if response is not None:
            return response
    context = {"process": process, "table": table, **selectors.table_page(table)}
    if context["timeline"].is_open:
        context["form"] = form or ContributionForm(process=process, table=table, user=request.user)
    return render(request, "participation/table_detail.html", context)


@public_page
def workshop_detail(request: HttpRequest, slug: str, workshop: str) -> HttpResponse:
    process = process_or_404(request, slug)
    workshop = get_object_or_404(Workshop, process=process, slug=workshop)
    context = {"process": process, "workshop": workshop, **selectors.workshop_page(workshop)}
    return render(request, "participation/workshop_detail.html", context)


@public_page
def contribution_list(request: HttpRequest, slug: str) -> HttpResponse:
    process = process_or_404(request, slug)
    tables = list(process.tables.all())
    filters = {
        "table": request.GET.get("tisch", ""),
        "kind": request.GET.get("art", ""),
        "status": request.GET.get("stand", ""),
    }
    if filters["table"] not in {t.slug for t in tables}:
        filters["table"] = ""
    if filters["kind"] not in ContributionKind.values:
        filters["kind"] = ""
    if filters["status"] not in ContributionStatus.values:
        filters["status"] = ""
    page = selectors.paginate(
        selectors.contribution_list(process, **filters), request.GET.get("seite")
    )
    context = {
        "process": process,
        "tables": tables,
        "filters": filters,
        "page": page,
        "kinds": ContributionKind.choices,
        "statuses": ContributionStatus.choices,
    }
    template = "participation/contribution_list.html"
    if is_htmx(request):
        template = "participation/_contribution_results.html"
    return render(request, template, context)
