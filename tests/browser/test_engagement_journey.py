"""Engagement-Börse in the browser: finder → opportunity → interest → confirmation → engaged."""

import re
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.utils import timezone

from engagementnetz.opportunities.models import Commitment, Interest, InterestState
from tests.factories import (
    PASSWORD,
    DistrictFactory,
    FieldFactory,
    MembershipFactory,
    OrganisationFactory,
)
from tests.opportunities.factories import OpportunityFactory

from .conftest import assert_accessible, login_in_browser

pytestmark = pytest.mark.django_db(transaction=True)

ADMIN_EMAIL = "vorstand@nabu-bitburg.example"


@pytest.fixture
def board(transactional_db):
    """One club, three opportunities; the finder's answers below fit two of them."""
    umwelt = FieldFactory(name="Umwelt und Natur", slug="umwelt-und-natur")
    soziales = FieldFactory(name="Soziales", slug="soziales")
    moetsch = DistrictFactory(name="Mötsch", slug="moetsch")
    stahl = DistrictFactory(name="Stahl", slug="stahl")
    club = OrganisationFactory(name="Naturschutzgruppe Bitburg", slug="naturschutzgruppe-bitburg")
    admin = MembershipFactory(organisation=club, user__email=ADMIN_EMAIL).user
    now = timezone.now()
    in_a_month = timezone.localdate() + timedelta(days=30)
    OpportunityFactory(
        organisation=club,
        title="Bachpatenschaft an der Kyll",
        slug="bachpatenschaft-an-der-kyll",
        summary="Sie schauen regelmäßig nach dem Bach und melden, was auffällt.",
        fields=[umwelt],
        commitment=Commitment.FLEXIBLE,
        hours=None,
        hours_period="",
        district=moetsch,
        contact_name="Jonas Hoffmann",
        contact_email="jonas@nabu-bitburg.example",
        published_at=now - timedelta(days=3),
    )
    OpportunityFactory(
        organisation=club,
        title="Pflanztag im Stadtpark",
        slug="pflanztag-im-stadtpark",
        fields=[umwelt],
        commitment=Commitment.ONE_OFF,
        hours=None,
        hours_period="",
        dates=[{"date": in_a_month.isoformat(), "note": "10 bis 14 Uhr"}],
        start_date=in_a_month,
        end_date=in_a_month,
        on_weekends=True,
        district=stahl,
        published_at=now - timedelta(days=2),
    )
    OpportunityFactory(
        organisation=club,
        title="Hausaufgabenhilfe",
        slug="hausaufgabenhilfe",
        fields=[soziales],
        on_weekdays=True,
        district=stahl,
        published_at=now - timedelta(days=1),
    )
    return {"club": club, "admin": admin}


def result_titles(page) -> list[str]:
    return page.locator("#finder-results .opportunity-card h3").all_inner_texts()


def result_reasons(page) -> list[str]:
    return page.locator("#finder-results .opportunity-reasons").all_inner_texts()


def path_of(url: str) -> str:
    parsed = urlparse(url)
    return f"{parsed.path}?{parsed.query}" if parsed.query else parsed.path


def test_finder_to_interest_to_engaged(page, board):
    # The list of all open opportunities.
    page.goto("/engagement/")
    assert page.locator("[data-results-summary]").inner_text() == "3 Angebote"
    assert_accessible(page)
    # A filter updates the results in place (htmx) and keeps itself in the address.
    page.get_by_label("Soziales").check()
    page.wait_for_url(re.compile(r"/engagement/\?.*bereich=soziales"))
    assert page.locator("[data-results-summary]").inner_text() == "1 Angebot"
    assert page.locator("#results .opportunity-card h3").all_inner_texts() == ["Hausaufgabenhilfe"]

    # The finder: a few answers, a ranked result with reasons, updated in place by htmx.
    page.goto("/engagement/finder/")
    assert_accessible(page)
    page.get_by_label("Umwelt und Natur").check()
    page.get_by_label("am Wochenende").check()
    page.get_by_label("4. Wo?").select_option("moetsch")
    page.get_by_role("button", name="Passende Angebote zeigen").click()
    page.wait_for_url(re.compile(r"/engagement/finder/\?.*ort=moetsch"))
    assert page.locator("#finder-results h2").first.inner_text() == "2 Vorschläge für Sie"
    assert result_titles(page) == ["Bachpatenschaft an der Kyll", "Pflanztag im Stadtpark"]
    assert result_reasons(page) == [
        "passt, weil: Umwelt und Natur, wann immer Sie Zeit haben, in Ihrer Nähe",
        "passt, weil: Umwelt und Natur, am Wochenende",
    ]
    # The address of the result can be shared: it holds the answers and nothing else.
    assert path_of(page.url) == (
        "/engagement/finder/?interessen=umwelt-und-natur&zeit=wochenende&ort=moetsch&art="
    )
    assert_accessible(page)

    # The opportunity.
    page.get_by_role("link", name="Bachpatenschaft an der Kyll").click()
    page.wait_for_url("**/engagement/bachpatenschaft-an-der-kyll/")
    assert page.locator("h1").inner_text() == "Bachpatenschaft an der Kyll"
    assert_accessible(page)

    # „Ich möchte mitmachen“: an empty form is explained next to the fields.
    page.get_by_role("link", name="Ich möchte mitmachen").click()
    page.get_by_label("Ihr Name").fill("Lena Krämer")
    page.get_by_role("button", name="Nachricht senden").click()
    assert page.get_by_text("Bitte prüfen Sie Ihre Angaben.").first.is_visible()
    assert page.get_by_text("Bitte geben Sie Ihre E-Mail-Adresse ein.").first.is_visible()
    assert page.get_by_label("Ihr Name").input_value() == "Lena Krämer"
    assert_accessible(page)
    page.get_by_label("Ihre E-Mail-Adresse").fill("lena@example.org")
    page.get_by_label("Ihre Nachricht").fill("Ich wohne in Mötsch und gehe dort oft spazieren.")
    page.get_by_label(re.compile("^Ich bin einverstanden")).check()
    page.get_by_role("button", name="Nachricht senden").click()
    page.wait_for_url("**/mitmachen/danke/")
    assert page.get_by_text(
        "Noch ein Schritt: Bitte sehen Sie in Ihr E-Mail-Postfach."
    ).is_visible()
    assert Interest.objects.get().state == InterestState.UNCONFIRMED

    # The confirmation link from the mail.
    assert len(mail.outbox) == 1
    confirm = re.search(r"https?://\S+/engagement/interesse/bestaetigen/\S+/", mail.outbox[0].body)
    page.goto(path_of(confirm.group(0)))
    page.get_by_role("button", name="Bestätigen").click()
    assert page.locator("h1").inner_text() == "Ihre Nachricht wurde weitergegeben"
    assert [m.to for m in mail.outbox] == [
        ["lena@example.org"],
        ["jonas@nabu-bitburg.example"],
        ["lena@example.org"],
    ]

    # The club follows the link of its mail and marks the person as engaged.
    manage = re.search(r"https?://\S+/engagement/\S+/interessen/", mail.outbox[1].body).group(0)
    login_in_browser(page, ADMIN_EMAIL, PASSWORD)
    page.wait_for_load_state()
    page.goto(path_of(manage))
    assert page.get_by_role("heading", name=re.compile("^Lena Krämer")).is_visible()
    assert_accessible(page)
    page.get_by_label("Stand", exact=True).select_option("engaged")
    page.get_by_role("button", name="Stand speichern").click()
    assert page.get_by_text("Lena Krämer: Engagiert").first.is_visible()
    interest = Interest.objects.get()
    assert interest.state == InterestState.ENGAGED
    assert interest.state_changed_by == board["admin"]
    assert len(mail.outbox) == 3  # only declining writes to the person
    assert page.foreign_requests == []


def test_forms_with_errors_are_accessible(page, board):
    # The finder's subscription without consent keeps the address.
    page.goto("/engagement/finder/?interessen=umwelt-und-natur")
    page.get_by_label("Ihre E-Mail-Adresse").fill("abo@example.org")
    page.get_by_role("button", name="Abonnieren").click()
    assert page.get_by_text(
        "Bitte stimmen Sie zu, damit wir Ihnen schreiben dürfen."
    ).first.is_visible()
    assert page.get_by_label("Ihre E-Mail-Adresse").input_value() == "abo@example.org"
    assert_accessible(page)

    # A club's new opportunity without the required answers.
    login_in_browser(page, ADMIN_EMAIL, PASSWORD)
    page.wait_for_load_state()
    page.goto("/engagement/verwalten/naturschutzgruppe-bitburg/neu/")
    page.get_by_label("Titel").fill("Vogelzählung")
    page.locator("main form button[type=submit]").last.click()
    assert page.get_by_text("Bitte prüfen Sie Ihre Angaben.").first.is_visible()
    assert page.get_by_text("Bitte wählen Sie mindestens einen Bereich.").first.is_visible()
    assert page.get_by_label("Titel").input_value() == "Vogelzählung"
    assert_accessible(page)


def test_finder_and_filters_work_without_javascript_on_a_phone(browser, live_server, board):
    # On a narrow phone, too: the questions fit without scrolling sideways.
    context = browser.new_context(
        locale="de-DE",
        base_url=live_server.url,
        java_script_enabled=False,
        viewport={"width": 320, "height": 640},
    )
    page = context.new_page()
    page.goto("/engagement/finder/")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.get_by_label("Umwelt und Natur").check()
    page.get_by_role("button", name="Passende Angebote zeigen").click()
    page.wait_for_url(re.compile(r"interessen=umwelt-und-natur"))
    assert result_titles(page) == ["Pflanztag im Stadtpark", "Bachpatenschaft an der Kyll"]

    page.goto("/engagement/")
    page.get_by_label("Soziales").check()
    page.locator("form.filter-panel button[type=submit]").click()
    page.wait_for_url(re.compile(r"bereich=soziales"))
    assert page.locator("#results .opportunity-card h3").all_inner_texts() == ["Hausaufgabenhilfe"]
    context.close()


def test_the_other_pages_of_the_boerse_are_accessible(page, board):
    # Neighbourhood help: the list and the entry form with errors.
    page.goto("/engagement/nachbarschaftshilfe/")
    assert_accessible(page)
    page.goto("/engagement/nachbarschaftshilfe/neu/")
    page.locator("main form button[type=submit]").click()
    assert page.get_by_text("Bitte prüfen Sie Ihre Angaben.").first.is_visible()
    assert_accessible(page)

    # The club's work pages and the volunteer's hours with a form error.
    login_in_browser(page, ADMIN_EMAIL, PASSWORD)
    page.wait_for_load_state()
    for url in (
        "/engagement/verwalten/",
        "/engagement/verwalten/naturschutzgruppe-bitburg/",
        "/engagement/verwalten/naturschutzgruppe-bitburg/stunden/",
    ):
        page.goto(url)
        assert_accessible(page)
    page.goto("/engagement/stunden/")
    page.locator("main form.form-narrow button[type=submit]").click()
    assert page.get_by_text("Bitte prüfen Sie Ihre Angaben.").first.is_visible()
    assert_accessible(page)
