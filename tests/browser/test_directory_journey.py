"""Directory in the browser: a club registers → the network office verifies → found by filter."""

import re
import time

import pytest
from django.core import mail
from django.test import Client

from engagementnetz.core.models import SiteSettings
from engagementnetz.organisations.models import Organisation, OrganisationState
from tests.factories import (
    PASSWORD,
    DistrictFactory,
    FieldFactory,
    OrganisationFactory,
    UserFactory,
    make_network_office_user,
)

from .conftest import assert_accessible, login_in_browser

pytestmark = pytest.mark.django_db(transaction=True)

CLUB_CONTACT = "vorsitz@theater-stahl.example"


@pytest.fixture
def town(transactional_db):
    site = SiteSettings.current()
    site.contact_email = "netzwerkbuero@bitburg.example"
    site.save()
    kultur = FieldFactory(name="Kultur", slug="kultur")
    FieldFactory(name="Sport", slug="sport")
    stahl = DistrictFactory(name="Stahl", slug="stahl")
    sportverein = OrganisationFactory(name="Sportverein Stahl", district=stahl)
    sportverein.fields.set([FieldFactory(name="Sport")])
    OrganisationFactory(name="Heimatverein Masholder")
    return {
        "kultur": kultur,
        "citizen": UserFactory(email=CLUB_CONTACT, name="Petra Klein"),
        "office": make_network_office_user(email="buero@bitburg.example", name="Monika Weber"),
    }


def office_session(user, base_url: str) -> list[dict]:
    """The network office signs in with a second factor; the journey starts after that."""
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "email": user.email},
        {"method": "mfa", "at": time.time(), "type": "totp"},
    ]
    session.save()
    return [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]


def test_register_verify_and_find_the_club(town, page, browser, live_server):
    # A citizen registers the club; the form explains what is missing and keeps the rest.
    login_in_browser(page, CLUB_CONTACT, PASSWORD)
    page.wait_for_load_state()
    page.goto("/organisationen/registrieren/")
    page.locator("#id_name").fill("Theatergruppe Stahl")
    page.get_by_role("button", name="Zur Prüfung einreichen").click()
    assert page.get_by_text("Bitte prüfen Sie Ihre Angaben.").first.is_visible()
    assert page.get_by_text(
        "Bitte bestätigen Sie, dass Sie die Organisation vertreten dürfen."
    ).first.is_visible()
    assert page.locator("#id_name").input_value() == "Theatergruppe Stahl"
    assert_accessible(page)

    page.locator("#id_kind").select_option("initiative")
    page.locator("#id_short_description").fill("Laientheater für alle Generationen.")
    page.get_by_label("Kultur").check()
    page.locator("#id_district").select_option(label="Stahl")
    page.locator("#id_email").fill("spielleitung@theater-stahl.example")
    page.locator("#id_confirm_entitled").check()
    page.get_by_role("button", name="Zur Prüfung einreichen").click()
    page.wait_for_url("**/organisationen/theatergruppe-stahl/verwalten/")
    assert page.get_by_text("„Theatergruppe Stahl“ wurde eingereicht").first.is_visible()
    assert_accessible(page)  # the club's work area
    assert Organisation.objects.get(slug="theatergruppe-stahl").state == OrganisationState.SUBMITTED
    assert [m.to for m in mail.outbox] == [["netzwerkbuero@bitburg.example"]]

    # Not public yet.
    visitor = browser.new_context(locale="de-DE", base_url=live_server.url)
    anonymous = visitor.new_page()
    anonymous.set_default_timeout(10_000)
    response = anonymous.goto("/organisationen/theatergruppe-stahl/")
    assert response.status == 404

    # The network office verifies it in its work area.
    office = browser.new_context(locale="de-DE", base_url=live_server.url)
    office.add_cookies(office_session(town["office"], live_server.url))
    office_page = office.new_page()
    office_page.set_default_timeout(10_000)
    office_page.goto("/netzwerkbuero/verzeichnis/")
    assert_accessible(office_page)
    office_page.get_by_role("link", name="Theatergruppe Stahl").click()
    office_page.wait_for_url(re.compile(r"/netzwerkbuero/verzeichnis/registrierung/\d+/"))
    assert_accessible(office_page)
    office_page.get_by_label("Prüfen und veröffentlichen").check()
    office_page.get_by_role("button", name="Entscheidung speichern").click()
    office_page.wait_for_url("**/netzwerkbuero/verzeichnis/")
    assert office_page.get_by_text(
        "„Theatergruppe Stahl“ wurde geprüft und ist jetzt öffentlich."
    ).first.is_visible()
    office.close()
    assert mail.outbox[-1].to == [CLUB_CONTACT]

    # A visitor finds it with a filter (htmx updates the list in place) and sees the badge.
    anonymous.goto("/organisationen/")
    assert anonymous.locator("[data-results-summary]").inner_text() == "3 Organisationen gefunden"
    assert_accessible(anonymous)
    anonymous.locator("#id_bereich").select_option("kultur")
    anonymous.wait_for_url(re.compile(r"/organisationen/\?.*bereich=kultur"))
    anonymous.wait_for_function(
        "document.querySelector('[data-results-summary]').innerText.trim() === "
        "'1 Organisation gefunden'"
    )
    assert anonymous.locator(".organisation-card h3").all_inner_texts() == ["Theatergruppe Stahl"]
    anonymous.get_by_role("link", name="Theatergruppe Stahl").click()
    anonymous.wait_for_url("**/organisationen/theatergruppe-stahl/")
    verified_at = Organisation.objects.get(slug="theatergruppe-stahl").verified_at
    badge = f"geprüft vom Netzwerkbüro am {verified_at.astimezone().strftime('%d.%m.%Y')}"
    assert anonymous.get_by_text(badge).is_visible()
    assert "spielleitung@theater-stahl.example" not in anonymous.content()
    assert_accessible(anonymous)
    visitor.close()
    assert page.foreign_requests == []
