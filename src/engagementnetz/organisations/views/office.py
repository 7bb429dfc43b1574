"""The network office's part of the directory: queue, decisions, entries, import and export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from engagementnetz.core.permissions import network_office_required

from .. import selectors, services
from ..forms import (
    ClaimDecisionForm,
    EntriesFilterForm,
    ImportForm,
    OfficeOrganisationForm,
    RegistrationDecisionForm,
    ReportDecisionForm,
    StaleDecisionForm,
    UnpublishForm,
)
from ..models import (
    ClaimRequest,
    ClaimState,
    Decision,
    DecisionKind,
    DecisionOutcome,
    DirectoryImport,
    MembershipRole,
    Organisation,
    OrganisationState,
    Report,
    ReportState,
)
from ..resources import OrganisationResource, export_file_name
from ..services.freshness import with_last_review


def office_view(view):
    return login_required(network_office_required(view))


@office_view
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    pending = selectors.queue()
    return render(request, "organisations/office/queue.html", {"queue": pending})


def _decide(request, *, form, template: str, context: dict, decide) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            message = decide(form.cleaned_data["decision"], form.cleaned_data["note"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, message)
            return redirect("organisations:queue")
    return render(request, template, {"form": form, **context})


@office_view
@require_http_methods(["GET", "POST"])
def decide_registration(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation.objects.select_related("district", "submitted_by").prefetch_related(
            "fields", "target_groups", "memberships__user"
        ),
        pk=pk,
        state=OrganisationState.SUBMITTED,
    )

    def decide(decision: str, note: str) -> str:
        if decision == "verify":
            services.organisation_verify(organisation=organisation, by=request.user, note=note)
            return _("“%(name)s” has been verified and is public now.") % {
                "name": organisation.name
            }
        services.organisation_reject(organisation=organisation, by=request.user, reason=note)
        return _("“%(name)s” has been rejected; the reason has been mailed.") % {
            "name": organisation.name
        }

    return _decide(
        request,
        form=RegistrationDecisionForm(request.POST or None),
        template="organisations/office/decide_registration.html",
        context={
            "organisation": organisation,
            "history": organisation.decisions.select_related("decided_by")[:10],
        },
        decide=decide,
    )


@office_view
@require_http_methods(["GET", "POST"])
def decide_claim(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(
        ClaimRequest.objects.select_related("organisation", "user"), pk=pk, state=ClaimState.PENDING
    )

    def decide(decision: str, note: str) -> str:
        if decision == "approve":
            services.claim_approve(claim=claim, by=request.user, note=note)
            return _("%(person)s is now administrator of “%(name)s”.") % {
                "person": claim.user,
                "name": claim.organisation.name,
            }
        services.claim_decline(claim=claim, by=request.user, note=note)
        return _("The request has been declined; the reason has been mailed.")

    return _decide(
        request,
        form=ClaimDecisionForm(request.POST or None),
        template="organisations/office/decide_claim.html",
        context={
            "claim": claim,
            "other_claims": claim.organisation.claims.exclude(pk=claim.pk).select_related("user"),
        },
        decide=decide,
    )


@office_view
@require_http_methods(["GET", "POST"])
def decide_report(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(
        Report.objects.select_related("organisation", "project"), pk=pk, state=ReportState.OPEN
    )

    def decide(decision: str, note: str) -> str:
        services.report_decide(
            report=report, by=request.user, outcome=DecisionOutcome(decision), note=note
        )
        return _("The report has been closed.")

    return _decide(
        request,
        form=ReportDecisionForm(request.POST or None),
        template="organisations/office/decide_report.html",
        context={"report": report},
        decide=decide,
    )


@office_view
@require_http_methods(["GET", "POST"])
def decide_stale(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(
        with_last_review(Organisation.objects.public()).annotate(
            admin_count=Count("memberships", filter=Q(memberships__role=MembershipRole.ADMIN))
        ),
        pk=pk,
    )

    def decide(decision: str, note: str) -> str:
        if decision == "confirm":
            services.stale_confirm(organisation=organisation, by=request.user, note=note)
            return _("The entry is marked as current.")
        if decision == "remind":
            services.stale_remind(organisation=organisation, by=request.user, note=note)
            return _("The administrators have been reminded.")
        services.organisation_unpublish(
            organisation=organisation, by=request.user, reason=note, kind=DecisionKind.FRESHNESS
        )
        return _("The entry has been taken offline; the reason has been mailed.")

    return _decide(
        request,
        form=StaleDecisionForm(request.POST or None),
        template="organisations/office/decide_stale.html",
        context={"organisation": organisation},
        decide=decide,
    )


@office_view
@require_http_methods(["GET", "POST"])
def unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk, state=OrganisationState.VERIFIED)
    form = UnpublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.organisation_unpublish(
            organisation=organisation, by=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request,
            _("“%(name)s” is no longer public; the reason has been mailed.")
            % {"name": organisation.name},
        )
        return redirect("organisations:manage", slug=organisation.slug)
    return render(
        request, "organisations/office/unpublish.html", {"organisation": organisation, "form": form}
    )


@office_view
@require_http_methods(["GET", "POST"])
def republish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish an unpublished entry again (after it was corrected)."""
    organisation = get_object_or_404(Organisation, pk=pk, state=OrganisationState.UNPUBLISHED)
    if request.method == "POST":
        services.organisation_verify(organisation=organisation, by=request.user)
        messages.success(request, _("“%(name)s” is public again.") % {"name": organisation.name})
        return redirect("organisations:manage", slug=organisation.slug)
    return render(request, "organisations/office/republish.html", {"organisation": organisation})


@office_view
@require_GET
def decisions(request: HttpRequest) -> HttpResponse:
    page = selectors.paginate(
        Decision.objects.select_related("decided_by", "organisation"),
        request.GET.get("seite"),
        per_page=50,
    )
    return render(request, "organisations/office/decisions.html", {"page": page})


@office_view
@require_GET
def entries(request: HttpRequest) -> HttpResponse:
    form = EntriesFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    queryset = Organisation.objects.select_related("district").annotate(
        member_count=Count("memberships")
    )
    if q := filters.get("q"):
        queryset = queryset.filter(Q(name__icontains=q) | Q(external_key__iexact=q))
    if state := filters.get("status"):
        queryset = queryset.filter(state=state)
    page = selectors.paginate(
        queryset.order_by("name", "pk"), request.GET.get("seite"), per_page=50
    )
    return render(request, "organisations/office/entries.html", {"form": form, "page": page})


@office_view
@require_http_methods(["GET", "POST"])
def office_create(request: HttpRequest) -> HttpResponse:
    form = OfficeOrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create_by_office(form=form, by=request.user)
        messages.success(
            request,
            _("“%(name)s” has been added and is public. Its people can claim it.")
            % {"name": organisation.name},
        )
        return redirect("organisations:manage", slug=organisation.slug)
    return render(request, "organisations/office/create.html", {"form": form})


@office_view
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            directory_import = services.directory_import_upload(
                upload=form.cleaned_data["file"], by=request.user
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            return redirect("organisations:import_preview", pk=directory_import.pk)
    return render(
        request,
        "organisations/office/import.html",
        {
            "form": form,
            "columns": OrganisationResource.import_column_names(),
            "imports": DirectoryImport.objects.filter(imported_at__isnull=False).select_related(
                "created_by"
            )[:10],
        },
    )


@office_view
@require_http_methods(["GET", "POST"])
def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    directory_import = get_object_or_404(DirectoryImport, pk=pk, imported_at__isnull=True)
    if request.method == "POST":
        try:
            result = services.directory_import_run(
                directory_import=directory_import, by=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("organisations:import")
        counts = result.counts
        messages.success(
            request,
            _(
                "Import finished: %(new)s new, %(update)s updated, %(skip)s unchanged, "
                "%(invalid)s rows with errors left out."
            )
            % counts,
        )
        return redirect("organisations:import")
    try:
        preview = services.directory_import_preview(
            directory_import=directory_import, by=request.user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("organisations:import")
    return render(
        request,
        "organisations/office/import_preview.html",
        {"directory_import": directory_import, "preview": preview},
    )


@office_view
@require_GET
def export(request: HttpRequest, file_format: str) -> HttpResponse:
    if file_format not in {"csv", "xlsx"}:
        raise Http404
    content_type = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }[file_format]
    response = HttpResponse(
        services.directory_export(file_format=file_format), content_type=content_type
    )
    response["Content-Disposition"] = f'attachment; filename="{export_file_name(file_format)}"'
    return response
