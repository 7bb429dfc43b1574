"""Every write action of the directory, tried by every role.

Roles: anonymous, a citizen, the admin and the editor of organisation A, the admin of
organisation B, the network office. "ok" means the action went through (or its form was shown);
anyone else is sent to the login (anonymous) or refused with 403.

The scene is built once for the module; each test runs in a savepoint rolled back afterwards.
"""

import pytest
from django.core import mail
from django.db import transaction

from engagementnetz.organisations.models import Membership, OrganisationState
from tests.conftest import login

from .conftest import build_scene
from .factories import image_upload

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_scene()
        transaction.set_rollback(True)


ROLES = ["anonymous", "citizen", "admin_a", "editor_a", "admin_b", "office"]
EVERYONE = set(ROLES)
LOGGED_IN = EVERYONE - {"anonymous"}
MEMBERS_A = {"admin_a", "editor_a", "office"}
ADMINS_A = {"admin_a", "office"}
OFFICE = {"office"}


def organisation_data(scene, **changes):
    data = {
        "name": "Musikverein Bitburg",
        "kind": "verein",
        "short_description": "Blasmusik für alle.",
        "fields": [scene["field"].pk],
        "district": scene["district"].pk,
        "postcode": "54634",
        "city": "Bitburg",
    }
    data.update(changes)
    return data


def project_data(scene):
    return {"title": "Sommerkonzert", "summary": "Open Air im Park.", "status": "planned"}


ACTIONS = {
    "register": (LOGGED_IN, lambda c, s: c.get("/organisationen/registrieren/")),
    "manage": (MEMBERS_A, lambda c, s: c.get("/organisationen/musikverein-bitburg/verwalten/")),
    "edit": (
        MEMBERS_A,
        lambda c, s: c.post(
            "/organisationen/musikverein-bitburg/bearbeiten/", organisation_data(s)
        ),
    ),
    "submit": (
        MEMBERS_A,
        lambda c, s: (
            s["a"].__class__.objects.filter(pk=s["a"].pk).update(state=OrganisationState.DRAFT),
            c.post("/organisationen/musikverein-bitburg/einreichen/"),
        )[1],
    ),
    "confirm_current": (
        MEMBERS_A,
        lambda c, s: c.post("/organisationen/musikverein-bitburg/bestaetigen/"),
    ),
    "photo_add": (
        MEMBERS_A,
        lambda c, s: c.post(
            "/organisationen/musikverein-bitburg/fotos/",
            {"image": image_upload(), "caption": "Konzert im Haus Beda"},
        ),
    ),
    "people": (ADMINS_A, lambda c, s: c.get("/organisationen/musikverein-bitburg/personen/")),
    "invite": (
        ADMINS_A,
        lambda c, s: c.post(
            "/organisationen/musikverein-bitburg/personen/",
            {"email": "kassenwart@example.org", "role": "editor"},
        ),
    ),
    "change_role": (
        ADMINS_A,
        lambda c, s: c.post(
            f"/organisationen/musikverein-bitburg/personen/{s['editor_membership'].pk}/rolle/",
            {"role": "admin"},
        ),
    ),
    "remove_member": (
        ADMINS_A,
        lambda c, s: c.post(
            f"/organisationen/musikverein-bitburg/personen/{s['editor_membership'].pk}/entfernen/"
        ),
    ),
    "revoke_invitation": (
        ADMINS_A,
        lambda c, s: c.post(
            f"/organisationen/musikverein-bitburg/einladungen/{s['invitation'].pk}/zurueckziehen/"
        ),
    ),
    "project_create": (
        MEMBERS_A,
        lambda c, s: c.post("/organisationen/musikverein-bitburg/projekte/neu/", project_data(s)),
    ),
    "project_edit": (
        MEMBERS_A,
        lambda c, s: c.post("/projekte/probenwochenende/bearbeiten/", project_data(s)),
    ),
    "project_photo_add": (
        MEMBERS_A,
        lambda c, s: c.post(
            "/projekte/probenwochenende/fotos/",
            {"image": image_upload(), "caption": "Probe im Pfarrheim"},
        ),
    ),
    "project_delete": (MEMBERS_A, lambda c, s: c.post("/projekte/probenwochenende/loeschen/")),
    "claim": (
        LOGGED_IN - OFFICE,
        lambda c, s: c.post(
            "/organisationen/schachfreunde-bitburg/uebernehmen/",
            {"function": "Vorsitz", "confirm_entitled": "on"},
        ),
    ),
    "contact": (
        EVERYONE,
        lambda c, s: c.post(
            "/organisationen/musikverein-bitburg/kontakt/",
            {
                "sender_name": "Lena Berg",
                "sender_email": "lena@example.org",
                "subject": "Probe",
                "message": "Darf ich vorbeikommen?",
                "consent": "on",
            },
        ),
    ),
    "report": (
        EVERYONE,
        lambda c, s: c.post(
            "/organisationen/musikverein-bitburg/melden/",
            {"reason": "wrong", "message": "Die Probe ist jetzt mittwochs."},
        ),
    ),
    "queue": (OFFICE, lambda c, s: c.get("/netzwerkbuero/verzeichnis/")),
    "decide_registration": (
        OFFICE,
        lambda c, s: c.post(
            f"/netzwerkbuero/verzeichnis/registrierung/{s['submitted'].pk}/",
            {"decision": "verify"},
        ),
    ),
    "decide_claim": (
        OFFICE,
        lambda c, s: c.post(
            f"/netzwerkbuero/verzeichnis/uebernahme/{s['claim'].pk}/", {"decision": "approve"}
        ),
    ),
    "decide_report": (
        OFFICE,
        lambda c, s: c.post(
            f"/netzwerkbuero/verzeichnis/meldung/{s['report'].pk}/", {"decision": "dismissed"}
        ),
    ),
    "decide_stale": (
        OFFICE,
        lambda c, s: c.post(
            f"/netzwerkbuero/verzeichnis/veraltet/{s['stale'].pk}/", {"decision": "confirm"}
        ),
    ),
    "unpublish": (
        OFFICE,
        lambda c, s: c.post(
            f"/netzwerkbuero/verzeichnis/eintraege/{s['a'].pk}/zurueckziehen/",
            {"reason": "Verein aufgelöst"},
        ),
    ),
    "republish": (
        OFFICE,
        lambda c, s: c.post(
            f"/netzwerkbuero/verzeichnis/eintraege/{s['unpublished'].pk}/veroeffentlichen/"
        ),
    ),
    "office_create": (
        OFFICE,
        lambda c, s: c.post(
            "/netzwerkbuero/verzeichnis/neu/", organisation_data(s, name="Lauftreff Bitburg")
        ),
    ),
    "import": (
        OFFICE,
        lambda c, s: c.post(
            "/netzwerkbuero/verzeichnis/import/",
            {"file": _csv("Schlüssel;Name;Art\nL-1;Lauftreff Bitburg;Initiative\n")},
        ),
    ),
    "export": (OFFICE, lambda c, s: c.get("/netzwerkbuero/verzeichnis/export.csv")),
    "link_create": (
        OFFICE,
        lambda c, s: c.post(
            "/netzwerkbuero/links/neu/",
            {
                "category": s["link"].category_id,
                "title": "Landessportbund",
                "url": "https://www.lsb-rlp.de/",
                "position": 0,
                "is_published": "on",
            },
        ),
    ),
    "link_delete": (OFFICE, lambda c, s: c.post(f"/netzwerkbuero/links/{s['link'].pk}/loeschen/")),
    "link_check": (OFFICE, lambda c, s: c.post(f"/netzwerkbuero/links/{s['link'].pk}/pruefen/")),
    "category_create": (
        OFFICE,
        lambda c, s: c.post(
            "/netzwerkbuero/links/kategorien/neu/", {"name": "Sport", "position": 1}
        ),
    ),
}


def _csv(text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("vereine.csv", text.encode("utf-8"), content_type="text/csv")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_permission_matrix(client, scene, action, role):
    allowed, perform = ACTIONS[action]
    user = scene["users"][role]
    if user is not None:
        login(client, user)
    response = perform(client, scene)
    if role in allowed:
        assert response.status_code in {200, 302}, response.status_code
        assert "/konto/login/" not in response.get("Location", "")
        if response.status_code == 200 and response.request["REQUEST_METHOD"] == "POST":
            # A POST that renders a page again has failed validation: show why.
            html = response.content.decode()
            assert "Bitte prüfen Sie Ihre Angaben." not in html, html
    elif user is None:
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/")
    else:
        assert response.status_code == 403


def test_refused_writes_change_nothing(client, scene):
    """The admin of B cannot edit A, invite into A, or remove A's editor."""
    login(client, scene["users"]["admin_b"])
    client.post(
        "/organisationen/musikverein-bitburg/bearbeiten/",
        organisation_data(scene, name="Übernommen"),
    )
    client.post(
        "/organisationen/musikverein-bitburg/personen/", {"email": "x@example.org", "role": "admin"}
    )
    client.post(
        f"/organisationen/musikverein-bitburg/personen/{scene['editor_membership'].pk}/entfernen/"
    )
    scene["a"].refresh_from_db()
    assert scene["a"].name == "Musikverein Bitburg"
    assert scene["a"].invitations.filter(email="x@example.org").exists() is False
    assert Membership.objects.filter(pk=scene["editor_membership"].pk).exists()
    assert mail.outbox == []
