"""Pages every visitor sees: the directory, its map, an entry, the contact form, reports."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from engagementnetz.core.page_cache import public_page
from engagementnetz.core.ratelimit import allow

from .. import jsonld, selectors, services
from ..forms import ContactForm, DirectoryFilterForm, ReportForm
from ..sections import organisation_sections
from ._helpers import is_htmx, organisation_or_404, visible_organisation_or_404


def _filter_form(request: HttpRequest) -> tuple[DirectoryFilterForm, dict]:
    lists = selectors.vocabularies()
    form = DirectoryFilterForm(
        request.GET or None,
        fields=lists.fields,
        target_groups=lists.target_groups,
        districts=lists.districts,
    )
    return form, form.filters() if request.GET else {}


def _directory(request: HttpRequest, *, view_mode: str) -> HttpResponse:
    form, filters = _filter_form(request)
    page = selectors.paginate(
        selectors.for_cards(selectors.directory(filters)), request.GET.get("seite")
    )
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "view_mode": view_mode,
        "letters": selectors.LETTERS,
        "available_letters": selectors.available_letters(),
        "current_letter": filters.get("buchstabe", "").upper(),
        "map_tile_url": settings.MAP_TILE_URL,
        "map_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
    if is_htmx(request):
        return render(request, "organisations/_results.html", context)
    return render(request, "organisations/directory.html", context)


@public_page
@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    return _directory(request, view_mode="list")


@public_page
@require_GET
def directory_map(request: HttpRequest) -> HttpResponse:
    return _directory(request, view_mode="map")


@public_page
@require_GET
def map_data(request: HttpRequest) -> JsonResponse:
    _form, filters = _filter_form(request)
    return JsonResponse({"organisations": selectors.map_points(filters)})


def _offers_claim(request: HttpRequest, organisation) -> bool:
    """ "Das ist unsere Organisation" for visitors (they log in first) and whoever may claim."""
    if not request.user.is_authenticated:
        return organisation.is_public and services.is_claimable(organisation)
    return request.user.has_perm("organisations.claim_organisation", organisation)


def _detail_context(request: HttpRequest, organisation, **extra) -> dict:
    can_edit = request.user.has_perm("organisations.change_organisation", organisation)
    context = {
        "organisation": organisation,
        "sections": organisation_sections(request, organisation) if organisation.is_public else [],
        "jsonld": jsonld.organisation_data(organisation) if organisation.is_public else None,
        "can_edit": can_edit,
        "claimable": _offers_claim(request, organisation),
        "map_tile_url": settings.MAP_TILE_URL,
        "map_attribution": settings.MAP_TILE_ATTRIBUTION,
        "contact_form": None,
    }
    if organisation.is_public and organisation.email:
        context["contact_form"] = ContactForm(
            retention_days=settings.CONTACT_MESSAGE_RETENTION_DAYS
        )
    context.update(extra)
    return context


@public_page
@require_GET
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_detail(slug)
    if organisation is None:
        raise Http404
    visible_organisation_or_404(request, slug, organisation)
    return render(request, "organisations/detail.html", _detail_context(request, organisation))


@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest, slug: str) -> HttpResponse:
    """Relay a message to the organisation; its address stays hidden from the sender."""
    organisation = organisation_or_404(slug)
    if not organisation.is_public or not organisation.email:
        raise Http404
    form = ContactForm(request.POST or None, retention_days=settings.CONTACT_MESSAGE_RETENTION_DAYS)
    status = 200
    if request.method == "POST" and form.is_valid():
        if form.is_spam:
            # Bots get the same answer as people, so they learn nothing; nothing is sent.
            messages.success(request, _("Thank you, your message has been sent."))
            return redirect(organisation)
        if allow(
            request,
            "organisations-contact",
            email=form.cleaned_data["sender_email"],
            per_ip=10,
            per_email=5,
        ):
            services.contact_message_send(
                organisation=organisation,
                sender=request.user,
                sender_name=form.cleaned_data["sender_name"],
                sender_email=form.cleaned_data["sender_email"],
                subject=form.cleaned_data["subject"],
                message=form.cleaned_data["message"],
                consent_text=form.consent_text,
            )
            messages.success(
                request,
                _("Thank you, your message has been sent. You will receive a copy by e-mail."),
            )
            return redirect(organisation)
        form.add_error(
            None,
            _(
                "You have sent many messages in a short time. Please wait an hour and try "
                "again; your text is kept below."
            ),
        )
        status = 429
    return render(
        request,
        "organisations/contact.html",
        {"organisation": organisation, "form": form},
        status=status,
    )


def _report(request: HttpRequest, *, organisation=None, project=None) -> HttpResponse:
    target = project or organisation
    initial = {"reporter_email": request.user.email} if request.user.is_authenticated else {}
    form = ReportForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        if form.is_spam:
            messages.success(request, _("Thank you, the network office will look into it."))
            return redirect(target)
        if allow(request, "organisations-report", per_ip=10):
            services.report_create(
                organisation=organisation,
                project=project,
                reason=form.cleaned_data["reason"],
                message=form.cleaned_data["message"],
                reporter_email=form.cleaned_data["reporter_email"],
                reporter=request.user,
            )
            messages.success(request, _("Thank you, the network office will look into it."))
            return redirect(target)
        form.add_error(
            None, _("You have sent many reports in a short time. Please try again later.")
        )
        status = 429
    return render(
        request, "organisations/report_form.html", {"target": target, "form": form}, status=status
    )


@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_or_404(slug)
    if not organisation.is_public:
        raise Http404
    return _report(request, organisation=organisation)


@public_page
@require_GET
def links(request: HttpRequest) -> HttpResponse:
    return render(request, "organisations/links.html", {"categories": selectors.link_categories()})


def validation_message(error: ValidationError) -> str:
    return " ".join(error.messages)
