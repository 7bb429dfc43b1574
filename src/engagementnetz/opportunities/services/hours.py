"""Writes on volunteer hours: log, delete, confirm, reject."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ..models import HoursEntry, HoursState


class HoursAlreadyDecided(Exception):
    """The organisation has already confirmed or rejected the entry."""


@transaction.atomic
def hours_log(*, form, user) -> HoursEntry:
    """Record hours a person volunteered; they wait for the organisation's confirmation."""
    entry: HoursEntry = form.save(commit=False)
    entry.user = user
    entry.state = HoursState.SUBMITTED
    entry.hours = Decimal(entry.hours).quantize(Decimal("0.1"))
    entry.save()
    return entry


@transaction.atomic
def hours_delete(*, entry: HoursEntry) -> None:
    """People may withdraw their own entries as long as nobody has decided on them."""
    if entry.state != HoursState.SUBMITTED:
        raise HoursAlreadyDecided
    entry.delete()


@transaction.atomic
def hours_decide(*, entry: HoursEntry, confirm: bool, by, reason: str = "") -> HoursEntry:
    """The organisation confirms the hours, or rejects them with a reason."""
    entry = HoursEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.state != HoursState.SUBMITTED:
        raise HoursAlreadyDecided
    entry.state = HoursState.CONFIRMED if confirm else HoursState.REJECTED
    entry.rejection_reason = "" if confirm else reason.strip()
    entry.decided_at = timezone.now()
    entry.decided_by = by
    entry.save(update_fields=["state", "rejection_reason", "decided_at", "decided_by"])
    return entry
