"""Signing up in the browser's way: form, confirmation link, own registration, certificate."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from pypdf import PdfReader

from engagementnetz.events.models import Registration, RegistrationStatus
from tests.conftest import login

from .factories import (
    EventFactory,
    RegistrationFactory,
    RegistrationOptionFactory,
    RegistrationQuestionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return EventFactory(
        title="Grundkurs Vereinsvorstand",
        slug="grundkurs",
        kind="fortbildung",
        registration_enabled=True,
        capacity=2,
        consent_text="Ich bin einverstanden, dass Fotos gemacht werden.",
    )


def test_bad_input_is_explained_in_german_and_kept(client, course):
    response = client.post("/termine/grundkurs/anmeldung/", {"name": "Lena Berg", "email": "lena@"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte prüfen Sie Ihre Angaben." in html
    assert 'value="Lena Berg"' in html
    assert 'value="lena@"' in html
    assert "Bitte stimmen Sie zu, damit wir Sie anmelden können." in html
    assert 'aria-invalid="true"' in html
    assert Registration.objects.count() == 0


def test_anonymous_sign_up_confirm_and_cancel(client, course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/termine/grundkurs/anmeldung/",
            {"name": "Lena Berg", "email": "lena@example.org", "consent": "on"},
        )
    assert response.status_code == 302
    assert response["Location"] == "/termine/grundkurs/anmeldung/gesendet/"
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.PENDING
    link = re.search(r"https?://[^/\s]+(/termine/anmeldung/\S+/bestaetigen/)", mail.outbox[0].body)

    page = client.get(link.group(1))
    assert page.status_code == 200
    assert Registration.objects.get().status == RegistrationStatus.PENDING  # GET changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link.group(1))
    assert response["Location"] == f"/termine/anmeldung/{registration.token}/"
    page = client.get(response["Location"]).content.decode()
    assert "Ihr Platz ist bestätigt." in page

    cancel = f"/termine/anmeldung/{registration.token}/abmelden/"
    assert "Möchten Sie sich wirklich abmelden?" in client.get(cancel).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(cancel)
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED
    assert mail.outbox[-1].subject == "Ihre Abmeldung ist eingegangen: Grundkurs Vereinsvorstand"


def test_with_an_account_the_form_is_prefilled_and_the_place_given_at_once(client, citizen, course):
    login(client, citizen)
    html = client.get("/termine/grundkurs/anmeldung/").content.decode()
    assert 'value="Anna Schmitz"' in html
    assert 'value="buergerin@example.org"' in html
    response = client.post(
        "/termine/grundkurs/anmeldung/",
        {"name": "Anna Schmitz", "email": "buergerin@example.org", "consent": "on"},
    )
    registration = Registration.objects.get()
    assert response["Location"] == f"/termine/anmeldung/{registration.token}/"
    assert registration.status == RegistrationStatus.CONFIRMED
    assert "Grundkurs Vereinsvorstand" in client.get("/termine/meine-anmeldungen/").content.decode()


def test_registering_twice_sends_the_link_again(client, course):
    existing = RegistrationFactory(event=course, email="lena@example.org")
    response = client.post(
        "/termine/grundkurs/anmeldung/",
        {"name": "Lena", "email": "LENA@example.org", "consent": "on"},
        follow=True,
    )
    assert "bereits angemeldet" in response.content.decode()
    assert Registration.objects.count() == 1
    assert mail.outbox[-1].subject == "Ihre Anmeldung: Grundkurs Vereinsvorstand"
    assert f"/termine/anmeldung/{existing.token}/" in mail.outbox[-1].body


def test_theme_tables_show_their_free_places(client):
    event = EventFactory(slug="werkstatt", registration_enabled=True, capacity=30)
    question = RegistrationQuestionFactory(event=event, label="Thementisch")
    full = RegistrationOptionFactory(question=question, label="Vernetzung", capacity=1)
    RegistrationOptionFactory(question=question, label="Ehrenamt stärken", capacity=10)
    taken = RegistrationFactory(event=event)
    taken.answers.create(question=question, option=full)
    html = client.get("/termine/werkstatt/anmeldung/").content.decode()
    assert "Vernetzung (ausgebucht – Warteliste)" in html
    assert "Ehrenamt stärken (10 Plätze frei)" in html
    response = client.post(
        "/termine/werkstatt/anmeldung/", {"name": "Tim", "email": "tim@example.org"}
    )
    assert "Thementisch: Dieses Feld ist zwingend erforderlich." in response.content.decode()


def test_closed_registration_shows_a_notice(client):
    EventFactory(slug="abgesagt", registration_enabled=True, state="cancelled")
    response = client.get("/termine/abgesagt/anmeldung/")
    assert "Keine Anmeldung möglich: Die Veranstaltung ist abgesagt." in response.content.decode()
    response = client.post("/termine/abgesagt/anmeldung/", {"name": "X", "email": "x@example.org"})
    assert Registration.objects.count() == 0
    assert client.get("/termine/ohne-anmeldung/anmeldung/").status_code == 404


def test_a_full_event_offers_its_waiting_list_only_while_registration_is_open(client, course):
    RegistrationFactory.create_batch(2, event=course)
    html = client.get("/termine/grundkurs/").content.decode()
    assert "Ausgebucht</strong> – Sie können sich auf die Warteliste setzen lassen." in html
    course.registration_closes_at = course.starts_at - timedelta(days=30)
    course.save()
    html = client.get("/termine/grundkurs/").content.decode()
    assert "<strong>Ausgebucht</strong></p>" in html
    assert "Warteliste setzen" not in html


def test_the_honeypot_catches_bots(client, course):
    response = client.post(
        "/termine/grundkurs/anmeldung/",
        {"name": "Bot", "email": "bot@example.org", "consent": "on", "website": "http://spam"},
    )
    assert response.status_code == 302
    assert Registration.objects.count() == 0


def test_certificate_of_attendance_for_those_who_attended(client, course):
    course.certificate_enabled = True
    course.provider = "Ehrenamtsakademie"
    course.course_scope = "2 Abende à 3 Stunden"
    course.save()
    attended = RegistrationFactory(event=course, name="Jürgen Weiß", attended=True)
    absent = RegistrationFactory(event=course, name="Peter Groß")
    assert client.get(f"/termine/anmeldung/{absent.token}/bescheinigung.pdf").status_code == 404
    response = client.get(f"/termine/anmeldung/{attended.token}/bescheinigung.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Teilnahmebescheinigung" in text
    assert "Jürgen Weiß" in text
    assert "Grundkurs Vereinsvorstand" in text
    assert "Umfang: 2 Abende à 3 Stunden" in text
    page = client.get(f"/termine/anmeldung/{attended.token}/").content.decode()
    assert "Teilnahmebescheinigung (PDF)" in page


def test_unknown_tokens_are_not_found(client):
    assert client.get("/termine/anmeldung/gibt-es-nicht/").status_code == 404
    assert client.post("/termine/anmeldung/gibt-es-nicht/abmelden/").status_code == 404
