"""The lists of the work pages make as many queries for one item as for many."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from engagementnetz.opportunities.models import HelpState, HoursState
from tests.conftest import login
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

from .factories import HelpPostFactory, HoursEntryFactory, InterestFactory, OpportunityFactory

pytestmark = pytest.mark.django_db


def test_manage_overview(client, queries_of, organisation, club_admin):
    login(client, club_admin)
    InterestFactory(opportunity=OpportunityFactory(organisation=organisation))
    one = queries_of("/engagement/verwalten/")
    for _ in range(5):
        club = OrganisationFactory()
        MembershipFactory(organisation=club, user=club_admin)
        InterestFactory(opportunity=OpportunityFactory(organisation=club))
    assert queries_of("/engagement/verwalten/") == one


def test_interests_of_an_opportunity(client, queries_of, organisation, club_admin):
    login(client, club_admin)
    opportunity = OpportunityFactory(organisation=organisation)
    InterestFactory(opportunity=opportunity, phone="0651 1234")
    url = f"/engagement/{opportunity.slug}/interessen/"
    one = queries_of(url)
    for _ in range(12):
        InterestFactory(opportunity=opportunity, phone="0651 1234")
    assert queries_of(url) == one


def test_hours_of_an_organisation(client, queries_of, organisation, club_admin):
    login(client, club_admin)
    url = f"/engagement/verwalten/{organisation.slug}/stunden/"
    HoursEntryFactory(organisation=organisation)
    HoursEntryFactory(
        organisation=organisation, state=HoursState.CONFIRMED, decided_at=timezone.now()
    )
    one = queries_of(url)
    for _ in range(8):
        HoursEntryFactory(organisation=organisation)
        HoursEntryFactory(
            organisation=organisation, state=HoursState.CONFIRMED, decided_at=timezone.now()
        )
    assert queries_of(url) == one


def test_own_hours(client, queries_of):
    volunteer = UserFactory()
    login(client, volunteer)
    HoursEntryFactory(user=volunteer, state=HoursState.CONFIRMED)
    one = queries_of("/engagement/stunden/")
    for days in range(1, 12):
        HoursEntryFactory(
            user=volunteer,
            organisation=OrganisationFactory(),
            started_on=timezone.localdate() - timedelta(days=days * 7),
            hours=Decimal("2.5"),
            state=HoursState.CONFIRMED if days % 2 else HoursState.SUBMITTED,
        )
    assert queries_of("/engagement/stunden/") == one


def test_help_moderation(client, queries_of, office_user):
    login(client, office_user)
    HelpPostFactory(state=HelpState.PENDING, published_at=None, expires_at=None)
    HelpPostFactory()
    one = queries_of("/netzwerkbuero/engagement/nachbarschaftshilfe/")
    for _ in range(8):
        HelpPostFactory(state=HelpState.PENDING, published_at=None, expires_at=None)
        HelpPostFactory()
    assert queries_of("/netzwerkbuero/engagement/nachbarschaftshilfe/") == one
