"""What organisations do: post and change opportunities, answer interests, keep them current."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from engagementnetz.organisations.models import Organisation

from .. import mails, selectors, services
from ..forms import InterestStateForm, OpportunityForm, StillCurrentForm
from ..models import HoursEntry, HoursState, Interest, InterestState, Opportunity, OpportunityState
from .helpers import require_perm


def _opportunity(slug: str) -> Opportunity:
    return get_object_or_404(Opportunity.objects.select_related("organisation"), slug=slug)


@login_required
def manage_overview(request: HttpRequest) -> HttpResponse:
    """The organisations the person keeps, with what waits for them."""
    organisations = (
        Organisation.objects.filter(memberships__user=request.user)
        .annotate(
            open_opportunities=Count(
                "opportunities",
                filter=Q(opportunities__state=OpportunityState.OPEN),
                distinct=True,
            ),
            new_interests=Count(
                "opportunities__interests",
                filter=Q(opportunities__interests__state=InterestState.NEW),
                distinct=True,
            ),
        )
        .order_by("name")
    )
    return render(request, "opportunities/manage/overview.html", {"organisations": organisations})


@login_required
def organisation_manage(request: HttpRequest, organisation_slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=organisation_slug)
    require_perm(request, "opportunities.view_interests", organisation)
    opportunities = list(selectors.organisation_opportunities(organisation))
    waiting = (
        Interest.objects.filter(opportunity__organisation=organisation, state=InterestState.NEW)
        .select_related("opportunity")
        .order_by("confirmed_at")
    )
    hours_waiting = HoursEntry.objects.filter(
        organisation=organisation, state=HoursState.SUBMITTED
    ).count()
    return render(
        request,
        "opportunities/manage/organisation.html",
        {
            "organisation": organisation,
            "opportunities": opportunities,
            "waiting": waiting,
            "hours_waiting": hours_waiting,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_create(request: HttpRequest, organisation_slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=organisation_slug)
    require_perm(request, "opportunities.add_opportunity", organisation)
    form = OpportunityForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        opportunity = services.opportunity_save(
            form=form, by=request.user, organisation=organisation
        )
        messages.success(
            request, _("“%(title)s” has been published.") % {"title": opportunity.title}
        )
        return redirect(opportunity.get_absolute_url())
    return render(
        request,
        "opportunities/manage/form.html",
        {"form": form, "organisation": organisation, "opportunity": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_edit(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = _opportunity(slug)
    require_perm(request, "opportunities.change_opportunity", opportunity)
    form = OpportunityForm(request.POST if request.method == "POST" else None, instance=opportunity)
    if request.method == "POST" and form.is_valid():
        opportunity = services.opportunity_save(form=form, by=request.user)
        messages.success(request, _("Your changes have been saved."))
        return redirect(opportunity.get_absolute_url())
    return render(
        request,
        "opportunities/manage/form.html",
        {"form": form, "organisation": opportunity.organisation, "opportunity": opportunity},
    )


@login_required
@require_POST
def opportunity_state(request: HttpRequest, slug: str) -> HttpResponse:
    """Buttons of the organisation: filled, open again, still current."""
    opportunity = _opportunity(slug)
    require_perm(request, "opportunities.change_opportunity", opportunity)
    action = request.POST.get("action")
    if action == "current":
        services.opportunity_confirm_current(opportunity=opportunity)
        messages.success(request, _("Thank you – the opportunity stays online."))
    elif action in (OpportunityState.OPEN, OpportunityState.FILLED):
        try:
            services.opportunity_set_state(opportunity=opportunity, state=action, by=request.user)
        except ValueError:
            messages.error(
                request, _("The end date has passed. Please change it first, then open again.")
            )
            return redirect("opportunities:edit", slug=slug)
        messages.success(
            request,
            _("Marked as filled – it no longer appears in the list.")
            if action == OpportunityState.FILLED
            else _("The opportunity is open again."),
        )
    if request.POST.get("next") == "manage":
        return redirect(
            "opportunities:organisation_manage", organisation_slug=opportunity.organisation.slug
        )
    return redirect(opportunity.get_absolute_url())


@require_http_methods(["GET", "POST"])
def still_current(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The link of the freshness mail: one button, no login needed."""
    opportunity = _opportunity(slug)
    try:
        pk = signing.loads(token, salt=mails.STILL_CURRENT_SALT, max_age=60 * 60 * 24 * 30)
    except signing.BadSignature:
        pk = None
    if pk != opportunity.pk:
        raise Http404
    form = StillCurrentForm(
        request.POST if request.method == "POST" else None, opportunity=opportunity
    )
    if request.method == "POST" and form.is_valid():
        services.opportunity_confirm_current(
            opportunity=opportunity, end_date=form.cleaned_data["end_date"]
        )
        return render(
            request, "opportunities/manage/still_current_done.html", {"opportunity": opportunity}
        )
    return render(
        request,
        "opportunities/manage/still_current.html",
        {"opportunity": opportunity, "form": form},
    )


@login_required
def interest_list(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = _opportunity(slug)
    require_perm(request, "opportunities.view_interests", opportunity)
    interests = opportunity.interests.confirmed().order_by("-confirmed_at")
    forms = [InterestStateForm(interest=interest) for interest in interests]
    return render(
        request,
        "opportunities/manage/interests.html",
        {"opportunity": opportunity, "forms": forms},
    )


@login_required
@require_POST
def interest_update(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    opportunity = _opportunity(slug)
    interest = get_object_or_404(opportunity.interests.confirmed(), pk=pk)
    require_perm(request, "opportunities.handle_interest", interest)
    form = InterestStateForm(request.POST, interest=interest)
    if form.is_valid():
        services.interest_set_state(
            interest=interest,
            state=form.cleaned_data["state"],
            by=request.user,
            decline_note=form.cleaned_data["decline_note"],
        )
        interest.refresh_from_db()
        messages.success(
            request,
            _("%(name)s: %(state)s")
            % {"name": interest.name, "state": interest.get_state_display()},
        )
        return redirect("opportunities:interests", slug=slug)
    interests = opportunity.interests.confirmed().order_by("-confirmed_at")
    forms = [
        form if other.pk == interest.pk else InterestStateForm(interest=other)
        for other in interests
    ]
    return render(
        request,
        "opportunities/manage/interests.html",
        {"opportunity": opportunity, "forms": forms},
        status=400,
    )
