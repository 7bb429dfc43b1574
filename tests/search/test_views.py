import pytest
from django.db import connection
from django.utils import timezone

from engagementnetz.search import selectors
from engagementnetz.search.documents import Document
from engagementnetz.search.services import store_documents
from tests.factories import DistrictFactory, FieldFactory

pytestmark = pytest.mark.django_db


def make_documents(count: int, *, field=None, district=None, start: int = 1) -> None:
    store_documents(
        "views.fixture",
        {
            number: Document(
                title=f"Chorprobe Nummer {number}",
                kind="event" if number % 2 else "organisation",
                url=f"/termine/chorprobe-{number}/",
                body="Wir singen gemeinsam im Pfarrheim. Neue Stimmen sind willkommen.",
                field_ids=[field.pk] if field else [],
                district_id=district.pk if district else None,
                starts_at=timezone.now() + timezone.timedelta(days=number),
                ends_at=timezone.now() + timezone.timedelta(days=number, hours=2),
            )
            for number in range(start, start + count)
        },
    )


def test_empty_search_page_invites_to_search(client):
    response = client.get("/suche/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and "Suche" in html
    assert "Geben Sie ein, wonach Sie suchen" in html
    assert 'name="q"' in html


def test_results_are_listed_with_kind_and_highlight(client):
    make_documents(3)
    response = client.get("/suche/", {"q": "Chorproben"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "3 Treffer für „Chorproben“" in html
    assert (
        '<a class="kern-link" href="/termine/chorprobe-1/"><mark>Chorprobe</mark> Nummer 1</a>'
        in html
    )
    assert "Termine (2)" in html
    assert "Organisationen (1)" in html


def test_filters_by_kind_field_and_district(client):
    choir = FieldFactory(name="Kultur", slug="kultur")
    irsch = DistrictFactory(name="Irsch", slug="irsch")
    make_documents(2)
    make_documents(1, field=choir, district=irsch, start=10)
    html = client.get("/suche/", {"q": "Chor", "bereich": "kultur"}).content.decode()
    assert "1 Treffer für „Chor“" in html and "Nummer 10" in html
    html = client.get("/suche/", {"q": "Chor", "stadtteil": "irsch"}).content.decode()
    assert "1 Treffer für „Chor“" in html and "Nummer 10" in html
    html = client.get("/suche/", {"q": "Chor", "art": "event"}).content.decode()
    assert "1 Treffer für „Chor“" in html and "Nummer 1<" in html


def test_wrong_filter_values_are_reported_not_an_error(client):
    make_documents(1)
    response = client.get("/suche/", {"q": "Chor", "art": "raumschiff", "stadtteil": "atlantis"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ein Teil Ihrer Suche konnte nicht verwendet werden" in html
    assert "1 Treffer für „Chor“" in html


def test_htmx_request_gets_only_the_results(client):
    make_documents(1)
    response = client.get(
        "/suche/", {"q": "Chor"}, headers={"HX-Request": "true", "HX-Target": "search-results"}
    )
    html = response.content.decode()
    assert "1 Treffer für „Chor“" in html
    assert "<html" not in html


@pytest.mark.parametrize("count", [1, 25])
def test_search_page_queries_do_not_grow_with_results(
    client, count, django_assert_max_num_queries, django_assert_num_queries
):
    make_documents(count)
    client.get("/suche/", {"q": "Pfarrheim"})  # warm the site settings cache
    # Index token, match check, counts, ranking (levels in two rounds at most; on SQLite
    # counted first), shown rows, fields and districts of the form.
    with django_assert_max_num_queries(9 if connection.vendor == "sqlite" else 8):
        response = client.get("/suche/", {"q": "Chor"})
    assert response.status_code == 200
    # The same search again comes from the cache: the index token and the form.
    with django_assert_num_queries(3):
        response = client.get("/suche/", {"q": "Chor"})
    assert response.status_code == 200


def test_beyond_the_counted_results_the_search_says_more(client, monkeypatch):
    monkeypatch.setattr(selectors, "RESULT_CAP", 4)
    make_documents(7)
    html = client.get("/suche/", {"q": "Chorprobe"}).content.decode()
    assert "Mehr als 4 Treffer für „Chorprobe“" in html
    assert "Gezeigt werden die besten 4." in html
    assert html.count('class="kern-card search-hit"') == 4
    # How many of each kind is left open; every kind can still be chosen.
    assert ">Alles</a>" in html
    assert ">Termine</a>" in html and ">Seiten</a>" in html
    html = client.get("/suche/", {"q": "Chorprobe", "art": "organisation"}).content.decode()
    assert "3 Treffer für „Chorprobe“" in html  # the kind alone is counted


def test_pages_of_results(client):
    make_documents(25)
    html = client.get("/suche/", {"q": "Chor", "seite": "2"}).content.decode()
    assert "(Seite 2 von 2)" in html
    assert 'rel="prev"' in html and 'rel="next"' not in html
    assert '<ol class="result-list search-results" start="21">' in html


def test_suggestions_are_links_and_empty_for_short_input(client):
    make_documents(8)
    assert client.get("/suche/vorschlaege/", {"q": "Ch"}).content == b""
    html = client.get("/suche/vorschlaege/", {"q": "Chorp"}).content.decode()
    assert html.count('<li><a class="kern-link" href="/termine/chorprobe-') == 6
    assert 'href="/suche/?q=Chorp">Alle Treffer für „Chorp“</a>' in html
    assert client.get("/suche/vorschlaege/", {"q": "Zzzzz"}).content.decode().strip() == ""


def test_no_input_breaks_the_search(client):
    for query in ["\"'<script>", "*", "-- OR 1=1", "a" * 500, "NEAR(", "ä ö ü ß", "::* & |"]:
        assert client.get("/suche/", {"q": query}).status_code == 200
        assert client.get("/suche/vorschlaege/", {"q": query}).status_code == 200
