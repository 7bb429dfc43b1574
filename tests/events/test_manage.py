"""The organisers' pages: permissions per role, the event form, dates, registrations."""

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook

from engagementnetz.events.models import Event, Recurrence, RegistrationStatus
from engagementnetz.events.recurrence import WEEKDAY_CODES
from tests.conftest import login
from tests.factories import FieldFactory

from .factories import (
    EventFactory,
    RegistrationFactory,
    RegistrationOptionFactory,
    RegistrationQuestionFactory,
    local,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def club_event(organisation):
    return EventFactory(
        title="Frühjahrskonzert", organiser=organisation, registration_enabled=True, capacity=50
    )


@pytest.fixture
def users(citizen, club_admin, club_editor, other_club_admin, office_user):
    return {
        "anonymous": None,
        "citizen": citizen,
        "admin of A": club_admin,
        "editor of A": club_editor,
        "admin of B": other_club_admin,
        "network office": office_user,
    }


EXPECTED = {
    "anonymous": 302,
    "citizen": 403,
    "admin of A": 200,
    "editor of A": 200,
    "admin of B": 403,
    "network office": 200,
}


MANAGE_PAGES = [
    "/termine/verwaltung/{pk}/",
    "/termine/verwaltung/{pk}/bearbeiten/",
    "/termine/verwaltung/{pk}/daten/",
    "/termine/verwaltung/{pk}/anmeldungen/",
    "/termine/verwaltung/{pk}/anmeldungen.csv",
    "/termine/verwaltung/{pk}/anwesenheitsliste/",
    "/termine/verwaltung/{pk}/nachricht/",
    "/termine/verwaltung/{pk}/fragen/",
    "/termine/verwaltung/{pk}/stand/",
    "/termine/verwaltung/{pk}/loeschen/",
]


@pytest.mark.parametrize("role", list(EXPECTED))
def test_only_the_clubs_people_and_the_office_manage_its_events(client, users, club_event, role):
    if users[role]:
        login(client, users[role])
    statuses = {
        path: client.get(path.format(pk=club_event.pk)).status_code for path in MANAGE_PAGES
    }
    assert statuses == dict.fromkeys(MANAGE_PAGES, EXPECTED[role])


@pytest.mark.parametrize("role", ["admin of B", "citizen"])
def test_writes_by_others_are_refused(client, users, club_event, role):
    login(client, users[role])
    registration = RegistrationFactory(event=club_event)
    base = f"/termine/verwaltung/{club_event.pk}"
    assert client.post(f"{base}/loeschen/").status_code == 403
    assert client.post(f"{base}/stand/", {"state": "cancelled"}).status_code == 403
    assert (
        client.post(
            f"{base}/anmeldungen/{registration.pk}/teilnahme/", {"attended": "1"}
        ).status_code
        == 403
    )
    assert Event.objects.filter(pk=club_event.pk, state="planned").exists()
    registration.refresh_from_db()
    assert registration.attended is False


def test_the_list_shows_only_the_own_events(client, club_editor, club_event, other_organisation):
    EventFactory(title="Turnier der Sportfreunde", organiser=other_organisation)
    login(client, club_editor)
    html = client.get("/termine/verwaltung/").content.decode()
    assert "Frühjahrskonzert" in html
    assert "Turnier der Sportfreunde" not in html


def test_a_citizen_cannot_create_events(client, citizen):
    login(client, citizen)
    assert client.get("/termine/verwaltung/neu/").status_code == 403


def event_form(**changes) -> dict:
    data = {
        "title": "Offenes Singen",
        "kind": "termin",
        "short_description": "Singen ohne Noten für alle.",
        "start_date": (timezone.localdate() + timedelta(days=7)).isoformat(),
        "start_time": "19:30",
        "end_time": "21:00",
        "recurrence": "none",
        "recurrence_interval": "1",
        "is_free": "on",
        "is_published": "on",
        "max_persons_per_registration": "1",
        "waiting_list_enabled": "on",
        "venue_name": "Pfarrheim Erdorf",
        "venue_city": "Bitburg",
        "venue_step_free": "on",
    }
    data.update(changes)
    return data


def test_a_club_editor_creates_a_weekly_event_with_a_new_venue(
    client, club_editor, organisation, other_organisation
):
    music = FieldFactory(name="Musik")
    login(client, club_editor)
    refused = client.post("/termine/verwaltung/neu/", event_form(organiser=other_organisation.pk))
    assert "Bitte eine gültige Auswahl treffen." in refused.content.decode()
    assert not Event.objects.exists()
    response = client.post(
        "/termine/verwaltung/neu/",
        event_form(
            organiser=organisation.pk,
            recurrence="weekly",
            recurrence_count="4",
            fields=[music.pk],
        ),
    )
    event = Event.objects.get()
    assert response["Location"] == f"/termine/verwaltung/{event.pk}/"
    assert event.organiser == organisation
    assert event.slug == "offenes-singen"
    assert event.venue.name == "Pfarrheim Erdorf"
    assert event.venue.organisation == organisation
    assert event.venue.step_free is True
    assert event.recurrence_weekdays == WEEKDAY_CODES[timezone.localtime(event.starts_at).weekday()]
    assert event.occurrences.count() == 4
    assert list(event.fields.all()) == [music]
    assert timezone.localtime(event.starts_at).strftime("%H:%M") == "19:30"


def test_the_event_form_explains_mistakes(client, club_admin, organisation):
    login(client, club_admin)
    response = client.post(
        "/termine/verwaltung/neu/",
        event_form(
            organiser=organisation.pk,
            start_time="",
            is_free="",
            recurrence="weekly",
            recurrence_until="2000-01-01",
            recurrence_count="3",
        ),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte geben Sie eine Uhrzeit für den Beginn an oder wählen Sie „Ganztägig“." in html
    assert "Bitte geben Sie an, was die Teilnahme kostet." in html
    assert 'value="Offenes Singen"' in html
    assert Event.objects.count() == 0


def test_moving_and_cancelling_single_dates(client, club_admin, organisation):
    event = EventFactory(
        organiser=organisation,
        starts_at=local(2030, 5, 6, 18),
        ends_at=local(2030, 5, 6, 20),
        recurrence=Recurrence.WEEKLY,
        recurrence_count=3,
    )
    second, third = list(event.occurrences.order_by("starts_at"))[1:]
    login(client, club_admin)
    base = f"/termine/verwaltung/{event.pk}/daten/"
    client.post(f"{base}{second.pk}/", {"action": "cancel", "note": "Feiertag"})
    client.post(
        f"{base}{third.pk}/",
        {"action": "save", "day": "2030-05-21", "start_time": "17:00", "end_time": "19:00"},
    )
    client.post(base, {"day": "2030-06-01", "start_time": "10:00", "end_time": "12:00"})
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.is_cancelled, second.note) == (True, "Feiertag")
    assert timezone.localtime(third.starts_at) == local(2030, 5, 21, 17)
    assert third.is_modified is True
    assert event.occurrences.filter(original_start__isnull=True).count() == 1


def test_registration_list_check_in_and_exports(client, club_editor, club_event):
    question = RegistrationQuestionFactory(event=club_event, label="Thementisch")
    option = RegistrationOptionFactory(question=question, label="Vernetzung")
    anna = RegistrationFactory(event=club_event, name="Anna", email="anna@example.org")
    anna.answers.create(question=question, option=option)
    RegistrationFactory(event=club_event, name="=Bert", status=RegistrationStatus.WAITING)
    login(client, club_editor)
    base = f"/termine/verwaltung/{club_event.pk}/anmeldungen"

    response = client.post(
        f"{base}/{anna.pk}/teilnahme/", {"attended": "1"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert f'id="anmeldung-{anna.pk}"' in response.content.decode()
    anna.refresh_from_db()
    assert anna.attended is True
    html = client.get(f"{base}/").content.decode()
    assert "Vernetzung" in html

    rows = list(
        csv.reader(
            io.StringIO(client.get(f"{base}.csv").content.decode("utf-8-sig")), delimiter=";"
        )
    )
    assert rows[0] == [
        "Name",
        "E-Mail-Adresse",
        "Personen",
        "Status",
        "Angemeldet am",
        "Platz oder Warteliste seit",
        "Teilgenommen",
        "Thementisch",
    ]
    assert rows[1][:4] == ["Anna", "anna@example.org", "1", "Bestätigt"]
    assert rows[1][6:] == ["ja", "Vernetzung"]
    assert rows[2][0] == "'=Bert"  # no formulas in spreadsheets
    workbook = load_workbook(io.BytesIO(client.get(f"{base}.xlsx").content))
    assert workbook.active["A2"].value == "Anna"
    attendance = client.get(f"/termine/verwaltung/{club_event.pk}/anwesenheitsliste/")
    assert "Anwesenheitsliste" in attendance.content.decode()


def test_the_organiser_writes_to_all_and_cancels_one(
    client, club_editor, club_event, django_capture_on_commit_callbacks
):
    anna = RegistrationFactory(event=club_event, name="Anna", email="anna@example.org")
    login(client, club_editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/termine/verwaltung/{club_event.pk}/nachricht/",
            {"subject": "Treffpunkt geändert", "body": "Wir treffen uns am Seiteneingang."},
        )
    assert [m.subject for m in mail.outbox] == ["Treffpunkt geändert"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/termine/verwaltung/{club_event.pk}/anmeldungen/{anna.pk}/abmelden/")
    anna.refresh_from_db()
    assert anna.status == RegistrationStatus.CANCELLED
    assert (
        mail.outbox[-1].subject
        == "Ihre Anmeldung wurde vom Veranstalter storniert: Frühjahrskonzert"
    )


def test_network_office_organises_its_own_events(client, office_user):
    login(client, office_user)
    response = client.post("/termine/verwaltung/neu/", event_form(organiser=""))
    event = Event.objects.get()
    assert response.status_code == 302
    assert event.organiser is None
    assert "Frühjahrskonzert" not in client.get("/netzwerkbuero/").content.decode()
    assert "Termine und Fortbildungen" in client.get("/netzwerkbuero/").content.decode()


def test_postponing_shows_the_note_and_deleting_removes_everything(client, club_admin, club_event):
    RegistrationFactory(event=club_event)
    login(client, club_admin)
    base = f"/termine/verwaltung/{club_event.pk}"
    response = client.post(f"{base}/stand/", {"state": "postponed", "state_note": ""})
    assert "Bitte geben Sie an, wann die Veranstaltung" in response.content.decode()
    client.post(f"{base}/stand/", {"state": "postponed", "state_note": "Neuer Termin im Mai."})
    html = client.get(club_event.get_absolute_url()).content.decode()
    assert "Diese Veranstaltung wurde verschoben." in html
    assert "Neuer Termin im Mai." in html
    assert client.post(f"{base}/loeschen/").status_code == 302
    assert not Event.objects.filter(pk=club_event.pk).exists()
