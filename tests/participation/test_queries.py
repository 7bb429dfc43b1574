"""The public participation pages need the same few queries for one item as for thirty."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from engagementnetz.participation.models import Comment, ModerationState, ProcessDocument
from tests.factories import FieldFactory, OrganisationFactory

from .factories import (
    ContributionFactory,
    MeasureFactory,
    ThemeTableFactory,
    WorkshopFactory,
    open_process,
)

pytestmark = pytest.mark.django_db


def build(count: int):
    """A process with ``count`` tables, contributions, measures, documents and workshops."""
    process = open_process(title="Engagementstrategie Bitburg", slug="engagementstrategie")
    field = FieldFactory(name="Kultur", slug="kultur")
    responsible = OrganisationFactory(name="Kulturverein", slug="kulturverein")
    for n in range(count):
        workshop = WorkshopFactory(process=process, slug=f"werkstatt-{n}")
        table = ThemeTableFactory(process=process, title=f"Tisch {n}", workshop=workshop)
        contribution = ContributionFactory(
            process=process,
            table=table,
            workshop=workshop if n % 2 else None,
            source="workshop" if n % 2 else "online",
            moderation=ModerationState.HIDDEN if n % 5 == 4 else ModerationState.PUBLISHED,
            hidden_reason="Werbung",
            status="adopted",
            support_count=n,
            comment_count=1,
        )
        Comment.objects.create(
            contribution=contribution, text="Gute Idee", moderation=ModerationState.PUBLISHED
        )
        measure = MeasureFactory(
            title=f"Maßnahme {n:02}",
            slug=f"massnahme-{n}",
            process=process,
            field=field,
            responsible_organisation=responsible,
            state=["planned", "in_progress", "done", "deferred"][n % 4],
        )
        measure.contributions.add(contribution)
        ProcessDocument.objects.create(process=process, title=f"Protokoll {n}", file="x.pdf")
    return process


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


PAGES = {
    "/beteiligung/": 7,
    "/beteiligung/engagementstrategie/": 8,
    "/beteiligung/engagementstrategie/beitraege/": 5,
    "/beteiligung/engagementstrategie/beitraege/?stand=adopted&art=idea": 5,
    "/beteiligung/engagementstrategie/tische/tisch-0/": 5,
    "/beteiligung/engagementstrategie/werkstatt/werkstatt-0/": 6,
    "/massnahmen/": 5,
    "/massnahmen/?stand=planned&bereich=kultur": 5,
    "/massnahmen/massnahme-0/": 6,
}


@pytest.mark.parametrize("count", [1, 30])
def test_public_pages_need_a_constant_number_of_queries(client, count):
    build(count)
    measured = {url: queries(client, url) for url in PAGES}
    assert measured == PAGES
    assert max(measured.values()) <= 12
