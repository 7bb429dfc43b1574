"""Registrations: sign-up, double opt-in, places and the waiting list, cancellation, attendance.

Capacity is kept under concurrency by taking the event's row lock before counting: on
PostgreSQL ``select_for_update`` inside the transaction; on SQLite every transaction begins
IMMEDIATE (see settings), which takes the database's write lock at BEGIN. Either way two
sign-ups for the same event are decided one after the other, never side by side.
"""

from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Min, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import mails, tasks
from ..models import (
    Event,
    EventState,
    Occurrence,
    QuestionKind,
    RegistrantMessage,
    Registration,
    RegistrationAnswer,
    RegistrationOption,
    RegistrationStatus,
)

PENDING_EXPIRY = timedelta(days=7)


class RegistrationError(Exception):
    """A sign-up that cannot be taken; ``message`` is meant for the person."""

    message = _("The registration could not be saved.")

    def __init__(self, message=None, *, registration: Registration | None = None):
        if message is not None:
            self.message = message
        self.registration = registration
        super().__init__(str(self.message))


class RegistrationClosed(RegistrationError):
    message = _("Registration for this event is not open.")


class AlreadyRegistered(RegistrationError):
    message = _("This e-mail address is already registered for this event.")


class EventFull(RegistrationError):
    message = _("Unfortunately the event is fully booked.")


def _send_later(registration_id: int, kind: str, **extra) -> None:
    transaction.on_commit(
        partial(tasks.send_registration_mail.enqueue, registration_id, kind, **extra)
    )


def registration_create(
    *,
    event: Event,
    name: str,
    email: str,
    persons: int = 1,
    answers: dict[int, str] | None = None,
    consent: bool = False,
    user=None,
    now: datetime | None = None,
) -> Registration:
    """Take a sign-up. With an account whose address it is, it is decided at once (place or
    waiting list); otherwise the person first confirms the address by the link in a mail.

    ``answers`` maps question ids to the typed text, "1"/"" for yes/no questions, or the id of
    the chosen option for choice questions.
    """
    now = now or timezone.now()
    email = email.strip().lower()
    if not event.registration_is_open(now):
        raise RegistrationClosed
    if event.consent_text and not consent:
        raise RegistrationError(_("Please agree to the conditions of participation."))
    persons = max(1, min(int(persons or 1), event.max_persons_per_registration or 1))
    existing = Registration.objects.active().filter(event=event, email=email).first()
    if existing is not None:
        raise AlreadyRegistered(registration=existing)
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                event=event,
                user=user if getattr(user, "is_authenticated", False) else None,
                name=name.strip(),
                email=email,
                persons=persons,
                consent_given_at=now if consent else None,
            )
            _save_answers(registration, answers or {})
    except IntegrityError as exc:  # the same address at the same instant
        existing = Registration.objects.active().filter(event=event, email=email).first()
        raise AlreadyRegistered(registration=existing) from exc
    account_email = (getattr(user, "email", "") or "").lower()
    if registration.user_id and account_email == email:
        return registration_confirm_email(registration=registration, now=now)
    _send_later(registration.pk, "confirm_email")
    return registration


def _save_answers(registration: Registration, answers: dict[int, str]) -> None:
    questions = {q.pk: q for q in registration.event.questions.prefetch_related("options")}
    rows = []
    for question_id, value in answers.items():
        question = questions.get(int(question_id))
        if question is None or value in (None, ""):
            continue
        if question.kind == QuestionKind.CHOICE:
            option = next((o for o in question.options.all() if str(o.pk) == str(value)), None)
            if option is not None:
                rows.append(
                    RegistrationAnswer(registration=registration, question=question, option=option)
                )
        elif question.kind == QuestionKind.CHECKBOX:
            rows.append(
                RegistrationAnswer(
                    registration=registration, question=question, value="1" if value else ""
                )
            )
        else:
            rows.append(
                RegistrationAnswer(registration=registration, question=question, value=str(value))
            )
    RegistrationAnswer.objects.bulk_create(rows)


def _confirmed_persons(event: Event) -> int:
    return (
        Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).aggregate(
            n=Sum("persons")
        )["n"]
        or 0
    )


def _option_persons(option: RegistrationOption) -> int:
    return (
        Registration.objects.filter(
            status=RegistrationStatus.CONFIRMED, answers__option=option
        ).aggregate(n=Sum("persons"))["n"]
        or 0
    )


def _locked_options(registration: Registration) -> list[RegistrationOption]:
    ids = list(
        RegistrationAnswer.objects.filter(
            registration=registration, option__capacity__isnull=False
        ).values_list("option_id", flat=True)
    )
    return list(RegistrationOption.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


def _fits(event: Event, registration: Registration, options: list[RegistrationOption]) -> bool:
    if event.capacity is not None and _confirmed_persons(event) + registration.persons > (
        event.capacity
    ):
        return False
    return all(
        option.capacity is None or _option_persons(option) + registration.persons <= option.capacity
        for option in options
    )


def registration_confirm_email(
    *, registration: Registration, now: datetime | None = None
) -> Registration:
    """The person confirmed the address: give a place, or a place on the waiting list.

    Confirming twice changes nothing. Without a waiting list a full event turns the sign-up
    down (status withdrawn) and says so by mail.
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != RegistrationStatus.PENDING:
            return registration
        options = _locked_options(registration)
        registration.email_confirmed_at = now
        registration.queued_at = now
        if _fits(event, registration, options):
            registration.status = RegistrationStatus.CONFIRMED
            kind = "confirmed"
        elif event.waiting_list_enabled:
            registration.status = RegistrationStatus.WAITING
            kind = "waiting"
        else:
            registration.status = RegistrationStatus.CANCELLED
            registration.cancelled_at = now
            kind = "not_admitted"
        registration.save(
            update_fields=["status", "email_confirmed_at", "queued_at", "cancelled_at"]
        )
        _send_later(registration.pk, kind)
    return registration


def _promote(event: Event, now: datetime) -> list[Registration]:
    """Move people up from the waiting list while places are free (caller holds the lock)."""
    promoted = []
    for registration in Registration.objects.filter(event=event).waiting():
        if event.capacity is not None and _confirmed_persons(event) >= event.capacity:
            break
        if _fits(event, registration, _locked_options(registration)):
            registration.status = RegistrationStatus.CONFIRMED
            registration.promoted_at = now
            registration.save(update_fields=["status", "promoted_at"])
            _send_later(registration.pk, "promoted")
            promoted.append(registration)
    return promoted


def waiting_list_promote(*, event: Event, now: datetime | None = None) -> list[Registration]:
    """Give free places to the waiting list in its order; each person moved up gets a mail."""
    now = now or timezone.now()
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not event.registration_enabled or event.state == EventState.CANCELLED:
            return []
        return _promote(event, now)


def registration_cancel(
    *, registration: Registration, by_organiser: bool = False, now: datetime | None = None
) -> Registration:
    """Withdraw a registration; the first on the waiting list who fits moves up and is told."""
    now = now or timezone.now()
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.is_active:
            return registration
        had_place = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        _send_later(registration.pk, "removed" if by_organiser else "withdrawn")
        if had_place and event.state != EventState.CANCELLED:
            _promote(event, now)
    return registration


@transaction.atomic
def registration_set_attended(
    *, registration: Registration, attended: bool, now: datetime | None = None
) -> Registration:
    """Check a person in (or undo it). Only people with a place can have attended."""
    if registration.status != RegistrationStatus.CONFIRMED:
        raise RegistrationError(_("Only people with a confirmed place can be checked in."))
    registration.attended = attended
    registration.attended_at = (now or timezone.now()) if attended else None
    registration.save(update_fields=["attended", "attended_at"])
    return registration


def notify_registrants(
    *,
    event: Event,
    kind: str,
    occurrence: Occurrence | None = None,
    immediate: bool = False,
) -> int:
    """Tell everyone with a place or on the waiting list about a change of the event.

    ``immediate`` builds the mails now (for an event that is about to be deleted) and sends
    them once the transaction is committed.
    """
    recipients = Registration.objects.filter(
        event=event, status__in=(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)
    ).exclude(email="")
    if immediate:
        messages = [mails.build_registration_mail(r, kind) for r in recipients]
        transaction.on_commit(partial(mails.send_all, messages))
        return len(messages)
    count = 0
    for registration_id in recipients.values_list("pk", flat=True):
        extra = {"occurrence_id": occurrence.pk} if occurrence is not None else {}
        _send_later(registration_id, kind, **extra)
        count += 1
    return count


@transaction.atomic
def registrants_message(
    *, event: Event, subject: str, body: str, include_waiting: bool = False, by=None
) -> RegistrantMessage:
    """Write to everyone with a place (and, if chosen, the waiting list); kept as a record."""
    statuses = [RegistrationStatus.CONFIRMED]
    if include_waiting:
        statuses.append(RegistrationStatus.WAITING)
    ids = list(
        Registration.objects.filter(event=event, status__in=statuses)
        .exclude(email="")
        .values_list("pk", flat=True)
    )
    message = RegistrantMessage.objects.create(
        event=event,
        subject=subject,
        body=body,
        include_waiting=include_waiting,
        recipient_count=len(ids),
        sent_by=by,
    )
    for registration_id in ids:
        _send_later(registration_id, "message", message_id=message.pk)
    return message


def reminders_send(*, now: datetime | None = None) -> int:
    """Remind everyone with a place a day before the event's first date (once)."""
    now = now or timezone.now()
    events = (
        Event.objects.filter(registration_enabled=True)
        .exclude(state=EventState.CANCELLED)
        .annotate(
            first_start=Min("occurrences__starts_at", filter=Q(occurrences__is_cancelled=False))
        )
        .filter(first_start__gt=now, first_start__lte=now + timedelta(hours=24))
    )
    count = 0
    for event in events:
        with transaction.atomic():
            due = Registration.objects.select_for_update().filter(
                event=event,
                status=RegistrationStatus.CONFIRMED,
                reminder_sent_at__isnull=True,
                anonymised_at__isnull=True,
                queued_at__lte=event.first_start - timedelta(hours=24),
            )
            ids = list(due.values_list("pk", flat=True))
            Registration.objects.filter(pk__in=ids).update(reminder_sent_at=now)
            for registration_id in ids:
                _send_later(registration_id, "reminder")
            count += len(ids)
    return count


def _anonymise(queryset) -> int:
    ids = list(queryset.values_list("pk", flat=True))
    if not ids:
        return 0
    RegistrationAnswer.objects.filter(registration_id__in=ids, option__isnull=True).update(value="")
    return Registration.objects.filter(pk__in=ids).update(
        name="", email="", user=None, anonymised_at=timezone.now()
    )


@transaction.atomic
def registrations_erase_expired(*, now: datetime | None = None) -> int:
    """Delete the personal data of registrations a configured number of days after the event.

    Names, addresses and typed answers go; status, number of persons, chosen options and
    attendance stay, so the figures (e.g. 30 registrations, 28 attended) remain. Sign-ups
    never confirmed by mail are deleted after a week.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    Registration.objects.filter(
        status=RegistrationStatus.PENDING, created_at__lt=now - PENDING_EXPIRY
    ).delete()
    expired = Event.objects.filter(
        last_ends_at__lt=cutoff, registrations__anonymised_at__isnull=True
    )
    event_ids = list(expired.values_list("pk", flat=True).distinct())
    count = _anonymise(
        Registration.objects.filter(event_id__in=event_ids, anonymised_at__isnull=True)
    )
    Event.objects.filter(pk__in=event_ids).update(registrations_erased_at=now)
    return count


@transaction.atomic
def registrations_erase_for_person(*, user) -> None:
    """A person deletes their account: withdraw what is still open, anonymise everything."""
    mine = Registration.objects.filter(
        Q(user=user) | Q(email__iexact=user.email), anonymised_at__isnull=True
    )
    for registration in mine.filter(
        status__in=(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)
    ):
        event = registration.event
        if event.last_ends_at is None or event.last_ends_at > timezone.now():
            registration_cancel(registration=registration)
    mine.filter(status=RegistrationStatus.PENDING).delete()
    _anonymise(mine)


def registration_figures(*, event: Event) -> dict[str, int]:
    """Counts for organisers: registrations and persons with a place, waiting, withdrawn, attended."""
    from django.db.models import Count

    rows = (
        Registration.objects.filter(event=event)
        .values("status")
        .annotate(count=Count("pk"), persons=Sum("persons"))
    )
    by_status = {row["status"]: row for row in rows}

    def count(status):
        return by_status.get(status, {}).get("count", 0)

    def persons(status):
        return by_status.get(status, {}).get("persons", 0) or 0

    attended = Registration.objects.filter(
        event=event, status=RegistrationStatus.CONFIRMED, attended=True
    ).aggregate(count=Count("pk"), persons=Sum("persons"))
    return {
        "confirmed": count(RegistrationStatus.CONFIRMED),
        "confirmed_persons": persons(RegistrationStatus.CONFIRMED),
        "waiting": count(RegistrationStatus.WAITING),
        "waiting_persons": persons(RegistrationStatus.WAITING),
        "pending": count(RegistrationStatus.PENDING),
        "cancelled": count(RegistrationStatus.CANCELLED),
        "attended": attended["count"] or 0,
        "attended_persons": attended["persons"] or 0,
        "free": max(event.capacity - persons(RegistrationStatus.CONFIRMED), 0)
        if event.capacity is not None
        else None,
    }
