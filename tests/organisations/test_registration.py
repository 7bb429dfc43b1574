"""Self-registration → verification or rejection, claiming, and the people who keep an entry."""

import html

import pytest
from django.core import mail

from engagementnetz.core.models import SiteSettings
from engagementnetz.organisations.models import (
    ClaimRequest,
    ClaimState,
    Decision,
    DecisionOutcome,
    Invitation,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationState,
)
from tests.conftest import login, mail_links
from tests.factories import DistrictFactory, FieldFactory, UserFactory

from .conftest import card_names

pytestmark = pytest.mark.django_db

OFFICE_ADDRESS = "netzwerkbuero@bitburg.example"


@pytest.fixture(autouse=True)
def office_address(db):
    site = SiteSettings.current()
    site.contact_email = OFFICE_ADDRESS
    site.save()


@pytest.fixture
def vocab(db):
    return {"field": FieldFactory(name="Kultur"), "district": DistrictFactory(name="Stahl")}


def registration(vocab, **changes):
    data = {
        "name": "Theatergruppe Stahl",
        "kind": "initiative",
        "short_description": "Laientheater für alle Generationen.",
        "fields": [vocab["field"].pk],
        "district": vocab["district"].pk,
        "email": "spielleitung@theater-stahl.example",
        "website": "theater-stahl.example",
        "confirm_entitled": "on",
    }
    data.update(changes)
    return data


def page(response) -> str:
    return html.unescape(response.content.decode())


def test_registration_with_errors_keeps_what_was_typed(citizen_client, vocab):
    data = registration(vocab, name="", kind="", confirm_entitled="")
    response = citizen_client.post("/organisationen/registrieren/", data)
    text = page(response)
    assert response.status_code == 200
    assert "Bitte geben Sie den Namen der Organisation an." in text
    assert "Bitte wählen Sie aus, um welche Art von Organisation es sich handelt." in text
    assert "Bitte bestätigen Sie, dass Sie die Organisation vertreten dürfen." in text
    assert 'value="Laientheater für alle Generationen."' in text
    assert 'value="spielleitung@theater-stahl.example"' in text
    assert Organisation.objects.count() == 0


def test_registration_as_draft_is_not_public(client, citizen, vocab):
    login(client, citizen)
    response = client.post("/organisationen/registrieren/", registration(vocab))
    assert response["Location"] == "/organisationen/theatergruppe-stahl/verwalten/"
    organisation = Organisation.objects.get()
    assert organisation.state == OrganisationState.DRAFT
    assert organisation.website == "https://theater-stahl.example"
    assert organisation.entitlement_confirmed_at is not None
    assert organisation.memberships.get().user == citizen
    assert organisation.memberships.get().role == MembershipRole.ADMIN
    assert mail.outbox == []
    client.logout()
    assert client.get("/organisationen/theatergruppe-stahl/").status_code == 404
    assert card_names(client.get("/organisationen/")) == []


def _submit(client, vocab, capture):
    with capture(execute=True):
        client.post("/organisationen/registrieren/", {**registration(vocab), "submit": "1"})
    return Organisation.objects.get(name="Theatergruppe Stahl")


def test_submitted_registration_reaches_the_office(
    client, citizen, vocab, django_capture_on_commit_callbacks
):
    login(client, citizen)
    organisation = _submit(client, vocab, django_capture_on_commit_callbacks)
    assert organisation.state == OrganisationState.SUBMITTED
    assert organisation.submitted_by == citizen
    [message] = mail.outbox
    assert message.to == [OFFICE_ADDRESS]
    assert message.subject == "Neuer Eintrag zur Prüfung: Theatergruppe Stahl"
    assert "http://127.0.0.1:8000/netzwerkbuero/verzeichnis/" in mail_links(message)
    client.logout()
    assert client.get("/organisationen/theatergruppe-stahl/").status_code == 404


def test_office_verifies_a_registration(
    client, citizen, office_user, vocab, django_capture_on_commit_callbacks
):
    login(client, citizen)
    organisation = _submit(client, vocab, django_capture_on_commit_callbacks)
    login(client, office_user)
    queue = page(client.get("/netzwerkbuero/verzeichnis/"))
    assert f"/netzwerkbuero/verzeichnis/registrierung/{organisation.pk}/" in queue
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/netzwerkbuero/verzeichnis/registrierung/{organisation.pk}/",
            {"decision": "verify", "note": "Vorstand telefonisch bestätigt."},
        )
    assert response["Location"] == "/netzwerkbuero/verzeichnis/"
    organisation.refresh_from_db()
    assert organisation.state == OrganisationState.VERIFIED
    assert organisation.verified_by == office_user
    decision = Decision.objects.get(organisation=organisation)
    assert decision.outcome == DecisionOutcome.VERIFIED
    assert decision.note == "Vorstand telefonisch bestätigt."
    assert decision.decided_by == office_user
    [message] = mail.outbox
    assert message.to == ["buergerin@example.org"]
    assert message.subject == "Ihr Eintrag „Theatergruppe Stahl“ wurde geprüft"
    assert "http://127.0.0.1:8000/organisationen/theatergruppe-stahl/" in mail_links(message)
    client.logout()
    detail = page(client.get("/organisationen/theatergruppe-stahl/"))
    date = organisation.verified_at.astimezone().strftime("%d.%m.%Y")
    assert f"geprüft vom Netzwerkbüro am {date}" in detail
    assert card_names(client.get("/organisationen/?bereich=kultur")) == ["Theatergruppe Stahl"]


def test_rejection_needs_a_reason_and_mails_it(
    client, citizen, office_user, vocab, django_capture_on_commit_callbacks
):
    login(client, citizen)
    organisation = _submit(client, vocab, django_capture_on_commit_callbacks)
    login(client, office_user)
    url = f"/netzwerkbuero/verzeichnis/registrierung/{organisation.pk}/"
    response = client.post(url, {"decision": "reject", "note": "  "})
    assert response.status_code == 200
    assert "Bitte geben Sie eine Begründung an; sie wird an die Organisation gesendet." in page(
        response
    )
    mail.outbox.clear()
    reason = "Bitte ergänzen Sie, wer den Verein vertritt."
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "reject", "note": reason})
    organisation.refresh_from_db()
    assert organisation.state == OrganisationState.REJECTED
    assert organisation.rejection_reason == reason
    [message] = mail.outbox
    assert message.to == ["buergerin@example.org"]
    assert message.subject == "Ihr Eintrag „Theatergruppe Stahl“ konnte nicht veröffentlicht werden"
    assert (
        "Das Netzwerkbüro konnte den Eintrag „Theatergruppe Stahl“ nicht veröffentlichen. "
        "Die Begründung:" in message.body
    )
    assert f"----------\n{reason}\n----------" in message.body
    assert "http://127.0.0.1:8000/organisationen/theatergruppe-stahl/verwalten/" in mail_links(
        message
    )
    client.logout()
    assert client.get("/organisationen/theatergruppe-stahl/").status_code == 404
    # The club corrects the entry and submits it again.
    login(client, citizen)
    client.post("/organisationen/theatergruppe-stahl/einreichen/")
    organisation.refresh_from_db()
    assert organisation.state == OrganisationState.SUBMITTED


def test_claim_of_an_imported_entry(
    client, citizen, office_user, organisation, django_capture_on_commit_callbacks
):
    """ "Das ist unsere Organisation" → the office approves → the person is admin."""
    login(client, citizen)
    detail = page(client.get("/organisationen/musikverein-bitburg/"))
    assert "Das ist unsere Organisation" in detail
    response = client.post(
        "/organisationen/musikverein-bitburg/uebernehmen/",
        {"function": "Vorsitzende", "message": "Erreichbar abends."},
    )
    assert "Bitte bestätigen Sie, dass Sie die Organisation vertreten dürfen." in page(response)
    assert 'value="Vorsitzende"' in page(response)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/organisationen/musikverein-bitburg/uebernehmen/",
            {"function": "Vorsitzende", "message": "Erreichbar abends.", "confirm_entitled": "on"},
        )
    claim = ClaimRequest.objects.get()
    assert (claim.user, claim.state, claim.function) == (citizen, ClaimState.PENDING, "Vorsitzende")
    [message] = mail.outbox
    assert message.to == [OFFICE_ADDRESS]
    assert message.subject == "Übernahmeanfrage für „Musikverein Bitburg“"
    mail.outbox.clear()

    login(client, office_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/netzwerkbuero/verzeichnis/uebernahme/{claim.pk}/", {"decision": "approve"})
    claim.refresh_from_db()
    assert claim.state == ClaimState.APPROVED
    assert organisation.memberships.get(user=citizen).role == MembershipRole.ADMIN
    [message] = mail.outbox
    assert message.to == ["buergerin@example.org"]
    assert message.subject == "Sie pflegen jetzt den Eintrag „Musikverein Bitburg“"
    # With an admin the entry cannot be claimed any more.
    other = UserFactory()
    login(client, other)
    assert "Das ist unsere Organisation" not in page(
        client.get("/organisationen/musikverein-bitburg/")
    )
    assert client.get("/organisationen/musikverein-bitburg/uebernehmen/").status_code == 403


def test_invitation_by_email_and_acceptance(
    client, club_admin, organisation, django_capture_on_commit_callbacks
):
    login(client, club_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/organisationen/musikverein-bitburg/personen/",
            {"email": "Kassenwart@Example.org", "role": "editor"},
        )
    assert response["Location"] == "/organisationen/musikverein-bitburg/personen/"
    invitation = Invitation.objects.get()
    assert invitation.email == "kassenwart@example.org"
    [message] = mail.outbox
    assert message.to == ["kassenwart@example.org"]
    assert message.subject == "Einladung zur Pflege des Eintrags „Musikverein Bitburg“"
    link = f"http://127.0.0.1:8000/organisationen/einladung/{invitation.token}/"
    assert link in mail_links(message)

    # Someone else who got hold of the link cannot use it.
    login(client, UserFactory(email="fremd@example.org"))
    client.post(link.removeprefix("http://127.0.0.1:8000"))
    assert not organisation.memberships.filter(user__email="fremd@example.org").exists()

    treasurer = UserFactory(email="kassenwart@example.org")
    login(client, treasurer)
    response = client.post(link.removeprefix("http://127.0.0.1:8000"))
    assert response["Location"] == "/organisationen/musikverein-bitburg/verwalten/"
    assert organisation.memberships.get(user=treasurer).role == MembershipRole.EDITOR
    # The link works once.
    response = client.post(link.removeprefix("http://127.0.0.1:8000"), follow=True)
    assert "Diese Einladung ist abgelaufen oder wurde bereits verwendet." in page(response)


def test_inviting_someone_who_already_keeps_the_entry(client, club_admin, club_editor):
    login(client, club_admin)
    response = client.post(
        "/organisationen/musikverein-bitburg/personen/",
        {"email": club_editor.email.upper(), "role": "editor"},
    )
    assert response.status_code == 200
    assert "Diese Person pflegt den Eintrag bereits." in page(response)
    assert Invitation.objects.count() == 0


LAST_ADMIN = (
    "Der Eintrag braucht mindestens eine Administration. Ernennen Sie zuerst eine andere "
    "Person zur Administration."
)


def test_roles_change_and_people_are_removed_but_never_the_last_admin(
    client, club_admin, club_editor, organisation
):
    login(client, club_admin)
    own = organisation.memberships.get(user=club_admin)
    editor = organisation.memberships.get(user=club_editor)

    response = client.post(
        f"/organisationen/musikverein-bitburg/personen/{own.pk}/rolle/",
        {"role": "editor"},
        follow=True,
    )
    assert LAST_ADMIN in page(response)
    own.refresh_from_db()
    assert own.role == MembershipRole.ADMIN

    response = client.post(
        f"/organisationen/musikverein-bitburg/personen/{own.pk}/entfernen/", follow=True
    )
    assert LAST_ADMIN in page(response)
    assert Membership.objects.filter(pk=own.pk).exists()

    client.post(
        f"/organisationen/musikverein-bitburg/personen/{editor.pk}/rolle/", {"role": "admin"}
    )
    editor.refresh_from_db()
    assert editor.role == MembershipRole.ADMIN
    # With a second admin the first may step down and even leave.
    client.post(f"/organisationen/musikverein-bitburg/personen/{own.pk}/rolle/", {"role": "editor"})
    own.refresh_from_db()
    assert own.role == MembershipRole.EDITOR
    login(client, club_editor)
    client.post(f"/organisationen/musikverein-bitburg/personen/{own.pk}/entfernen/")
    assert list(organisation.memberships.values_list("user__email", "role")) == [
        (club_editor.email, MembershipRole.ADMIN)
    ]
    # The last admin cannot leave either.
    response = client.post("/organisationen/musikverein-bitburg/verlassen/", follow=True)
    assert LAST_ADMIN in page(response)
    assert organisation.memberships.count() == 1
