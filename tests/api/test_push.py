"""Organisations push their own events and opportunities with a token, and nothing else."""

import json
from dataclasses import dataclass
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from engagementnetz.api import services
from engagementnetz.api.models import ApiToken, ApiTokenUse
from engagementnetz.events.models import Event
from engagementnetz.opportunities.models import Opportunity
from tests.events.factories import EventFactory
from tests.factories import DistrictFactory, FieldFactory, MembershipFactory, OrganisationFactory
from tests.opportunities.factories import OpportunityFactory

pytestmark = pytest.mark.django_db

BASE = "/api/v1/organisation"
SITE = "http://127.0.0.1:8000"


@dataclass
class Clubs:
    own: object
    other: object
    own_event: object
    other_event: object
    own_opportunity: object
    other_opportunity: object
    token: ApiToken
    secret: str


@pytest.fixture
def clubs(db) -> Clubs:
    culture = FieldFactory(name="Kultur", slug="kultur")
    DistrictFactory(name="Mötsch", slug="moetsch")
    own = OrganisationFactory(name="Musikverein Bitburg", slug="musikverein-bitburg")
    other = OrganisationFactory(name="Sportfreunde Mötsch", slug="sportfreunde-moetsch")
    admin = MembershipFactory(organisation=own, role="admin").user
    token, secret = services.token_create(organisation=own, name="Vereinswebsite", by=admin)
    return Clubs(
        own=own,
        other=other,
        own_event=EventFactory(organiser=own, title="Probe", slug="probe"),
        other_event=EventFactory(organiser=other, title="Training", slug="training"),
        own_opportunity=OpportunityFactory(
            organisation=own, title="Notenwart gesucht", fields=[culture]
        ),
        other_opportunity=OpportunityFactory(organisation=other, title="Platzwart gesucht"),
        token=token,
        secret=secret,
    )


def send(client, method: str, path: str, payload: dict, secret: str | None):
    headers = {"Authorization": f"Bearer {secret}"} if secret is not None else {}
    return getattr(client, method)(
        f"{BASE}{path}", json.dumps(payload), content_type="application/json", headers=headers
    )


def in_a_month():
    return timezone.localdate() + timedelta(days=30)


def uses(token) -> list[tuple]:
    return list(
        ApiTokenUse.objects.filter(token=token)
        .order_by("pk")
        .values_list("method", "path", "status_code", "object_kind", "object_id")
    )


NEW_EVENT = {
    "title": "Herbstkonzert",
    "short_description": "Unser Konzert im Herbst.",
    "start_time": "19:30:00",
    "end_time": "21:30:00",
    "fields": ["kultur"],
    "venue": {"name": "Stadthalle", "street": "Am Markt 1", "postcode": "54634", "city": "Bitburg"},
    "is_published": True,
}


def test_a_token_creates_an_event_of_its_organisation(client, clubs):
    day = in_a_month()
    response = send(
        client, "post", "/events", {**NEW_EVENT, "start_date": day.isoformat()}, clubs.secret
    )

    assert response.status_code == 201, response.content
    event = Event.objects.get(title="Herbstkonzert")
    assert response.json() == {
        "id": event.pk,
        "slug": event.slug,
        "url": f"{SITE}/termine/{event.slug}/",
        "api_url": f"{SITE}/api/v1/events/{event.pk}",
    }
    assert event.organiser == clubs.own
    assert event.created_by == clubs.token.created_by
    assert timezone.localtime(event.starts_at).replace(tzinfo=None) == datetime.combine(
        day, time(19, 30)
    )
    assert [f.slug for f in event.fields.all()] == ["kultur"]
    assert (event.venue.name, event.venue.organisation) == ("Stadthalle", clubs.own)
    assert event.occurrences.count() == 1
    assert uses(clubs.token) == [("POST", f"{BASE}/events", 201, "event", event.pk)]
    clubs.token.refresh_from_db()
    assert clubs.token.last_used_at is not None
    # …and it is public at once, like an event entered on the page.
    listed = client.get("/api/v1/events").json()["results"]
    assert "Herbstkonzert" in [item["title"] for item in listed]


def test_a_token_changes_only_the_given_keys_of_its_own_event(client, clubs):
    event = clubs.own_event
    starts_at = event.starts_at
    response = send(client, "patch", f"/events/{event.pk}", {"title": "Generalprobe"}, clubs.secret)

    assert response.status_code == 200, response.content
    assert response.json()["id"] == event.pk
    event.refresh_from_db()
    assert event.title == "Generalprobe"
    assert event.starts_at == starts_at
    assert event.organiser == clubs.own
    assert uses(clubs.token) == [("PATCH", f"{BASE}/events/{event.pk}", 200, "event", event.pk)]


def test_a_token_cannot_touch_another_organisations_event(client, clubs):
    event = clubs.other_event
    response = send(client, "patch", f"/events/{event.pk}", {"title": "Gekapert"}, clubs.secret)

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found among the events of your organisation."}
    event.refresh_from_db()
    assert event.title == "Training"
    assert uses(clubs.token) == [("PATCH", f"{BASE}/events/{event.pk}", 404, "event", event.pk)]


def test_a_pushed_event_cannot_be_moved_to_another_organisation(client, clubs):
    payload = {**NEW_EVENT, "start_date": in_a_month().isoformat(), "organiser": clubs.other.pk}
    response = send(client, "post", "/events", payload, clubs.secret)

    assert response.status_code == 201
    assert Event.objects.get(pk=response.json()["id"]).organiser == clubs.own


def test_invalid_event_data_is_422_with_a_message_per_field(client, clubs):
    payload = {
        **NEW_EVENT,
        "start_date": in_a_month().isoformat(),
        "end_time": "18:00:00",
        "fields": ["gibt-es-nicht"],
    }
    response = send(client, "post", "/events", payload, clubs.secret)

    assert response.status_code == 422
    data = response.json()
    assert data["detail"] == "The data is not valid."
    assert data["errors"] == {
        "fields": ["„gibt-es-nicht“ ist kein gültiger Wert."],
        "end_time": ["Das Ende liegt vor dem Beginn."],
    }
    assert data["codes"] == {"fields": ["invalid_pk_value"], "end_time": ["invalid"]}
    assert not Event.objects.filter(title="Herbstkonzert").exists()
    assert uses(clubs.token) == [("POST", f"{BASE}/events", 422, "event", None)]


def test_a_missing_date_is_reported_at_its_field(client, clubs):
    response = send(client, "post", "/events", NEW_EVENT, clubs.secret)

    assert response.status_code == 422
    assert response.json()["errors"] == {"start_date": ["Dieses Feld ist zwingend erforderlich."]}
    assert response.json()["codes"] == {"start_date": ["required"]}


def test_a_value_of_the_wrong_type_is_422_and_logged(client, clubs):
    response = send(client, "post", "/events", {**NEW_EVENT, "start_date": "morgen"}, clubs.secret)

    assert response.status_code == 422
    data = response.json()
    assert data == {
        "detail": "The data is not valid.",
        "errors": {"start_date": ["Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben."]},
        "codes": {"start_date": ["date_from_datetime_parsing"]},
    }
    assert uses(clubs.token) == [("POST", f"{BASE}/events", 422, "", None)]


NEW_OPPORTUNITY = {
    "title": "Kassenwart gesucht",
    "summary": "Wir suchen jemanden für die Kasse.",
    "tasks": "Belege sammeln, Kasse prüfen.",
    "commitment": "regelmaessig",
    "hours": 2,
    "hours_period": "month",
    "district": "moetsch",
    "fields": ["kultur"],
    "time_slots": ["abends"],
    "contact_name": "Klara Becker",
    "contact_email": "kasse@musikverein.example",
}


def test_a_token_creates_an_opportunity_of_its_organisation(client, clubs):
    response = send(client, "post", "/opportunities", NEW_OPPORTUNITY, clubs.secret)

    assert response.status_code == 201, response.content
    opportunity = Opportunity.objects.get(title="Kassenwart gesucht")
    assert response.json() == {
        "id": opportunity.pk,
        "slug": opportunity.slug,
        "url": f"{SITE}/engagement/{opportunity.slug}/",
        "api_url": f"{SITE}/api/v1/opportunities/{opportunity.pk}",
    }
    assert opportunity.organisation == clubs.own
    assert (opportunity.hours, opportunity.hours_period) == (2, "month")
    assert opportunity.district.slug == "moetsch"
    assert opportunity.time_slots == ["abends"]
    assert opportunity.contact_email == "kasse@musikverein.example"
    assert uses(clubs.token) == [
        ("POST", f"{BASE}/opportunities", 201, "opportunity", opportunity.pk)
    ]
    detail = client.get(f"/api/v1/opportunities/{opportunity.pk}").json()
    assert detail["title"] == "Kassenwart gesucht"
    assert "kasse@musikverein.example" not in json.dumps(detail)


def test_a_token_changes_its_own_opportunity(client, clubs):
    opportunity = clubs.own_opportunity
    response = send(client, "patch", f"/opportunities/{opportunity.pk}", {"hours": 5}, clubs.secret)

    assert response.status_code == 200, response.content
    opportunity.refresh_from_db()
    assert (opportunity.title, opportunity.hours) == ("Notenwart gesucht", 5)
    assert uses(clubs.token) == [
        ("PATCH", f"{BASE}/opportunities/{opportunity.pk}", 200, "opportunity", opportunity.pk)
    ]


def test_a_token_cannot_touch_another_organisations_opportunity(client, clubs):
    opportunity = clubs.other_opportunity
    response = send(
        client, "patch", f"/opportunities/{opportunity.pk}", {"title": "Gekapert"}, clubs.secret
    )

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found among the opportunities of your organisation."}
    opportunity.refresh_from_db()
    assert opportunity.title == "Platzwart gesucht"
    assert uses(clubs.token) == [
        ("PATCH", f"{BASE}/opportunities/{opportunity.pk}", 404, "opportunity", opportunity.pk)
    ]


def test_invalid_opportunity_is_422_with_messages_per_field(client, clubs):
    payload = {**NEW_OPPORTUNITY, "hours": None, "district": None}
    response = send(client, "post", "/opportunities", payload, clubs.secret)

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "hours": ["Bitte geben Sie an, wie viele Stunden es ungefähr sind."],
        "place": [
            "Bitte geben Sie einen Ort oder Stadtteil an "
            "oder kreuzen Sie an, dass es von zu Hause aus geht."
        ],
    }
    assert not Opportunity.objects.filter(title="Kassenwart gesucht").exists()


def test_services_refuse_objects_of_another_organisation(clubs):
    with pytest.raises(PermissionError):
        services.event_push(token=clubs.token, payload={"title": "x"}, event=clubs.other_event)
    with pytest.raises(PermissionError):
        services.opportunity_push(
            token=clubs.token, payload={"title": "x"}, opportunity=clubs.other_opportunity
        )


def test_a_revoked_token_is_refused_with_401_and_logged(client, clubs):
    services.token_revoke(token=clubs.token, by=clubs.token.created_by)
    response = send(
        client,
        "post",
        "/events",
        {**NEW_EVENT, "start_date": in_a_month().isoformat()},
        clubs.secret,
    )

    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}
    assert not Event.objects.filter(title="Herbstkonzert").exists()
    assert uses(clubs.token) == [("POST", f"{BASE}/events", 401, "", None)]


@pytest.mark.parametrize("secret", [None, "en_falsch", ""])
def test_without_a_valid_token_nothing_is_written(client, clubs, secret):
    response = send(client, "patch", f"/events/{clubs.own_event.pk}", {"title": "Gekapert"}, secret)

    assert response.status_code == 401
    clubs.own_event.refresh_from_db()
    assert clubs.own_event.title == "Probe"
    assert ApiTokenUse.objects.count() == 0


def test_a_session_of_the_clubs_admin_is_no_token(client, clubs):
    client.force_login(clubs.token.created_by)
    response = send(client, "patch", f"/events/{clubs.own_event.pk}", {"title": "Gekapert"}, None)

    assert response.status_code == 401
    clubs.own_event.refresh_from_db()
    assert clubs.own_event.title == "Probe"


def test_writes_get_no_cors_headers(client, clubs):
    response = send(
        client, "patch", f"/events/{clubs.own_event.pk}", {"title": "Neu"}, clubs.secret
    )

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_a_body_that_is_no_json_is_400(client, clubs):
    response = client.post(
        f"{BASE}/events",
        "{kein json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {clubs.secret}"},
    )

    assert response.status_code == 400
    assert response.json() == {"detail": "Cannot parse request body"}


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("[]", "value_error"),
        ('"text"', "value_error"),
        ("5", "value_error"),
        ("null", "value_error"),
        ("", "missing"),
    ],
)
def test_a_body_that_is_no_object_is_422(client, clubs, body, code):
    response = client.post(
        f"{BASE}/events",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {clubs.secret}"},
    )

    assert response.status_code == 422
    assert response.json() == {
        "detail": "The data is not valid.",
        "errors": {"__all__": ["Bitte die Daten als JSON-Objekt senden."]},
        "codes": {"__all__": [code]},
    }
    assert not Event.objects.exclude(pk__in=[clubs.own_event.pk, clubs.other_event.pk]).exists()


WEEKDAYS = "'MO', 'TU', 'WE', 'TH', 'FR', 'SA' oder 'SU'"


@pytest.mark.parametrize(
    ("change", "field", "message", "code"),
    [
        (
            {"start_date": "2025-02-30"},
            "start_date",
            "Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben.",
            "date_from_datetime_parsing",
        ),
        (
            {"start_time": "halb acht"},
            "start_time",
            "Bitte eine gültige Uhrzeit im Format HH:MM oder HH:MM:SS angeben.",
            "time_parsing",
        ),
        (
            {"recurrence_interval": "oft"},
            "recurrence_interval",
            "Bitte eine ganze Zahl angeben.",
            "int_parsing",
        ),
        (
            {"recurrence_interval": 0},
            "recurrence_interval",
            "Bitte einen Wert von mindestens 1 angeben.",
            "greater_than_equal",
        ),
        (
            {"recurrence_count": 501},
            "recurrence_count",
            "Bitte einen Wert von höchstens 500 angeben.",
            "less_than_equal",
        ),
        (
            {"title": "x" * 201},
            "title",
            "Bitte höchstens 200 Zeichen angeben.",
            "string_too_long",
        ),
        ({"title": 5}, "title", "Bitte einen Text angeben.", "string_type"),
        (
            {"kind": "party"},
            "kind",
            "Bitte einen dieser Werte angeben: 'termin' oder 'fortbildung'.",
            "literal_error",
        ),
        (
            {"recurrence_weekdays": ["MO", "XX"]},
            "recurrence_weekdays.1",
            f"Bitte einen dieser Werte angeben: {WEEKDAYS}.",
            "literal_error",
        ),
        ({"is_free": "vielleicht"}, "is_free", "Bitte true oder false angeben.", "bool_parsing"),
        ({"fields": "kultur"}, "fields", "Bitte eine Liste angeben.", "list_type"),
        (
            {"venue": {"city": "Bitburg"}},
            "venue.name",
            "Dieses Feld ist zwingend erforderlich.",
            "missing",
        ),
    ],
)
def test_event_data_of_the_wrong_type_gets_a_german_message_per_field(
    client, clubs, change, field, message, code
):
    payload = {**NEW_EVENT, "start_date": in_a_month().isoformat(), **change}
    response = send(client, "post", "/events", payload, clubs.secret)

    assert response.status_code == 422
    assert response.json() == {
        "detail": "The data is not valid.",
        "errors": {field: [message]},
        "codes": {field: [code]},
    }
    assert not Event.objects.filter(title="Herbstkonzert").exists()
    assert uses(clubs.token) == [("POST", f"{BASE}/events", 422, "", None)]


def test_every_wrong_value_of_an_opportunity_is_reported_with_its_code(client, clubs):
    payload = {
        **NEW_OPPORTUNITY,
        "hours": 1.5,
        "commitment": "immer",
        "dates": [{"note": "Sommerfest"}, {"date": "bald"}],
        "summary": "",
        "people_needed": "viele",
    }
    response = send(
        client, "patch", f"/opportunities/{clubs.own_opportunity.pk}", payload, clubs.secret
    )

    assert response.status_code == 422
    data = response.json()
    assert data["errors"] == {
        "commitment": [
            "Bitte einen dieser Werte angeben: 'einmalig', 'regelmaessig' oder 'flexibel'."
        ],
        "dates.0.date": ["Dieses Feld ist zwingend erforderlich."],
        "dates.1.date": ["Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben."],
        "hours": ["Bitte eine ganze Zahl angeben."],
        "people_needed": ["Bitte eine ganze Zahl angeben."],
    }
    assert data["codes"] == {
        "commitment": ["literal_error"],
        "dates.0.date": ["missing"],
        "dates.1.date": ["date_from_datetime_parsing"],
        "hours": ["int_from_float"],
        "people_needed": ["int_parsing"],
    }
    clubs.own_opportunity.refresh_from_db()
    assert clubs.own_opportunity.title == "Notenwart gesucht"


def test_the_messages_follow_the_chosen_language(client, clubs):
    client.cookies["sprache"] = "en"
    payload = {**NEW_EVENT, "start_date": "morgen", "recurrence_interval": 60}
    response = send(client, "post", "/events", payload, clubs.secret)

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "start_date": ["Enter a valid date in the format YYYY-MM-DD."],
        "recurrence_interval": ["Enter a value of at most 52."],
    }
