"""Writes on interests („Ich möchte mitmachen“): submit, confirm, handle, remind, delete."""

import logging
from collections import defaultdict
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from .. import conf, mails, tasks
from ..models import Interest, InterestState, Opportunity
from ..models.choices import HANDLED_INTEREST_STATES

logger = logging.getLogger(__name__)


class InterestNotPossible(Exception):
    """The opportunity takes no interests (any more)."""


def _has_verified_email(user, email: str) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


@transaction.atomic
def interest_submit(
    *,
    opportunity: Opportunity,
    name: str,
    email: str,
    phone: str = "",
    message: str = "",
    user=None,
) -> Interest:
    """Record an interest; it reaches the organisation once the e-mail address is confirmed.

    People logged in with this (verified) address need no confirmation link.
    """
    if not opportunity.is_public:
        raise InterestNotPossible
    email = email.strip().lower()
    interest = Interest.objects.filter(
        opportunity=opportunity, email=email, state=InterestState.UNCONFIRMED
    ).first() or Interest(opportunity=opportunity, email=email)
    interest.name = name.strip()
    interest.phone = phone.strip()
    interest.message = message.strip()
    interest.consent_at = timezone.now()
    interest.user = user if user is not None and user.is_authenticated else None
    interest.save()
    if _has_verified_email(user, email):
        return interest_confirm(interest=interest)
    transaction.on_commit(lambda: tasks.send_interest_confirmation_request.enqueue(interest.pk))
    return interest


@transaction.atomic
def interest_confirm(*, interest: Interest) -> Interest:
    """The address is confirmed: the organisation gets the message, the person a confirmation.

    Confirming twice changes nothing and sends nothing.
    """
    interest = Interest.objects.select_for_update().get(pk=interest.pk)
    if interest.state != InterestState.UNCONFIRMED:
        return interest
    now = timezone.now()
    interest.state = InterestState.NEW
    interest.confirmed_at = now
    interest.state_changed_at = now
    interest.save(update_fields=["state", "confirmed_at", "state_changed_at"])
    transaction.on_commit(lambda: tasks.send_interest_confirmed_mails.enqueue(interest.pk))
    return interest


@transaction.atomic
def interest_set_state(*, interest: Interest, state: str, by, decline_note: str = "") -> Interest:
    """The organisation marks an interest; declining sends the person a friendly mail."""
    if state not in HANDLED_INTEREST_STATES or not interest.is_confirmed:
        raise ValueError(f"Cannot set state {state!r} on interest {interest.pk}.")
    if state == interest.state:
        return interest
    interest.state = state
    interest.state_changed_at = timezone.now()
    interest.state_changed_by = by
    interest.decline_note = decline_note.strip() if state == InterestState.DECLINED else ""
    interest.save(update_fields=["state", "state_changed_at", "state_changed_by", "decline_note"])
    if state == InterestState.DECLINED:
        transaction.on_commit(lambda: tasks.send_interest_declined_mail.enqueue(interest.pk))
    return interest


def interests_remind_organisations(*, now: datetime | None = None) -> int:
    """One reminder per opportunity for interests without reaction for a week."""
    now = now or timezone.now()
    before = now - timedelta(days=conf.interest_reminder_days())
    due = (
        Interest.objects.unanswered(before=before)
        .filter(reminder_sent_at=None)
        .select_related("opportunity__organisation")
        .order_by("confirmed_at")
    )
    by_opportunity: dict[int, list[Interest]] = defaultdict(list)
    for interest in due:
        by_opportunity[interest.opportunity_id].append(interest)
    count = 0
    for interests in by_opportunity.values():
        try:
            mails.interest_reminder(interests[0].opportunity, interests)
        except Exception:  # one failing address must not stop the others
            logger.exception("Interest reminder for %s failed", interests[0].opportunity_id)
            continue
        Interest.objects.filter(pk__in=[i.pk for i in interests]).update(reminder_sent_at=now)
        count += len(interests)
    return count


def interests_delete_stale(*, now: datetime | None = None) -> int:
    """Unconfirmed interests go after a week, all others a year after their last change."""
    now = now or timezone.now()
    unconfirmed, _ = Interest.objects.filter(
        state=InterestState.UNCONFIRMED,
        created_at__lt=now - timedelta(days=conf.unconfirmed_days()),
    ).delete()
    old, _ = (
        Interest.objects.exclude(state=InterestState.UNCONFIRMED)
        .filter(state_changed_at__lt=now - timedelta(days=conf.interest_retention_days()))
        .delete()
    )
    return unconfirmed + old
