"""The public reads: exact content, filters like the pages, paging, CORS, limits."""

import importlib.util

import pytest

from engagementnetz import settings as django_settings

pytestmark = pytest.mark.django_db

BASE = "/api/v1"


def results(client, path, **params):
    response = client.get(f"{BASE}{path}", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_index_lists_resources_and_licence(client, town):
    data = results(client, "/")
    assert data["licence"] == {
        "name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
        "url": "https://www.govdata.de/dl-de/by-2-0",
    }
    assert data["resources"]["organisations"] == "http://127.0.0.1:8000/api/v1/organisations"
    assert data["exports"]["termine.csv"] == "http://127.0.0.1:8000/api/v1/export/termine.csv"


def test_organisations_only_public_with_public_contact_only(client, town):
    data = results(client, "/organisations")
    assert [item["name"] for item in data["results"]] == [
        "Musikverein Bitburg",
        "Sportfreunde Mötsch",
    ]
    musikverein, sport = data["results"]
    assert musikverein["email"] == ""
    assert musikverein["phone"] == ""
    assert sport["email"] == "info@sportfreunde.example.org"
    assert musikverein["district"] == {"slug": "moetsch", "name": "Mötsch"}
    assert musikverein["fields"] == [{"slug": "kultur", "name": "Kultur"}]
    assert musikverein["url"] == "http://127.0.0.1:8000/organisationen/musikverein-bitburg/"
    assert musikverein["api_url"] == (
        f"http://127.0.0.1:8000/api/v1/organisations/{town.organisation.pk}"
    )
    assert data["count"] == 2
    assert data["next"] is None


def test_organisation_filters_are_those_of_the_directory(client, town):
    assert [o["name"] for o in results(client, "/organisations", bereich="sport")["results"]] == [
        "Sportfreunde Mötsch"
    ]
    assert [
        o["name"] for o in results(client, "/organisations", stadtteil="moetsch")["results"]
    ] == ["Musikverein Bitburg"]
    # An unknown term is ignored, like on the page.
    assert results(client, "/organisations", bereich="gibt-es-nicht")["count"] == 2


def test_detail_of_unpublished_organisation_is_404(client, town):
    response = client.get(f"{BASE}/organisations/{town.hidden.pk}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_paging(client, town):
    first = results(client, "/organisations", anzahl=1)
    assert [o["name"] for o in first["results"]] == ["Musikverein Bitburg"]
    assert first["pages"] == 2
    assert first["next"] == "http://127.0.0.1:8000/api/v1/organisations?anzahl=1&seite=2"
    second = results(client, "/organisations", anzahl=1, seite=2)
    assert [o["name"] for o in second["results"]] == ["Sportfreunde Mötsch"]
    assert second["previous"] == "http://127.0.0.1:8000/api/v1/organisations?anzahl=1&seite=1"


def test_projects_show_only_public_partners(client, town):
    (project,) = results(client, "/projects")["results"]
    assert project["title"] == "Jugendorchester"
    assert [p["name"] for p in project["partners"]] == ["Sportfreunde Mötsch"]


def test_events_courses_and_dates(client, town):
    events = results(client, "/events")["results"]
    assert [e["title"] for e in events] == ["Sommerkonzert", "Erste Hilfe für Übungsleitende"]
    assert events[0]["next_date"]["starts_at"] == events[0]["starts_at"]
    assert events[0]["venue"]["name"] == "Stadthalle"
    assert events[0]["course"] is None
    assert events[1]["course"]["provider"] == "Ehrenamtsakademie"
    courses = results(client, "/courses")["results"]
    assert [e["title"] for e in courses] == ["Erste Hilfe für Übungsleitende"]
    dates = results(client, "/dates", stadtteil="moetsch")["results"]
    assert [d["event"]["title"] for d in dates] == ["Sommerkonzert"]


def test_dates_in_a_period(client, town):
    start = town.event.starts_at.date()
    dates = results(client, "/dates", von=start.isoformat(), bis=start.isoformat())["results"]
    assert [d["event"]["title"] for d in dates] == ["Sommerkonzert"]
    later = results(client, "/events", von="2099-01-01")["results"]
    assert later == []


def test_event_detail_has_its_dates(client, town):
    data = results(client, f"/events/{town.event.pk}")
    assert data["title"] == "Sommerkonzert"
    assert len(data["dates"]) == 1
    assert data["registration_required"] is True


def test_opportunities_measures_processes_news_links(client, town):
    (opportunity,) = results(client, "/opportunities", ort="moetsch")["results"]
    assert opportunity["title"] == "Notenwart gesucht"
    assert results(client, "/opportunities", ort="zuhause")["results"] == []
    (measure,) = results(client, "/measures", stand="in_progress")["results"]
    assert measure["process"]["title"] == "Engagementstrategie Bitburg"
    assert measure["updates"] == [
        {
            "date": measure["updates"][0]["date"],
            "text": "Start",
            "progress": 40,
            "state": "in_progress",
        }
    ]
    assert results(client, "/measures", stand="done")["results"] == []
    (process,) = results(client, "/processes")["results"]
    assert process["contribution_count"] == 1
    assert process["measure_count"] == 1
    (article,) = results(client, "/news", kategorie="netzwerk")["results"]
    assert article["title"] == "Neue Engagementstrategie"
    (link,) = results(client, "/links")["results"]
    assert link["address"] == town.link.url


def test_cors_on_reads_and_preflight(client, town):
    response = client.get(f"{BASE}/organisations", headers={"Origin": "https://example.com"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Link"] == '<https://www.govdata.de/dl-de/by-2-0>; rel="license"'
    preflight = client.options(f"{BASE}/organisations")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_rate_limit_answers_429(client, town, settings):
    settings.API_RATE_LIMIT_PER_MINUTE = 3
    for _ in range(3):
        assert client.get(f"{BASE}/links").status_code == 200
    response = client.get(f"{BASE}/links")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert response.json()["limit_per_minute"] == 3


def settings_read_with(monkeypatch, **environment):
    """A fresh copy of the settings module, read with the given environment."""
    for name, value in environment.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("settings_copy", django_settings.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("value", "limit"), [(None, 120), ("", 120), ("30", 30), (" 600 ", 600)])
def test_the_rate_limit_is_read_from_the_environment(monkeypatch, value, limit):
    module = settings_read_with(monkeypatch, API_RATE_LIMIT_PER_MINUTE=value)
    assert limit == module.API_RATE_LIMIT_PER_MINUTE


def test_invalid_paging_parameter_is_a_clear_422(client, town):
    response = client.get(f"{BASE}/organisations", {"anzahl": "viele"})
    assert response.status_code == 422
    assert response.json() == {
        "detail": "The data is not valid.",
        "errors": {"anzahl": ["Bitte eine ganze Zahl angeben."]},
        "codes": {"anzahl": ["int_parsing"]},
    }


def test_a_null_character_in_a_parameter_is_dropped(client, town):
    response = client.get(f"{BASE}/organisations", {"bereich": "spo\x00rt"})
    assert response.status_code == 200
    assert [o["name"] for o in response.json()["results"]] == ["Sportfreunde Mötsch"]
