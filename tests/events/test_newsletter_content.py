"""What the calendar gives a newsletter issue: the next four weeks' events, new courses."""

from datetime import timedelta

import pytest
from django.utils import timezone

from engagementnetz.events.models import Event
from engagementnetz.events.newsletter_content import newsletter_items
from engagementnetz.newsletter.content import NewsletterItem, collect_items
from tests.factories import OrganisationFactory

from .factories import EventFactory, days_ahead

pytestmark = pytest.mark.django_db


def test_events_of_the_next_four_weeks_once_and_new_courses():
    now = timezone.now()
    choir = OrganisationFactory(name="Kirchenchor St. Peter")
    weekly = EventFactory(
        title="Chorprobe",
        slug="chorprobe",
        organiser=choir,
        short_description="Jeden Dienstag.",
        starts_at=days_ahead(2),
        recurrence="weekly",
        recurrence_count=10,
    )
    EventFactory(title="Sommerfest", slug="sommerfest", organiser=choir, starts_at=days_ahead(40))
    EventFactory(title="Abgesagt", slug="abgesagt", organiser=choir, state="cancelled")
    EventFactory(
        title="Unveröffentlicht", slug="unveroeffentlicht", organiser=choir, is_published=False
    )
    course = EventFactory(
        title="Kassenführung im Verein",
        slug="kassenfuehrung",
        kind="fortbildung",
        organiser=None,
        short_description="Für Kassenwarte.",
        starts_at=days_ahead(60, hour=18),
    )
    EventFactory(
        title="Alter Kurs", slug="alter-kurs", kind="fortbildung", starts_at=days_ahead(90)
    )
    Event.objects.filter(slug="alter-kurs").update(created_at=now - timedelta(days=30))

    until = timezone.now()
    items = newsletter_items(since=now - timedelta(days=14), until=until)

    assert [(item.topic, item.title) for item in items] == [
        ("events", "Chorprobe (Kirchenchor St. Peter)"),
        ("courses", "Kassenführung im Verein"),
    ]
    assert items[0] == NewsletterItem(
        topic="events",
        title="Chorprobe (Kirchenchor St. Peter)",
        url="/termine/chorprobe/",
        summary="Jeden Dienstag.",
        date=weekly.occurrences.order_by("starts_at").first().starts_at,
    )
    assert items[1].date == days_ahead(60, hour=18)
    assert items[1].url == course.get_absolute_url()
    # The newsletter gathers them with the other apps' items.
    assert {item.title for item in collect_items(since=now - timedelta(days=14), until=until)} >= {
        "Chorprobe (Kirchenchor St. Peter)",
        "Kassenführung im Verein",
    }
