"""The Zukunftswerkstatt's documentation: attendance, photos with credits, cards per table and kind."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from engagementnetz.participation.models import (
    Contribution,
    ContributionSource,
    ModerationState,
    WorkshopPhoto,
)
from tests.conftest import login
from tests.events.factories import EventFactory, RegistrationFactory

from .factories import (
    ContributionFactory,
    MeasureFactory,
    ThemeTableFactory,
    WorkshopFactory,
    open_process,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    process = open_process(title="Engagementstrategie Bitburg", slug="engagementstrategie")
    workshop = WorkshopFactory(process=process, slug="zukunftswerkstatt-2019")
    ThemeTableFactory(
        process=process, workshop=workshop, title="Wertschätzung", slug="wertschaetzung"
    )
    ThemeTableFactory(process=process, workshop=workshop, title="Vernetzung", slug="vernetzung")
    return workshop


URL = "/beteiligung/engagementstrategie/werkstatt/zukunftswerkstatt-2019/"


def png(name: str = "tisch.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 120, 40)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def cards(client, workshop, table, kind, text):
    return client.post(
        f"/netzwerkbuero/beteiligung/{workshop.process_id}/karten/",
        {"workshop": workshop.pk, "table": table.pk, "kind": kind, "cards": text},
    )


def test_paper_cards_entered_by_the_office_are_labelled_with_their_source(
    client, office_user, workshop
):
    wertschaetzung, vernetzung = workshop.process.tables.order_by("pk")
    login(client, office_user)
    response = cards(
        client,
        workshop,
        wertschaetzung,
        "going_well",
        "Viele helfen beim Stadtfest\n\n  Die Ehrenamtskarte  \n",
    )
    assert response.status_code == 302
    assert response.url == (
        f"/netzwerkbuero/beteiligung/{workshop.process_id}/karten/"
        f"?werkstatt={workshop.pk}&tisch={wertschaetzung.pk}&art=going_well"
    )
    assert "2 Karten wurden erfasst." in client.get(response.url).content.decode()
    cards(client, workshop, wertschaetzung, "idea", "Ein Dankeschön-Abend")
    cards(client, workshop, vernetzung, "potential", "Eine gemeinsame Website")
    entered = Contribution.objects.order_by("pk")
    assert [(c.text, c.kind, c.table.title) for c in entered] == [
        ("Viele helfen beim Stadtfest", "going_well", "Wertschätzung"),
        ("Die Ehrenamtskarte", "going_well", "Wertschätzung"),
        ("Ein Dankeschön-Abend", "idea", "Wertschätzung"),
        ("Eine gemeinsame Website", "potential", "Vernetzung"),
    ]
    assert {(c.source, c.moderation, c.workshop_id, c.entered_by) for c in entered} == {
        (ContributionSource.WORKSHOP, ModerationState.PUBLISHED, workshop.pk, office_user)
    }
    client.logout()
    card = entered[2]
    detail = client.get(card.get_absolute_url()).content.decode()
    assert (
        f'<a class="kern-link" href="{URL}">aus der Zukunftswerkstatt am 10.04.2019</a>' in detail
    )
    table_page = client.get("/beteiligung/engagementstrategie/tische/wertschaetzung/")
    assert "Karin · aus der Zukunftswerkstatt am 10.04.2019" not in table_page.content.decode()
    assert "anonym · aus der Zukunftswerkstatt am 10.04.2019" in table_page.content.decode()


def test_empty_cards_are_refused_and_other_people_cannot_enter_any(
    client, office_user, citizen, workshop
):
    table = workshop.process.tables.first()
    login(client, citizen)
    assert cards(client, workshop, table, "idea", "Heimlich").status_code == 403
    login(client, office_user)
    response = cards(client, workshop, table, "idea", " \n \n")
    assert response.status_code == 200
    assert "Karten: Dieses Feld ist zwingend erforderlich." in response.content.decode()
    response = cards(client, workshop, table, "idea", "Kurz\n" + "x" * 2001)
    html = response.content.decode()
    assert "Karte 2 ist länger als 2.000 Zeichen." in html
    assert "Kurz\n" + "x" * 2001 + "</textarea>" in html
    assert Contribution.objects.count() == 0


def test_documentation_with_attendance_from_the_registrations(client, workshop):
    event = EventFactory(title="Zukunftswerkstatt Engagement", registration_enabled=True)
    workshop.event = event
    workshop.save()
    RegistrationFactory(event=event, persons=2, attended=True)
    RegistrationFactory(event=event, persons=1, attended=True)
    RegistrationFactory(event=event, persons=3, attended=False)
    RegistrationFactory(event=event, persons=4, status="cancelled")
    RegistrationFactory(event=event, persons=5, status="waiting")
    html = client.get(URL).content.decode()
    assert '<span class="attendance__figure">6</span> angemeldet' in html
    assert '<span class="attendance__figure">3</span> anwesend' in html
    assert "Gezählt aus den Anmeldungen zum Termin." in html


def test_documentation_with_figures_entered_by_hand(client, workshop):
    workshop.registered_count = 48
    workshop.present_count = 41
    workshop.save()
    html = client.get(URL).content.decode()
    assert '<span class="attendance__figure">48</span> angemeldet' in html
    assert '<span class="attendance__figure">41</span> anwesend' in html
    assert "Gezählt aus den Anmeldungen" not in html


def test_photos_are_shown_with_their_copyright_line(client, office_user, workshop):
    login(client, office_user)
    add = f"/netzwerkbuero/beteiligung/{workshop.process_id}/werkstaetten/{workshop.pk}/fotos/"
    response = client.post(
        add,
        {
            "image": png(),
            "alt_text": "Menschen schreiben Karten am Thementisch",
            "caption": "Thementisch Wertschätzung",
            "copyright": "",
        },
    )
    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()
    assert 'value="Menschen schreiben Karten am Thementisch"' in response.content.decode()
    response = client.post(
        add,
        {
            "image": png(),
            "alt_text": "Menschen schreiben Karten am Thementisch",
            "caption": "Thementisch Wertschätzung",
            "copyright": "© Stadt Bitburg",
        },
    )
    assert response.status_code == 302
    photo = WorkshopPhoto.objects.get()
    client.logout()
    html = client.get(URL).content.decode()
    assert f'<img src="{photo.image.url}" alt="Menschen schreiben Karten am Thementisch"' in html
    assert 'Thementisch Wertschätzung<br><span class="photo-credit">© Stadt Bitburg</span>' in html


def test_all_cards_per_table_and_kind(client, workshop):
    wertschaetzung, vernetzung = workshop.process.tables.order_by("pk")
    process = workshop.process

    def card(table, kind, text, **extra):
        return ContributionFactory(
            process=process,
            table=table,
            kind=kind,
            text=text,
            source="workshop",
            workshop=workshop,
            **extra,
        )

    card(wertschaetzung, "going_well", "Viele helfen beim Stadtfest")
    idea = card(wertschaetzung, "idea", "Ein Dankeschön-Abend")
    card(vernetzung, "potential", "Eine gemeinsame Website")
    card(vernetzung, "idea", "Telefonnummer", moderation="hidden", hidden_reason="Privat")
    card(None, "idea", "Ein Ehrenamtstag")
    # Online ideas and other workshops' cards belong elsewhere.
    ContributionFactory(process=process, table=wertschaetzung, text="Online-Idee")
    card(vernetzung, "idea", "Unbestätigt", moderation="unconfirmed")
    MeasureFactory(title="Dankeschön-Abend", slug="dankeschoen-abend").contributions.add(idea)

    html = client.get(URL).content.decode()
    assert "Alle Beiträge des Abends (5 Karten)" in html
    sections = re.split(r'<h3 class="kern-heading-small" id="tisch-\d">', html)[1:]
    assert [re.sub(r"<[^>]+>", "", s.split("</h3>")[0]) for s in sections] == [
        "Thementisch „Wertschätzung“",
        "Thementisch „Vernetzung“",
        "Ohne Thementisch",
    ]

    def kinds(section) -> dict[str, list[str]]:
        columns = re.findall(r'<h4 class="kern-title">([^<]+)</h4>(.*?)</div>', section, re.S)
        return {
            label: re.findall(r'<a class="kern-link" href="[^"]+">([^<]+)</a>', body)
            for label, body in columns
        }

    assert kinds(sections[0]) == {
        "Was läuft gut?": ["Viele helfen beim Stadtfest"],
        "Chancen und Potenziale": [],
        "Ideen": ["Ein Dankeschön-Abend"],
    }
    assert kinds(sections[1]) == {
        "Was läuft gut?": [],
        "Chancen und Potenziale": ["Eine gemeinsame Website"],
        "Ideen": ["Vom Netzwerkbüro ausgeblendet."],
    }
    assert kinds(sections[2])["Ideen"] == ["Ein Ehrenamtstag"]
    assert "Maßnahme: Dankeschön-Abend" in sections[0]
    assert "Keine Karten." in sections[0]
    assert "Online-Idee" not in html
    assert "Unbestätigt" not in html
