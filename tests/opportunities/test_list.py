"""The public list with its filters, and the detail page."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from engagementnetz.opportunities.models import Commitment, OpportunityState
from engagementnetz.organisations.models import OrganisationState
from tests.factories import DistrictFactory, FieldFactory, OrganisationFactory

from .factories import OpportunityFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<h3 class="kern-title"><a class="kern-link" href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def listed(organisation):
    now = timezone.now()
    today = timezone.localdate()
    sport = FieldFactory(name="Sport")
    umwelt = FieldFactory(name="Umwelt")
    stahl = DistrictFactory(name="Stahl", slug="stahl")
    return {
        "turnen": OpportunityFactory(
            organisation=organisation,
            title="Kinderturnen",
            fields=[sport],
            on_weekdays=True,
            for_young_people=True,
            offers_insurance=True,
            needs_police_certificate=True,
            start_date=today + timedelta(days=20),
            published_at=now - timedelta(days=1),
        ),
        "bach": OpportunityFactory(
            organisation=organisation,
            title="Bachpatenschaft",
            fields=[umwelt],
            commitment=Commitment.FLEXIBLE,
            district=stahl,
            for_families=True,
            offers_insurance=True,
            offers_expenses=True,
            published_at=now - timedelta(days=3),
        ),
        "fest": OpportunityFactory(
            organisation=organisation,
            title="Sommerfest",
            fields=[sport, umwelt],
            commitment=Commitment.ONE_OFF,
            on_weekends=True,
            is_remote=True,
            needs_driving_licence=True,
            start_date=today + timedelta(days=5),
            published_at=now - timedelta(days=2),
        ),
        "besetzt": OpportunityFactory(
            organisation=organisation, title="Besetzt", state=OpportunityState.FILLED
        ),
        "abgelaufen": OpportunityFactory(
            organisation=organisation, title="Abgelaufen", state=OpportunityState.EXPIRED
        ),
        "ungeprueft": OpportunityFactory(
            organisation=OrganisationFactory(state=OrganisationState.SUBMITTED),
            title="Ungeprüfter Verein",
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Kinderturnen", "Sommerfest", "Bachpatenschaft"]),
        ("?sortierung=bald", ["Bachpatenschaft", "Sommerfest", "Kinderturnen"]),
        ("?bereich=sport", ["Kinderturnen", "Sommerfest"]),
        ("?bereich=sport&bereich=umwelt", ["Kinderturnen", "Sommerfest", "Bachpatenschaft"]),
        ("?umfang=einmalig&umfang=flexibel", ["Sommerfest", "Bachpatenschaft"]),
        ("?zeit=werktags&zeit=wochenende", ["Kinderturnen", "Sommerfest"]),
        ("?ort=stahl", ["Bachpatenschaft"]),
        ("?ort=zuhause", ["Sommerfest"]),
        ("?geeignet=jugendliche&geeignet=familien", ["Kinderturnen", "Bachpatenschaft"]),
        ("?angebot=versicherung&angebot=auslagen", ["Bachpatenschaft"]),
        ("?ohne=fuehrungszeugnis&ohne=fuehrerschein", ["Bachpatenschaft"]),
        ("?bereich=sport&ort=stahl", []),
    ],
)
def test_filters_and_sorting(client, listed, query, expected):
    response = client.get(f"/engagement/{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_empty_result_points_to_the_finder(client, listed):
    html = client.get("/engagement/?bereich=sport&ort=stahl").content.decode()
    assert "0 Angebote" in html
    assert "Zu diesen Filtern passt nichts." in html
    assert 'href="/engagement/finder/"' in html


def test_filters_stay_checked_and_bad_values_are_explained(client, listed):
    response = client.get("/engagement/?bereich=sport&ort=irgendwo")
    html = response.content.decode()
    assert 'value="sport" id="id_bereich_0" checked' in html
    assert "Bitte prüfen Sie Ihre Angaben." in html
    assert titles(response) == ["Kinderturnen", "Sommerfest"]


def test_htmx_with_a_broken_filter_loads_the_whole_page_with_the_message(client, listed):
    response = client.get("/engagement/?ort=irgendwo", headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"] == "/engagement/?ort=irgendwo"


def test_htmx_request_gets_only_the_results(client, listed):
    response = client.get("/engagement/?bereich=sport", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert "2 Angebote" in html
    assert titles(response) == ["Kinderturnen", "Sommerfest"]


def test_the_filter_form_works_without_javascript_and_with_htmx(client, listed):
    html = client.get("/engagement/").content.decode()
    assert '<form class="filter-panel" method="get" action="/engagement/"' in html
    assert 'hx-get="/engagement/" hx-target="#results" hx-push-url="true"' in html


def test_list_queries_stay_the_same_with_many_opportunities(queries_of, organisation):
    sport = FieldFactory(name="Sport")
    OpportunityFactory(organisation=organisation, fields=[sport])
    one = queries_of("/engagement/?bereich=sport&sortierung=bald")
    for _ in range(25):  # more than a page
        OpportunityFactory(organisation=organisation, fields=[sport], district=DistrictFactory())
    assert queries_of("/engagement/?bereich=sport&sortierung=bald") == one
    assert queries_of("/engagement/?bereich=sport&seite=2") == one


def test_pagination_keeps_the_filters(client, organisation):
    sport = FieldFactory(name="Sport")
    for _ in range(21):
        OpportunityFactory(organisation=organisation, fields=[sport])
    html = client.get("/engagement/?bereich=sport").content.decode()
    assert "Seite 1 von 2" in html
    assert 'href="?bereich=sport&amp;seite=2"' in html


def test_detail_page_with_json_ld(client, listed):
    opportunity = listed["turnen"]
    response = client.get(f"/engagement/{opportunity.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="kern-heading-large">Kinderturnen</h1>' in html
    assert "ein erweitertes Führungszeugnis – für Ehrenamtliche kostenlos" in html
    assert 'href="/engagement/' + opportunity.slug + '/mitmachen/"' in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "JobPosting"
    assert data["employmentType"] == "VOLUNTEER"
    assert data["title"] == "Kinderturnen"
    assert data["hiringOrganization"] == {"@type": "Organization", "name": "Musikverein Bitburg"}
    assert data["datePosted"] == opportunity.published_at.date().isoformat()
    assert data["validThrough"] == f"{opportunity.expires_on.isoformat()}T23:59:59"
    assert data["jobLocation"]["address"]["streetAddress"] == "Bürgerhaus, Hauptstraße 1"
    assert data["url"].endswith(f"/engagement/{opportunity.slug}/")


def test_markdown_and_script_in_texts_are_safe(client, organisation):
    opportunity = OpportunityFactory(
        organisation=organisation, title="<script>alert(1)</script>", tasks="**fett** <b>x</b>"
    )
    html = client.get(f"/engagement/{opportunity.slug}/").content.decode()
    assert "<script>alert(1)" not in html
    assert "<strong>fett</strong>" in html
    assert "\\u003Cscript\\u003E" in html  # escaped inside the JSON-LD


def test_filled_and_expired_keep_their_page_without_interest_button(client, listed):
    for key, notice in (
        ("besetzt", "Dieses Angebot ist bereits besetzt."),
        ("abgelaufen", "Dieses Angebot ist nicht mehr aktuell."),
    ):
        opportunity = listed[key]
        html = client.get(f"/engagement/{opportunity.slug}/").content.decode()
        assert notice in html
        assert "/mitmachen/" not in html
        assert "application/ld+json" not in html


def test_opportunities_of_unverified_organisations_are_not_public(client, listed, office_user):
    opportunity = listed["ungeprueft"]
    assert client.get(f"/engagement/{opportunity.slug}/").status_code == 404
    assert client.get(f"/engagement/{opportunity.slug}/mitmachen/").status_code == 404
    client.force_login(office_user)
    html = client.get(f"/engagement/{opportunity.slug}/").content.decode()
    assert "Nur für Sie sichtbar" in html
