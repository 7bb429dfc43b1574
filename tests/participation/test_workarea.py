"""The network office's participation pages: open for the office, refused for everyone else."""

import pytest
from django.core.files.base import ContentFile

from engagementnetz.participation.models import (
    MeasureUpdate,
    Phase,
    ProcessDocument,
    WorkshopPhoto,
)
from tests.conftest import login

from .factories import (
    ContributionFactory,
    MeasureFactory,
    ThemeTableFactory,
    WorkshopFactory,
    open_process,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(organisation):
    process = open_process(title="Engagementstrategie Bitburg", slug="engagementstrategie")
    workshop = WorkshopFactory(process=process)
    table = ThemeTableFactory(process=process, workshop=workshop, title="Wertschätzung")
    contribution = ContributionFactory(process=process, table=table)
    measure = MeasureFactory(
        title="Vereinsfest", slug="vereinsfest", responsible_organisation=organisation
    )
    measure.contributions.add(contribution)
    update = MeasureUpdate.objects.create(
        measure=measure, date="2026-01-15", text="Start", progress=10, state="in_progress"
    )
    document = ProcessDocument.objects.create(
        process=process, title="Protokoll", file=ContentFile(b"%PDF-1.4", name="protokoll.pdf")
    )
    photo = WorkshopPhoto.objects.create(
        workshop=workshop, image="participation/photos/x.png", alt_text="Tisch", copyright="©"
    )
    return {
        "process": process,
        "phase": Phase.objects.get(process=process),
        "workshop": workshop,
        "table": table,
        "contribution": contribution,
        "measure": measure,
        "update": update,
        "document": document,
        "photo": photo,
    }


def pages(w) -> list[str]:
    p = w["process"].pk
    return [
        "/netzwerkbuero/",
        "/netzwerkbuero/beteiligung/",
        "/netzwerkbuero/beteiligung/neu/",
        "/netzwerkbuero/beteiligung/moderation/",
        f"/netzwerkbuero/beteiligung/beitraege/{w['contribution'].pk}/",
        f"/netzwerkbuero/beteiligung/{p}/",
        f"/netzwerkbuero/beteiligung/{p}/bearbeiten/",
        f"/netzwerkbuero/beteiligung/{p}/phasen/neu/",
        f"/netzwerkbuero/beteiligung/{p}/phasen/{w['phase'].pk}/",
        f"/netzwerkbuero/beteiligung/{p}/tische/neu/",
        f"/netzwerkbuero/beteiligung/{p}/tische/{w['table'].pk}/",
        f"/netzwerkbuero/beteiligung/{p}/werkstaetten/neu/",
        f"/netzwerkbuero/beteiligung/{p}/werkstaetten/{w['workshop'].pk}/",
        f"/netzwerkbuero/beteiligung/{p}/karten/",
        f"/netzwerkbuero/beteiligung/{p}/beitraege.csv",
        f"/netzwerkbuero/beteiligung/{p}/beitraege.xlsx",
        "/netzwerkbuero/massnahmen/",
        "/netzwerkbuero/massnahmen/neu/",
        f"/netzwerkbuero/massnahmen/{w['measure'].pk}/",
    ]


def deletions(w) -> list[str]:
    p, m = w["process"].pk, w["measure"].pk
    return [
        f"/netzwerkbuero/beteiligung/{p}/fotos/{w['photo'].pk}/loeschen/",
        f"/netzwerkbuero/beteiligung/{p}/dokumente/{w['document'].pk}/loeschen/",
        f"/netzwerkbuero/massnahmen/{m}/beitraege/{w['contribution'].pk}/loesen/",
        f"/netzwerkbuero/massnahmen/{m}/fortschritt/{w['update'].pk}/loeschen/",
    ]


def nothing_was_removed(w) -> None:
    assert WorkshopPhoto.objects.filter(pk=w["photo"].pk).exists()
    assert ProcessDocument.objects.filter(pk=w["document"].pk).exists()
    assert MeasureUpdate.objects.filter(pk=w["update"].pk).exists()
    assert list(w["measure"].contributions.all()) == [w["contribution"]]


def test_the_office_reaches_every_page(client, office_user, world):
    login(client, office_user)
    statuses = {url: client.get(url).status_code for url in pages(world)}
    assert statuses == dict.fromkeys(pages(world), 200)
    overview = client.get("/netzwerkbuero/").content.decode()
    assert 'href="/netzwerkbuero/beteiligung/"' in overview
    assert 'href="/netzwerkbuero/massnahmen/"' in overview


def test_anonymous_people_are_sent_to_the_login(client, world):
    for url in pages(world) + deletions(world):
        response = client.post(url) if url in deletions(world) else client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/konto/login/"), url
    nothing_was_removed(world)


@pytest.mark.parametrize("role", ["citizen", "club_editor", "other_club_admin"])
def test_everyone_else_is_refused(client, world, role, request):
    login(client, request.getfixturevalue(role))
    statuses = {url: client.get(url).status_code for url in pages(world)[1:]}
    assert statuses == dict.fromkeys(pages(world)[1:], 403)
    for url in deletions(world):
        assert client.post(url).status_code == 403, url
    nothing_was_removed(world)


def test_the_office_removes_what_it_put_there(client, office_user, world):
    login(client, office_user)
    for url in deletions(world):
        assert client.post(url).status_code == 302, url
    assert WorkshopPhoto.objects.count() == 0
    assert ProcessDocument.objects.count() == 0
    assert MeasureUpdate.objects.count() == 0
    assert world["measure"].contributions.count() == 0
