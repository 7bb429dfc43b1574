"""The ICS export: read back by icalendar and recurring-ical-events it gives the site's dates."""

from datetime import date, datetime, timedelta

import icalendar
import pytest
import recurring_ical_events
from django.utils import timezone

from engagementnetz.events import services
from engagementnetz.events.models import EventKind, EventState, Occurrence, Recurrence
from engagementnetz.events.recurrence import local_zone
from tests.factories import FieldFactory, OrganisationFactory

from .factories import EventFactory, days_ahead, local

pytestmark = pytest.mark.django_db


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def as_local(value) -> str:
    if isinstance(value, datetime):
        return value.astimezone(local_zone()).strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def expanded(calendar: icalendar.Calendar, start: datetime, end: datetime) -> list[tuple]:
    """(title, start, end) of every date a calendar program shows between start and end."""
    return sorted(
        (
            str(component["SUMMARY"]),
            as_local(component["DTSTART"].dt),
            as_local(component["DTEND"].dt) if "DTEND" in component else "",
        )
        for component in recurring_ical_events.of(calendar).between(start, end)
        if str(component.get("STATUS")) != "CANCELLED"
    )


def site_dates(start: datetime, end: datetime) -> list[tuple]:
    """The same for the dates the site shows (not cancelled) in the calendar."""
    rows = []
    for occurrence in (
        Occurrence.objects.public()
        .filter(is_cancelled=False, starts_at__gte=start, starts_at__lt=end)
        .exclude(event__state=EventState.CANCELLED)
        .select_related("event")
    ):
        event = occurrence.event
        if event.all_day:
            first = timezone.localtime(occurrence.starts_at).date()
            last = timezone.localtime(occurrence.ends_at).date() if occurrence.ends_at else ""
            rows.append((event.title, first.isoformat(), last.isoformat() if last else ""))
            continue
        rows.append(
            (
                event.title,
                as_local(occurrence.starts_at),
                as_local(occurrence.ends_at) if occurrence.ends_at else "",
            )
        )
    return sorted(rows)


def spring_and_autumn(year: int) -> tuple[date, date]:
    """The last Sundays of March and October: the changes to and from summer time."""

    def last_sunday(month: int) -> date:
        day = date(year, month, 31)
        return day - timedelta(days=(day.weekday() + 1) % 7)

    return last_sunday(3), last_sunday(10)


def test_the_feed_expands_to_the_dates_the_site_shows_across_daylight_saving_and_exceptions(
    client,
):
    year = timezone.localdate().year + 1
    spring, autumn = spring_and_autumn(year)
    # A weekly rehearsal over the spring change, one date cancelled and one moved.
    rehearsal = EventFactory(
        title="Chorprobe",
        starts_at=local(year, 3, 5, 19, 30),
        ends_at=local(year, 3, 5, 21, 0),
        recurrence=Recurrence.WEEKLY,
        recurrence_weekdays="TH",
        recurrence_until=date(year, 4, 23),
    )
    rehearsal_dates = list(rehearsal.occurrences.order_by("starts_at"))
    services.occurrence_cancel(occurrence=rehearsal_dates[2], note="Ferien")
    services.occurrence_change(
        occurrence=rehearsal_dates[4],
        starts_at=rehearsal_dates[4].starts_at + timedelta(days=1, hours=-1),
        ends_at=rehearsal_dates[4].ends_at + timedelta(days=1, hours=-1),
        note="Ausnahmsweise freitags im kleinen Saal",
    )
    # Monthly on the second Tuesday over the autumn change.
    second_tuesday = next(
        date(year, 9, day) for day in range(8, 15) if date(year, 9, day).weekday() == 1
    )
    EventFactory(
        title="Vorstandssitzung",
        starts_at=local(year, 9, second_tuesday.day, 18, 0),
        ends_at=local(year, 9, second_tuesday.day, 20, 0),
        recurrence=Recurrence.MONTHLY,
        recurrence_interval=1,
        recurrence_count=4,
    )
    # Every second week on Monday and Wednesday, open-ended, starting soon.
    EventFactory(
        title="Lauftreff",
        starts_at=days_ahead(3, 18, 0),
        ends_at=days_ahead(3, 19, 0),
        recurrence=Recurrence.WEEKLY,
        recurrence_interval=2,
        recurrence_weekdays="MO,WE",
    )
    # A course with a first date and two added sessions.
    course = EventFactory(
        title="Erste Hilfe für Übungsleitende",
        kind=EventKind.FORTBILDUNG,
        starts_at=local(year, 3, 21, 9, 0),
        ends_at=local(year, 3, 21, 16, 0),
    )
    services.session_add(
        event=course, starts_at=local(year, 3, 28, 9, 0), ends_at=local(year, 3, 28, 13, 0)
    )
    services.session_add(
        event=course, starts_at=local(year, 4, 4, 9, 0), ends_at=local(year, 4, 4, 13, 0)
    )
    # An all-day festival over a weekend.
    EventFactory(
        title="Stadtfest",
        starts_at=local(year, 6, 13),
        ends_at=local(year, 6, 15),
        all_day=True,
    )
    # Hidden: an event of an organisation not yet verified.
    EventFactory(
        title="Noch nicht geprüft",
        organiser=OrganisationFactory(state="submitted"),
        starts_at=local(year, 5, 5, 10, 0),
    )

    calendar = parse(client.get("/termine/feed.ics"))
    window = (timezone.now() - timedelta(days=1), timezone.now() + timedelta(days=390))
    shown = site_dates(*window)
    assert expanded(calendar, *window) == shown

    titles = {title for title, *_ in shown}
    assert titles == {
        "Chorprobe",
        "Vorstandssitzung",
        "Lauftreff",
        "Erste Hilfe für Übungsleitende",
        "Stadtfest",
    }
    rehearsals = [when for title, when, _end in shown if title == "Chorprobe"]
    # Wall-clock time stays at 19:30 across the change; the cancelled date is left out, the
    # moved one is on Friday at 18:30.
    thursdays_before = [d for d in rehearsals if d < spring.isoformat()]
    assert all(d.endswith("19:30") for d in thursdays_before)
    assert (
        rehearsal_dates[2].starts_at.astimezone(local_zone()).strftime("%Y-%m-%d %H:%M")
        not in rehearsals
    )
    moved = (rehearsal_dates[4].original_start + timedelta(days=1, hours=-1)).astimezone(
        local_zone()
    )
    assert moved.strftime("%Y-%m-%d %H:%M") in rehearsals
    assert len(rehearsals) == 7
    meetings = [when for title, when, _end in shown if title == "Vorstandssitzung"]
    assert [m[-5:] for m in meetings] == ["18:00"] * 4
    assert sum(m < autumn.isoformat() for m in meetings) == 2
    assert ("Stadtfest", f"{year}-06-13", f"{year}-06-15") in shown


def test_the_feed_is_valid_rfc_5545_with_the_berlin_time_zone(client):
    year = timezone.localdate().year + 1
    event = EventFactory(
        title="Chorprobe",
        starts_at=local(year, 3, 5, 19, 30),
        ends_at=local(year, 3, 5, 21, 0),
        recurrence=Recurrence.WEEKLY,
        recurrence_weekdays="TH",
        recurrence_count=6,
    )
    dates = list(event.occurrences.order_by("starts_at"))
    services.occurrence_cancel(occurrence=dates[1])
    services.occurrence_change(
        occurrence=dates[3],
        starts_at=dates[3].starts_at + timedelta(hours=1),
        ends_at=dates[3].ends_at + timedelta(hours=1),
    )
    response = client.get("/termine/feed.ics")
    content = response.content.decode()
    assert all(len(line.encode()) <= 75 for line in content.split("\r\n"))
    assert content.startswith("BEGIN:VCALENDAR\r\n")
    calendar = parse(response)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Engagement-Netz//Termine//DE"
    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["TZID"]) for zone in zones] == ["Europe/Berlin"]
    assert {c.name for c in zones[0].subcomponents} == {"STANDARD", "DAYLIGHT"}
    series, override = calendar.walk("VEVENT")
    uid = f"event-{event.pk}@127.0.0.1"
    assert (str(series["UID"]), str(override["UID"])) == (uid, uid)
    assert series["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert series["RRULE"].to_ical() == b"FREQ=WEEKLY;COUNT=6;BYDAY=TH"
    assert [as_local(d.dt) for d in series["EXDATE"].dts] == [as_local(dates[1].starts_at)]
    assert as_local(override["RECURRENCE-ID"].dt) == as_local(dates[3].original_start)
    assert as_local(override["DTSTART"].dt) == as_local(
        dates[3].original_start + timedelta(hours=1)
    )
    for component in (series, override):
        assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY"} <= set(component)


def test_filtered_feeds_per_kind_organisation_and_field(client):
    club = OrganisationFactory(name="Musikverein Bitburg", slug="musikverein-bitburg")
    music = FieldFactory(name="Musik")
    concert = EventFactory(title="Konzert", organiser=club, starts_at=days_ahead(5))
    concert.fields.add(music)
    EventFactory(title="Vereinsrecht kompakt", kind=EventKind.FORTBILDUNG)
    EventFactory(title="Lauftreff", starts_at=days_ahead(2))

    def summaries(query: str) -> list[str]:
        calendar = parse(client.get(f"/termine/feed.ics{query}"))
        return sorted(str(c["SUMMARY"]) for c in calendar.walk("VEVENT"))

    assert summaries("") == ["Konzert", "Lauftreff", "Vereinsrecht kompakt"]
    assert summaries("?art=fortbildung") == ["Vereinsrecht kompakt"]
    assert summaries("?veranstalter=musikverein-bitburg") == ["Konzert"]
    assert summaries("?bereich=musik") == ["Konzert"]
    assert summaries("?art=unbekannt") == ["Konzert", "Lauftreff", "Vereinsrecht kompakt"]


def test_one_event_as_download_with_its_state(client):
    event = EventFactory(title="Sommerkonzert", starts_at=days_ahead(10, 18))
    services.event_change_state(
        event=event, state=EventState.POSTPONED, note="Neuer Termin folgt im Herbst."
    )
    response = client.get(f"/termine/{event.slug}/kalender.ics")
    calendar = parse(response)
    assert response["Content-Disposition"] == f'inline; filename="{event.slug}.ics"'
    (component,) = calendar.walk("VEVENT")
    assert str(component["STATUS"]) == "TENTATIVE"
    assert "Neuer Termin folgt im Herbst." in str(component["DESCRIPTION"])
    assert str(component["URL"]) == f"http://127.0.0.1:8000/termine/{event.slug}/"
    assert client.get("/termine/gibt-es-nicht/kalender.ics").status_code == 404


def test_feed_needs_the_same_number_of_queries_for_one_or_many(client, django_assert_num_queries):
    for count in (1, 5):
        for number in range(count):
            event = EventFactory(
                starts_at=days_ahead(number + 1),
                recurrence=Recurrence.WEEKLY,
                recurrence_count=4,
            )
            services.occurrence_cancel(occurrence=event.occurrences.last())
        client.get("/")
        with django_assert_num_queries(2):
            client.get("/termine/feed.ics")


def test_the_feed_holds_the_events_from_30_days_ago_up_to_18_months_ahead(client):
    EventFactory(title="Vor sechs Wochen", starts_at=days_ahead(-42), ends_at=days_ahead(-42, 21))
    EventFactory(title="Vor drei Wochen", starts_at=days_ahead(-21), ends_at=days_ahead(-21, 21))
    EventFactory(title="In 17 Monaten", starts_at=days_ahead(520))
    EventFactory(title="In 19 Monaten", starts_at=days_ahead(580))
    calendar = parse(client.get("/termine/feed.ics"))
    assert sorted(str(c["SUMMARY"]) for c in calendar.walk("VEVENT")) == [
        "In 17 Monaten",
        "Vor drei Wochen",
    ]


def test_the_cached_feed_follows_every_change_and_answers_304_to_its_etag(
    client, django_assert_num_queries
):
    event = EventFactory(
        title="Lauftreff", starts_at=days_ahead(3), recurrence=Recurrence.WEEKLY, recurrence_count=4
    )
    first = client.get("/termine/feed.ics")
    with django_assert_num_queries(0):
        again = client.get("/termine/feed.ics")
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert client.get("/termine/feed.ics", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    event.title = "Lauftreff am Stausee"
    event.save()
    (component,) = parse(client.get("/termine/feed.ics")).walk("VEVENT")
    assert str(component["SUMMARY"]) == "Lauftreff am Stausee"
    assert "EXDATE" not in component

    services.occurrence_cancel(occurrence=event.occurrences.order_by("starts_at").last())
    changed = client.get("/termine/feed.ics", HTTP_IF_NONE_MATCH=first["ETag"])
    (component,) = parse(changed).walk("VEVENT")
    assert "EXDATE" in component
    assert changed["ETag"] != first["ETag"]


def test_a_feed_being_built_is_waited_for_instead_of_built_twice():
    import threading
    import time

    from engagementnetz.events import feed_cache

    builds = []

    def build() -> bytes:
        builds.append(threading.current_thread().name)
        time.sleep(0.5)
        return b"BEGIN:VCALENDAR"

    results = []
    threads = [
        threading.Thread(target=lambda: results.append(feed_cache.cached_feed(("x",), build)))
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert [content for content, _etag in results] == [b"BEGIN:VCALENDAR"] * 3
    assert len({etag for _content, etag in results}) == 1


def test_after_a_change_the_last_feed_is_answered_while_the_worker_builds_the_next():
    from engagementnetz.events import feed_cache

    built, asked = [], []

    def build(content: bytes):
        def make() -> bytes:
            built.append(content)
            return content

        return make

    first, _etag = feed_cache.cached_feed(("alle",), build(b"ALT"), rebuild_later=asked.append)
    assert (first, built, asked) == (b"ALT", [b"ALT"], [])

    feed_cache.forget_feeds()  # an event was saved
    for _ in range(3):
        answer, _etag = feed_cache.cached_feed(
            ("alle",), build(b"NEU"), rebuild_later=lambda: asked.append("neu bauen")
        )
        assert answer == b"ALT"
    assert built == [b"ALT"]
    assert asked == ["neu bauen"]  # once, not once per request

    feed_cache._rebuild(("alle",), build(b"NEU"))
    answer, _etag = feed_cache.cached_feed(("alle",), build(b"NIE"), rebuild_later=asked.append)
    assert answer == b"NEU"
    assert built == [b"ALT", b"NEU"]


def test_the_worker_task_builds_and_keeps_the_feed(django_assert_num_queries):
    from engagementnetz.events import feed_cache, tasks

    EventFactory(title="Lauftreff", starts_at=days_ahead(3))
    tasks.rebuild_feed.call(kind="", organisation="", field_slug="", language="de")
    with django_assert_num_queries(0):  # kept by the task, not built here
        content, _etag = feed_cache.feed(kind="", organisation="", field_slug="")
    assert b"SUMMARY:Lauftreff" in content
