"""Writes on neighbourhood help: submit, confirm, moderate, relay messages, remove."""

from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from engagementnetz.search.services import index_remove, index_update

from .. import conf, tasks
from ..models import HelpContact, HelpPost, HelpState


class HelpPostNotPublic(Exception):
    """Messages can only be sent to published entries."""


@transaction.atomic
def help_post_submit(*, form, user=None) -> HelpPost:
    """Record an entry; after the e-mail confirmation the network office moderates it."""
    post: HelpPost = form.save(commit=False)
    post.email = post.email.strip().lower()
    post.consent_at = timezone.now()
    post.user = user if user is not None and user.is_authenticated else None
    post.save()
    verified = (
        post.user is not None
        and EmailAddress.objects.filter(
            user=post.user, email__iexact=post.email, verified=True
        ).exists()
    )
    if verified:
        return help_post_confirm(post=post)
    transaction.on_commit(lambda: tasks.send_help_confirmation_request.enqueue(post.pk))
    return post


@transaction.atomic
def help_post_confirm(*, post: HelpPost) -> HelpPost:
    if post.state == HelpState.UNCONFIRMED:
        post.state = HelpState.PENDING
        post.confirmed_at = timezone.now()
        post.save(update_fields=["state", "confirmed_at"])
    return post


@transaction.atomic
def help_post_moderate(*, post: HelpPost, approve: bool, by, reason: str = "") -> HelpPost:
    """Publish for the configured number of days, or reject with a reason; the poster is told."""
    if post.state != HelpState.PENDING:
        raise ValueError(f"Entry {post.pk} is not waiting for moderation.")
    now = timezone.now()
    post.moderated_at = now
    post.moderated_by = by
    if approve:
        post.state = HelpState.PUBLISHED
        post.published_at = now
        post.expires_at = now + timedelta(days=conf.neighbourhood_help_days())
        post.rejection_reason = ""
    else:
        post.state = HelpState.REJECTED
        post.rejection_reason = reason.strip()
    post.save()
    if approve:
        index_update(post)
    transaction.on_commit(lambda: tasks.send_help_moderation_result.enqueue(post.pk))
    return post


@transaction.atomic
def help_post_withdraw(*, post: HelpPost) -> None:
    """The poster takes the entry down; it is deleted with everything written to it."""
    index_remove(post)
    post.delete()


@transaction.atomic
def help_contact_send(*, post: HelpPost, name: str, email: str, message: str) -> HelpContact:
    """Relay a message to the poster without showing either address to the public."""
    if post.state != HelpState.PUBLISHED:
        raise HelpPostNotPublic
    contact = HelpContact.objects.create(
        post=post, name=name.strip(), email=email.strip().lower(), message=message.strip()
    )
    transaction.on_commit(lambda: tasks.send_help_contact.enqueue(contact.pk))
    return contact


def help_posts_remove_expired(*, now: datetime | None = None) -> int:
    """Remove entries past their time and old unconfirmed, unmoderated or rejected ones."""
    now = now or timezone.now()
    count = 0
    for post in HelpPost.objects.filter(state=HelpState.PUBLISHED, expires_at__lt=now):
        help_post_withdraw(post=post)
        count += 1
    help_days = timedelta(days=conf.neighbourhood_help_days())
    stale = (
        Q(state=HelpState.UNCONFIRMED, created_at__lt=now - timedelta(days=conf.unconfirmed_days()))
        # Help asked for a month ago is no help any more, moderated or not.
        | Q(state=HelpState.PENDING, created_at__lt=now - help_days)
        | Q(state=HelpState.REJECTED, moderated_at__lt=now - help_days)
    )
    deleted, _ = HelpPost.objects.filter(stale).delete()
    count += deleted
    deleted, _ = HelpContact.objects.filter(
        created_at__lt=now - timedelta(days=conf.contact_retention_days())
    ).delete()
    return count + deleted
