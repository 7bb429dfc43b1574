"""A contribution's page with its comments and the "Unterstützen" button."""

import rules
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagementnetz.core.page_cache import public_page

from .. import selectors, services
from ..forms import CommentForm, SupportForm
from ..models import Contribution
from ._helpers import process_or_404, within_rate_limit


def _contribution_or_404(request: HttpRequest, slug: str, pk: int) -> Contribution:
    process = process_or_404(request, slug)
    contributions = Contribution.objects.select_related("process", "table", "workshop")
    if not rules.test_rule("is_network_office", request.user):
        contributions = contributions.visible()
    return get_object_or_404(contributions, process=process, pk=pk)


def _render_detail(
    request, contribution, *, comment_form=None, support_form=None, status=200
) -> HttpResponse:
    context = {
        "process": contribution.process,
        "contribution": contribution,
        **selectors.contribution_page(contribution, user=request.user),
    }
    if context["timeline"].is_open and contribution.is_published:
        context["comment_form"] = comment_form or CommentForm(user=request.user, prefix="comment")
        context["support_form"] = support_form or SupportForm(user=request.user, prefix="support")
    return render(request, "participation/contribution_detail.html", context, status=status)


@public_page
def contribution_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _render_detail(request, _contribution_or_404(request, slug, pk))


@require_POST
def comment_create(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    contribution = _contribution_or_404(request, slug, pk)
    form = CommentForm(request.POST, user=request.user, prefix="comment")
    if not form.is_valid():
        return _render_detail(request, contribution, comment_form=form)
    if form.is_spam:
        messages.success(request, _("Thank you! Please confirm your comment by e-mail."))
        return redirect(contribution.get_absolute_url())
    if not within_rate_limit(request, form, "comment"):
        return _render_detail(request, contribution, comment_form=form, status=429)
    try:
        comment = services.comment_submit(
            contribution=contribution,
            text=form.cleaned_data["text"],
            author_name=form.cleaned_data["author_name"],
            user=request.user,
            email=form.cleaned_data.get("email", ""),
        )
    except services.ParticipationClosed:
        form.add_error(None, _("Comments are not possible at the moment."))
        return _render_detail(request, contribution, comment_form=form)
    if comment.moderation == "published":
        messages.success(request, _("Thank you! Your comment has been published."))
    elif comment.user_id:
        messages.success(
            request, _("Thank you! Your comment appears as soon as the network office has read it.")
        )
    else:
        messages.success(
            request,
            _(
                "Thank you! We have sent an e-mail to %(email)s. Please confirm your comment "
                "with the link in it."
            )
            % {"email": comment.email},
        )
    return redirect(contribution.get_absolute_url() + "#kommentare")


@require_POST
def support_create(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    contribution = _contribution_or_404(request, slug, pk)
    form = SupportForm(request.POST, user=request.user, prefix="support")
    if not form.is_valid():
        return _render_detail(request, contribution, support_form=form)
    if form.is_spam:
        return redirect(contribution.get_absolute_url())
    if not within_rate_limit(request, form, "support"):
        return _render_detail(request, contribution, support_form=form, status=429)
    try:
        support = services.support_add(
            contribution=contribution, user=request.user, email=form.cleaned_data.get("email", "")
        )
    except services.AlreadySupported:
        messages.info(request, _("You support this contribution already – thank you!"))
        return redirect(contribution.get_absolute_url())
    except services.ParticipationClosed:
        form.add_error(None, _("Supporting is not possible at the moment."))
        return _render_detail(request, contribution, support_form=form)
    if support.confirmed_at:
        messages.success(request, _("Thank you for your support!"))
    else:
        messages.success(
            request,
            _(
                "We have sent an e-mail to %(email)s. Your support counts as soon as you "
                "confirm it with the link in it."
            )
            % {"email": support.email},
        )
    return redirect(contribution.get_absolute_url())
