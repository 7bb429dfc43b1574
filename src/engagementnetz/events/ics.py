"""The ICS export (RFC 5545): one VEVENT per event with its RRULE, exceptions and sessions.

Recurring events are exported as a rule, not as single dates, so a subscribed calendar shows the
series as one. Cancelled dates become EXDATE, moved dates or dates with a note an override with
RECURRENCE-ID, added sessions RDATE periods. Times carry TZID=Europe/Berlin with a VTIMEZONE.
"""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone

from .models import Event, EventState, Occurrence, Recurrence
from .recurrence import WEEKDAY_CODES, local_zone, until_moment, week_of_month

PRODID = "-//Engagement-Netz//Termine//DE"


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{_host()}"


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment, local_zone())


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _rrule(event: Event) -> dict | None:
    if event.recurrence == Recurrence.NONE:
        return None
    start = _local(event.starts_at)
    rule: dict = {"freq": "WEEKLY" if event.recurrence == Recurrence.WEEKLY else "MONTHLY"}
    if (event.recurrence_interval or 1) > 1:
        rule["interval"] = event.recurrence_interval
    if event.recurrence == Recurrence.WEEKLY:
        rule["byday"] = event.weekday_codes or [WEEKDAY_CODES[start.weekday()]]
    else:
        position = event.recurrence_week_of_month or week_of_month(start.date())
        rule["byday"] = [f"{position}{WEEKDAY_CODES[start.weekday()]}"]
    if event.recurrence_until:
        rule["until"] = (
            event.recurrence_until if event.all_day else _utc(until_moment(event.recurrence_until))
        )
    elif event.recurrence_count:
        rule["count"] = event.recurrence_count
    return rule


def _when(event: Event, moment: datetime):
    return _local(moment).date() if event.all_day else _local(moment)


def _describe(event: Event, url: str) -> str:
    parts = [event.short_description]
    if event.state != EventState.PLANNED and event.state_note:
        parts.append(event.state_note)
    if event.cost and not event.is_free:
        parts.append(event.cost)
    parts.append(url)
    return "\n\n".join(part for part in parts if part)


def _base(event: Event, url: str) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", timezone.now().astimezone(UTC))
    component.add("last-modified", _utc(event.updated_at))
    component.add("summary", event.title)
    component.add("description", _describe(event, url))
    component.add("url", url)
    component.add(
        "status",
        {
            EventState.CANCELLED: "CANCELLED",
            EventState.POSTPONED: "TENTATIVE",
        }.get(event.state, "CONFIRMED"),
    )
    component.add("categories", [str(event.get_kind_display())])
    if event.venue_id:
        venue = event.venue
        component.add("location", ", ".join(p for p in (venue.name, venue.address) if p))
        if venue.latitude is not None and venue.longitude is not None:
            component.add("geo", (float(venue.latitude), float(venue.longitude)))
    elif event.online_url:
        component.add("location", event.online_url)
    if event.contact_email:
        organizer = icalendar.vCalAddress(f"mailto:{event.contact_email}")
        organizer.params["cn"] = event.contact_name or event.organiser_name
        component.add("organizer", organizer)
    return component


def event_components(event: Event, exceptions: list[Occurrence]) -> list[icalendar.Event]:
    """The VEVENT of the series and one override per moved or annotated date.

    ``exceptions`` are the event's dates that differ from the plain rule: cancelled, modified
    or added sessions (see :func:`exceptional_occurrences`).
    """
    url = f"{settings.SITE_URL}{event.get_absolute_url()}"
    main = _base(event, url)
    main.add("dtstart", _when(event, event.starts_at))
    if event.ends_at:
        main.add("dtend", _when(event, event.ends_at))
    rule = _rrule(event)
    if rule:
        main.add("rrule", rule)
    exdates, rdates, overrides = [], [], []
    for occurrence in exceptions:
        if occurrence.original_start is None:
            if occurrence.is_cancelled:
                continue
            if event.all_day:
                rdates.append(_local(occurrence.starts_at).date())
            elif occurrence.ends_at:
                rdates.append((_utc(occurrence.starts_at), _utc(occurrence.ends_at)))
            else:
                rdates.append(_utc(occurrence.starts_at))
        elif occurrence.is_cancelled:
            exdates.append(_when(event, occurrence.original_start))
        elif occurrence.is_modified:
            override = _base(event, url)
            override.add("recurrence-id", _when(event, occurrence.original_start))
            override.add("dtstart", _when(event, occurrence.starts_at))
            if occurrence.ends_at:
                override.add("dtend", _when(event, occurrence.ends_at))
            if occurrence.note:
                override["description"] = icalendar.vText(
                    f"{occurrence.note}\n\n{_describe(event, url)}"
                )
            overrides.append(override)
    if exdates:
        main.add("exdate", exdates)
    if rdates:
        periods = [r for r in rdates if isinstance(r, tuple)]
        singles = [r for r in rdates if not isinstance(r, tuple)]
        if periods:
            main.add("rdate", periods, parameters={"VALUE": "PERIOD"})
        if singles:
            main.add("rdate", singles)
    return [main, *overrides]


def exceptional_occurrences_queryset():
    from django.db.models import Q

    return Occurrence.objects.filter(
        Q(is_cancelled=True) | Q(is_modified=True) | Q(original_start__isnull=True)
    ).order_by("starts_at")


def build_calendar(events, *, name: str) -> bytes:
    """An ICS file of ``events``; each must carry ``ics_exceptions`` (see the views)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    local_times = False
    for event in events:
        local_times = local_times or not event.all_day
        for component in event_components(event, getattr(event, "ics_exceptions", [])):
            calendar.add_component(component)
    if local_times:
        # Only timed events carry TZID (all-day ones are dates, added sessions UTC); adding
        # the one zone directly spares ``add_missing_timezones`` a walk over every property.
        calendar.subcomponents.insert(0, icalendar.Timezone.from_tzid(local_zone().key))
    return calendar.to_ical()
