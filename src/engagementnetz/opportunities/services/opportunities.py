"""Writes on opportunities: create, change, state changes and freshness."""

import logging
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from engagementnetz.search.services import index_update

from .. import conf, mails
from ..models import Opportunity, OpportunityState

logger = logging.getLogger(__name__)

# Paths below /engagement/ that an opportunity's slug must not take.
RESERVED_SLUGS = {
    "finder",
    "nachbarschaftshilfe",
    "verwalten",
    "stunden",
    "interesse",
    "neu",
    "feed",
}


def unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:200] or "engagement"
    slug, number = base, 1
    taken = Opportunity.objects.exclude(pk=exclude_pk)
    while slug in RESERVED_SLUGS or taken.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def opportunity_save(*, form, by, organisation=None) -> Opportunity:
    """Create (with ``organisation``) or change an opportunity from its form.

    Saving counts as confirming that the opportunity is current.
    """
    opportunity: Opportunity = form.save(commit=False)
    now = timezone.now()
    if opportunity.pk is None:
        opportunity.organisation = organisation
        opportunity.created_by = by
        opportunity.published_at = now
        opportunity.slug = unique_slug(opportunity.title)
    opportunity.confirmed_at = now
    opportunity.freshness_reminder_sent_at = None
    opportunity.save()
    form.save_m2m()
    index_update(opportunity)
    return opportunity


@transaction.atomic
def opportunity_set_state(*, opportunity: Opportunity, state: str, by) -> Opportunity:
    """Mark as filled, or open it again (which also confirms it as current)."""
    if state not in (OpportunityState.OPEN, OpportunityState.FILLED):
        raise ValueError(f"An organisation cannot set the state {state!r}.")
    if state == OpportunityState.OPEN:
        if opportunity.end_date and opportunity.end_date < timezone.localdate():
            raise ValueError("The end date has passed; change it before opening again.")
        opportunity.confirmed_at = timezone.now()
        opportunity.freshness_reminder_sent_at = None
    opportunity.state = state
    opportunity.save(
        update_fields=["state", "confirmed_at", "freshness_reminder_sent_at", "updated_at"]
    )
    index_update(opportunity)
    return opportunity


@transaction.atomic
def opportunity_confirm_current(
    *, opportunity: Opportunity, end_date: date | None = None
) -> Opportunity:
    """„Noch aktuell“: restart the three months; optionally move the end date."""
    opportunity.confirmed_at = timezone.now()
    opportunity.freshness_reminder_sent_at = None
    if end_date is not None:
        opportunity.end_date = end_date
    if opportunity.state == OpportunityState.EXPIRED and (
        opportunity.end_date is None or opportunity.end_date >= timezone.localdate()
    ):
        opportunity.state = OpportunityState.OPEN
    opportunity.save(
        update_fields=[
            "confirmed_at",
            "freshness_reminder_sent_at",
            "end_date",
            "state",
            "updated_at",
        ]
    )
    index_update(opportunity)
    return opportunity


def opportunities_expire(*, today: date | None = None) -> int:
    """Expire what ended or has not been confirmed for three months; return how many."""
    today = today or timezone.localdate()
    count = 0
    for opportunity in Opportunity.objects.due_to_expire(today=today).select_related(
        "organisation"
    ):
        with transaction.atomic():
            opportunity.state = OpportunityState.EXPIRED
            opportunity.save(update_fields=["state", "updated_at"])
            index_update(opportunity)
        count += 1
    return count


def opportunities_remind_freshness(*, today: date | None = None) -> int:
    """A week before an opportunity expires, ask its contact whether it is still current."""
    today = today or timezone.localdate()
    warn = conf.freshness_warning_days()
    fresh_limit = timezone.now() - timedelta(days=conf.opportunity_fresh_days() - warn)
    due = (
        Opportunity.objects.filter(state=OpportunityState.OPEN, freshness_reminder_sent_at=None)
        .filter(Q(end_date__lte=today + timedelta(days=warn)) | Q(confirmed_at__lte=fresh_limit))
        .select_related("organisation")
    )
    count = 0
    for opportunity in due:
        try:
            mails.freshness_reminder(opportunity)
        except Exception:  # one failing address must not stop the others
            logger.exception("Freshness reminder for opportunity %s failed", opportunity.pk)
            continue
        Opportunity.objects.filter(pk=opportunity.pk).update(
            freshness_reminder_sent_at=timezone.now()
        )
        count += 1
    return count
