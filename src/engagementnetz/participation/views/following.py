"""Following, confirming by e-mail link, and the one-click unsubscribe."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .. import selectors, services
from ..forms import FollowForm
from ..models import Follow, Measure
from ..tokens import read_confirm_token, read_unsubscribe_token
from ._helpers import process_or_404, within_rate_limit


def _follow(request: HttpRequest, target) -> HttpResponse:
    # A logged-in person's form has no fields, so an empty POST must still count as sent.
    form = FollowForm(request.POST if request.method == "POST" else None, user=request.user)
    status = 200
    if request.method == "POST" and form.is_valid():
        if form.is_spam:
            return redirect(target.get_absolute_url())
        if within_rate_limit(request, form, "follow"):
            follow = services.follow_start(
                target=target, user=request.user, email=form.cleaned_data.get("email", "")
            )
            if follow.confirmed_at:
                messages.success(
                    request,
                    _(
                        "You follow “%(title)s”. You get at most one e-mail a day when "
                        "something changed."
                    )
                    % {"title": target.title},
                )
            else:
                messages.success(
                    request,
                    _(
                        "We have sent an e-mail to %(email)s. Please confirm with the link in "
                        "it that you want to follow “%(title)s”."
                    )
                    % {"email": follow.email, "title": target.title},
                )
            return redirect(target.get_absolute_url())
        status = 429
    context = {
        "target": target,
        "form": form,
        "is_following": selectors.is_following(target, request.user),
    }
    return render(request, "participation/follow_form.html", context, status=status)


def follow_process(request: HttpRequest, slug: str) -> HttpResponse:
    return _follow(request, process_or_404(request, slug))


def follow_measure(request: HttpRequest, slug: str) -> HttpResponse:
    return _follow(request, get_object_or_404(Measure.objects.public(), slug=slug))


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the confirmation mail: a page with one button (links are opened by scanners)."""
    items = read_confirm_token(token)
    if items is None:
        return render(request, "participation/confirm_invalid.html", status=400)
    if request.method == "POST":
        confirmed = services.confirmations_apply(items=items)
        return render(request, "participation/confirm_done.html", {"confirmed": confirmed})
    return render(request, "participation/confirm.html", {"token": token, "count": len(items)})


@csrf_exempt  # mail programs send the one-click POST (RFC 8058) without a form token
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    data = read_unsubscribe_token(token)
    if data is None:
        return render(request, "participation/unsubscribe_invalid.html", status=400)
    email, follow_id = data
    follows = Follow.objects.filter(email=email).select_related("process", "measure")
    if follow_id is not None:
        follows = follows.filter(pk=follow_id)
    follows = list(follows)
    if request.method == "POST":
        services.follows_end(email=email, follow_id=follow_id)
        return render(request, "participation/unsubscribe_done.html", {"follows": follows})
    return render(request, "participation/unsubscribe.html", {"follows": follows, "token": token})
