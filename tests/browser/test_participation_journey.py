"""Participation in the browser: idea at a theme table → e-mail confirmation → measure → digest."""

import re
from datetime import datetime, time, timedelta
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.utils import timezone

from engagementnetz.accounts.management.commands.demo_totp import current_code
from engagementnetz.participation import services
from engagementnetz.participation.models import (
    Contribution,
    ContributionStatus,
    Follow,
    ModerationState,
)
from tests.factories import PASSWORD, make_network_office_user
from tests.participation.factories import MeasureFactory, ThemeTableFactory, open_process

from .conftest import assert_accessible, login_in_browser

pytestmark = pytest.mark.django_db(transaction=True)

OFFICE_EMAIL = "buero@example.org"
IDEA = "Ein Fest, bei dem sich alle Vereine auf dem Beda-Platz vorstellen"


@pytest.fixture
def strategy(transactional_db):
    """An open process with one theme table, a measure, and someone who follows the measure."""
    process = open_process(title="Engagementstrategie Bitburg", slug="engagementstrategie-bitburg")
    ThemeTableFactory(
        process=process,
        title="Wertschätzung",
        slug="wertschaetzung",
        question="Wie zeigen wir Engagierten, dass wir sie schätzen?",
    )
    measure = MeasureFactory(
        title="Vereinsfest",
        slug="vereinsfest",
        process=process,
        summary="Ein Fest, auf dem sich die Vereine der Stadt vorstellen.",
        state="in_progress",
        progress=40,
    )
    an_hour_ago = timezone.now() - timedelta(hours=1)
    Follow.objects.create(
        measure=measure,
        email="ben@example.org",
        confirmed_at=an_hour_ago,
        notified_until=an_hour_ago,
    )
    office = make_network_office_user(email=OFFICE_EMAIL)
    return {"process": process, "measure": measure, "office": office}


def path_of(url: str) -> str:
    return urlparse(url).path


def totp_secret(user) -> str:
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator

    secret = Authenticator.objects.get(user=user, type="totp").wrap().instance.data["secret"]
    return get_adapter().decrypt(secret)


def test_an_idea_becomes_a_measure_that_the_public_follows(page, strategy):
    # The process page: timeline, open phase, theme tables.
    page.goto("/beteiligung/engagementstrategie-bitburg/")
    assert page.locator("h1").inner_text() == "Engagementstrategie Bitburg"
    assert page.get_by_text("Beiträge sind willkommen").first.is_visible()
    assert_accessible(page)

    # The theme table with its form; a first try with mistakes is explained in place.
    page.locator("main").get_by_role("link", name="Wertschätzung", exact=True).click()
    page.wait_for_url("**/beteiligung/engagementstrategie-bitburg/tische/wertschaetzung/")
    form = page.locator("main form.form-narrow")
    form.get_by_label("Ihr Beitrag").fill(IDEA)
    form.get_by_label("Name oder Pseudonym").fill("Karin aus Irsch")
    form.get_by_label("E-Mail-Adresse").fill("karin@kaputt")
    form.get_by_role("button", name="Beitrag absenden").click()
    assert page.get_by_text("Bitte prüfen Sie Ihre Angaben.").first.is_visible()
    form = page.locator("main form.form-narrow")
    assert form.get_by_label("Ihr Beitrag").input_value() == IDEA
    assert form.get_by_label("Name oder Pseudonym").input_value() == "Karin aus Irsch"
    assert form.get_by_label("E-Mail-Adresse").get_attribute("aria-invalid") == "true"
    assert_accessible(page)

    form.get_by_label("Ideen", exact=True).check()
    form.get_by_label("E-Mail-Adresse").fill("karin@example.org")
    form.get_by_role("button", name="Beitrag absenden").click()
    assert page.get_by_text(
        "Vielen Dank! Wir haben eine E-Mail an karin@example.org geschickt."
    ).first.is_visible()
    contribution = Contribution.objects.get()
    assert contribution.moderation == ModerationState.UNCONFIRMED
    assert IDEA not in page.locator("main").inner_text()

    # The link from the mail; the button confirms.
    assert [m.to for m in mail.outbox] == [["karin@example.org"]]
    link = re.search(r"https?://\S+/beteiligung/bestaetigen/\S+/", mail.outbox[0].body).group(0)
    page.goto(path_of(link))
    page.get_by_role("button", name="Bestätigen").click()
    assert page.get_by_text("Ihr Beitrag ist veröffentlicht:").first.is_visible()
    contribution.refresh_from_db()
    assert contribution.moderation == ModerationState.PUBLISHED

    # The network office logs in with its second factor and takes the idea into the measure.
    login_in_browser(page, OFFICE_EMAIL, PASSWORD)
    page.get_by_label("Code").fill(current_code(totp_secret(strategy["office"])))
    page.locator("main").get_by_role("button", name=re.compile("^Anmeld")).click()
    page.wait_for_load_state()
    page.goto(f"/netzwerkbuero/massnahmen/{strategy['measure'].pk}/")
    page.get_by_label("Nummer des Beitrags").fill(str(contribution.pk))
    page.get_by_role("button", name="Beitrag verknüpfen").click()
    assert page.get_by_text(f"Beitrag Nr. {contribution.pk} ist verknüpft.").first.is_visible()

    # … and reports progress.
    page.locator("main").get_by_role("link", name="Fortschritt melden").click()
    page.wait_for_url("**/massnahmen/vereinsfest/fortschritt/")
    page.get_by_label("Was ist geschehen?").fill("Der Festplatz am Beda-Platz ist gebucht.")
    page.get_by_label("Fortschritt in Prozent").fill("60")
    page.get_by_role("button", name="Bericht veröffentlichen").click()
    page.wait_for_url("**/massnahmen/vereinsfest/#fortschritt")
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.ADOPTED

    # What everyone sees: the measure with the idea it came from, and back.
    page.context.clear_cookies()
    page.goto("/massnahmen/vereinsfest/")
    assert page.get_by_text("Der Festplatz am Beda-Platz ist gebucht.").is_visible()
    origin = page.locator("section[aria-labelledby=herkunft]")
    assert origin.get_by_text(IDEA).is_visible()
    assert origin.get_by_text("Karin aus Irsch").is_visible()
    assert_accessible(page)
    origin.get_by_role("link", name=f"Beitrag Nr. {contribution.pk}").click()
    page.wait_for_url(f"**/beitraege/{contribution.pk}/")
    state = page.locator("dd", has_text="aufgenommen in Maßnahme")
    assert state.inner_text() == "aufgenommen in Maßnahme „Vereinsfest“"
    assert state.get_by_role("link", name="Vereinsfest").get_attribute("href") == (
        "/massnahmen/vereinsfest/"
    )
    assert page.get_by_text("60 % umgesetzt").first.is_visible()
    assert_accessible(page)

    # The follower of the measure hears of both in the next morning's digest.
    tomorrow_morning = timezone.make_aware(
        datetime.combine(timezone.localdate() + timedelta(days=1), time(8, 0))
    )
    assert services.digests_send(now=tomorrow_morning) == 1
    digest = mail.outbox[-1]
    assert digest.to == ["ben@example.org"]
    assert digest.subject == "Neuigkeiten: 2 Änderungen – Engagement-Netz"
    assert (
        f"Beitrag „{IDEA}“ wurde in die Maßnahme „Vereinsfest“ aufgenommen (40 % umgesetzt)"
        in digest.body
    )
    assert (
        "Fortschritt der Maßnahme „Vereinsfest“: 60 % umgesetzt (in Umsetzung)\n"
        "  Der Festplatz am Beda-Platz ist gebucht.\n" in digest.body
    )
    assert page.foreign_requests == []


def test_measure_list_filters_in_place_and_the_general_form_explains_errors(page, strategy):
    MeasureFactory(title="Essbare Gärten", slug="essbare-gaerten", state="planned", progress=0)
    page.goto("/massnahmen/")
    assert page.locator("[data-results-summary]").inner_text() == "2 Maßnahmen"
    assert page.locator("#status-chart-caption").inner_text() == "Wo die Maßnahmen stehen"
    assert_accessible(page)
    page.get_by_label("Stand", exact=True).select_option("planned")
    page.wait_for_url(re.compile(r"/massnahmen/\?.*stand=planned"))
    assert page.locator("[data-results-summary]").inner_text() == "1 Maßnahme"
    assert page.locator("#results .kern-card h2").all_inner_texts() == ["Essbare Gärten"]

    # The form for all theme tables: without table and kind, each is asked for in place.
    page.goto("/beteiligung/engagementstrategie-bitburg/beitraege/neu/")
    form = page.locator("main form.form-narrow")
    form.get_by_label("Ihr Beitrag").fill(IDEA)
    form.get_by_label("E-Mail-Adresse").fill("karin@example.org")
    form.get_by_role("button", name="Beitrag absenden").click()
    assert page.get_by_text("Bitte prüfen Sie Ihre Angaben.").first.is_visible()
    assert page.locator("main form.form-narrow").get_by_label("Ihr Beitrag").input_value() == IDEA
    assert page.title().startswith("Fehler:")
    assert_accessible(page)
    assert Contribution.objects.count() == 0
    assert page.foreign_requests == []
