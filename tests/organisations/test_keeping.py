"""Keeping entries current: recorded edits, unpublishing, freshness reminders, the stale queue."""

import html
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from engagementnetz.organisations import tasks
from engagementnetz.organisations.models import (
    ChangeRecord,
    Decision,
    DecisionKind,
    DecisionOutcome,
    Organisation,
    OrganisationState,
)
from tests.conftest import login, mail_links
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def page(response) -> str:
    return html.unescape(response.content.decode())


def edit_data(**changes):
    data = {
        "name": "Musikverein Bitburg",
        "kind": "verein",
        "short_description": "Wir machen Musik für alle Generationen.",
        "city": "Bitburg",
    }
    data.update(changes)
    return data


def test_edit_of_a_verified_entry_is_public_at_once_and_recorded(client, club_editor):
    login(client, club_editor)
    response = client.post(
        "/organisationen/musikverein-bitburg/bearbeiten/",
        edit_data(
            short_description="Blasmusik und Jugendorchester.",
            meeting_times="Freitags 19:30 im Haus Beda",
            seeks_volunteers="on",
        ),
        follow=True,
    )
    assert "Ihre Änderungen wurden gespeichert und sind jetzt öffentlich." in page(response)
    [record] = ChangeRecord.objects.all()
    assert record.changed_by == club_editor
    assert abs(record.changed_at - timezone.now()) < timedelta(minutes=1)
    assert record.changes == [
        {
            "field": "short_description",
            "old": "Wir machen Musik für alle Generationen.",
            "new": "Blasmusik und Jugendorchester.",
        },
        {"field": "meeting_times", "old": "", "new": "Freitags 19:30 im Haus Beda"},
        {"field": "seeks_volunteers", "old": "nein", "new": "ja"},
    ]
    history = page(client.get("/organisationen/musikverein-bitburg/verwalten/"))
    assert (
        "<del>Wir machen Musik für alle Generationen.</del> → Blasmusik und Jugendorchester."
        in (history)
    )
    client.logout()
    public = page(client.get("/organisationen/musikverein-bitburg/"))
    assert "Blasmusik und Jugendorchester." in public
    assert "Freitags 19:30 im Haus Beda" in public


def test_saving_without_changes_records_nothing(client, club_admin):
    login(client, club_admin)
    client.post("/organisationen/musikverein-bitburg/bearbeiten/", edit_data())
    assert ChangeRecord.objects.count() == 0


def test_edit_with_errors_keeps_what_was_typed(client, club_admin):
    login(client, club_admin)
    response = client.post(
        "/organisationen/musikverein-bitburg/bearbeiten/",
        edit_data(short_description="Neu", founded_year="3000", show_phone="on"),
    )
    text = page(response)
    assert response.status_code == 200
    assert f"Bitte geben Sie ein Jahr zwischen 800 und {timezone.localdate().year} an." in text
    assert "Bitte geben Sie die Telefonnummer an, die angezeigt werden soll." in text
    assert 'value="3000"' in text
    assert Organisation.objects.get(slug="musikverein-bitburg").short_description != "Neu"


def test_office_unpublishes_with_a_reason(
    client, office_user, club_admin, organisation, django_capture_on_commit_callbacks
):
    login(client, office_user)
    url = f"/netzwerkbuero/verzeichnis/eintraege/{organisation.pk}/zurueckziehen/"
    response = client.post(url, {"reason": ""})
    assert "Bitte geben Sie eine Begründung an; sie wird an die Organisation gesendet." in page(
        response
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "Der Verein hat sich aufgelöst."})
    organisation.refresh_from_db()
    assert organisation.state == OrganisationState.UNPUBLISHED
    assert organisation.unpublished_reason == "Der Verein hat sich aufgelöst."
    decision = Decision.objects.get()
    assert (decision.kind, decision.outcome, decision.decided_by) == (
        DecisionKind.PUBLICATION,
        DecisionOutcome.UNPUBLISHED,
        office_user,
    )
    [message] = mail.outbox
    assert message.to == [club_admin.email]
    assert message.subject == "Ihr Eintrag „Musikverein Bitburg“ ist nicht mehr öffentlich"
    assert "----------\nDer Verein hat sich aufgelöst.\n----------" in message.body
    client.logout()
    assert client.get("/organisationen/musikverein-bitburg/").status_code == 404


def _aged(name: str, days: int, **extra) -> Organisation:
    organisation = OrganisationFactory(
        name=name, reviewed_at=timezone.now() - timedelta(days=days), **extra
    )
    MembershipFactory(organisation=organisation, user__email=f"{organisation.slug}@example.org")
    return organisation


def test_reminder_after_six_months_with_a_one_click_link(client):
    due = _aged("Heimatverein Masholder", 190)
    _aged("Kirchenchor Erdorf", 100)
    _aged("Entwurf", 400, state=OrganisationState.DRAFT)
    tasks.send_review_reminders.call()
    [message] = mail.outbox
    assert message.to == ["heimatverein-masholder@example.org"]
    assert message.subject == "Sind die Angaben zu „Heimatverein Masholder“ noch aktuell?"
    assert "Angaben sind aktuell:" in message.body
    [link] = [url for url in mail_links(message) if "/organisationen/aktuell/" in url]
    path = link.removeprefix("http://127.0.0.1:8000")

    # A second run does not mail again.
    tasks.send_review_reminders.call()
    assert len(mail.outbox) == 1

    # The link works without login: one button, and the date is updated.
    response = client.get(path)
    assert response.status_code == 200
    assert "Angaben sind aktuell" in page(response)
    due.refresh_from_db()
    assert due.reviewed_at < timezone.now() - timedelta(days=180)  # a GET changes nothing
    response = client.post(path)
    assert response.status_code == 200
    assert "Die Angaben zu „Heimatverein Masholder“ sind als aktuell vermerkt." in page(response)
    due.refresh_from_db()
    assert abs(due.reviewed_at - timezone.now()) < timedelta(minutes=1)


def test_a_forged_link_is_refused(client):
    response = client.post("/organisationen/aktuell/1:gefaelscht/")
    assert response.status_code == 404
    assert "Dieser Link ist nicht mehr gültig" in page(response)


def test_after_twelve_months_the_entry_is_in_the_office_queue(client, office_user):
    _aged("Heimatverein Masholder", 190)
    stale = _aged("Kegelclub Alle Neune", 400)
    login(client, office_user)
    queue = page(client.get("/netzwerkbuero/verzeichnis/"))
    section = queue[queue.index('id="stale-heading"') :]
    assert f"/netzwerkbuero/verzeichnis/veraltet/{stale.pk}/" in section
    assert "Kegelclub Alle Neune" in section
    assert "Heimatverein Masholder" not in section
    # The office confirms after a phone call: out of the queue, recorded.
    client.post(
        f"/netzwerkbuero/verzeichnis/veraltet/{stale.pk}/",
        {"decision": "confirm", "note": "Telefonisch bestätigt."},
    )
    queue = page(client.get("/netzwerkbuero/verzeichnis/"))
    assert "Kegelclub Alle Neune" not in queue[queue.index('id="stale-heading"') :]
    assert Decision.objects.get().outcome == DecisionOutcome.CONFIRMED
