"""List endpoints make the same number of queries for one object as for thirty."""

import pytest

from tests.events.factories import EventFactory, VenueFactory
from tests.factories import DistrictFactory, FieldFactory, OrganisationFactory, TargetGroupFactory
from tests.opportunities.factories import OpportunityFactory

pytestmark = pytest.mark.django_db

# count, page, fields, target groups
ORGANISATION_QUERIES = 4
# the calendar filter's three term lists, count, page, fields, target groups, next dates
EVENT_QUERIES = 8
# the finder's districts, count, page, fields, target groups
OPPORTUNITY_QUERIES = 5


@pytest.fixture
def terms(db):
    return {
        "field": FieldFactory(name="Kultur", slug="kultur"),
        "group": TargetGroupFactory(name="Jugendliche", slug="jugendliche"),
        "district": DistrictFactory(name="Mötsch", slug="moetsch"),
    }


def organisations(terms, count: int):
    for _ in range(count):
        organisation = OrganisationFactory(district=terms["district"])
        organisation.fields.set([terms["field"]])
        organisation.target_groups.set([terms["group"]])


def events(terms, count: int):
    for number in range(count):
        event = EventFactory(venue=VenueFactory(district=terms["district"]))
        event.fields.set([terms["field"]])
        event.target_groups.set([terms["group"]])
        if number % 2:
            EventFactory(organiser=event.organiser, kind="fortbildung")


def opportunities(terms, count: int):
    for _ in range(count):
        OpportunityFactory(district=terms["district"], fields=[terms["field"]])


def count_results(client, path: str, expected: int, queries: int, assert_num_queries):
    client.get("/api/v1/")  # the site's settings are cached from here on, as in production
    with assert_num_queries(queries):
        response = client.get(path, {"anzahl": 100})
    assert response.status_code == 200
    assert response.json()["count"] == expected
    return response.json()


@pytest.mark.parametrize("count", [1, 30])
def test_organisations_list(client, terms, count, django_assert_num_queries):
    organisations(terms, count)
    data = count_results(
        client, "/api/v1/organisations", count, ORGANISATION_QUERIES, django_assert_num_queries
    )
    assert data["results"][0]["fields"] == [{"slug": "kultur", "name": "Kultur"}]


@pytest.mark.parametrize("count", [1, 30])
def test_events_list(client, terms, count, django_assert_num_queries):
    events(terms, count)
    expected = count + count // 2
    data = count_results(
        client, "/api/v1/events", expected, EVENT_QUERIES, django_assert_num_queries
    )
    assert all(item["next_date"] is not None for item in data["results"])


@pytest.mark.parametrize("count", [1, 30])
def test_opportunities_list(client, terms, count, django_assert_num_queries):
    opportunities(terms, count)
    data = count_results(
        client, "/api/v1/opportunities", count, OPPORTUNITY_QUERIES, django_assert_num_queries
    )
    assert data["results"][0]["district"] == {"slug": "moetsch", "name": "Mötsch"}
