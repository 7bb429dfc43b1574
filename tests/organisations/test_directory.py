"""The public directory: filters, search, only verified entries, the badge, hidden contacts."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from engagementnetz.organisations.models import Organisation, OrganisationKind, OrganisationState
from tests.factories import (
    DistrictFactory,
    FieldFactory,
    OrganisationFactory,
    TargetGroupFactory,
)

from .conftest import card_names

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(scope="module", autouse=True)
def town(django_db_setup, django_db_blocker):
    """A small directory, built once for the module and rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        sport = FieldFactory(name="Sport")
        musik = FieldFactory(name="Musik")
        senioren = TargetGroupFactory(name="Seniorinnen und Senioren")
        jugend = TargetGroupFactory(name="Jugendliche")
        mötsch = DistrictFactory(name="Mötsch")
        innenstadt = DistrictFactory(name="Innenstadt")
        verified_at = datetime(2026, 3, 15, 10, 0, tzinfo=BERLIN)
        turnverein = OrganisationFactory(
            name="Turnverein Mötsch",
            district=mötsch,
            seeks_volunteers=True,
            barrier_free=True,
            meeting_times="Dienstags 18 Uhr in der Halle",
            verified_at=verified_at,
            email="vorstand@turnverein.example",
            phone="06561 123456",
        )
        turnverein.fields.set([sport])
        turnverein.target_groups.set([jugend])
        chor = OrganisationFactory(
            name="Seniorenchor Bitburg",
            district=innenstadt,
            seeks_members=True,
            short_description="Wir singen jeden Donnerstag.",
            email="chor@example.org",
            show_email=True,
            phone="06561 999",
            show_phone=True,
        )
        chor.fields.set([musik])
        chor.target_groups.set([senioren])
        OrganisationFactory(
            name="Initiative Bürgerbus", kind=OrganisationKind.INITIATIVE, district=innenstadt
        )
        for state in (
            OrganisationState.DRAFT,
            OrganisationState.SUBMITTED,
            OrganisationState.REJECTED,
            OrganisationState.UNPUBLISHED,
        ):
            hidden = OrganisationFactory(
                name=f"Sportclub {state.label}",
                slug=f"sportclub-{state}",
                state=state,
                district=mötsch,
                seeks_volunteers=True,
            )
            hidden.fields.set([sport])
        yield
        transaction.set_rollback(True)


ALL_PUBLIC = ["Initiative Bürgerbus", "Seniorenchor Bitburg", "Turnverein Mötsch"]


def test_list_shows_only_verified_entries_in_order(client):
    response = client.get("/organisationen/")
    assert response.status_code == 200
    assert card_names(response) == ALL_PUBLIC
    assert "3 Organisationen gefunden" in response.content.decode()
    assert "Sportclub" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("art=initiative", ["Initiative Bürgerbus"]),
        ("art=verein", ["Seniorenchor Bitburg", "Turnverein Mötsch"]),
        ("bereich=sport", ["Turnverein Mötsch"]),
        ("bereich=musik", ["Seniorenchor Bitburg"]),
        ("stadtteil=innenstadt", ["Initiative Bürgerbus", "Seniorenchor Bitburg"]),
        ("stadtteil=motsch", ["Turnverein Mötsch"]),
        ("zielgruppe=seniorinnen-und-senioren", ["Seniorenchor Bitburg"]),
        ("engagierte=on", ["Turnverein Mötsch"]),
        ("mitglieder=on", ["Seniorenchor Bitburg"]),
        ("barrierefrei=on", ["Turnverein Mötsch"]),
        ("q=donnerstag", ["Seniorenchor Bitburg"]),
        ("q=halle+dienstags", ["Turnverein Mötsch"]),
        ("q=bitburg+chor", ["Seniorenchor Bitburg"]),
        ("stadtteil=innenstadt&art=verein", ["Seniorenchor Bitburg"]),
        ("buchstabe=t", ["Turnverein Mötsch"]),
        ("bereich=sport&engagierte=on&stadtteil=innenstadt", []),
        # A value that does not exist is ignored, never an error page.
        ("bereich=gibt-es-nicht", ALL_PUBLIC),
    ],
)
def test_filters_and_search(client, query, expected):
    response = client.get(f"/organisationen/?{query}")
    assert response.status_code == 200
    assert card_names(response) == expected
    if not expected:
        assert "Keine Organisation passt zu diesen Filtern." in response.content.decode()


def test_htmx_request_gets_only_the_results(client):
    response = client.get("/organisationen/?bereich=musik", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert card_names(response) == ["Seniorenchor Bitburg"]
    assert "<html" not in html
    assert "1 Organisation gefunden" in html


def test_detail_shows_the_badge_with_the_date(client):
    response = client.get("/organisationen/turnverein-motsch/")
    assert response.status_code == 200
    assert "geprüft vom Netzwerkbüro am 15.03.2026" in response.content.decode()


@pytest.mark.parametrize("state", ["draft", "submitted", "rejected", "unpublished"])
def test_unverified_entries_are_not_public(client, state):
    assert client.get(f"/organisationen/sportclub-{state}/").status_code == 404


def test_hidden_phone_and_email_are_not_in_the_page_source(client):
    html = client.get("/organisationen/turnverein-motsch/").content.decode()
    assert "vorstand@turnverein.example" not in html
    assert "06561 123456" not in html
    assert '"telephone":' not in html
    assert '"email":' not in html
    # The contact form stands in for the hidden address.
    assert 'action="/organisationen/turnverein-motsch/kontakt/"' in html


def test_shown_phone_and_email_are_on_the_page_and_in_the_json_ld(client):
    html = client.get("/organisationen/seniorenchor-bitburg/").content.decode()
    assert 'href="mailto:chor@example.org"' in html
    assert "06561 999" in html
    assert '"telephone":"06561 999"' in html
    assert '"email":"chor@example.org"' in html


LIST_URL = "/organisationen/?stadtteil=innenstadt&sortierung=neu"


def test_list_needs_the_same_queries_for_one_and_for_fifty_entries(
    client, django_assert_num_queries
):
    """The query count of the list does not grow with its length (budget: at most 12)."""
    field = FieldFactory(name="Musik")
    group = TargetGroupFactory(name="Familien")
    district = DistrictFactory(name="Innenstadt")
    Organisation.objects.filter(name="Initiative Bürgerbus").delete()
    client.get("/organisationen/")  # the site's settings and menus are cached after a first visit
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST_URL)
    assert card_names(response) == ["Seniorenchor Bitburg"]
    at_one = len(queries)
    assert at_one <= 12
    for number in range(49):
        organisation = OrganisationFactory(
            name=f"Verein {number:02d}", district=district, seeks_members=True
        )
        organisation.fields.set([field])
        organisation.target_groups.set([group])
    with django_assert_num_queries(at_one):
        response = client.get(LIST_URL)
    assert "50 Organisationen gefunden" in response.content.decode()
    assert len(card_names(response)) == 20
