"""Public pages: the list, an opportunity, and „Ich möchte mitmachen“."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from engagementnetz.core.page_cache import public_page
from engagementnetz.core.ratelimit import allow

from .. import selectors, services
from ..forms import InterestForm, OpportunityFilterForm
from ..models import Interest, InterestState, Opportunity
from .helpers import paginate, render_list


@public_page
def opportunity_list(request: HttpRequest) -> HttpResponse:
    form = OpportunityFilterForm(request.GET or None)
    filters = {}
    if form.is_bound:
        form.is_valid()
        # Valid filters apply; a broken one (an old link, say) is explained next to its field.
        filters = form.cleaned_data
    page = paginate(request, selectors.opportunity_list(filters=filters))
    context = {"form": form, "page": page, "opportunities": page.object_list}
    return render_list(request, "opportunities/list.html", "opportunities/_results.html", context)


def _viewable(request: HttpRequest, slug: str) -> Opportunity:
    opportunity = get_object_or_404(
        Opportunity.objects.select_related("organisation", "district").prefetch_related(
            "fields", "target_groups"
        ),
        slug=slug,
    )
    if not opportunity.organisation.is_public and not request.user.has_perm(
        "opportunities.change_opportunity", opportunity
    ):
        raise Http404
    return opportunity


@public_page
def opportunity_detail(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = _viewable(request, slug)
    can_manage = request.user.has_perm("opportunities.change_opportunity", opportunity)
    return render(
        request,
        "opportunities/detail.html",
        {"opportunity": opportunity, "can_manage": can_manage},
    )


@require_http_methods(["GET", "POST"])
def interest_create(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = _viewable(request, slug)
    if not opportunity.is_public:
        return render(request, "opportunities/interest_closed.html", {"opportunity": opportunity})
    form = InterestForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["website"]:  # a bot filled the hidden field: pretend all went well
            return redirect("opportunities:interest_sent", slug=slug)
        if not allow(request, "opportunity-interest", email=data["email"]):
            form.add_error(
                None, _("Too many messages in a short time. Please try again in an hour.")
            )
        else:
            interest = services.interest_submit(
                opportunity=opportunity,
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                message=data["message"],
                user=request.user,
            )
            url = reverse("opportunities:interest_sent", kwargs={"slug": slug})
            if interest.is_confirmed:
                url += "?gesendet=1"
            return redirect(url)
    return render(
        request, "opportunities/interest_form.html", {"opportunity": opportunity, "form": form}
    )


def interest_sent(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = _viewable(request, slug)
    return render(
        request,
        "opportunities/interest_sent.html",
        {"opportunity": opportunity, "delivered": request.GET.get("gesendet") == "1"},
    )


@require_http_methods(["GET", "POST"])
def interest_confirm(request: HttpRequest, token: str) -> HttpResponse:
    interest = (
        Interest.objects.select_related("opportunity__organisation").filter(token=token).first()
    )
    if interest is None:
        return render(request, "opportunities/link_invalid.html", status=404)
    if request.method == "POST" and interest.state == InterestState.UNCONFIRMED:
        interest = services.interest_confirm(interest=interest)
        messages.success(request, _("Thank you! Your message has been passed on."))
        return redirect("opportunities:interest_confirm", token=token)
    return render(request, "opportunities/interest_confirm.html", {"interest": interest})
