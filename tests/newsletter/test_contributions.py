"""What the Engagement-Börse and participation put into a drafted issue (the calendar's part is
tested in tests/events/test_newsletter_content.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from engagementnetz.newsletter import services
from engagementnetz.newsletter.models import IssueState
from engagementnetz.opportunities.models import OpportunityState
from engagementnetz.participation.models import MeasureUpdate
from tests.factories import OrganisationFactory
from tests.opportunities.factories import OpportunityFactory
from tests.participation.factories import MeasureFactory

from .factories import IssueFactory

pytestmark = pytest.mark.django_db


def drafted(*, topics: set[str]) -> list[tuple[str, str, str, str]]:
    issue = services.issue_draft(by=None, now=timezone.now())
    return [
        (item.topic, item.title, item.url, item.summary)
        for item in issue.items.order_by("position")
        if item.topic in topics
    ]


def test_new_opportunities_since_the_last_issue():
    now = timezone.now()
    IssueFactory(state=IssueState.SENT, period_end=now - timedelta(days=14))
    club = OrganisationFactory(name="Tafel Bitburg", slug="tafel")
    OpportunityFactory(
        organisation=club,
        title="Fahrer gesucht",
        slug="fahrer",
        summary="Donnerstags Lebensmittel abholen.",
        published_at=now - timedelta(days=2),
    )
    OpportunityFactory(
        organisation=club,
        title="Schon bekannt",
        slug="bekannt",
        published_at=now - timedelta(days=20),
    )
    OpportunityFactory(
        organisation=club,
        title="Besetzt",
        slug="besetzt",
        state=OpportunityState.FILLED,
        published_at=now - timedelta(days=2),
    )
    assert drafted(topics={"opportunities"}) == [
        (
            "opportunities",
            "Fahrer gesucht (Tafel Bitburg)",
            "/engagement/fahrer/",
            "Donnerstags Lebensmittel abholen.",
        )
    ]


def test_progress_of_public_measures_since_the_last_issue():
    IssueFactory(state=IssueState.SENT, period_end=timezone.now() - timedelta(days=14))
    measure = MeasureFactory(title="Ehrenamtskarte einführen", slug="ehrenamtskarte")
    hidden = MeasureFactory(title="Intern", slug="intern", is_published=False)
    for target, text in ((measure, "Der Stadtrat hat zugestimmt."), (hidden, "Geheim.")):
        MeasureUpdate.objects.create(
            measure=target, date=timezone.localdate(), text=text, progress=60, state=target.state
        )
    earlier = MeasureUpdate.objects.create(
        measure=measure, date=timezone.localdate(), text="Alt.", progress=20, state=measure.state
    )
    MeasureUpdate.objects.filter(pk=earlier.pk).update(
        created_at=timezone.now() - timedelta(days=20)
    )
    assert drafted(topics={"participation"}) == [
        (
            "participation",
            "Ehrenamtskarte einführen",
            "/massnahmen/ehrenamtskarte/",
            "60 % – Der Stadtrat hat zugestimmt.",
        )
    ]
