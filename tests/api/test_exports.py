"""Bulk exports: exact columns, exact rows, the licence, and no contact data that is hidden."""

import csv
import io
import json
from datetime import datetime

import pytest
from django.utils import timezone

from engagementnetz.events.recurrence import make_local
from tests.events.factories import EventFactory, VenueFactory
from tests.factories import DistrictFactory, FieldFactory, OrganisationFactory, TargetGroupFactory
from tests.participation.factories import MeasureFactory, ProcessFactory

pytestmark = pytest.mark.django_db

LICENCE = "Datenlizenz Deutschland – Namensnennung – Version 2.0"
LICENCE_URL = "https://www.govdata.de/dl-de/by-2-0"
SITE = "http://127.0.0.1:8000"


@pytest.fixture
def world(db):
    culture = FieldFactory(name="Kultur", slug="kultur")
    youth = TargetGroupFactory(name="Jugendliche", slug="jugendliche")
    district = DistrictFactory(name="Mötsch", slug="moetsch")
    club = OrganisationFactory(
        name="Musikverein Bitburg",
        slug="musikverein-bitburg",
        short_description='Blasmusik; für "alle" Generationen',
        district=district,
        street="Am Markt 1",
        postcode="54634",
        latitude="49.9740000",
        longitude="6.5230000",
        website="https://musikverein.example.org",
        email="vorstand-privat@example.org",
        show_email=False,
        phone="06561 123456",
        show_phone=True,
        seeks_members=True,
        verified_at=make_local(datetime(2026, 3, 1, 10, 0)),
    )
    club.fields.set([culture])
    club.target_groups.set([youth])
    OrganisationFactory(name="Entwurf e.V.", slug="entwurf", state="rejected")
    start = make_local(datetime(2099, 7, 4, 19, 30))
    event = EventFactory(
        title="Sommerkonzert",
        slug="sommerkonzert",
        organiser=club,
        venue=VenueFactory(
            name="Stadthalle",
            street="Talweg 2",
            postcode="54634",
            city="Bitburg",
            district=district,
        ),
        starts_at=start,
        ends_at=start.replace(hour=21, minute=30),
        is_free=False,
        cost="5 €",
        contact_email="erwin.kontakt@example.org",
    )
    process = ProcessFactory(title="Engagementstrategie Bitburg", slug="engagementstrategie")
    measure = MeasureFactory(
        title="Ehrenamtsbörse ausbauen",
        slug="ehrenamtsboerse",
        summary="Mehr Angebote, einfacher gefunden.",
        process=process,
        field=culture,
        responsible_organisation=club,
        responsible_person="Martina Verantwortlich",
        state="in_progress",
        progress=40,
        starts_on="2026-01-01",
        ends_on="2027-12-31",
    )
    return {"club": club, "event": event, "measure": measure}


def download(client, name: str):
    response = client.get(f"/api/v1/export/{name}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8")
    return response, body


def csv_rows(body: str) -> list[list[str]]:
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def test_directory_as_csv(client, world):
    response, body = download(client, "organisationen.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    stamp = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (f'attachment; filename="organisationen-{stamp}.csv"')
    assert response["Link"] == f'<{LICENCE_URL}>; rel="license"'
    assert response["Access-Control-Allow-Origin"] == "*"
    header, *rows = csv_rows(body)
    assert header == [
        "id",
        "name",
        "kind",
        "short_description",
        "fields",
        "target_groups",
        "district",
        "street",
        "postcode",
        "city",
        "latitude",
        "longitude",
        "website",
        "email",
        "phone",
        "seeks_members",
        "seeks_volunteers",
        "barrier_free",
        "verified_at",
        "url",
    ]
    assert rows == [
        [
            str(world["club"].pk),
            "Musikverein Bitburg",
            "verein",
            'Blasmusik; für "alle" Generationen',
            "Kultur",
            "Jugendliche",
            "Mötsch",
            "Am Markt 1",
            "54634",
            "Bitburg",
            "49.974",
            "6.523",
            "https://musikverein.example.org",
            "",  # the e-mail address is not shown publicly
            "06561 123456",
            "ja",
            "nein",
            "nein",
            "2026-03-01T10:00:00+01:00",
            f"{SITE}/organisationen/musikverein-bitburg/",
        ]
    ]
    assert "vorstand-privat@example.org" not in body


def test_directory_as_json_names_the_licence(client, world):
    response, body = download(client, "organisationen.json")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(body)
    assert data["dataset"] == "organisationen"
    assert data["title"] == "Organisations of the directory"
    assert data["licence"] == {"name": LICENCE, "url": LICENCE_URL}
    assert data["publisher"]
    (item,) = data["items"]
    assert item["name"] == "Musikverein Bitburg"
    assert item["email"] == ""
    assert item["latitude"] == 49.974
    assert item["seeks_members"] is True
    assert item["verified_at"] == "2026-03-01T10:00:00+01:00"


def test_dates_as_csv(client, world):
    _response, body = download(client, "termine.csv")
    header, *rows = csv_rows(body)

    assert header == [
        "id",
        "event_id",
        "title",
        "kind",
        "starts_at",
        "ends_at",
        "all_day",
        "is_cancelled",
        "organiser",
        "venue",
        "address",
        "district",
        "online_url",
        "is_free",
        "cost",
        "url",
    ]
    occurrence = world["event"].occurrences.get()
    assert rows == [
        [
            str(occurrence.pk),
            str(world["event"].pk),
            "Sommerkonzert",
            "termin",
            "2099-07-04T19:30:00+02:00",
            "2099-07-04T21:30:00+02:00",
            "nein",
            "nein",
            "Musikverein Bitburg",
            "Stadthalle",
            "Talweg 2, 54634 Bitburg",
            "Mötsch",
            "",
            "nein",
            "5 €",
            f"{SITE}/termine/sommerkonzert/",
        ]
    ]
    assert "erwin.kontakt@example.org" not in body


def test_dates_as_json(client, world):
    _response, body = download(client, "termine.json")
    data = json.loads(body)

    assert data["licence"] == {"name": LICENCE, "url": LICENCE_URL}
    (item,) = data["items"]
    assert (item["title"], item["starts_at"], item["is_free"]) == (
        "Sommerkonzert",
        "2099-07-04T19:30:00+02:00",
        False,
    )


def test_measures_as_csv_and_json(client, world):
    _response, body = download(client, "massnahmen.csv")
    header, *rows = csv_rows(body)

    assert header == [
        "id",
        "title",
        "summary",
        "state",
        "progress",
        "starts_on",
        "ends_on",
        "field",
        "process",
        "responsible_organisation",
        "url",
    ]
    assert rows == [
        [
            str(world["measure"].pk),
            "Ehrenamtsbörse ausbauen",
            "Mehr Angebote, einfacher gefunden.",
            "in_progress",
            "40",
            "2026-01-01",
            "2027-12-31",
            "Kultur",
            "Engagementstrategie Bitburg",
            "Musikverein Bitburg",
            f"{SITE}/massnahmen/ehrenamtsboerse/",
        ]
    ]
    assert "Martina Verantwortlich" not in body

    _response, body = download(client, "massnahmen.json")
    data = json.loads(body)
    assert data["licence"]["name"] == LICENCE
    assert [item["title"] for item in data["items"]] == ["Ehrenamtsbörse ausbauen"]
    assert "Martina Verantwortlich" not in body


def test_licence_comes_from_the_configuration(client, world, settings):
    settings.OPEN_DATA_LICENCE = "CC BY 4.0"
    settings.OPEN_DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
    response, body = download(client, "massnahmen.json")

    assert json.loads(body)["licence"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'


def test_an_empty_export_is_still_valid_json(client, db):
    _response, body = download(client, "massnahmen.json")
    assert json.loads(body)["items"] == []


@pytest.mark.parametrize(
    "name", ["personen.csv", "organisationen.xlsx", "organisationen.csv.json", "termine."]
)
def test_unknown_datasets_and_formats_are_404(client, db, name):
    assert client.get(f"/api/v1/export/{name}").status_code == 404


def test_an_empty_csv_export_still_has_its_header(client, db):
    _response, body = download(client, "termine.csv")
    assert csv_rows(body) == [
        [
            "id",
            "event_id",
            "title",
            "kind",
            "starts_at",
            "ends_at",
            "all_day",
            "is_cancelled",
            "organiser",
            "venue",
            "address",
            "district",
            "online_url",
            "is_free",
            "cost",
            "url",
        ]
    ]
