"""Public pages of the newsletter: subscribe, confirm, change topics, unsubscribe, archive.

Subscribers never log in: their secret token in every mail identifies them. Nothing changes on
GET (mail scanners follow links); each change is a POST of a one-button form.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from engagementnetz.core.page_cache import public_page
from engagementnetz.core.ratelimit import allow, client_ip

from . import services
from .forms import ManageForm, SubscribeForm
from .models import Issue, Subscriber, SubscriberState
from .rendering import IssueRenderer


def subscribe(request: HttpRequest) -> HttpResponse:
    consent_text = services.current_consent_text()
    form = SubscribeForm(request.POST or None, consent_text=consent_text)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:  # the honeypot: pretend success to the bot
            return redirect("newsletter:thanks")
        if not allow(
            request,
            "newsletter-subscribe",
            email=form.cleaned_data["email"],
            per_ip=10,
            per_email=3,
        ):
            form.add_error(
                None,
                _("Too many attempts. Please wait an hour and try again."),
            )
            return render(
                request,
                "newsletter/subscribe.html",
                {"form": form, "issues": _latest_issues()},
                status=429,
            )
        services.subscriber_subscribe(
            email=form.cleaned_data["email"],
            name=form.cleaned_data["name"],
            topics=form.cleaned_data["topics"],
            consent_text=consent_text,
            ip=client_ip(request),
        )
        return redirect("newsletter:thanks")
    return render(request, "newsletter/subscribe.html", {"form": form, "issues": _latest_issues()})


def _latest_issues():
    return list(Issue.objects.archived().only("pk", "subject", "send_started_at")[:3])


def thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletter/thanks.html")


def _subscriber_or_invalid(request, token: str):
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:
        return None, render(request, "newsletter/invalid_link.html", status=404)
    return subscriber, None


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscriber, invalid = _subscriber_or_invalid(request, token)
    if invalid:
        return invalid
    if request.method == "POST":
        try:
            services.subscriber_confirm(subscriber=subscriber, ip=client_ip(request))
        except services.ConfirmationExpired:
            return render(request, "newsletter/confirm.html", {"expired": True}, status=410)
        messages.success(request, _("Thank you! Your subscription is confirmed."))
        return redirect("newsletter:manage", token=token)
    if subscriber.state == SubscriberState.CONFIRMED:
        return redirect("newsletter:manage", token=token)
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


def manage(request: HttpRequest, token: str) -> HttpResponse:
    subscriber, invalid = _subscriber_or_invalid(request, token)
    if invalid:
        return invalid
    if subscriber.state != SubscriberState.CONFIRMED:
        return render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber})
    form = ManageForm(
        request.POST or None, initial={"name": subscriber.name, "topics": subscriber.topics}
    )
    if request.method == "POST" and form.is_valid():
        services.subscriber_update(
            subscriber=subscriber,
            topics=form.cleaned_data["topics"],
            name=form.cleaned_data["name"],
            ip=client_ip(request),
        )
        messages.success(request, _("Your settings have been saved."))
        return redirect("newsletter:manage", token=token)
    consents = subscriber.consents.select_related("text").order_by("at", "pk")
    return render(
        request,
        "newsletter/manage.html",
        {"subscriber": subscriber, "form": form, "consents": consents},
    )


@csrf_exempt  # the secret token protects it; mail programs post without a CSRF token (RFC 8058)
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscriber, invalid = _subscriber_or_invalid(request, token)
    if invalid:
        return invalid
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        services.subscriber_unsubscribe(
            subscriber=subscriber,
            method=services.METHOD_ONE_CLICK if one_click else services.METHOD_UNSUBSCRIBE_PAGE,
            ip=client_ip(request),
        )
        if one_click:
            return HttpResponse(_("You have been unsubscribed."), content_type="text/plain")
        subscriber.refresh_from_db()
        return render(
            request, "newsletter/unsubscribed.html", {"subscriber": subscriber, "just_now": True}
        )
    if subscriber.state == SubscriberState.UNSUBSCRIBED:
        return render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber})
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})


@public_page
def archive(request: HttpRequest) -> HttpResponse:
    page = Paginator(
        Issue.objects.archived().only("pk", "subject", "send_started_at", "intro"), 12
    ).get_page(request.GET.get("seite"))
    return render(request, "newsletter/archive.html", {"page": page})


@public_page
def archive_detail(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_object_or_404(Issue.objects.archived(), pk=pk)
    renderer = IssueRenderer(issue)
    return render(
        request,
        "newsletter/archive_detail.html",
        {
            "issue": issue,
            "intro_html": renderer.intro_html,
            "sections": renderer.sections([topic for topic, _label in _all_topics()]),
        },
    )


def _all_topics():
    from .content import Topic

    return Topic.choices
