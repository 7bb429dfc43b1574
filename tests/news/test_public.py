"""The public news: list with categories and pages, article page with its metadata."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from engagementnetz.news.models import ArticleState
from tests.factories import OrganisationFactory

from .factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def test_list_shows_only_public_articles_newest_first(client):
    now = timezone.now()
    ArticleFactory(title="Älterer Bericht", publish_at=now - timedelta(days=5))
    ArticleFactory(title="Neuer Bericht", publish_at=now - timedelta(hours=1))
    ArticleFactory(
        title="Geplanter Bericht", state=ArticleState.SCHEDULED, publish_at=now + timedelta(days=1)
    )
    ArticleFactory(title="Entwurf", state=ArticleState.DRAFT, publish_at=None)
    ArticleFactory(title="Eingereicht", state=ArticleState.SUBMITTED, publish_at=None)

    html = client.get("/aktuelles/").content.decode()

    titles = re.findall(r'kern-link--stretched" href="/aktuelles/[^"]+/">([^<]+)</a>', html)
    assert titles == ["Neuer Bericht", "Älterer Bericht"]
    assert "2 Beiträge" in html


def test_category_filter_and_htmx_partial(client):
    verein = CategoryFactory(name="Aus den Vereinen", slug="aus-den-vereinen")
    netz = CategoryFactory(name="Aus dem Netzwerk", slug="aus-dem-netzwerk")
    ArticleFactory(title="Chorprobe im Haus der Jugend", categories=[verein])
    ArticleFactory(title="Neues Netzwerktreffen", categories=[netz])

    html = client.get("/aktuelles/?kategorie=aus-den-vereinen").content.decode()
    assert "Chorprobe im Haus der Jugend" in html
    assert "Neues Netzwerktreffen" not in html
    assert 'href="/aktuelles/kategorie/aus-den-vereinen/feed/"' in html

    partial = client.get("/aktuelles/?kategorie=aus-dem-netzwerk", HTTP_HX_REQUEST="true")
    body = partial.content.decode()
    assert "<html" not in body
    assert "Neues Netzwerktreffen" in body
    assert "1 Beitrag in „Aus dem Netzwerk“" in body


def test_pagination(client):
    now = timezone.now()
    for number in range(12):
        ArticleFactory(title=f"Meldung {number:02d}", publish_at=now - timedelta(hours=number + 1))
    first = client.get("/aktuelles/").content.decode()
    second = client.get("/aktuelles/?seite=2").content.decode()
    assert "Meldung 00" in first and "Meldung 09" in first and "Meldung 10" not in first
    assert "Meldung 10" in second and "Meldung 11" in second
    assert "Seite 2 von 2" in second


@pytest.mark.parametrize("count", [1, 15])
def test_list_queries_do_not_grow_with_the_number_of_articles(
    client, count, django_assert_num_queries
):
    categories = [CategoryFactory(name=f"Rubrik {n}") for n in range(3)]
    organisation = OrganisationFactory()
    for number in range(count):
        ArticleFactory(title=f"Bericht {number}", categories=categories, organisation=organisation)
    client.get("/aktuelles/")  # the site's settings and menus come from the cache afterwards
    with django_assert_num_queries(4):  # categories, count, page of articles, their categories
        response = client.get("/aktuelles/")
    assert response.status_code == 200


def test_article_page_has_news_article_json_ld_and_open_graph(client, settings):
    settings.SITE_URL = "https://engagement.example"
    category = CategoryFactory(name="Beteiligung", slug="beteiligung")
    article = ArticleFactory(
        title="Zukunftswerkstatt im Haus der Jugend",
        slug="zukunftswerkstatt",
        teaser="28 Engagierte haben an drei Thementischen gearbeitet.",
        body="Bürgermeister und Vereine waren dabei.\n\n<script>alert(1)</script>",
        categories=[category],
        author_name="Netzwerkbüro",
    )
    html = client.get("/aktuelles/zukunftswerkstatt/").content.decode()

    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Zukunftswerkstatt im Haus der Jugend"
    assert data["url"] == "https://engagement.example/aktuelles/zukunftswerkstatt/"
    assert data["datePublished"] == article.publish_at.isoformat()
    assert data["articleSection"] == ["Beteiligung"]
    assert data["author"] == {"@type": "Organization", "name": "Netzwerkbüro"}
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Zukunftswerkstatt im Haus der Jugend">' in html
    assert (
        '<meta property="og:url" content="https://engagement.example/aktuelles/zukunftswerkstatt/">'
        in html
    )
    assert "<script>alert(1)</script>" not in html


def test_drafts_are_not_public_but_the_office_sees_a_preview(client, office_client):
    ArticleFactory(
        title="Noch geheim", slug="noch-geheim", state=ArticleState.DRAFT, publish_at=None
    )
    from django.test import Client

    assert Client().get("/aktuelles/noch-geheim/").status_code == 404
    response = office_client.get("/aktuelles/noch-geheim/")
    assert response.status_code == 200
    assert "Vorschau – dieser Beitrag ist nicht öffentlich (Entwurf)." in response.content.decode()


def test_start_page_shows_the_latest_three_articles(client):
    now = timezone.now()
    for number in range(4):
        ArticleFactory(
            title=f"Startseitenmeldung {number}", publish_at=now - timedelta(days=number + 1)
        )
    html = client.get("/").content.decode()
    assert "Startseitenmeldung 0" in html
    assert "Startseitenmeldung 2" in html
    assert "Startseitenmeldung 3" not in html
