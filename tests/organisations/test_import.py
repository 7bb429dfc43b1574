"""Import of the club list from CSV and XLSX: preview, German row errors, re-import by key."""

import html
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from engagementnetz.organisations.models import (
    ChangeRecord,
    DirectoryImport,
    Organisation,
    OrganisationState,
)
from tests.factories import DistrictFactory, FieldFactory

pytestmark = pytest.mark.django_db

HEADER = "Schlüssel;Name;Art;Engagementbereiche;Stadtteil;Kurzbeschreibung;Gründungsjahr;Sucht Engagierte"
GOOD_ROWS = [
    "V-001;Musikverein Stahl;Verein;Musik;Stahl;Blasmusik seit 1898.;1898;ja",
    "V-002;Lauftreff Bitburg;Initiative;Sport, Musik;;Wir laufen sonntags.;;nein",
]
BAD_ROWS = [
    "V-003;Boule-Freunde;Sportgruppe;Sport;;;;",
    ";Ohne Schlüssel;Verein;;;;;",
    "V-005;Kegelclub;Verein;Kegeln;;;;",
    "V-006;Schachclub;Verein;;;;neunzehnhundert;vielleicht",
]


@pytest.fixture(autouse=True)
def vocabularies(db):
    FieldFactory(name="Musik")
    FieldFactory(name="Sport")
    DistrictFactory(name="Stahl")


def page(response) -> str:
    return html.unescape(response.content.decode())


def csv_upload(lines: list[str], name: str = "vereine.csv"):
    content = "\n".join(lines).encode("utf-8")
    return SimpleUploadedFile(name, content, content_type="text/csv")


def upload(client, file) -> str:
    response = client.post("/netzwerkbuero/verzeichnis/import/", {"file": file})
    assert response.status_code == 302, page(response)
    return response["Location"]


def test_preview_reports_bad_rows_with_row_number_and_german_message(office_client):
    preview_url = upload(office_client, csv_upload([HEADER, *GOOD_ROWS, *BAD_ROWS]))
    text = page(office_client.get(preview_url))
    rows = {
        int(line): body
        for line, body in re.findall(r"<tr>\s*<td>(\d+)</td>(.*?)</tr>", text, flags=re.S)
    }
    assert sorted(rows) == [2, 3, 4, 5, 6, 7]
    assert "neuer Eintrag" in rows[2]
    assert "neuer Eintrag" in rows[3]
    assert "Art: Unbekannte Art „Sportgruppe“. Möglich sind: " in rows[4]
    assert (
        "Der Schlüssel fehlt. Jede Zeile braucht einen, damit ein späterer Import den Eintrag "
        "aktualisiert, statt ihn doppelt anzulegen." in rows[5]
    )
    assert "Engagementbereiche: Unbekannt (Engagementbereich): „Kegeln“. Möglich sind: " in rows[6]
    assert (
        "Gründungsjahr: Bitte das Jahr als Zahl angeben, zum Beispiel 1898 (nicht "
        "„neunzehnhundert“)." in rows[7]
    )
    assert "Sucht Engagierte: Bitte „ja“ oder „nein“ eintragen (nicht „vielleicht“)." in rows[7]
    # The preview changes nothing.
    assert Organisation.objects.count() == 0


def test_import_creates_the_good_rows_and_leaves_out_the_bad(office_client, office_user):
    preview_url = upload(office_client, csv_upload([HEADER, *GOOD_ROWS, *BAD_ROWS]))
    response = office_client.post(preview_url, follow=True)
    assert (
        "Import abgeschlossen: 2 neu, 0 aktualisiert, 0 unverändert, 4 fehlerhafte Zeilen "
        "ausgelassen." in page(response)
    )
    assert list(
        Organisation.objects.order_by("external_key").values_list("external_key", "name")
    ) == [
        ("V-001", "Musikverein Stahl"),
        ("V-002", "Lauftreff Bitburg"),
    ]
    stahl = Organisation.objects.get(external_key="V-001")
    assert stahl.state == OrganisationState.VERIFIED
    assert stahl.verified_by == office_user
    assert (stahl.kind, stahl.district.name, stahl.founded_year, stahl.seeks_volunteers) == (
        "verein",
        "Stahl",
        1898,
        True,
    )
    assert sorted(
        Organisation.objects.get(external_key="V-002").fields.values_list("name", flat=True)
    ) == ["Musik", "Sport"]
    directory_import = DirectoryImport.objects.get()
    assert directory_import.summary == {"new": 2, "update": 0, "skip": 0, "invalid": 4}
    assert bytes(directory_import.content) == b""
    # Imported entries are public and can be claimed by their clubs (not by the office).
    detail = page(office_client.get("/organisationen/musikverein-stahl/"))
    assert "Das ist unsere Organisation" not in detail
    office_client.logout()
    detail = page(office_client.get("/organisationen/musikverein-stahl/"))
    assert 'href="/organisationen/musikverein-stahl/uebernehmen/">Das ist unsere Organisation' in (
        detail
    )
    assert "geprüft vom Netzwerkbüro am" in detail


def test_reimport_updates_by_key_instead_of_duplicating(office_client, office_user):
    office_client.post(upload(office_client, csv_upload([HEADER, *GOOD_ROWS])))
    changed = GOOD_ROWS[0].replace("Blasmusik seit 1898.", "Blasmusik und Jugendorchester.")
    preview_url = upload(office_client, csv_upload([HEADER, changed, GOOD_ROWS[1]]))
    text = page(office_client.get(preview_url))
    assert "aktualisiert den Eintrag" in text
    assert "unverändert" in text
    response = office_client.post(preview_url, follow=True)
    assert (
        "Import abgeschlossen: 0 neu, 1 aktualisiert, 1 unverändert, 0 fehlerhafte Zeilen "
        "ausgelassen." in page(response)
    )
    assert Organisation.objects.count() == 2
    stahl = Organisation.objects.get(external_key="V-001")
    assert stahl.short_description == "Blasmusik und Jugendorchester."
    [record] = ChangeRecord.objects.all()
    assert record.organisation == stahl
    assert record.changed_by == office_user
    assert record.changes == [
        {
            "field": "short_description",
            "old": "Blasmusik seit 1898.",
            "new": "Blasmusik und Jugendorchester.",
        }
    ]


def test_xlsx_import(office_client):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Schlüssel", "Name", "Art", "Gründungsjahr", "Barrierefrei"])
    sheet.append(["K-1", "Kirchenchor Erdorf", "Kirchengemeinde", 1921, "x"])
    sheet.append(["K-2", "Förderverein Grundschule", "Schule/Kita", None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    file = SimpleUploadedFile("liste.xlsx", buffer.getvalue())
    office_client.post(upload(office_client, file))
    chor = Organisation.objects.get(external_key="K-1")
    assert (chor.name, chor.kind, chor.founded_year, chor.barrier_free) == (
        "Kirchenchor Erdorf",
        "kirchengemeinde",
        1921,
        True,
    )
    assert Organisation.objects.get(external_key="K-2").kind == "schule"


def test_file_without_the_required_columns(office_client):
    response = office_client.post(
        "/netzwerkbuero/verzeichnis/import/",
        {"file": csv_upload(["Name;Ort", "Musikverein Stahl;Bitburg"])},
    )
    assert response.status_code == 200
    assert (
        "In der Datei fehlen die Spalten „Schlüssel“, „Art“. Die erste Zeile muss die Spalten "
        "benennen." in page(response)
    )
    assert DirectoryImport.objects.count() == 0


def test_other_file_types_are_refused(office_client):
    response = office_client.post(
        "/netzwerkbuero/verzeichnis/import/",
        {"file": SimpleUploadedFile("liste.pdf", b"%PDF-1.4")},
    )
    assert "Bitte laden Sie eine CSV- oder Excel-Datei (XLSX) hoch." in page(response)


def test_export_can_be_imported_again_unchanged(office_client):
    office_client.post(upload(office_client, csv_upload([HEADER, *GOOD_ROWS])))
    response = office_client.get("/netzwerkbuero/verzeichnis/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = response.content.decode("utf-8-sig")
    assert content.splitlines()[0].startswith("Schlüssel,Name,Art,Engagementbereiche,Zielgruppen")
    assert "V-001,Musikverein Stahl,Verein,Musik,,Stahl" in content
    file = SimpleUploadedFile("export.csv", response.content, content_type="text/csv")
    response = office_client.post(upload(office_client, file), follow=True)
    assert (
        "Import abgeschlossen: 0 neu, 0 aktualisiert, 2 unverändert, 0 fehlerhafte Zeilen "
        "ausgelassen." in page(response)
    )
    xlsx = office_client.get("/netzwerkbuero/verzeichnis/export.xlsx")
    assert xlsx.content[:2] == b"PK"
