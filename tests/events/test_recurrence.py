"""Recurrence: wall-clock times across daylight saving, monthly rules, exceptions, horizon."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from engagementnetz.events import services
from engagementnetz.events.models import Occurrence, Recurrence
from engagementnetz.events.recurrence import HORIZON, describe
from tests.factories import OrganisationFactory

from .factories import EventFactory, local

pytestmark = pytest.mark.django_db


def local_starts(event, **filters) -> list[str]:
    return [
        timezone.localtime(o.starts_at).strftime("%a %d.%m.%Y %H:%M")
        for o in event.occurrences.filter(**filters).order_by("starts_at")
    ]


def test_weekly_rehearsal_keeps_its_wall_clock_time_across_the_spring_change():
    event = EventFactory(
        starts_at=local(2025, 3, 20, 19, 30),
        ends_at=local(2025, 3, 20, 21, 0),
        recurrence=Recurrence.WEEKLY,
        recurrence_weekdays="TH",
        recurrence_until=date(2025, 4, 10),
    )
    assert local_starts(event) == [
        "Thu 20.03.2025 19:30",
        "Thu 27.03.2025 19:30",
        "Thu 03.04.2025 19:30",
        "Thu 10.04.2025 19:30",
    ]
    utc_hours = [o.starts_at.astimezone(UTC).hour for o in event.occurrences.order_by("starts_at")]
    assert utc_hours == [18, 18, 17, 17]  # summer time began on 30 March 2025
    ends = [timezone.localtime(o.ends_at).strftime("%H:%M") for o in event.occurrences.all()]
    assert set(ends) == {"21:00"}
    event.refresh_from_db()
    assert event.last_ends_at == local(2025, 4, 10, 21, 0)
    assert event.occurrences_until is None


def test_monthly_second_tuesday_across_the_autumn_change():
    event = EventFactory(
        starts_at=local(2025, 9, 9, 18, 0),
        ends_at=local(2025, 9, 9, 20, 0),
        recurrence=Recurrence.MONTHLY,
        recurrence_count=4,
    )
    assert local_starts(event) == [
        "Tue 09.09.2025 18:00",
        "Tue 14.10.2025 18:00",
        "Tue 11.11.2025 18:00",
        "Tue 09.12.2025 18:00",
    ]
    utc_hours = [o.starts_at.astimezone(UTC).hour for o in event.occurrences.order_by("starts_at")]
    assert utc_hours == [16, 16, 17, 17]  # winter time began on 26 October 2025
    assert describe(event) == "monatlich am zweiten Dienstag (4 Termine)"


def test_monthly_on_the_last_friday_and_every_second_week_on_two_days():
    last_friday = EventFactory(
        starts_at=local(2025, 1, 31, 15, 0),
        ends_at=None,
        recurrence=Recurrence.MONTHLY,
        recurrence_week_of_month=-1,
        recurrence_count=3,
    )
    assert local_starts(last_friday) == [
        "Fri 31.01.2025 15:00",
        "Fri 28.02.2025 15:00",
        "Fri 28.03.2025 15:00",
    ]
    fortnightly = EventFactory(
        starts_at=local(2025, 6, 2, 10, 0),
        recurrence=Recurrence.WEEKLY,
        recurrence_interval=2,
        recurrence_weekdays="MO,WE",
        recurrence_count=4,
    )
    assert local_starts(fortnightly) == [
        "Mon 02.06.2025 10:00",
        "Wed 04.06.2025 10:00",
        "Mon 16.06.2025 10:00",
        "Wed 18.06.2025 10:00",
    ]
    assert describe(fortnightly) == "alle 2 Wochen am Montag, Mittwoch (4 Termine)"


def test_single_dates_cancelled_or_moved_survive_an_edit_of_the_event():
    event = EventFactory(
        starts_at=local(2025, 3, 20, 19, 30),
        ends_at=local(2025, 3, 20, 21, 0),
        recurrence=Recurrence.WEEKLY,
        recurrence_until=date(2025, 4, 17),
    )
    dates = list(event.occurrences.order_by("starts_at"))
    services.occurrence_cancel(occurrence=dates[1], note="Osterferien")
    services.occurrence_change(
        occurrence=dates[2],
        starts_at=local(2025, 4, 4, 18, 0),
        ends_at=local(2025, 4, 4, 20, 0),
        note="Ausnahmsweise am Freitag",
    )
    event.title = "Chorprobe des Kirchenchors"
    event.save()
    services.occurrences_sync(event=event)

    assert local_starts(event) == [
        "Thu 20.03.2025 19:30",
        "Thu 27.03.2025 19:30",
        "Fri 04.04.2025 18:00",
        "Thu 10.04.2025 19:30",
        "Thu 17.04.2025 19:30",
    ]
    assert local_starts(event, is_cancelled=True) == ["Thu 27.03.2025 19:30"]
    moved = event.occurrences.get(is_modified=True)
    assert moved.original_start == local(2025, 4, 3, 19, 30)
    assert moved.is_moved is True
    assert moved.note == "Ausnahmsweise am Freitag"


def test_shorter_series_drops_the_dates_the_rule_no_longer_gives():
    event = EventFactory(
        starts_at=local(2025, 5, 5, 17, 0),
        recurrence=Recurrence.WEEKLY,
        recurrence_count=6,
    )
    assert event.occurrences.count() == 6
    event.recurrence_count = 3
    event.save()
    services.occurrences_sync(event=event)
    assert local_starts(event) == [
        "Mon 05.05.2025 17:00",
        "Mon 12.05.2025 17:00",
        "Mon 19.05.2025 17:00",
    ]


def test_added_sessions_of_a_course_stay_and_count_for_the_end():
    event = EventFactory(starts_at=local(2025, 10, 4, 9, 0), ends_at=local(2025, 10, 4, 16, 0))
    services.session_add(
        event=event, starts_at=local(2025, 10, 11, 9, 0), ends_at=local(2025, 10, 11, 13, 0)
    )
    services.occurrences_sync(event=event)
    event.refresh_from_db()
    assert local_starts(event) == ["Sat 04.10.2025 09:00", "Sat 11.10.2025 09:00"]
    assert event.last_ends_at == local(2025, 10, 11, 13, 0)


def test_open_ended_series_are_kept_ahead_by_the_daily_job():
    now = timezone.now()
    start = local(2025, 1, 7, 20, 0)
    event = EventFactory(starts_at=start, recurrence=Recurrence.WEEKLY)
    event.refresh_from_db()
    assert event.last_ends_at is None
    assert event.occurrences_until == max(now, start) + HORIZON or event.occurrences_until
    last_before = event.occurrences.order_by("-starts_at").first().starts_at
    later = now + timedelta(days=60)
    assert services.occurrences_extend_all(now=later) == 1
    last_after = event.occurrences.order_by("-starts_at").first().starts_at
    assert last_after - last_before >= timedelta(days=56)
    assert services.occurrences_extend_all(now=later) == 0


def test_a_first_date_off_the_pattern_still_counts_like_dtstart():
    event = EventFactory(
        starts_at=local(2025, 6, 3, 19, 0),  # a Tuesday
        recurrence=Recurrence.WEEKLY,
        recurrence_weekdays="TH",
        recurrence_count=3,
    )
    assert local_starts(event) == [
        "Tue 03.06.2025 19:00",
        "Thu 05.06.2025 19:00",
        "Thu 12.06.2025 19:00",
    ]


def test_all_day_events_span_whole_local_days():
    organisation = OrganisationFactory()
    event = EventFactory(
        organiser=organisation,
        starts_at=local(2025, 6, 14),
        ends_at=local(2025, 6, 16),
        all_day=True,
    )
    occurrence = Occurrence.objects.get(event=event)
    assert timezone.localtime(occurrence.starts_at) == local(2025, 6, 14)
    assert occurrence.ends_at - occurrence.starts_at == timedelta(days=2)
    assert datetime.fromisoformat(timezone.localtime(occurrence.starts_at).isoformat()).hour == 0
