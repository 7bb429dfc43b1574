"""The ranking by levels gives exactly the order of scoring every match.

A random index of a few hundred documents, many of them sharing words and titles, is searched
page by page; the pages together must be the plain ranking of every match computed here in
Python from the definition (``ranking.py``). On SQLite it runs twice: as the backend chooses
between walking the order index and sorting the matches, and with every level walked; a
four-word query takes the path for many words. The same runs on PostgreSQL.
"""

import random
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from engagementnetz.search import selectors, text
from engagementnetz.search.backends import SQLiteFulltext
from engagementnetz.search.documents import Document
from engagementnetz.search.models import ORDER_DATE_NONE, SearchDocument
from engagementnetz.search.ranking import INSIDE, NONE, START, Level
from engagementnetz.search.services import store_documents

pytestmark = pytest.mark.django_db

WORDS = (  # noqa: SIM905 - a word list reads better as text
    "Verein Musikverein Sportvereine Jugend Jugendfeuerwehr Feuerwehr Konzert Sommerkonzert "
    "Chor Kirchenchor Garten Kindergarten Kinder Fest Sommerfest Straße Bitburg Irsch Mötsch "
    "Hilfe Nachbarschaftshilfe Senioren Treff Lesen"
).split()
KINDS = ["organisation", "project", "event", "course", "opportunity", "news", "page"]
QUERIES = [
    "Verein",
    "Vereine",
    "Musik",
    "Feuerwehr",
    "Jugend",
    "Sommer",
    "Chor",
    "Kinder Garten",
    "Garten",
    "Fest",
    "Hilfe Senioren",
    "Verein Jugend",
    "Verein Bitburg Fest",
    "Konzert Sommer Verein Chor",
    "Straße",
    "Lesen Treff",
    "Jugendfeuerwehr",
    "Irsch Verein",
]


def random_documents(count: int, seed: int) -> dict[int, Document]:
    pick = random.Random(seed)
    now = timezone.now()
    titles = [" ".join(pick.sample(WORDS, pick.randint(1, 3))) for _ in range(count // 3)]
    documents = {}
    for number in range(1, count + 1):
        kind = pick.choice(KINDS)
        starts_at = ends_at = None
        if kind in ("event", "course"):
            starts_at = now + timedelta(days=pick.randint(-60, 60), hours=pick.randint(0, 3))
            ends_at = starts_at + timedelta(hours=2)
        documents[number] = Document(
            title=pick.choice(titles),  # many equal titles: ties go by date, title, id
            kind=kind,
            url=f"/zufall/{number}/",
            body=" ".join(pick.choices(WORDS, k=pick.randint(2, 8))),
            boost=pick.choice([-5, -2, 0, 0, 0, 1, 2, 3]),
            starts_at=starts_at,
            ends_at=ends_at,
        )
    return documents


def expected_order(raw: str) -> list[str]:
    """Every match scored by the definition, sorted."""
    groups = selectors.parse_query(raw).groups
    stems = [group.stem for group in groups]
    now = timezone.now()
    ranked = []
    for document in SearchDocument.objects.select_related("content"):
        built = BUILT[int(document.url.split("/")[2])]
        title = text.terms(built.title)
        terms = title + text.compound_parts(title) + text.terms(f"{built.body} {built.extra}")
        if not all(any(_finds(group, term) for term in terms) for group in groups):
            continue
        score = built.boost
        if built.kind in ("event", "course"):
            score += 5 if built.ends_at >= now else -20
        for group in groups:
            if any(_finds(group, word) for word in title):
                score += 10
            elif len(group.stem) >= 4 and any(group.stem in word[1:] for word in title):
                score += 4
        if title == stems:
            score += 20
        order = (built.starts_at or ORDER_DATE_NONE, text.fold(built.title), document.pk)
        ranked.append(((-score, order), document.url))
    return [url for _key, url in sorted(ranked)]


def _finds(group, term: str) -> bool:
    return term == group.stem or (group.prefix and term.startswith(group.stem))


BUILT = random_documents(420, seed=7)


@pytest.fixture
def index():
    cache.clear()
    store_documents("ranking.fixture", BUILT)
    yield
    cache.clear()


@pytest.fixture(params=["chosen", "always walked"])
def walk(request, monkeypatch):
    """On SQLite, also with every level walked along the order index, however few match."""
    if request.param == "always walked":
        if connection.vendor != "sqlite":
            pytest.skip("PostgreSQL's planner makes this choice itself")
        for cost in ("WALK_COST", "TITLE_AND_PROBE_COST", "PROBE_COST"):
            monkeypatch.setattr(SQLiteFulltext, cost, 0)


@pytest.mark.usefixtures("index", "walk")
@pytest.mark.parametrize("raw", QUERIES)
def test_pages_follow_the_plain_ranking(raw):
    expected = expected_order(raw)
    assert len(expected) > 3  # the query finds something to order
    first = selectors.search(raw, page_size=9)
    shown = []
    for page in range(1, first.pages + 1):
        results = selectors.search(raw, page=page, page_size=9)
        shown += [hit.document.url for hit in results.hits]
    assert shown == expected
    assert first.total == len(expected)
    assert not first.more


@pytest.mark.usefixtures("index")
def test_a_kind_is_ranked_on_its_own():
    expected = [url for url in expected_order("Verein") if _kind(url) == "event"]
    results = selectors.search("Verein", kind="event", page_size=50)
    assert [hit.document.url for hit in results.hits] == expected[:50]


def _kind(url: str) -> str:
    return BUILT[int(url.split("/")[2])].kind


def test_sqlite_walks_the_order_index_where_many_match():
    # The large data set: "Verein" is at the start of 5,375 of 43,076 titles, inside 1,325 more
    # and only in the text of 21,361; the first 20 of each are wanted.
    backend = SQLiteFulltext()
    title, inside, text_only = (
        Level(states=(state,), whole=None, score=0) for state in (START, INSIDE, NONE)
    )
    assert backend.walks(title, count=5_375, limit=20, documents=43_076)
    assert not backend.walks(title, count=3_000, limit=1000, documents=43_076)
    assert not backend.walks(inside, count=500, limit=20, documents=43_076)
    assert backend.walks(text_only, count=21_361, limit=20, documents=43_076)
    assert not backend.walks(text_only, count=2_000, limit=20, documents=43_076)
    assert not backend.walks(text_only, count=21_361, limit=None, documents=43_076)  # all
    # Two words, one in the title, the other only in the text: fewer lookups in the index.
    mixed = Level(states=(START, NONE), whole=None, score=10)
    assert backend.walks(mixed, count=1_606, limit=20, documents=43_076)
    assert not backend.walks(text_only, count=1_606, limit=20, documents=43_076)
