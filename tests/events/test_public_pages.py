"""The public calendar, month view, archive, detail page and start page section."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from engagementnetz.events.models import EventKind, Recurrence
from tests.factories import DistrictFactory, FieldFactory, OrganisationFactory, TargetGroupFactory

from .factories import EventFactory, VenueFactory, days_ahead, local

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<h3 class="kern-title"><a [^>]*>([^<]+)</a></h3>', html)


def test_calendar_lists_upcoming_dates_by_day(client):
    EventFactory(title="Chorprobe", starts_at=days_ahead(2, 19, 30))
    EventFactory(title="Vereinsfest", starts_at=days_ahead(1, 11))
    EventFactory(title="Schon vorbei", starts_at=days_ahead(-3))
    response = client.get("/termine/")
    assert response.status_code == 200
    assert titles(response) == ["Vereinsfest", "Chorprobe"]
    html = response.content.decode()
    assert "2 Termine gefunden" in html
    assert 'href="/termine/feed.ics"' in html


@pytest.mark.parametrize("count", [1, 6])
def test_calendar_needs_the_same_number_of_queries_for_one_or_many(
    client, count, django_assert_num_queries
):
    field = FieldFactory(name="Musik")
    for number in range(count):
        event = EventFactory(
            title=f"Probe {number}",
            starts_at=days_ahead(number + 1),
            recurrence=Recurrence.WEEKLY,
            recurrence_count=3,
            registration_enabled=True,
        )
        event.fields.add(field)
    client.get("/")  # the site's identity and menus are cached after the first page
    with django_assert_num_queries(6):
        response = client.get("/termine/?bereich=musik")
    assert len(titles(response)) == min(count * 3, 20)


def test_filters_narrow_the_calendar(client):
    music = FieldFactory(name="Musik")
    seniors = TargetGroupFactory(name="Seniorinnen und Senioren")
    moetsch = DistrictFactory(name="Mötsch")
    club = OrganisationFactory(name="Musikverein Stahl", slug="musikverein-stahl")
    step_free_hall = VenueFactory(name="Bürgerhaus Mötsch", district=moetsch, step_free=True)
    concert = EventFactory(title="Konzert", organiser=club, venue=step_free_hall, is_free=False)
    concert.fields.add(music)
    concert.target_groups.add(seniors)
    EventFactory(title="Kurs", kind=EventKind.FORTBILDUNG, starts_at=days_ahead(20))
    EventFactory(title="Heute Abend", starts_at=timezone.localtime().replace(hour=23, minute=0))

    def found(query):
        return titles(client.get(f"/termine/?{query}"))

    assert found("bereich=musik") == ["Konzert"]
    assert found("zielgruppe=seniorinnen-und-senioren") == ["Konzert"]
    assert found("stadtteil=motsch") == ["Konzert"]
    assert found("veranstalter=musikverein-stahl") == ["Konzert"]
    assert found("barrierefrei=on") == ["Konzert"]
    assert "Konzert" not in found("kostenlos=on")
    assert found("art=fortbildung") == ["Kurs"]
    assert found("zeitraum=heute") == ["Heute Abend"]
    day = (timezone.localdate() + timedelta(days=20)).isoformat()
    assert found(f"von={day}&bis={day}") == ["Kurs"]
    assert found("q=konz") == ["Konzert"]
    # Nonsense in the URL is ignored, never an error page.
    assert client.get("/termine/?von=gestern&seite=abc&bereich=gibtsnicht").status_code == 200
    assert titles(client.get("/fortbildungen/")) == ["Kurs"]


def test_htmx_requests_get_only_the_results(client):
    EventFactory(title="Chorprobe")
    response = client.get("/termine/?art=termin", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert "data-results-summary" in html
    assert titles(response) == ["Chorprobe"]


def test_month_view_is_a_table_with_the_days_dates(client, django_assert_max_num_queries):
    EventFactory(title="Zukunftswerkstatt", starts_at=local(2019, 4, 10, 18), ends_at=None)
    for day in range(1, 7):
        EventFactory(title=f"Termin {day}", starts_at=local(2019, 4, 2, 8 + day))
    client.get("/")
    with django_assert_max_num_queries(5):
        response = client.get("/termine/monat/2019/4/")
    html = response.content.decode()
    assert "<caption" in html and "April 2019" in html
    assert html.count('<th scope="col"') == 7
    assert "18:00 Zukunftswerkstatt" in html
    assert html.count("Termin ") == 4  # four per day, then a link to the rest
    assert "und 2 weitere" in html
    assert client.get("/termine/monat/2019/13/").status_code == 404
    assert client.get("/termine/monat/").status_code == 302


def test_archive_shows_past_dates_newest_first(client):
    EventFactory(title="Alt", starts_at=days_ahead(-30))
    EventFactory(title="Neuer", starts_at=days_ahead(-2))
    EventFactory(title="Kommt noch", starts_at=days_ahead(2))
    assert titles(client.get("/termine/archiv/")) == ["Neuer", "Alt"]


def test_detail_page_with_json_ld_and_accessibility_of_the_venue(client):
    venue = VenueFactory(
        name="Haus der Jugend",
        street="Denkmalstraße 1",
        step_free=True,
        accessible_wc=True,
        latitude="49.970000",
        longitude="6.520000",
    )
    event = EventFactory(
        title="Zukunftswerkstatt",
        slug="zukunftswerkstatt",
        organiser=None,
        venue=venue,
        starts_at=days_ahead(10, 18),
        ends_at=days_ahead(10, 21),
        registration_enabled=True,
        capacity=30,
    )
    response = client.get("/termine/zukunftswerkstatt/")
    html = response.content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Event"
    assert data["name"] == "Zukunftswerkstatt"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["name"] == "Haus der Jugend"
    assert data["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 49.97,
        "longitude": 6.52,
    }
    assert data["startDate"] == timezone.localtime(event.starts_at).isoformat()
    assert "Stufenloser Zugang" in html
    assert "Keine Induktionsschleife" in html
    assert "30 Plätze frei" in html
    assert 'href="/termine/zukunftswerkstatt/anmeldung/"' in html
    assert 'href="/termine/zukunftswerkstatt/kalender.ics"' in html


def test_unpublished_and_unverified_events_are_hidden(client, club_admin, organisation):
    EventFactory(title="Entwurf", slug="entwurf", organiser=organisation, is_published=False)
    unverified = OrganisationFactory(state="submitted")
    EventFactory(title="Ungeprüft", slug="ungeprueft", organiser=unverified)
    assert client.get("/termine/entwurf/").status_code == 404
    assert client.get("/termine/ungeprueft/").status_code == 404
    assert titles(client.get("/termine/")) == []
    client.force_login(club_admin, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get("/termine/entwurf/")
    assert response.status_code == 200
    assert "Nicht veröffentlicht" in response.content.decode()


def test_cancelled_dates_and_events_are_marked(client):
    event = EventFactory(
        title="Lauftreff", recurrence=Recurrence.WEEKLY, recurrence_count=2, state="postponed"
    )
    occurrence = event.occurrences.order_by("starts_at").first()
    occurrence.is_cancelled = True
    occurrence.note = "Fällt wegen Glätte aus"
    occurrence.save()
    html = client.get("/termine/").content.decode()
    assert "Fällt wegen Glätte aus" in html
    assert ">Abgesagt<" in html and ">Verschoben<" in html


def test_start_page_shows_the_next_events(client):
    EventFactory(title="Martinsumzug", starts_at=days_ahead(3, 17))
    html = client.get("/").content.decode()
    assert "Die nächsten Termine" in html
    assert "Martinsumzug" in html


def test_organisation_section_lists_its_upcoming_events(rf, organisation, club_admin, citizen):
    from engagementnetz.events.organisation_sections import organisation_section

    EventFactory(title="Frühjahrskonzert", organiser=organisation)
    EventFactory(title="Anderer Verein")
    request = rf.get("/")
    request.user = citizen
    section = organisation_section(request, organisation)
    assert [o.event.title for o in section.context["dates"]] == ["Frühjahrskonzert"]
    assert section.context["can_add"] is False
    request.user = club_admin
    assert organisation_section(request, organisation).context["can_add"] is True


def test_the_cached_count_of_dates_follows_new_and_deleted_events(
    client, django_assert_num_queries
):
    EventFactory(
        title="Lauftreff", starts_at=days_ahead(2), recurrence=Recurrence.WEEKLY, recurrence_count=3
    )
    client.get("/")
    assert "3 Termine gefunden" in client.get("/termine/").content.decode()
    with django_assert_num_queries(5):  # filter choices and the page, no second count
        assert "3 Termine gefunden" in client.get("/termine/").content.decode()
    concert = EventFactory(title="Konzert", starts_at=days_ahead(4))
    assert "4 Termine gefunden" in client.get("/termine/").content.decode()
    assert "1 Termin gefunden" in client.get("/termine/?q=Konzert").content.decode()
    concert.delete()
    assert "3 Termine gefunden" in client.get("/termine/").content.decode()


def test_month_view_puts_dates_on_their_local_day_across_the_end_of_summer_time():
    from engagementnetz.events import selectors
    from engagementnetz.events.forms import CalendarFilterForm

    EventFactory(title="Spät am Sonntag", starts_at=local(2019, 10, 27, 23, 30))
    for minute in range(5):
        EventFactory(
            title=f"Kurz nach Mitternacht {minute}", starts_at=local(2019, 10, 28, 0, minute)
        )
    EventFactory(title="Letzte Minute", starts_at=local(2019, 10, 31, 23, 59))
    weeks = selectors.month_weeks(CalendarFilterForm(None), year=2019, month=10, now=timezone.now())
    days = {day.date.day: day for week in weeks for day in week if day.in_month}
    assert [o.event.title for o in days[27].occurrences] == ["Spät am Sonntag"]
    assert days[28].total == 5
    assert [o.event.title for o in days[28].occurrences] == [
        f"Kurz nach Mitternacht {minute}" for minute in range(4)
    ]
    assert days[28].more == 1
    assert [o.event.title for o in days[31].occurrences] == ["Letzte Minute"]
    assert days[1].occurrences == []
