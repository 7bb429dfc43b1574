"""Writes on finder subscriptions („neue passende Angebote“ by e-mail, double opt-in)."""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from .. import conf, mails, tasks
from ..models import FinderSubscription

logger = logging.getLogger(__name__)


@transaction.atomic
def finder_subscribe(*, email: str, query: str) -> FinderSubscription:
    """Ask for the confirmation of a subscription; nothing is sent before it is confirmed."""
    email = email.strip().lower()
    subscription = FinderSubscription.objects.filter(
        email=email, query=query, confirmed_at=None
    ).first() or FinderSubscription(email=email, query=query)
    subscription.consent_at = timezone.now()
    subscription.save()
    transaction.on_commit(lambda: tasks.send_finder_confirmation_request.enqueue(subscription.pk))
    return subscription


@transaction.atomic
def finder_subscription_confirm(*, subscription: FinderSubscription) -> FinderSubscription:
    """Start the subscription; only opportunities published from now on are sent."""
    if subscription.confirmed_at is None:
        now = timezone.now()
        subscription.confirmed_at = now
        subscription.checked_until = now
        subscription.save(update_fields=["confirmed_at", "checked_until"])
    return subscription


@transaction.atomic
def finder_unsubscribe(*, subscription: FinderSubscription) -> None:
    subscription.delete()


def finder_send_digests(*, now: datetime | None = None) -> int:
    """Send each confirmed subscriber the new matches, at most once per interval."""
    from ..finder import rank
    from ..forms.finder import criteria_from_query

    now = now or timezone.now()
    interval_start = now - timedelta(days=conf.digest_interval_days())
    due = FinderSubscription.objects.exclude(confirmed_at=None).exclude(
        last_sent_at__gt=interval_start
    )
    sent = 0
    for subscription in due:
        criteria = criteria_from_query(subscription.query)
        matches = (
            rank(criteria, published_after=subscription.checked_until)
            if criteria is not None
            else []
        )
        update = {"checked_until": now}
        if matches:
            try:
                mails.finder_digest(subscription, matches)
            except Exception:  # one failing address must not stop the others
                logger.exception("Finder digest for subscription %s failed", subscription.pk)
                continue
            update["last_sent_at"] = now
            sent += 1
        FinderSubscription.objects.filter(pk=subscription.pk).update(**update)
    return sent


def finder_subscriptions_delete_unconfirmed(*, now: datetime | None = None) -> int:
    now = now or timezone.now()
    deleted, _ = FinderSubscription.objects.filter(
        confirmed_at=None, created_at__lt=now - timedelta(days=conf.unconfirmed_days())
    ).delete()
    return deleted
