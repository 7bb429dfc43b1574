"""The workshop team's export of all contributions of a process, as CSV and as XLSX."""

import csv
import io
from datetime import datetime

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from engagementnetz.participation.models import Contribution, ContributionKind, ContributionStatus
from tests.conftest import login

from .factories import (
    ContributionFactory,
    MeasureFactory,
    ThemeTableFactory,
    WorkshopFactory,
    open_process,
)

pytestmark = pytest.mark.django_db

HEADER = [
    "Nr.",
    "Thementisch",
    "Art",
    "Text",
    "Name oder Pseudonym",
    "Herkunft",
    "Sichtbarkeit",
    "Grund für das Ausblenden",
    "Stand",
    "Begründung",
    "Antwort des Netzwerkbüros",
    "Unterstützungen",
    "Kommentare",
    "Maßnahmen",
    "Eingegangen am",
]


@pytest.fixture
def process():
    """Two tables; an online idea, a paper card, a hidden one, one not confirmed yet."""
    process = open_process(title="Engagementstrategie Bitburg", slug="engagementstrategie")
    workshop = WorkshopFactory(process=process)
    first = ThemeTableFactory(process=process, title="Wertschätzung", position=0)
    second = ThemeTableFactory(process=process, title="Vernetzung", position=1)
    # Created in another order than exported: by table position, then kind, then number.
    hidden = ContributionFactory(
        process=process,
        table=second,
        kind=ContributionKind.POTENTIAL,
        text="Ruft mich an: 0151 123456",
        author_name="",
        moderation="hidden",
        hidden_reason="Enthielt eine Telefonnummer.",
        status=ContributionStatus.NOT_FEASIBLE,
        status_reason="Zu privat.",
    )
    idea = ContributionFactory(
        process=process,
        table=first,
        kind=ContributionKind.IDEA,
        text="Ein Dankeschön-Abend; mit Musik",
        author_name="Karin aus Irsch",
        support_count=2,
        comment_count=1,
        official_answer="Danke, Karin!",
    )
    card = ContributionFactory(
        process=process,
        table=first,
        kind=ContributionKind.GOING_WELL,
        text='=HYPERLINK("http://example.org")',
        author_name="",
        source="workshop",
        workshop=workshop,
    )
    ContributionFactory(process=process, table=first, moderation="unconfirmed", text="Wer?")
    MeasureFactory(title="Vereinsfest", slug="vereinsfest").contributions.add(idea)
    MeasureFactory(title="Ehrenamtstag", slug="ehrenamtstag").contributions.add(idea)
    idea.status = ContributionStatus.ADOPTED
    idea.save()
    moments = {
        hidden.pk: datetime(2019, 4, 11, 9, 5),
        idea.pk: datetime(2019, 4, 12, 18, 30),
        card.pk: datetime(2019, 4, 10, 21, 0),
    }
    for pk, moment in moments.items():
        Contribution.objects.filter(pk=pk).update(created_at=timezone.make_aware(moment))
    process.ids = {"hidden": hidden.pk, "idea": idea.pk, "card": card.pk}
    return process


def expected_rows(ids) -> list[list[str]]:
    return [
        [
            str(ids["card"]),
            "Wertschätzung",
            "Was läuft gut?",
            '\'=HYPERLINK("http://example.org")',
            "",
            "aus der Zukunftswerkstatt am 10.04.2019",
            "veröffentlicht",
            "",
            "eingegangen",
            "",
            "",
            "0",
            "0",
            "",
            "10.04.2019 21:00",
        ],
        [
            str(ids["idea"]),
            "Wertschätzung",
            "Ideen",
            "Ein Dankeschön-Abend; mit Musik",
            "Karin aus Irsch",
            "online",
            "veröffentlicht",
            "",
            "aufgenommen in Maßnahme",
            "",
            "Danke, Karin!",
            "2",
            "1",
            "Ehrenamtstag; Vereinsfest",
            "12.04.2019 18:30",
        ],
        [
            str(ids["hidden"]),
            "Vernetzung",
            "Chancen und Potenziale",
            "Ruft mich an: 0151 123456",
            "",
            "online",
            "ausgeblendet",
            "Enthielt eine Telefonnummer.",
            "nicht umsetzbar",
            "Zu privat.",
            "",
            "0",
            "0",
            "",
            "11.04.2019 09:05",
        ],
    ]


def export_url(process, fmt: str) -> str:
    return f"/netzwerkbuero/beteiligung/{process.pk}/beitraege.{fmt}"


def test_csv_for_spreadsheets_in_german(client, office_user, process):
    login(client, office_user)
    response = client.get(export_url(process, "csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="beitraege-engagementstrategie.csv"'
    )
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffNr.;Thementisch;Art;")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows == [HEADER, *expected_rows(process.ids)]


def test_xlsx_has_the_same_rows_with_numbers_as_numbers(client, office_user, process):
    login(client, office_user)
    response = client.get(export_url(process, "xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('filename="beitraege-engagementstrategie.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Beiträge"
    assert sheet.freeze_panes == "A2"
    rows = [[("" if v is None else v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == HEADER
    expected = [
        [int(v) if i in (0, 11, 12) else v for i, v in enumerate(row)]
        for row in expected_rows(process.ids)
    ]
    assert rows[1:] == expected


def test_an_unknown_format_is_not_found(client, office_user, process):
    login(client, office_user)
    assert client.get(export_url(process, "pdf")).status_code == 404
    assert client.get("/netzwerkbuero/beteiligung/99999/beitraege.csv").status_code == 404


def test_anonymous_people_must_log_in(client, process):
    for fmt in ("csv", "xlsx"):
        response = client.get(export_url(process, fmt))
        assert response.status_code == 302
        assert response.url.startswith("/konto/login/")


@pytest.mark.parametrize("role", ["citizen", "club_admin"])
def test_nobody_but_the_office_exports(client, process, role, request):
    login(client, request.getfixturevalue(role))
    for fmt in ("csv", "xlsx"):
        response = client.get(export_url(process, fmt))
        assert response.status_code == 403
        assert "Karin aus Irsch" not in response.content.decode()
