"""Odd input never ends in a server error, and the Börse's words are its own."""

import pytest
from django.utils import translation

from engagementnetz.opportunities.models import HelpState, InterestState, OpportunityState, TimeSlot
from engagementnetz.opportunities.models.choices import HANDLED_INTEREST_STATES

from .factories import InterestFactory, OpportunityFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/engagement/?seite=abc", 200),
        ("/engagement/?seite=999&sortierung=irgendwie", 200),
        ("/engagement/?bereich=%00&ort=%00&zeit=nachts", 200),
        ("/engagement/finder/?stunden=viel&art=manchmal&ort=mond&kann=%00", 200),
        ("/engagement/finder/?interessen=" + "x" * 3000, 200),
        ("/engagement/nachbarschaftshilfe/?art=%00&kategorie=zzz&seite=-1", 200),
        ("/engagement/interesse/bestaetigen/gibt-es-nicht/", 404),
        ("/engagement/finder/bestaetigen/gibt-es-nicht/", 404),
        ("/engagement/finder/abmelden/gibt-es-nicht/", 200),
        ("/engagement/gibt-es-nicht/", 404),
        ("/engagement/gibt-es-nicht/mitmachen/", 404),
        ("/engagement/stunden/ehrenamtsnachweis.pdf", 302),
    ],
)
def test_odd_addresses_get_a_page_not_an_error(client, organisation, url, status):
    OpportunityFactory(organisation=organisation)
    assert client.get(url).status_code == status


def test_a_tampered_still_current_link_is_not_found(client, organisation):
    opportunity = OpportunityFactory(organisation=organisation)
    url = f"/engagement/{opportunity.slug}/noch-aktuell/nicht-signiert/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"end_date": "morgen"}).status_code == 404


def test_too_long_and_broken_input_is_explained(client, organisation):
    opportunity = OpportunityFactory(organisation=organisation)
    response = client.post(
        f"/engagement/{opportunity.slug}/mitmachen/",
        {"name": "N" * 151, "email": "lena@", "phone": "0" * 51, "consent": "on"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.org." in html
    assert 'value="lena@"' in html
    assert opportunity.interests.count() == 0


def test_a_subscription_with_a_broken_query_is_refused(client):
    response = client.post(
        "/engagement/finder/abonnieren/",
        {"email": "abo@example.org", "consent": "on", "query": "interessen=gibt-es-nicht"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte beantworten Sie die Fragen noch einmal." in html


def test_an_unknown_interest_state_is_refused(client, organisation, club_admin):
    interest = InterestFactory(opportunity=OpportunityFactory(organisation=organisation))
    client.force_login(club_admin)
    response = client.post(
        f"/engagement/{interest.opportunity.slug}/interessen/{interest.pk}/",
        {f"interest-{interest.pk}-state": "verheiratet"},
    )
    assert response.status_code == 400
    interest.refresh_from_db()
    assert interest.state == InterestState.NEW


def test_state_labels_keep_the_wording_of_the_boerse():
    # Other apps translate the same English words differently; a context keeps these apart.
    with translation.override("de"):
        assert [str(state.label) for state in HANDLED_INTEREST_STATES] == [
            "Neu",
            "In Kontakt",
            "Engagiert",
            "Abgesagt",
        ]
        assert str(OpportunityState.OPEN.label) == "Offen"
        assert str(TimeSlot.WEEKDAYS.label) == "werktags"
        assert str(HelpState.REJECTED.label) == "Abgelehnt"
        assert str(HelpState.WITHDRAWN.label) == "Zurückgezogen"
