"""Volunteer hours: people log them, organisations confirm them, the PDF sums them up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from engagementnetz.organisations.models import Organisation

from .. import selectors, services
from ..forms import HoursDecisionForm, HoursEntryForm
from ..models import HoursEntry, HoursState
from .helpers import require_perm


@login_required
@require_http_methods(["GET", "POST"])
def my_hours(request: HttpRequest) -> HttpResponse:
    form = HoursEntryForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.hours_log(form=form, user=request.user)
        messages.success(
            request,
            _("Your hours have been recorded and wait for the organisation's confirmation."),
        )
        return redirect("opportunities:my_hours")
    entries = HoursEntry.objects.filter(user=request.user).select_related("organisation")
    return render(
        request,
        "opportunities/hours/mine.html",
        {
            "form": form,
            "entries": entries,
            "status": selectors.ehrenamtskarte_status(user=request.user),
        },
    )


@login_required
@require_POST
def hours_delete(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(HoursEntry, pk=pk)
    require_perm(request, "opportunities.delete_hours", entry)
    try:
        services.hours_delete(entry=entry)
        messages.success(request, _("The entry has been deleted."))
    except services.HoursAlreadyDecided:
        messages.error(request, _("The organisation has already decided on this entry."))
    return redirect("opportunities:my_hours")


@login_required
@require_GET
def certificate(request: HttpRequest) -> HttpResponse:
    # Imported here: fpdf2 (with fontTools) costs every web process about 50 MB.
    from ..certificate import ehrenamtsnachweis_pdf

    response = HttpResponse(
        ehrenamtsnachweis_pdf(user=request.user), content_type="application/pdf"
    )
    filename = f"ehrenamtsnachweis-{timezone.localdate():%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def organisation_hours(request: HttpRequest, organisation_slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=organisation_slug)
    require_perm(request, "opportunities.view_hours", organisation)
    return _render_organisation_hours(request, organisation)


def _render_organisation_hours(request, organisation, *, failed=None, status=200):
    entries = HoursEntry.objects.filter(organisation=organisation).select_related("user")
    waiting = [
        (
            entry,
            failed
            if failed is not None and failed.entry_pk == entry.pk
            else HoursDecisionForm(prefix=f"hours-{entry.pk}"),
        )
        for entry in entries.filter(state=HoursState.SUBMITTED).order_by("started_on", "pk")
    ]
    decided = entries.exclude(state=HoursState.SUBMITTED).order_by("-decided_at")[:50]
    return render(
        request,
        "opportunities/hours/organisation.html",
        {"organisation": organisation, "waiting": waiting, "decided": decided},
        status=status,
    )


@login_required
@require_POST
def hours_decide(request: HttpRequest, organisation_slug: str, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=organisation_slug)
    entry = get_object_or_404(HoursEntry, pk=pk, organisation=organisation)
    require_perm(request, "opportunities.confirm_hours", entry)
    form = HoursDecisionForm(request.POST, prefix=f"hours-{entry.pk}")
    if not form.is_valid():
        form.entry_pk = entry.pk
        return _render_organisation_hours(request, organisation, failed=form, status=400)
    try:
        services.hours_decide(
            entry=entry,
            confirm=form.cleaned_data["decision"] == "confirm",
            by=request.user,
            reason=form.cleaned_data["reason"],
        )
    except services.HoursAlreadyDecided:
        messages.error(request, _("Someone has already decided on this entry."))
    else:
        messages.success(request, _("The decision has been saved."))
    return redirect("opportunities:organisation_hours", organisation_slug=organisation.slug)
