"""Exact expected results for German queries over a fixed set of documents.

The same assertions run on SQLite and on PostgreSQL (CI runs the suite on both), so both
databases return these very lists.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from engagementnetz.search import selectors
from engagementnetz.search.documents import Document
from engagementnetz.search.services import store_documents

pytestmark = pytest.mark.django_db

NOW = timezone.now()

FIXTURE = [
    Document(
        title="Musikverein Bitburg 1850",
        kind="organisation",
        url="/organisationen/musikverein-bitburg/",
        body="Blasorchester und Jugendorchester. Wir proben donnerstags im Haus der Jugend.",
        extra="Verein Kultur",
        boost=3,
    ),
    Document(
        title="Freiwillige Feuerwehr Mötsch",
        kind="organisation",
        url="/organisationen/feuerwehr-moetsch/",
        body="Brandschutz, technische Hilfe und eine aktive Jugendfeuerwehr.",
        extra="Verein Rettung",
        boost=3,
    ),
    Document(
        title="Jugendfeuerwehr Bitburg-Nord",
        kind="project",
        url="/projekte/jugendfeuerwehr-nord/",
        body="Kinder und Jugendliche ab zehn Jahren lernen Feuerwehrtechnik und Erste Hilfe.",
    ),
    Document(
        title="Kirchenchor St. Peter",
        kind="organisation",
        url="/organisationen/kirchenchor-st-peter/",
        body="Wir singen im Chor zu den Festen des Kirchenjahres.",
        extra="Kirchengemeinde",
        boost=3,
    ),
    Document(
        title="Sportverein Erdorf",
        kind="organisation",
        url="/organisationen/sv-erdorf/",
        body="Fußball, Turnen und Gymnastik für alle Altersgruppen.",
        extra="Verein Sport",
        boost=3,
    ),
    Document(
        title="Sommerkonzert des Musikvereins",
        kind="event",
        url="/termine/sommerkonzert/",
        body="Der Musikverein spielt im Stadtpark, der Eintritt ist frei.",
        starts_at=NOW + timedelta(days=10),
        ends_at=NOW + timedelta(days=10, hours=2),
    ),
    Document(
        title="Frühjahrskonzert 2024",
        kind="event",
        url="/termine/fruehjahrskonzert-2024/",
        body="Das Jugendorchester und der Musikverein gemeinsam in der Stadthalle.",
        starts_at=NOW - timedelta(days=200),
        ends_at=NOW - timedelta(days=200, hours=-2),
    ),
    Document(
        title="Begleitung für Senioren in Irsch",
        kind="opportunity",
        url="/engagement/begleitung-irsch/",
        body="Ältere Menschen freuen sich über Besuch, einen Spaziergang oder ein Gespräch.",
    ),
    Document(
        title="Straßenfest in der Innenstadt",
        kind="news",
        url="/aktuelles/strassenfest/",
        body="Die Vereine der Innenstadt laden zu Musik, Essen und Mitmachaktionen ein.",
    ),
    Document(
        title="Über uns",
        kind="page",
        url="/seiten/ueber-uns/",
        body="Das Netzwerk bringt Bürgerinnen, Vereine und Einrichtungen zusammen.",
    ),
    Document(
        title="Ehrenamtskarte bekannter machen",
        kind="measure",
        url="/massnahmen/ehrenamtskarte/",
        body="Mehr Menschen sollen von den Vorteilen der Ehrenamtskarte erfahren.",
    ),
    Document(
        title="Mehr Sitzbänke an der Straße nach Masholder",
        kind="contribution",
        url="/beteiligung/zukunftswerkstatt/beitraege/12/",
        body="Auf dem Weg nach Masholder fehlen Bänke zum Ausruhen.",
    ),
]


@pytest.fixture
def index():
    store_documents("relevance.fixture", dict(enumerate(FIXTURE, start=1)))


def titles(raw: str, **filters) -> list[str]:
    return [hit.document.title for hit in selectors.search(raw, **filters).hits]


@pytest.mark.usefixtures("index")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Plural finds singular, also inside compounds of titles; upcoming events first, then
        # compounds in the title, then verified organisations.
        (
            "Vereine",
            [
                "Sommerkonzert des Musikvereins",
                "Musikverein Bitburg 1850",
                "Sportverein Erdorf",
                "Freiwillige Feuerwehr Mötsch",
                "Straßenfest in der Innenstadt",
                "Über uns",
            ],
        ),
        ("Feuerwehren", ["Freiwillige Feuerwehr Mötsch", "Jugendfeuerwehr Bitburg-Nord"]),
        ("Feuerwehr", ["Freiwillige Feuerwehr Mötsch", "Jugendfeuerwehr Bitburg-Nord"]),
        # Umlauts: all three spellings.
        ("Mötsch", ["Freiwillige Feuerwehr Mötsch"]),
        ("Moetsch", ["Freiwillige Feuerwehr Mötsch"]),
        ("motsch", ["Freiwillige Feuerwehr Mötsch"]),
        # ß and ss.
        (
            "Straße",
            ["Mehr Sitzbänke an der Straße nach Masholder", "Straßenfest in der Innenstadt"],
        ),
        (
            "Strasse",
            ["Mehr Sitzbänke an der Straße nach Masholder", "Straßenfest in der Innenstadt"],
        ),
        ("Ältere Menschen", ["Begleitung für Senioren in Irsch"]),
        ("aeltere Menschen", ["Begleitung für Senioren in Irsch"]),
        # A word's beginning: the upcoming event first, the past one last.
        (
            "Musik",
            [
                "Sommerkonzert des Musikvereins",
                "Musikverein Bitburg 1850",
                "Straßenfest in der Innenstadt",
                "Frühjahrskonzert 2024",
            ],
        ),
        ("Ehrenamt", ["Ehrenamtskarte bekannter machen"]),
        ("Sommerk", ["Sommerkonzert des Musikvereins"]),
        # Words inside compounds of a title.
        ("Konzerte", ["Sommerkonzert des Musikvereins", "Frühjahrskonzert 2024"]),
        # Small typos.
        ("Fuerwehr", ["Freiwillige Feuerwehr Mötsch", "Jugendfeuerwehr Bitburg-Nord"]),
        ("Feuerwher", ["Freiwillige Feuerwehr Mötsch", "Jugendfeuerwehr Bitburg-Nord"]),
        ("Sportverien", ["Sportverein Erdorf"]),
        ("Seniorn Irsch", ["Begleitung für Senioren in Irsch"]),
        # Several words: all must match; the title counts more than the text.
        ("Jugend Musikverein", ["Musikverein Bitburg 1850", "Frühjahrskonzert 2024"]),
        ("Chor", ["Kirchenchor St. Peter"]),
        # A word found nowhere is left out, the rest still finds.
        ("Xylophon Sportverein", ["Sportverein Erdorf"]),
        ("Quadratwurzel", []),
        ("und der die", []),
    ],
)
def test_relevance(query, expected):
    assert titles(query) == expected


@pytest.mark.usefixtures("index")
def test_kinds_are_counted_and_filterable():
    results = selectors.search("Vereine")
    assert [(entry.kind, entry.count) for entry in results.kind_counts] == [
        ("organisation", 3),
        ("event", 1),
        ("news", 1),
        ("page", 1),
    ]
    assert titles("Vereine", kind="news") == ["Straßenfest in der Innenstadt"]
    assert selectors.search("Vereine", kind="news").total == 1


@pytest.mark.usefixtures("index")
def test_matches_are_highlighted_in_title_and_excerpt():
    hit = selectors.search("Feuerwehren").hits[1]
    assert hit.title == "<mark>Jugendfeuerwehr</mark> Bitburg-Nord"
    assert hit.excerpt == (
        "Kinder und Jugendliche ab zehn Jahren lernen <mark>Feuerwehrtechnik</mark> und Erste Hilfe."
    )
    hit = selectors.search("Mötsch").hits[0]
    assert hit.title == "Freiwillige Feuerwehr <mark>Mötsch</mark>"


@pytest.mark.usefixtures("index")
def test_typo_correction_is_reported():
    query = selectors.search("Fuerwehr").query
    assert [(word.word, word.corrected_to) for word in query.words] == [
        ("fuerwehr", ("feuerwehr",))
    ]
    assert selectors.search("Xylophon Chor").query.ignored == ["xylophon"]


@pytest.mark.usefixtures("index")
def test_paging():
    first = selectors.search("Vereine", page_size=4)
    second = selectors.search("Vereine", page=2, page_size=4)
    assert (first.total, first.pages, second.page) == (6, 2, 2)
    assert [hit.document.title for hit in second.hits] == [
        "Straßenfest in der Innenstadt",
        "Über uns",
    ]
    assert selectors.search("Vereine", page=99, page_size=4).page == 2


@pytest.mark.usefixtures("index")
def test_suggestions_are_the_best_few():
    hits = selectors.suggestions("Musik", limit=2)
    assert [hit.document.url for hit in hits] == [
        "/termine/sommerkonzert/",
        "/organisationen/musikverein-bitburg/",
    ]
