"""Writing events and their dates."""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from engagementnetz.search.services import index_remove, index_update

from ..models import Event, EventState, Occurrence, RegistrationOption, RegistrationQuestion
from ..recurrence import HORIZON, is_open_ended, rule_starts

# Paths below /termine/ that are not events.
RESERVED_SLUGS = {"archiv", "monat", "verwaltung", "anmeldung", "meine-anmeldungen", "feed"}


def unique_slug(title: str, *, starts_at: datetime, exclude_pk: int | None = None) -> str:
    """A readable, unique address: the title, and the date if the title alone is taken."""
    base = slugify(title)[:180] or "termin"
    candidates = [base, f"{base}-{timezone.localtime(starts_at):%Y-%m-%d}"]
    taken = Event.objects.exclude(pk=exclude_pk)
    for candidate in candidates:
        if candidate not in RESERVED_SLUGS and not taken.filter(slug=candidate).exists():
            return candidate
    number = 2
    while taken.filter(slug=f"{candidates[1]}-{number}").exists():
        number += 1
    return f"{candidates[1]}-{number}"


@transaction.atomic
def event_save(*, form, by) -> Event:
    """Create or change an event from the organiser's form; keeps its dates in step.

    A new venue typed into the form is created for the event's organisation. When places were
    added, people on the waiting list move up.
    """
    from .registrations import waiting_list_promote

    event = form.save(commit=False)
    is_new = event.pk is None
    new_venue = getattr(form, "new_venue", None)
    if new_venue is not None:
        new_venue.organisation = event.organiser
        new_venue.save()
        event.venue = new_venue
    if is_new:
        event.created_by = by
    if not event.slug:
        event.slug = unique_slug(event.title, starts_at=event.starts_at)
    event.save()
    form.save_m2m()
    occurrences_sync(event=event)
    if event.registration_enabled and not is_new:
        waiting_list_promote(event=event)
    index_update(event)
    return event


@transaction.atomic
def event_change_state(*, event: Event, state: str, note: str, by=None) -> Event:
    """Cancel or postpone an event (or plan it again); everyone registered is told by mail."""
    from .registrations import notify_registrants

    changed = event.state != state or event.state_note != note
    event.state = state
    event.state_note = note
    event.save(update_fields=["state", "state_note", "updated_at"])
    if changed and state in (EventState.CANCELLED, EventState.POSTPONED):
        notify_registrants(event=event, kind=f"event_{state}")
    index_update(event)
    return event


@transaction.atomic
def event_delete(*, event: Event, by=None) -> None:
    """Delete an event with its dates and registrations (people registered are told first)."""
    from .registrations import notify_registrants

    if event.state != EventState.CANCELLED:
        notify_registrants(event=event, kind="event_cancelled", immediate=True)
    index_remove(event)
    event.delete()


def _duration(event: Event) -> timedelta | None:
    return event.ends_at - event.starts_at if event.ends_at else None


def _refresh_last_end(event: Event) -> None:
    if is_open_ended(event):
        last = None
    else:
        aggregate = event.occurrences.aggregate(end=Max("ends_at"), start=Max("starts_at"))
        candidates = [value for value in (aggregate["end"], aggregate["start"]) if value]
        last = max(candidates) if candidates else event.ends_at or event.starts_at
    if event.last_ends_at != last:
        event.last_ends_at = last
        Event.objects.filter(pk=event.pk).update(last_ends_at=last)


def occurrences_sync(*, event: Event, now: datetime | None = None) -> None:
    """Make the stored dates match the event's first date and recurrence.

    Dates changed one by one (cancelled, moved, with a note) keep their changes as long as the
    rule still gives their original start; added sessions are left alone.
    """
    now = now or timezone.now()
    horizon = max(now, event.starts_at) + HORIZON
    starts = rule_starts(event, until=horizon)
    duration = _duration(event)
    existing = {
        occurrence.original_start: occurrence
        for occurrence in event.occurrences.filter(original_start__isnull=False)
    }
    wanted = set(starts)
    stale = [occurrence.pk for start, occurrence in existing.items() if start not in wanted]
    if stale:
        Occurrence.objects.filter(pk__in=stale).delete()
    new = []
    for start in starts:
        end = start + duration if duration is not None else None
        occurrence = existing.get(start)
        if occurrence is None:
            new.append(Occurrence(event=event, starts_at=start, ends_at=end, original_start=start))
        elif not occurrence.is_modified and (
            occurrence.starts_at != start or occurrence.ends_at != end
        ):
            occurrence.starts_at, occurrence.ends_at = start, end
            occurrence.save(update_fields=["starts_at", "ends_at"])
    Occurrence.objects.bulk_create(new, batch_size=500)
    occurrences_until = horizon if is_open_ended(event) else None
    if event.occurrences_until != occurrences_until:
        event.occurrences_until = occurrences_until
        Event.objects.filter(pk=event.pk).update(occurrences_until=occurrences_until)
    _refresh_last_end(event)


def occurrences_extend_all(*, now: datetime | None = None) -> int:
    """Move the horizon of open-ended series on (daily job); returns how many were extended."""
    now = now or timezone.now()
    due = Event.objects.filter(occurrences_until__lt=now + HORIZON - timedelta(days=7))
    count = 0
    for event in due.iterator():
        with transaction.atomic():
            occurrences_sync(event=event, now=now)
        count += 1
    return count


@transaction.atomic
def occurrence_cancel(*, occurrence: Occurrence, note: str = "", by=None) -> Occurrence:
    """One date of a series does not take place; registrants are told."""
    from .registrations import notify_registrants

    occurrence.is_cancelled = True
    occurrence.note = note
    occurrence.save(update_fields=["is_cancelled", "note"])
    notify_registrants(event=occurrence.event, kind="date_cancelled", occurrence=occurrence)
    index_update(occurrence.event)
    return occurrence


@transaction.atomic
def occurrence_restore(*, occurrence: Occurrence, by=None) -> Occurrence:
    """A cancelled date takes place after all."""
    occurrence.is_cancelled = False
    occurrence.save(update_fields=["is_cancelled"])
    index_update(occurrence.event)
    return occurrence


@transaction.atomic
def occurrence_change(
    *,
    occurrence: Occurrence,
    starts_at: datetime,
    ends_at: datetime | None,
    note: str = "",
    by=None,
) -> Occurrence:
    """Move one date (or give it a note); registrants are told when the time changes."""
    from .registrations import notify_registrants

    moved = occurrence.starts_at != starts_at or occurrence.ends_at != ends_at
    occurrence.starts_at = starts_at
    occurrence.ends_at = ends_at
    occurrence.note = note
    if occurrence.original_start is not None:
        duration = _duration(occurrence.event)
        default_end = occurrence.original_start + duration if duration is not None else None
        occurrence.is_modified = bool(
            starts_at != occurrence.original_start or ends_at != default_end or note
        )
    occurrence.save(update_fields=["starts_at", "ends_at", "note", "is_modified"])
    _refresh_last_end(occurrence.event)
    if moved:
        notify_registrants(event=occurrence.event, kind="date_moved", occurrence=occurrence)
    index_update(occurrence.event)
    return occurrence


@transaction.atomic
def session_add(
    *, event: Event, starts_at: datetime, ends_at: datetime | None, note: str = "", by=None
) -> Occurrence:
    """Add a further date to an event, e.g. the second session of a course."""
    occurrence = Occurrence.objects.create(
        event=event, starts_at=starts_at, ends_at=ends_at, note=note, original_start=None
    )
    _refresh_last_end(event)
    index_update(event)
    return occurrence


@transaction.atomic
def session_remove(*, occurrence: Occurrence, by=None) -> None:
    """Remove an added date (dates of the recurrence are cancelled instead)."""
    if occurrence.original_start is not None:
        raise ValueError("Dates of the recurrence are cancelled, not removed.")
    event = occurrence.event
    occurrence.delete()
    _refresh_last_end(event)
    index_update(event)


@transaction.atomic
def question_save(*, form, event: Event) -> RegistrationQuestion:
    """Add or change a question of the registration form."""
    question = form.save(commit=False)
    question.event = event
    if question.pk is None:
        last = event.questions.aggregate(m=Max("position"))["m"]
        question.position = (last or 0) + 1
    question.save()
    return question


@transaction.atomic
def question_delete(*, question: RegistrationQuestion) -> None:
    question.delete()


@transaction.atomic
def option_save(*, form, question: RegistrationQuestion) -> RegistrationOption:
    """Add or change an option of a choice question, e.g. a theme table with its places."""
    from .registrations import waiting_list_promote

    option = form.save(commit=False)
    option.question = question
    option.event_id = question.event_id
    if option.pk is None:
        last = question.options.aggregate(m=Max("position"))["m"]
        option.position = (last or 0) + 1
    option.save()
    waiting_list_promote(event=question.event)
    return option


@transaction.atomic
def option_delete(*, option: RegistrationOption) -> None:
    option.delete()
