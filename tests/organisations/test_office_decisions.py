"""The network office's decisions with odd input: German messages, no error pages, history."""

import html
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from engagementnetz.organisations.models import (
    ClaimState,
    Decision,
    DecisionOutcome,
    Organisation,
    OrganisationState,
)
from tests.conftest import login
from tests.factories import OrganisationFactory, UserFactory

from .factories import ClaimFactory

pytestmark = pytest.mark.django_db


def page(response) -> str:
    return html.unescape(response.content.decode())


def test_a_decision_must_be_chosen(office_client):
    submitted = OrganisationFactory(name="Boule-Freunde", state=OrganisationState.SUBMITTED)
    url = f"/netzwerkbuero/verzeichnis/registrierung/{submitted.pk}/"
    response = office_client.post(url, {"decision": "", "note": "Noch offen."})
    assert response.status_code == 200
    assert "Bitte wählen Sie eine Entscheidung aus." in page(response)
    assert "Noch offen." in page(response)
    response = office_client.post(url, {"decision": "loeschen"})
    assert response.status_code == 200
    submitted.refresh_from_db()
    assert submitted.state == OrganisationState.SUBMITTED


def test_decided_things_are_gone_from_the_queue(office_client):
    verified = OrganisationFactory(name="Schon geprüft")
    assert (
        office_client.get(f"/netzwerkbuero/verzeichnis/registrierung/{verified.pk}/").status_code
        == 404
    )
    claim = ClaimFactory(state=ClaimState.APPROVED)
    assert (
        office_client.get(f"/netzwerkbuero/verzeichnis/uebernahme/{claim.pk}/").status_code == 404
    )
    assert office_client.get("/netzwerkbuero/verzeichnis/export.pdf").status_code == 404
    assert office_client.get("/netzwerkbuero/verzeichnis/import/999/").status_code == 404


def test_declining_a_claim_needs_a_reason(office_client, django_capture_on_commit_callbacks):
    claim = ClaimFactory(user__email="anfrage@example.org")
    url = f"/netzwerkbuero/verzeichnis/uebernahme/{claim.pk}/"
    response = office_client.post(url, {"decision": "decline"})
    assert "Bitte geben Sie eine Begründung an; sie wird an die Person gesendet." in page(response)
    with django_capture_on_commit_callbacks(execute=True):
        office_client.post(
            url, {"decision": "decline", "note": "Bitte melden Sie sich telefonisch."}
        )
    claim.refresh_from_db()
    assert claim.state == ClaimState.DECLINED
    assert not claim.organisation.memberships.exists()
    [message] = mail.outbox
    assert message.to == ["anfrage@example.org"]
    assert "----------\nBitte melden Sie sich telefonisch.\n----------" in message.body


def test_a_second_claim_by_the_same_person(client, citizen, organisation):
    ClaimFactory(organisation=organisation, user=citizen)
    login(client, citizen)
    response = client.post(
        "/organisationen/musikverein-bitburg/uebernehmen/",
        {"function": "Kassenwart", "confirm_entitled": "on"},
    )
    assert response.status_code == 200
    assert (
        "Sie haben diesen Eintrag bereits angefragt; das Netzwerkbüro meldet sich bei Ihnen."
        in page(response)
    )
    assert organisation.claims.count() == 1


def test_reminding_an_entry_nobody_keeps(office_client):
    stale = OrganisationFactory(
        name="Alter Eintrag", reviewed_at=timezone.now() - timedelta(days=400)
    )
    response = office_client.post(
        f"/netzwerkbuero/verzeichnis/veraltet/{stale.pk}/", {"decision": "remind"}
    )
    assert response.status_code == 200
    assert "Dieser Eintrag hat keine Administration, die erinnert werden könnte." in page(response)
    assert Decision.objects.count() == 0


def test_history_of_decisions(office_client, office_user):
    submitted = OrganisationFactory(name="Boule-Freunde", state=OrganisationState.SUBMITTED)
    office_client.post(
        f"/netzwerkbuero/verzeichnis/registrierung/{submitted.pk}/",
        {"decision": "verify", "note": "Satzung liegt vor."},
    )
    decision = Decision.objects.get()
    assert (decision.outcome, decision.decided_by, decision.subject) == (
        DecisionOutcome.VERIFIED,
        office_user,
        "Boule-Freunde",
    )
    text = page(office_client.get("/netzwerkbuero/verzeichnis/entscheidungen/"))
    assert "Boule-Freunde" in text
    assert "Satzung liegt vor." in text


def test_office_creates_an_entry_with_a_unique_key(office_client):
    OrganisationFactory(name="Schachclub", external_key="V-9")
    data = {"name": "Lauftreff Bitburg", "kind": "initiative", "external_key": "V-9"}
    response = office_client.post("/netzwerkbuero/verzeichnis/neu/", data)
    assert response.status_code == 200
    assert "Ein anderer Eintrag hat bereits diesen Schlüssel." in page(response)
    assert 'value="Lauftreff Bitburg"' in page(response)
    office_client.post("/netzwerkbuero/verzeichnis/neu/", {**data, "external_key": "V-10"})
    created = Organisation.objects.get(external_key="V-10")
    assert created.state == OrganisationState.VERIFIED
    assert created.verified_at is not None


def test_someone_else_cannot_open_the_work_area(client):
    login(client, UserFactory())
    assert client.get("/netzwerkbuero/verzeichnis/").status_code == 403
