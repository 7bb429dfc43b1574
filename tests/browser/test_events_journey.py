"""Termine in the browser: find a course, register, confirm by mail, cancel, the next moves up."""

import re

import pytest
from django.core import mail

from engagementnetz.events.models import Registration, RegistrationStatus
from tests.events.factories import EventFactory, RegistrationFactory, days_ahead
from tests.factories import OrganisationFactory

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def course(transactional_db):
    academy = OrganisationFactory(name="Ehrenamtsakademie Eifel", slug="ehrenamtsakademie-eifel")
    EventFactory(title="Chorprobe des Männergesangvereins", slug="chorprobe", organiser=academy)
    return EventFactory(
        title="Erste Hilfe für Übungsleitende",
        slug="erste-hilfe-fuer-uebungsleitende",
        kind="fortbildung",
        organiser=academy,
        starts_at=days_ahead(10, hour=9),
        registration_enabled=True,
        capacity=1,
        waiting_list_enabled=True,
        consent_text="Ich bin einverstanden, dass meine Angaben für den Kurs gespeichert werden.",
    )


def link_in(message, pattern: str) -> str:
    found = re.search(r"https?://[^/\s]+(" + pattern + r")", message.body)
    assert found, message.body
    return found.group(1)


def test_find_register_confirm_cancel_and_the_next_moves_up(page, course):
    # The courses list shows courses only.
    page.goto("/fortbildungen/")
    assert page.get_by_role("link", name="Erste Hilfe für Übungsleitende").is_visible()
    assert page.get_by_role("link", name="Chorprobe des Männergesangvereins").count() == 0
    assert_accessible(page)

    page.goto("/termine/")
    assert page.get_by_role("link", name="Chorprobe des Männergesangvereins").first.is_visible()
    assert_accessible(page)

    page.goto("/fortbildungen/")
    page.get_by_role("link", name="Erste Hilfe für Übungsleitende").first.click()
    page.wait_for_url("**/termine/erste-hilfe-fuer-uebungsleitende/")
    assert page.locator("h1").inner_text() == "Erste Hilfe für Übungsleitende"
    assert_accessible(page)

    # An incomplete form is explained next to its fields and keeps what was typed.
    page.get_by_role("link", name="Jetzt anmelden").click()
    page.get_by_label("Ihr Name").fill("Lena Krämer")
    page.get_by_role("button", name="Anmelden", exact=True).click()
    assert page.get_by_text("Bitte prüfen Sie Ihre Angaben.").first.is_visible()
    assert page.get_by_text(
        "Bitte stimmen Sie zu, damit wir Sie anmelden können.", exact=True
    ).is_visible()
    assert page.get_by_label("Ihr Name").input_value() == "Lena Krämer"
    assert_accessible(page)

    page.get_by_label("Ihre E-Mail-Adresse").fill("lena@example.org")
    page.get_by_label(re.compile("^Ich bin einverstanden")).check()
    page.get_by_role("button", name="Anmelden", exact=True).click()
    page.wait_for_url("**/anmeldung/gesendet/")
    registration = Registration.objects.get(email="lena@example.org")
    assert registration.status == RegistrationStatus.PENDING
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lena@example.org"]

    # The link in the mail confirms the place.
    page.goto(link_in(mail.outbox[0], r"/termine/anmeldung/\S+/bestaetigen/"))
    page.get_by_role("button", name="Anmeldung bestätigen").click()
    page.wait_for_url(f"**/termine/anmeldung/{registration.token}/")
    assert page.get_by_text("Vielen Dank! Ihr Platz ist bestätigt.").is_visible()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED

    # Someone else is waiting for the one place.
    waiting = RegistrationFactory(
        event=course, name="Paul Weber", email="paul@example.org", status="waiting"
    )

    # Lena cancels through the link of her mail; Paul moves up and is told by mail.
    mail.outbox.clear()
    page.goto(f"/termine/anmeldung/{registration.token}/abmelden/")
    page.get_by_role("button", name="Ja, ich melde mich ab").click()
    page.wait_for_load_state()
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "lena@example.org": "Ihre Abmeldung ist eingegangen: Erste Hilfe für Übungsleitende",
        "paul@example.org": "Ein Platz ist für Sie frei geworden: Erste Hilfe für Übungsleitende",
    }
    promoted = next(message for message in mail.outbox if message.to == ["paul@example.org"])
    assert f"/termine/anmeldung/{waiting.token}/abmelden/" in promoted.body
