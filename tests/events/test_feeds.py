"""Importing clubs' own calendars: by UID, idempotent, vanished dates cancelled, errors shown."""

import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import icalendar
import pytest
from django.utils import timezone

from engagementnetz.events import services
from engagementnetz.events.models import CalendarFeed, Event, EventKind, EventState
from tests.conftest import login

from .factories import days_ahead

pytestmark = pytest.mark.django_db


def ics(*events: dict) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Vereinskalender//DE")
    calendar.add("version", "2.0")
    for spec in events:
        component = icalendar.Event()
        component.add("uid", spec["uid"])
        component.add("summary", spec["title"])
        component.add("dtstart", spec["start"])
        if "end" in spec:
            component.add("dtend", spec["end"])
        if "rrule" in spec:
            component.add("rrule", spec["rrule"])
        if "location" in spec:
            component.add("location", spec["location"])
        if "status" in spec:
            component.add("status", spec["status"])
        calendar.add_component(component)
    return calendar.to_ical()


REHEARSAL = {
    "uid": "probe@verein.example",
    "title": "Probe der Bläserjugend",
    "start": days_ahead(2, 18, 0),
    "end": days_ahead(2, 19, 30),
    "rrule": {"freq": "weekly", "count": 4},
    "location": "Probenraum Grundschule Nord",
}
CONCERT = {
    "uid": "konzert@verein.example",
    "title": "Frühlingskonzert",
    "start": days_ahead(30, 17, 0),
    "end": days_ahead(30, 19, 0),
}


@pytest.fixture
def feed(organisation):
    return CalendarFeed.objects.create(
        organisation=organisation, url="https://verein.example/kalender.ics"
    )


def test_import_creates_events_and_a_second_run_changes_nothing(feed, organisation):
    content = ics(REHEARSAL, CONCERT)
    result = services.feed_import(feed=feed, content=content)
    assert (result.created, result.updated, result.unchanged, result.cancelled) == (2, 0, 0, 0)

    rehearsal = Event.objects.get(source_uid="probe@verein.example")
    assert (rehearsal.title, rehearsal.organiser, rehearsal.kind) == (
        "Probe der Bläserjugend",
        organisation,
        EventKind.TERMIN,
    )
    assert rehearsal.venue.name == "Probenraum Grundschule Nord"
    starts = [o.starts_at for o in rehearsal.occurrences.order_by("starts_at")]
    assert starts == [REHEARSAL["start"] + timedelta(weeks=n) for n in range(4)]
    ids = sorted(Event.objects.values_list("pk", flat=True))
    occurrence_ids = sorted(rehearsal.occurrences.values_list("pk", flat=True))

    again = services.feed_import(feed=feed, content=content)
    assert (again.created, again.updated, again.unchanged, again.cancelled) == (0, 0, 2, 0)
    assert sorted(Event.objects.values_list("pk", flat=True)) == ids
    assert sorted(rehearsal.occurrences.values_list("pk", flat=True)) == occurrence_ids
    feed.refresh_from_db()
    assert feed.last_error == ""
    assert feed.last_result == "0 neu, 0 geändert, 2 unverändert, 0 entfernt"


def test_changed_events_are_updated_by_uid_and_vanished_ones_cancelled(feed):
    services.feed_import(feed=feed, content=ics(REHEARSAL, CONCERT))
    concert = Event.objects.get(source_uid="konzert@verein.example")
    changed = dict(
        REHEARSAL, title="Probe der Bläserjugend (neuer Raum)", rrule={"freq": "weekly", "count": 2}
    )

    result = services.feed_import(feed=feed, content=ics(changed))
    assert (result.created, result.updated, result.unchanged, result.cancelled) == (0, 1, 0, 1)
    rehearsal = Event.objects.get(source_uid="probe@verein.example")
    assert rehearsal.title == "Probe der Bläserjugend (neuer Raum)"
    assert rehearsal.occurrences.count() == 2
    concert.refresh_from_db()
    assert concert.state == EventState.CANCELLED
    assert concert.state_note == "Dieser Termin wurde aus dem Kalender des Veranstalters entfernt."
    # Cancelled once is enough: a further run counts nothing as removed.
    assert services.feed_import(feed=feed, content=ics(changed)).cancelled == 0


def test_a_cancelled_date_in_the_feed_is_shown_as_cancelled(feed):
    services.feed_import(feed=feed, content=ics(dict(CONCERT, status="CANCELLED")))
    assert Event.objects.get().state == EventState.CANCELLED


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html>Seite nicht gefunden</html>", "Die Datei ist kein gültiger Kalender (ICS)."),
        (b"", "Die Datei ist kein gültiger Kalender (ICS)."),
    ],
)
def test_broken_content_is_reported_in_german(feed, content, message):
    with pytest.raises(services.FeedError) as error:
        services.feed_import(feed=feed, content=content)
    assert str(error.value) == message
    assert Event.objects.count() == 0


class CalendarServer(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, bytes]] = {}

    def do_GET(self):
        status, body = self.routes.get(self.path, (404, b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", "text/calendar")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def calendar_server(settings):
    settings.EVENTS_FEED_ALLOW_PRIVATE_HOSTS = True
    server = ThreadingHTTPServer(("127.0.0.1", 0), CalendarServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    CalendarServer.routes = {
        "/gut.ics": (200, ics(REHEARSAL)),
        "/kaputt.ics": (200, b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:gestern\r\n"),
    }
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_periodic_import_records_errors_and_goes_on(calendar_server, organisation):
    good = CalendarFeed.objects.create(organisation=organisation, url=f"{calendar_server}/gut.ics")
    missing = CalendarFeed.objects.create(
        organisation=organisation, url=f"{calendar_server}/fehlt.ics"
    )
    broken = CalendarFeed.objects.create(
        organisation=organisation, url=f"{calendar_server}/kaputt.ics"
    )
    CalendarFeed.objects.create(
        organisation=organisation, url=f"{calendar_server}/aus.ics", is_active=False
    )

    assert services.feeds_import_all() == 1

    good.refresh_from_db()
    missing.refresh_from_db()
    broken.refresh_from_db()
    assert (good.last_error, good.last_result) == (
        "",
        "1 neu, 0 geändert, 0 unverändert, 0 entfernt",
    )
    assert missing.last_error == "Die Kalenderadresse hat mit dem Fehler 404 geantwortet."
    assert missing.last_success_at is None
    assert broken.last_error == "Die Datei ist kein gültiger Kalender (ICS)."
    assert Event.objects.filter(feed=good).count() == 1
    assert services.feeds_import_all() == 1
    assert Event.objects.filter(feed=good).count() == 1


def test_private_addresses_are_refused():
    with pytest.raises(services.FeedError) as error:
        services.fetch_feed("http://127.0.0.1:9/kalender.ics")
    assert (
        str(error.value)
        == "Adressen in privaten oder lokalen Netzen können nicht importiert werden."
    )
    with pytest.raises(services.FeedError) as error:
        services.fetch_feed("ftp://verein.example/kalender.ics")
    assert str(error.value) == "Es können nur Adressen mit http oder https importiert werden."


def test_a_club_registers_its_calendar_and_sees_the_error(
    client, calendar_server, club_admin, organisation, django_capture_on_commit_callbacks
):
    login(client, club_admin)
    page = client.get("/termine/verwaltung/kalender/")
    assert page.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/termine/verwaltung/kalender/",
            {
                "organisation": organisation.pk,
                "url": f"{calendar_server}/gut.ics",
                "kind": EventKind.TERMIN,
            },
        )
    assert response.status_code == 302
    feed = CalendarFeed.objects.get()
    assert feed.created_by == club_admin
    assert Event.objects.filter(feed=feed).count() == 1  # imported right away

    bad = client.post(
        "/termine/verwaltung/kalender/",
        {"organisation": organisation.pk, "url": "kalender", "kind": EventKind.TERMIN},
    )
    html = bad.content.decode()
    assert bad.status_code == 200
    assert (
        "Bitte geben Sie eine Adresse ein, die mit https://, http:// oder webcal:// beginnt."
        in html
    )
    assert 'value="kalender"' in html

    CalendarServer.routes["/gut.ics"] = (200, b"kein Kalender")
    response = client.post(f"/termine/verwaltung/kalender/{feed.pk}/abrufen/", follow=True)
    assert "Die Datei ist kein gültiger Kalender (ICS)." in response.content.decode()
    assert CalendarFeed.objects.get().last_error == "Die Datei ist kein gültiger Kalender (ICS)."


def test_other_clubs_cannot_touch_the_calendar(client, feed, other_club_admin, citizen):
    for user, status in ((other_club_admin, 403), (citizen, 403)):
        login(client, user)
        assert client.post(f"/termine/verwaltung/kalender/{feed.pk}/abrufen/").status_code == status
        assert (
            client.post(f"/termine/verwaltung/kalender/{feed.pk}/entfernen/").status_code == status
        )
    assert CalendarFeed.objects.filter(pk=feed.pk).exists()
    client.logout()
    response = client.get("/termine/verwaltung/kalender/")
    assert response.status_code == 302


def test_removing_a_calendar_removes_its_events_unless_kept(client, feed, club_admin):
    services.feed_import(feed=feed, content=ics(REHEARSAL, CONCERT))
    login(client, club_admin)
    second = CalendarFeed.objects.create(organisation=feed.organisation, url="https://b.example/")
    services.feed_import(feed=second, content=ics(dict(CONCERT, uid="x@b.example")))

    client.post(f"/termine/verwaltung/kalender/{feed.pk}/entfernen/")
    client.post(f"/termine/verwaltung/kalender/{second.pk}/entfernen/", {"keep_events": "1"})
    assert CalendarFeed.objects.count() == 0
    assert list(Event.objects.values_list("title", flat=True)) == ["Frühlingskonzert"]
    assert timezone.now() < Event.objects.get().starts_at
