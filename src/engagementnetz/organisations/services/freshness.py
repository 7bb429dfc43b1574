"""Keeping the directory current: reminders after six months, the queue after twelve."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from .. import mails
from ..models import Organisation

logger = logging.getLogger(__name__)

REMINDER_AFTER = timedelta(days=getattr(settings, "ORGANISATION_REVIEW_REMINDER_DAYS", 182))
STALE_AFTER = timedelta(days=getattr(settings, "ORGANISATION_STALE_DAYS", 365))


def with_last_review(queryset):
    return queryset.annotate(last_review=Coalesce("reviewed_at", "verified_at", "created_at"))


def due_for_reminder(*, now=None):
    """Public entries not confirmed for six months whose admins were not reminded since."""
    now = now or timezone.now()
    return (
        with_last_review(Organisation.objects.public())
        .filter(last_review__lt=now - REMINDER_AFTER)
        .filter(
            Q(review_reminder_sent_at__isnull=True)
            | Q(review_reminder_sent_at__lt=F("last_review"))
        )
    )


def stale_entries(*, now=None):
    """Public entries not confirmed for twelve months: flagged in the network office's queue."""
    now = now or timezone.now()
    return (
        with_last_review(Organisation.objects.public())
        .filter(last_review__lt=now - STALE_AFTER)
        .order_by("last_review")
    )


def review_reminders_send(*, now=None) -> int:
    """Mail the admins of every entry due for a reminder; returns how many entries."""
    now = now or timezone.now()
    count = 0
    for organisation in due_for_reminder(now=now):
        try:
            mails.send_organisation_mail("review_reminder", organisation)
        except Exception:  # one unreachable mail server must not stop the others
            logger.exception("Review reminder for organisation %s failed", organisation.pk)
            continue
        Organisation.objects.filter(pk=organisation.pk).update(review_reminder_sent_at=now)
        count += 1
    return count
