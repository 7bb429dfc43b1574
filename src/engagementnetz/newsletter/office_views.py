"""The network office's newsletter: compose, preview, test, send, follow, prove consent, figures."""

from csp.decorators import csp_replace
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagementnetz.core.permissions import network_office_required

from . import selectors, services
from .content import TOPIC_ORDER
from .forms import ConsentTextForm, IssueForm, SubscriberSearchForm, TestSendForm
from .models import ConsentText, Issue, IssueState, Subscriber, SubscriberState
from .rendering import IssueRenderer, sample_recipient


def office(view):
    return login_required(network_office_required(view))


@office
def dashboard(request: HttpRequest) -> HttpResponse:
    issues = Paginator(selectors.issues_with_progress(), 20).get_page(request.GET.get("seite"))
    return render(
        request,
        "newsletter/office/dashboard.html",
        {"page": issues, "subscribers": selectors.subscriber_counts()},
    )


@office
@require_POST
def issue_create(request: HttpRequest) -> HttpResponse:
    issue = services.issue_draft(by=request.user)
    messages.success(
        request,
        _("A new issue has been drafted with %(count)s items.") % {"count": issue.items.count()},
    )
    return redirect("newsletter:issue_edit", pk=issue.pk)


@office
def issue_edit(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_object_or_404(Issue, pk=pk)
    if issue.state != IssueState.DRAFT:
        return redirect("newsletter:issue_status", pk=pk)
    items = list(issue.items.order_by("position", "pk"))
    form = IssueForm(request.POST or None, instance=issue)
    if request.method == "POST" and form.is_valid():
        included = {int(pk) for pk in request.POST.getlist("items") if pk.isdigit()}
        services.issue_update(
            issue=issue,
            subject=form.cleaned_data["subject"],
            intro=form.cleaned_data["intro"],
            included_ids=included,
        )
        messages.success(request, _("The issue has been saved."))
        return redirect("newsletter:issue_edit", pk=pk)
    return render(
        request,
        "newsletter/office/issue_edit.html",
        {
            "issue": issue,
            "form": form,
            "sections": selectors.items_by_topic(items),
            "test_form": TestSendForm(initial={"email": request.user.email}),
            "recipient_count": services.recipients_of(issue).count(),
        },
    )


@office
@require_POST
def issue_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_object_or_404(Issue, pk=pk, state=IssueState.DRAFT)
    count = services.issue_refresh_items(issue=issue)
    messages.success(
        request, _("The items have been drafted again: %(count)s found.") % {"count": count}
    )
    return redirect("newsletter:issue_edit", pk=pk)


def _preview_topics(request) -> list[str]:
    chosen = [topic for topic in request.GET.getlist("themen") if topic in TOPIC_ORDER]
    return chosen or list(TOPIC_ORDER)


@office
def issue_preview(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_object_or_404(Issue, pk=pk)
    topics = _preview_topics(request)
    rendered = IssueRenderer(issue).render(
        sample_recipient(email=request.user.email, topics=topics)
    )
    return render(
        request,
        "newsletter/office/issue_preview.html",
        {
            "issue": issue,
            "topics": topics,
            "text": rendered[0] if rendered else "",
            "query": "&".join(f"themen={topic}" for topic in topics),
        },
    )


@office
@csp_replace({"style-src": ["'unsafe-inline'"]})  # mail HTML needs inline styles; no scripts
def issue_preview_html(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_object_or_404(Issue, pk=pk)
    rendered = IssueRenderer(issue).render(
        sample_recipient(email=request.user.email, topics=_preview_topics(request))
    )
    if rendered is None:
        return HttpResponse(
            _("None of the chosen topics has items in this issue."),
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponse(rendered[1])


@office
@require_POST
def issue_test(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_object_or_404(Issue, pk=pk)
    form = TestSendForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(str(error) for errors in form.errors.values() for error in errors)
        messages.error(request, _("The test could not be sent: %(errors)s") % {"errors": errors})
    elif services.issue_send_test(
        issue=issue, to=form.cleaned_data["email"], topics=form.cleaned_data["topics"]
    ):
        messages.success(
            request, _("A test has been sent to %(email)s.") % {"email": form.cleaned_data["email"]}
        )
    else:
        messages.error(request, _("None of the chosen topics has items in this issue."))
    return redirect("newsletter:issue_edit", pk=pk)


@office
def issue_send(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_object_or_404(Issue, pk=pk)
    if issue.state != IssueState.DRAFT:
        return redirect("newsletter:issue_status", pk=pk)
    recipients = services.recipients_of(issue).count()
    if request.method == "POST":
        if not recipients:
            messages.error(
                request, _("Nobody would receive this issue. Please include some items.")
            )
            return redirect("newsletter:issue_edit", pk=pk)
        count = services.issue_send(issue=issue, by=request.user)
        messages.success(
            request, _("The issue is being sent to %(count)s subscribers.") % {"count": count}
        )
        return redirect("newsletter:issue_status", pk=pk)
    return render(
        request,
        "newsletter/office/issue_send.html",
        {
            "issue": issue,
            "recipients": recipients,
            "confirmed": Subscriber.objects.confirmed().count(),
            "included": issue.items.filter(included=True).count(),
        },
    )


@office
def issue_status(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_object_or_404(Issue, pk=pk)
    context = {"issue": issue, "progress": selectors.issue_progress(issue)}
    if request.headers.get("HX-Request"):
        return render(request, "newsletter/office/_progress.html", context)
    context["failures"] = selectors.issue_failures(issue)
    return render(request, "newsletter/office/issue_status.html", context)


@office
def subscriber_list(request: HttpRequest) -> HttpResponse:
    form = SubscriberSearchForm(request.GET or None)
    subscribers = Subscriber.objects.order_by("email")
    if form.is_valid() and form.cleaned_data["q"]:
        subscribers = subscribers.filter(email__icontains=form.cleaned_data["q"].strip())
    state = request.GET.get("status")
    if state in SubscriberState.values:
        subscribers = subscribers.filter(state=state)
    page = Paginator(subscribers, 50).get_page(request.GET.get("seite"))
    return render(
        request,
        "newsletter/office/subscriber_list.html",
        {
            "form": form,
            "page": page,
            "state": state,
            "states": SubscriberState.choices,
            "counts": selectors.subscriber_counts(),
        },
    )


@office
def subscriber_detail(request: HttpRequest, pk: int) -> HttpResponse:
    subscriber = get_object_or_404(Subscriber, pk=pk)
    consents = subscriber.consents.select_related("text").order_by("at", "pk")
    received = subscriber.outbox.select_related("issue").order_by("-issue__send_started_at")
    return render(
        request,
        "newsletter/office/subscriber_detail.html",
        {"subscriber": subscriber, "consents": consents, "received": received},
    )


@office
def consent_texts(request: HttpRequest) -> HttpResponse:
    current = services.current_consent_text()
    form = ConsentTextForm(request.POST or None, initial={"text": current.text})
    if request.method == "POST" and form.is_valid():
        text = services.consent_text_publish(text=form.cleaned_data["text"], by=request.user)
        messages.success(
            request,
            _("Version %(version)s of the consent is now shown.") % {"version": text.version},
        )
        return redirect("newsletter:consent_texts")
    versions = ConsentText.objects.select_related("created_by").order_by("-version")
    return render(
        request,
        "newsletter/office/consent_texts.html",
        {"form": form, "versions": versions, "current": current},
    )


@office
def figures(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletter/office/figures.html", selectors.figures())
