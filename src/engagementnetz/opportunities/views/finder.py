"""The Engagement-Finder and its e-mail subscription."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from engagementnetz.core.page_cache import public_page
from engagementnetz.core.ratelimit import allow

from .. import services
from ..finder import rank
from ..forms import FinderForm, FinderSubscribeForm
from ..models import FinderSubscription
from .helpers import render_list


@public_page
def finder(request: HttpRequest) -> HttpResponse:
    """Questions and, once answered, the ranked result; nothing is stored."""
    answered = any(name in request.GET for name in FinderForm.base_fields)
    form = FinderForm(request.GET if answered else None)
    matches, query = None, ""
    if answered and form.is_valid():
        criteria = form.criteria()
        matches = rank(criteria)
        query = form.query_string()
    context = {
        "form": form,
        "matches": matches,
        "query": query,
        "subscribe_form": FinderSubscribeForm(initial={"query": query}) if query else None,
    }
    return render_list(
        request, "opportunities/finder.html", "opportunities/_finder_results.html", context
    )


@require_POST
def finder_subscribe(request: HttpRequest) -> HttpResponse:
    form = FinderSubscribeForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        if data["website"]:
            return redirect("opportunities:finder_subscribed")
        if allow(request, "finder-subscribe", email=data["email"]):
            services.finder_subscribe(email=data["email"], query=data["query"])
            return redirect("opportunities:finder_subscribed")
        form.add_error(None, _("Too many requests in a short time. Please try again in an hour."))
    return render(request, "opportunities/finder_subscribe.html", {"form": form}, status=200)


def finder_subscribed(request: HttpRequest) -> HttpResponse:
    return render(request, "opportunities/finder_subscribed.html")


@require_http_methods(["GET", "POST"])
def finder_confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscription = FinderSubscription.objects.filter(token=token).first()
    if subscription is None:
        return render(request, "opportunities/link_invalid.html", status=404)
    if request.method == "POST":
        services.finder_subscription_confirm(subscription=subscription)
        messages.success(request, _("Your subscription is active."))
        return redirect("opportunities:finder_confirm", token=token)
    return render(request, "opportunities/finder_confirm.html", {"subscription": subscription})


@csrf_exempt  # mail programs send the one-click unsubscription (RFC 8058) without a form
@require_http_methods(["GET", "POST"])
def finder_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscription = FinderSubscription.objects.filter(token=token).first()
    if request.method == "POST":
        if subscription is not None:
            services.finder_unsubscribe(subscription=subscription)
        return render(request, "opportunities/finder_unsubscribed.html")
    if subscription is None:
        return render(request, "opportunities/finder_unsubscribed.html")
    return render(request, "opportunities/finder_unsubscribe.html", {"subscription": subscription})
