"""Kept search results: exactly what the index gives, never a result of an older index or time."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from engagementnetz.search import selectors
from engagementnetz.search.documents import Document
from engagementnetz.search.models import IndexState
from engagementnetz.search.services import index_rebuild, index_refresh_ranks, store_documents
from engagementnetz.search.tasks import refresh_search_ranks

pytestmark = pytest.mark.django_db

# Index state, match check, counts, the ranking's levels in one or two rounds (on SQLite counted
# first, to choose between walking the order index and sorting), shown rows.
COLD = 7 if connection.vendor == "sqlite" else 6
RANKING = COLD - 2  # index state, ranking, shown rows


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def event(title: str, ends_in: timedelta) -> Document:
    now = timezone.now()
    return Document(
        title=title,
        kind="event",
        url=f"/termine/{title.lower().replace(' ', '-')}/",
        body="Wir singen gemeinsam.",
        starts_at=now + ends_in - timedelta(hours=2),
        ends_at=now + ends_in,
    )


def titles(raw: str, **filters) -> list[str]:
    return [hit.document.title for hit in selectors.search(raw, **filters).hits]


def test_a_repeated_search_reads_only_the_token(
    django_assert_max_num_queries, django_assert_num_queries
):
    store_documents("cache.fixture", {1: event("Chorprobe Eins", timedelta(days=3))})
    with django_assert_max_num_queries(COLD):
        assert titles("Chorprobe") == ["Chorprobe Eins"]
    with django_assert_num_queries(1):
        again = selectors.search("Chorprobe")
    assert [hit.document.title for hit in again.hits] == ["Chorprobe Eins"]
    assert again.total == 1
    assert [(entry.kind, entry.count) for entry in again.kind_counts] == [("event", 1)]
    assert again.hits[0].title == "<mark>Chorprobe</mark> Eins"


def test_a_kept_page_shows_the_same_marks_and_counts(client):
    store_documents("cache.fixture", {1: event("Chorprobe Eins", timedelta(days=3))})
    partial = {"HX-Request": "true", "HX-Target": "search-results"}
    first = client.get("/suche/", {"q": "Chorprobe"}, headers=partial).content.decode()
    again = client.get("/suche/", {"q": "Chorprobe"}, headers=partial).content.decode()
    assert "<mark>Chorprobe</mark> Eins" in again
    assert "Termine (1)" in again
    assert again == first


def test_every_write_to_the_index_gives_a_new_token():
    first = IndexState.objects.get().token
    store_documents("cache.fixture", {1: event("Chorprobe Eins", timedelta(days=3))})
    second = IndexState.objects.get().token
    index_rebuild()
    third = IndexState.objects.get().token
    assert len({first, second, third}) == 3


def test_new_and_removed_documents_show_at_once():
    store_documents("cache.fixture", {1: event("Chorprobe Eins", timedelta(days=3))})
    assert titles("Chorprobe") == ["Chorprobe Eins"]
    store_documents("cache.fixture", {2: event("Chorprobe Zwei", timedelta(days=1))})
    assert titles("Chorprobe") == ["Chorprobe Zwei", "Chorprobe Eins"]
    index_rebuild()  # no source knows the fixture: the index is empty afterwards
    assert titles("Chorprobe") == []


def test_pages_and_kinds_are_kept_apart():
    store_documents(
        "cache.fixture",
        {number: event(f"Chorprobe {number}", timedelta(days=number)) for number in range(1, 4)},
    )
    assert titles("Chorprobe", page_size=2) == ["Chorprobe 1", "Chorprobe 2"]
    assert titles("Chorprobe", page=2, page_size=2) == ["Chorprobe 3"]
    assert titles("Chorprobe", kind="news") == []
    assert titles("Chorprobe", kind="event") == ["Chorprobe 1", "Chorprobe 2", "Chorprobe 3"]


def test_an_event_that_ends_moves_down_with_the_next_refresh_of_the_ranks():
    store_documents(
        "cache.fixture",
        {
            1: event("Chorprobe Bald", timedelta(hours=1)),
            2: event("Chorprobe Später", timedelta(days=5)),
        },
    )
    assert titles("Chorprobe") == ["Chorprobe Bald", "Chorprobe Später"]
    later = timezone.now() + timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        refresh_search_ranks.call()
    # The refresh gave the index a new token: the kept result is not used any more.
    assert titles("Chorprobe") == ["Chorprobe Später", "Chorprobe Bald"]
    assert index_refresh_ranks(now=later) == 0  # nothing left to move


def test_without_a_token_nothing_is_kept(django_assert_max_num_queries):
    store_documents("cache.fixture", {1: event("Chorprobe Eins", timedelta(days=3))})
    IndexState.objects.all().delete()
    for _ in range(2):
        with django_assert_max_num_queries(COLD):
            assert titles("Chorprobe") == ["Chorprobe Eins"]


def test_the_next_page_and_a_kind_reuse_the_counts(django_assert_max_num_queries):
    store_documents(
        "cache.fixture",
        {number: event(f"Chorprobe {number}", timedelta(days=number)) for number in range(1, 4)},
    )
    with django_assert_max_num_queries(COLD):
        first = selectors.search("Chorprobe", page_size=2)
    with django_assert_max_num_queries(RANKING):
        second = selectors.search("Chorprobe", page=2, page_size=2)
    with django_assert_max_num_queries(RANKING):
        events = selectors.search("Chorprobe", kind="event", page_size=2)
    assert [hit.document.title for hit in first.hits] == ["Chorprobe 1", "Chorprobe 2"]
    assert [hit.document.title for hit in second.hits] == ["Chorprobe 3"]
    assert (second.total, second.page, second.pages) == (3, 2, 2)
    assert [hit.document.title for hit in events.hits] == ["Chorprobe 1", "Chorprobe 2"]
    assert [(entry.kind, entry.count) for entry in events.kind_counts] == [("event", 3)]
