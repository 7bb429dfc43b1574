"""No personal data ever leaves through the API: every endpoint of the OpenAPI document is walked.

The endpoints are taken from the document itself and the bulk exports from the API's index, so
a new endpoint is walked without anyone adding it here.
"""

import json

import pytest

from engagementnetz.events.models import Event, Registration
from engagementnetz.news.models import Article
from engagementnetz.newsletter.models import Subscriber
from engagementnetz.opportunities.models import Interest, Opportunity
from engagementnetz.organisations.models import Organisation, Project
from engagementnetz.participation.models import Measure, Process

from .conftest import SECRETS

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"
# Detail endpoints are probed with every object of their table, unpublished ones included.
MODELS = {
    "/api/v1/organisations/{pk}": Organisation,
    "/api/v1/projects/{pk}": Project,
    "/api/v1/events/{pk}": Event,
    "/api/v1/opportunities/{pk}": Opportunity,
    "/api/v1/processes/{pk}": Process,
    "/api/v1/measures/{pk}": Measure,
    "/api/v1/news/{pk}": Article,
}


def strings(node):
    """Every key and every value of a JSON document, as text."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from strings(item)
    elif node is not None:
        yield str(node)


def leaks(text_values) -> list[str]:
    found = []
    for value in text_values:
        for name, secret in SECRETS.items():
            if secret.casefold() in value.casefold():
                found.append(f"{name}: {value[:80]}")
    return found


def get(client, url: str):
    response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    return response


def test_no_endpoint_and_no_export_gives_away_personal_data(client, town):
    # The world really holds the personal data that must not leave.
    assert Registration.objects.filter(email=SECRETS["registrant_email"]).exists()
    assert Interest.objects.filter(phone=SECRETS["interest_phone"]).exists()
    assert Subscriber.objects.filter(email=SECRETS["subscriber"]).exists()

    document = client.get("/api/v1/openapi.json").json()
    seen: dict[str, list[str]] = {}
    details = []
    for path, operations in document["paths"].items():
        if "get" not in operations:
            # Only the pushes of organisations write; they answer with ids and addresses.
            assert path.startswith("/api/v1/organisation/"), path
            continue
        if "{" in path:
            details.append(path)
            continue
        response = get(client, f"{path}?anzahl=100")
        assert response.status_code == 200, path
        seen[path] = list(strings(response.json()))

    assert sorted(details) == sorted(MODELS), "name the model of a new detail endpoint"
    found = 0
    for path in details:
        listing = path.removesuffix("/{pk}")
        listed = {item["id"] for item in client.get(f"{listing}?anzahl=100").json()["results"]}
        assert listed, f"the world has nothing public for {listing}"
        ids = set(MODELS[path].objects.values_list("pk", flat=True))
        assert listed <= ids
        for pk in sorted(ids):
            response = get(client, path.replace("{pk}", str(pk)))
            if response.status_code == 200:
                found += 1
                seen[f"{path}:{pk}"] = list(strings(response.json()))

    index = client.get("/api/v1/").json()
    assert len(index["exports"]) == 6
    for url in index["exports"].values():
        response = client.get(url.removeprefix(SITE))
        assert response.status_code == 200, url
        seen[url] = [b"".join(response.streaming_content).decode("utf-8")]

    assert {path for path in seen if ":" not in path and not path.startswith(SITE)} == {
        path for path, ops in document["paths"].items() if "get" in ops and "{" not in path
    }
    assert found >= len(details)
    everything = [value for values in seen.values() for value in values]
    assert leaks(everything) == []
    # The walk did see the public data, so it would have seen the private data too.
    assert "info@sportfreunde.example.org" in everything
    assert any("Sommerkonzert" in value for value in everything)
    assert any("Notenwart gesucht" in value for value in everything)
    assert any("Ehrenamtsbörse ausbauen" in value for value in everything)


def test_the_check_itself_finds_a_leak():
    document = {"results": [{"contact": f"Schreiben Sie an {SECRETS['hidden_email'].upper()}"}]}
    assert leaks(strings(json.loads(json.dumps(document)))) == [
        "hidden_email: Schreiben Sie an VORSTAND-PRIVAT@EXAMPLE.ORG"
    ]


def test_a_hidden_phone_number_is_given_once_the_organisation_shows_it(client, town):
    town.organisation.show_phone = True
    town.organisation.save()
    data = client.get(f"/api/v1/organisations/{town.organisation.pk}").json()
    assert data["phone"] == SECRETS["hidden_phone"]
