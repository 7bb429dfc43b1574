"""Reads for the calendar, the month view, the detail page and the organisers' pages."""

import calendar as calendar_module
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils import timezone

from engagementnetz.organisations.models import Organisation

from .forms import CalendarFilterForm
from .ics import exceptional_occurrences_queryset
from .models import (
    Event,
    Occurrence,
    Registration,
    RegistrationOption,
    RegistrationStatus,
)
from .recurrence import local_zone, make_local

MONTH_VIEW_PER_DAY = 4
FEED_PAST = timedelta(days=30)
FEED_AHEAD = timedelta(days=548)  # about 18 months


def organisers_with_events() -> QuerySet:
    """Organisations that have public events (for the organiser filter), by name.

    Rows with ``slug`` and ``name`` (no model instances: the filter lists hundreds).
    """
    return (
        Organisation.objects.public()
        .filter(events__is_published=True)
        .distinct()
        .order_by("name")
        .values_list("slug", "name", named=True)
    )


def filtered_occurrences(form: CalendarFilterForm, *, today: date) -> QuerySet:
    """Public dates matching the filter form (valid or not: invalid filters are ignored)."""
    data = form.cleaned_data if hasattr(form, "cleaned_data") else {}
    occurrences = Occurrence.objects.public()
    kind = form.fixed_kind or data.get("art")
    if kind:
        occurrences = occurrences.filter(event__kind=kind)
    events = Event.objects.all()
    narrowed = False
    if data.get("bereich"):
        events, narrowed = events.filter(fields__slug=data["bereich"]), True
    if data.get("zielgruppe"):
        events, narrowed = events.filter(target_groups__slug=data["zielgruppe"]), True
    if narrowed:
        occurrences = occurrences.filter(event__in=events.values("pk"))
    if data.get("stadtteil"):
        occurrences = occurrences.filter(event__venue__district__slug=data["stadtteil"])
    if data.get("veranstalter"):
        occurrences = occurrences.filter(event__organiser__slug=data["veranstalter"])
    if data.get("kostenlos"):
        occurrences = occurrences.filter(event__is_free=True)
    if data.get("barrierefrei"):
        occurrences = occurrences.filter(event__venue__step_free=True)
    if data.get("q"):
        term = data["q"]
        occurrences = occurrences.filter(
            Q(event__title__icontains=term) | Q(event__short_description__icontains=term)
        )
    start, end = form.period(today)
    if start:
        occurrences = occurrences.filter(
            Q(ends_at__gte=start) | Q(ends_at__isnull=True, starts_at__gte=start)
        )
    if end:
        occurrences = occurrences.filter(starts_at__lt=end)
    return occurrences


def calendar_occurrences(form: CalendarFilterForm, *, now: datetime) -> QuerySet:
    today = timezone.localtime(now).date()
    return (
        filtered_occurrences(form, today=today)
        .upcoming(now)
        .with_event()
        .order_by("starts_at", "event__title", "pk")
    )


def archive_occurrences(form: CalendarFilterForm, *, now: datetime) -> QuerySet:
    today = timezone.localtime(now).date()
    return (
        filtered_occurrences(form, today=today)
        .past(now)
        .with_event()
        .order_by("-starts_at", "event__title", "pk")
    )


@dataclass
class Day:
    date: date
    in_month: bool
    occurrences: list = field(default_factory=list)
    total: int = 0

    @property
    def more(self) -> int:
        return self.total - len(self.occurrences)


def _local_day_number(first: date, last: date) -> Case:
    """The day of the month of ``starts_at`` in local time, by comparisons with midnights.

    Plain comparisons instead of ``TruncDate``, which SQLite computes in Python for each row
    (the month view partitions thousands of dates by day).
    """
    midnights = [
        make_local(datetime.combine(first + timedelta(days=offset), time()))
        for offset in range(1, (last - first).days + 1)
    ]
    return Case(
        *(When(starts_at__lt=moment, then=Value(day)) for day, moment in enumerate(midnights, 1)),
        default=Value(len(midnights) + 1),
        output_field=IntegerField(),
    )


def month_weeks(form: CalendarFilterForm, *, year: int, month: int, now: datetime) -> list:
    """The weeks (Monday to Sunday) of a month, each day with its first few dates and total."""
    first = date(year, month, 1)
    last = date(year, month, calendar_module.monthrange(year, month)[1])
    start = make_local(datetime.combine(first, time()))
    end = make_local(datetime.combine(last + timedelta(days=1), time()))
    zone = local_zone()
    rows = (
        filtered_occurrences(form, today=timezone.localtime(now).date())
        .filter(starts_at__gte=start, starts_at__lt=end)
        .annotate(day=_local_day_number(first, last))
        .annotate(
            row=Window(RowNumber(), partition_by=[F("day")], order_by=[F("starts_at").asc()]),
            day_total=Window(Count("pk"), partition_by=[F("day")]),
        )
        .filter(row__lte=MONTH_VIEW_PER_DAY)
        .select_related("event")
        # Only what the table shows: every column is carried through the window's sorts.
        .only(
            "starts_at",
            "is_cancelled",
            "event__title",
            "event__slug",
            "event__all_day",
            "event__state",
        )
        .order_by("starts_at", "pk")
    )
    by_day: dict[date, Day] = {}
    for occurrence in rows:
        local_day = timezone.localtime(occurrence.starts_at, zone).date()
        day = by_day.setdefault(local_day, Day(date=local_day, in_month=True))
        day.occurrences.append(occurrence)
        day.total = occurrence.day_total
    weeks = []
    for week in calendar_module.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [
                by_day.get(d) or Day(date=d, in_month=d.month == month)
                if d.month == month
                else Day(date=d, in_month=False)
                for d in week
            ]
        )
    return weeks


def public_event(slug: str) -> Event:
    """An event for its detail page with everything the page shows, in few queries."""
    return (
        Event.objects.public()
        .select_related("organiser", "venue", "venue__district")
        .prefetch_related("fields", "target_groups")
        .get(slug=slug)
    )


def event_dates(event: Event, *, now: datetime, limit: int = 12) -> tuple[list, int]:
    """The next dates of an event (cancelled ones included, marked) and how many follow."""
    upcoming = event.occurrences.all().upcoming(now).order_by("starts_at")
    dates = list(upcoming[: limit + 1])
    more = 0
    if len(dates) > limit:
        more = upcoming.count() - limit
        dates = dates[:limit]
    return dates, more


def places(event: Event) -> dict:
    """Free places of the event and of each limited option, for the detail page and the form."""
    if not event.registration_enabled:
        return {"free": None, "options": {}}
    taken = (
        Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).aggregate(
            n=Sum("persons")
        )["n"]
        or 0
    )
    free = max(event.capacity - taken, 0) if event.capacity is not None else None
    options = {}
    limited = RegistrationOption.objects.filter(event=event, capacity__isnull=False).annotate(
        taken=Sum(
            "answers__registration__persons",
            filter=Q(answers__registration__status=RegistrationStatus.CONFIRMED),
        )
    )
    for option in limited:
        left = option.capacity - (option.taken or 0)
        options[option.pk] = left if left > 0 else "full"
    return {"free": free, "options": options}


def events_for_feed(
    *,
    kind: str = "",
    organisation: str = "",
    field_slug: str = "",
    include_past: bool = False,
    now=None,
):
    """Public events for the ICS feed, in a window around today.

    The feed holds the events with a date from 30 days ago (``FEED_PAST``) up to 18 months
    ahead (``FEED_AHEAD``): a series that started earlier is in it while it still has dates,
    an event whose first date lies further ahead joins it later. ``include_past`` (the
    download of one event) drops the window.
    """
    now = now or timezone.now()
    events = Event.objects.public()
    if not include_past:
        events = events.filter(
            Q(last_ends_at__isnull=True) | Q(last_ends_at__gte=now - FEED_PAST),
            starts_at__lt=now + FEED_AHEAD,
        )
    events = (
        events.select_related("venue", "organiser")
        .prefetch_related(
            Prefetch(
                "occurrences", queryset=exceptional_occurrences_queryset(), to_attr="ics_exceptions"
            )
        )
        .order_by("starts_at", "pk")
    )
    if kind:
        events = events.filter(kind=kind)
    if organisation:
        events = events.filter(organiser__slug=organisation)
    if field_slug:
        events = events.filter(pk__in=Event.objects.filter(fields__slug=field_slug).values("pk"))
    return events


def editable_events(user, *, include_past: bool = False, now=None) -> QuerySet:
    """Events the person may manage, with the figures shown in the list."""
    now = now or timezone.now()
    events = (
        Event.objects.editable_by(user)
        .select_related("organiser")
        .annotate(
            confirmed=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
            ),
            waiting=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)
            ),
        )
        .order_by("starts_at", "pk")
    )
    if not include_past:
        events = events.filter(Q(last_ends_at__isnull=True) | Q(last_ends_at__gte=now))
    return events


def registrations_of(event: Event, *, status: str = "") -> QuerySet:
    registrations = (
        Registration.objects.filter(event=event)
        .select_related("user")
        .prefetch_related("answers__option", "answers__question")
        .order_by("status", "queued_at", "created_at", "pk")
    )
    if status:
        registrations = registrations.filter(status=status)
    return registrations


def upcoming_for_organisation(organisation: Organisation, *, now=None, limit: int = 5) -> list:
    now = now or timezone.now()
    return list(
        Occurrence.objects.public()
        .filter(event__organiser=organisation, is_cancelled=False)
        .upcoming(now)
        .with_event()
        .order_by("starts_at")[:limit]
    )


def next_public_dates(*, now=None, limit: int = 4) -> list:
    now = now or timezone.now()
    return list(
        Occurrence.objects.public()
        .filter(is_cancelled=False)
        .upcoming(now)
        .with_event()
        .order_by("starts_at")[:limit]
    )
