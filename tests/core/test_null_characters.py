"""A NUL character in an address parameter gets a page, never an error (PostgreSQL refuses
to compare text with NUL)."""

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/organisationen/",
    "/projekte/",
    "/links/",
    "/termine/",
    "/fortbildungen/",
    "/termine/archiv/",
    "/termine/monat/",
    "/termine/feed.ics",
    "/engagement/",
    "/engagement/finder/",
    "/engagement/nachbarschaftshilfe/",
    "/beteiligung/",
    "/massnahmen/",
    "/aktuelles/",
    "/suche/",
    "/suche/vorschlaege/",
]
PARAMETERS = [
    "q",
    "bereich",
    "stadtteil",
    "art",
    "zielgruppe",
    "veranstalter",
    "von",
    "bis",
    "seite",
    "kategorie",
    "sortierung",
    "interessen",
    "ort",
    "zeit",
    "typ",
]


@pytest.mark.parametrize("path", PAGES)
def test_null_characters_in_parameters_get_a_page(client, path):
    response = client.get(path, {name: f"a\x00{name}" for name in PARAMETERS})
    assert response.status_code < 500, path
