"""The OpenAPI document is valid OpenAPI 3, and the docs page is built from it without outside help."""

import copy
import re
from html.parser import HTMLParser

import pytest
from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"
LICENCE_URL = "https://www.govdata.de/dl-de/by-2-0"
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def errors(document: dict) -> list[str]:
    return [
        f"{error.instance_path}: {error}" for error in OPENAPI_31_VALIDATOR.iter_errors(document)
    ]


def test_the_document_is_valid_openapi_3_1(document):
    assert document["openapi"] == "3.1.0"
    assert errors(document) == []


def test_the_validator_would_notice_a_broken_document(document):
    broken = copy.deepcopy(document)
    del broken["info"]["title"]
    broken["paths"]["/api/v1/organisations"]["get"]["responses"]["200"] = "ok"
    assert len(errors(broken)) >= 2


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def test_structure_ids_references_and_licence(document):
    assert document["info"]["title"] == "Engagement-Netz – Offene Daten"
    assert document["info"]["version"] == "1.0"
    assert document["info"]["license"] == {
        "name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
        "url": LICENCE_URL,
    }
    assert document["servers"] == [{"url": SITE}]
    schemas = document["components"]["schemas"]
    for ref in set(_refs(document)):
        assert ref.startswith("#/components/schemas/"), ref
        assert ref.rsplit("/", 1)[-1] in schemas, ref
    operation_ids = []
    for path, operations in document["paths"].items():
        assert path.startswith("/api/v1/"), path
        for method, operation in operations.items():
            assert method in METHODS, (path, method)
            operation_ids.append(operation["operationId"])
            assert operation["summary"], (path, method)
            responses = operation["responses"]
            assert "429" in responses, (path, method)
            assert "422" in responses, (path, method)
            if "{pk}" in path:
                assert "404" in responses, (path, method)
                (parameter,) = [p for p in operation["parameters"] if p["in"] == "path"]
                assert (parameter["name"], parameter["required"]) == ("pk", True)
    assert len(operation_ids) == len(set(operation_ids))


def test_reads_are_public_and_writes_need_a_token(document):
    assert document["components"]["securitySchemes"] == {
        "OrganisationToken": {
            "type": "http",
            "scheme": "bearer",
            "description": "The API token of an organisation (Organisation → API-Zugang).",
        }
    }
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method == "get":
                assert "security" not in operation, path
            else:
                assert path.startswith("/api/v1/organisation/"), path
                assert operation["security"] == [{"OrganisationToken": []}]
                assert "401" in operation["responses"]
                assert "requestBody" in operation


def test_the_document_lists_every_resource_of_the_index(client, document):
    index = client.get("/api/v1/").json()
    for url in index["resources"].values():
        assert url.removeprefix(SITE) in document["paths"], url


def test_list_parameters_are_the_pages_filters(document):
    parameters = {
        p["name"] for p in document["paths"]["/api/v1/organisations"]["get"]["parameters"]
    }
    assert {"seite", "anzahl", "bereich", "stadtteil", "art", "q"} <= parameters
    dates = {p["name"] for p in document["paths"]["/api/v1/dates"]["get"]["parameters"]}
    assert {"von", "bis", "zeitraum", "veranstalter"} <= dates


def elsewhere(url: str) -> bool:
    return bool(re.match(r"^(https?:)?//", url)) and not url.startswith(f"{SITE}/")


class Resources(HTMLParser):
    """Every address the page would load by itself, and every link in it."""

    def __init__(self):
        super().__init__()
        self.loaded: list[str] = []
        self.links: list[str] = []
        self.inline_scripts = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and "href" in attributes:
            self.links.append(attributes["href"])
            return
        for name in ("src", "href", "srcset", "poster", "data"):
            if attributes.get(name):
                self.loaded.append(attributes[name])
        if tag == "script" and "src" not in attributes:
            self.inline_scripts += 1


def test_docs_page_is_rendered_from_the_document_with_own_files_only(client, document):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    content = response.content.decode()
    parser = Resources()
    parser.feed(content)
    assert parser.loaded, "the page loads its own style sheet at least"
    # The canonical address names the own site; nothing is loaded from anywhere else.
    assert [url for url in parser.loaded if elsewhere(url)] == []
    # The only address of another host is the licence text, a link a reader may follow.
    assert {url for url in parser.links if elsewhere(url)} == {LICENCE_URL}
    assert "swagger" not in content.lower()
    assert "cdn." not in content
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert f"<code>{method.upper()} {path}</code>" in content
            assert f'id="{operation["operationId"]}"' in content
    for name in document["components"]["schemas"]:
        assert f'id="schema-{name}"' in content
    assert "Gesamtexporte" in content
    assert 'href="/api/v1/export/organisationen.csv"' in content


def test_docs_page_is_in_the_sitemap(client, db):
    response = client.get("/sitemap-offene-daten.xml")
    assert response.status_code == 200
    assert re.findall(r"<loc>([^<]+)</loc>", response.content.decode()) == [f"{SITE}/api/v1/docs"]
    assert (
        f"<loc>{SITE}/sitemap-offene-daten.xml</loc>" in client.get("/sitemap.xml").content.decode()
    )
