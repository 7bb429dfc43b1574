"""RSS and Atom feeds of all news and per category, read with feedparser."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from engagementnetz.news.models import ArticleState

from .factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    now = timezone.now()
    vereine = CategoryFactory(name="Aus den Vereinen", slug="aus-den-vereinen")
    netz = CategoryFactory(name="Aus dem Netzwerk", slug="aus-dem-netzwerk")
    ArticleFactory(
        title="Chor sucht Stimmen",
        slug="chor",
        categories=[vereine],
        publish_at=now - timedelta(days=2),
        author_name="Kirchenchor St. Peter",
    )
    ArticleFactory(
        title="Netzwerktreffen im Mai",
        slug="treffen",
        categories=[netz],
        publish_at=now - timedelta(days=1),
    )
    ArticleFactory(
        title="Noch nicht", state=ArticleState.SCHEDULED, publish_at=now + timedelta(days=1)
    )
    return vereine


@pytest.mark.parametrize("path", ["/aktuelles/feed/", "/aktuelles/feed/atom/"])
def test_feed_of_all_news(client, articles, path):
    response = client.get(path)
    feed = feedparser.parse(response.content)
    assert response.status_code == 200
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == [
        "Netzwerktreffen im Mai",
        "Chor sucht Stimmen",
    ]
    assert feed.entries[0].link == "http://testserver/aktuelles/treffen/"
    assert feed.entries[1].summary == "Kurz gesagt: Es tut sich etwas in Bitburg."
    assert feed.entries[1].author == "Kirchenchor St. Peter"
    assert [tag.term for tag in feed.entries[1].tags] == ["Aus den Vereinen"]
    assert feed.feed.title == "Engagement-Netz – Aktuelles"


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/aktuelles/kategorie/aus-den-vereinen/feed/", "application/rss+xml; charset=utf-8"),
        ("/aktuelles/kategorie/aus-den-vereinen/feed/atom/", "application/atom+xml; charset=utf-8"),
    ],
)
def test_feed_of_one_category(client, articles, path, content_type):
    response = client.get(path)
    feed = feedparser.parse(response.content)
    assert response["Content-Type"] == content_type
    assert [entry.title for entry in feed.entries] == ["Chor sucht Stimmen"]
    assert feed.feed.title == "Engagement-Netz – Aktuelles: Aus den Vereinen"


def test_unknown_category_feed_is_404(client):
    assert client.get("/aktuelles/kategorie/gibt-es-nicht/feed/").status_code == 404


@pytest.mark.parametrize("count", [1, 12])
def test_feed_queries_are_constant(client, count, django_assert_num_queries):
    category = CategoryFactory(name="Aus den Vereinen", slug="aus-den-vereinen")
    for number in range(count):
        ArticleFactory(title=f"Meldung {number}", categories=[category])
    client.get("/aktuelles/feed/")
    with django_assert_num_queries(2):  # articles, their categories
        client.get("/aktuelles/feed/")
