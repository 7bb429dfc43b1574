"""The demo's engagement strategy loads and its pages work."""

import random

import pytest
from django.utils import timezone

from engagementnetz.accounts import demo as accounts_demo
from engagementnetz.core import demo as core_demo
from engagementnetz.core.demo_loader import DemoContext
from engagementnetz.participation import demo
from engagementnetz.participation.models import Contribution, Measure, Process

pytestmark = pytest.mark.django_db


def test_demo_strategy_with_workshop_cards_ideas_and_measures(client):
    context = DemoContext(rng=random.Random(2019), today=timezone.localdate())
    core_demo.load(context)
    accounts_demo.load(context)
    demo.load(context)

    process = Process.objects.get(slug="engagementstrategie-bitburg")
    assert [phase.title for phase in process.phases.all()] == [
        "Zukunftswerkstatt",
        "Online-Beteiligung",
        "Entwurf",
        "Beschluss",
        "Umsetzung",
    ]
    workshop = process.workshops.get()
    assert (workshop.held_on.isoformat(), workshop.venue) == (
        "2019-04-10",
        "Haus der Jugend, Bitburg",
    )
    assert (workshop.registered_count, workshop.present_count) == (30, 28)
    assert process.tables.count() == 3
    cards = Contribution.objects.filter(workshop=workshop)
    assert {c.kind for c in cards} == {"going_well", "potential", "idea"}
    assert Contribution.objects.filter(source="online", comment_count__gt=0).exists()
    assert Contribution.objects.filter(source="online", support_count__gt=0).exists()
    measures = Measure.objects.all()
    assert {
        "bestandsaufnahme-vereine",
        "vereinsfest",
        "verbindende-nachbarschaft",
        "essbare-gaerten",
    } <= {m.slug for m in measures}
    netz = Measure.objects.get(slug="engagement-netz")
    assert netz.contributions.count() == 3
    assert netz.updates.count() == 2

    for url in (
        "/",
        "/beteiligung/",
        process.get_absolute_url(),
        workshop.get_absolute_url(),
        process.tables.first().get_absolute_url(),
        f"{process.get_absolute_url()}beitraege/",
        "/massnahmen/",
        netz.get_absolute_url(),
        netz.contributions.first().get_absolute_url(),
    ):
        assert client.get(url).status_code == 200, url
    html = client.get(workshop.get_absolute_url()).content.decode()
    assert (
        "aus der Zukunftswerkstatt am 10.04.2019"
        in client.get(cards.first().get_absolute_url()).content.decode()
    )
    assert "© Netzwerkbüro Engagierte Stadt Bitburg" in html
    assert '<span class="attendance__figure">30</span> angemeldet' in html
    assert '<span class="attendance__figure">28</span> anwesend' in html
