"""How the Engagement-Börse takes part in the platform: start page, organisation pages, work
area, sitemap, jobs, own-data export and deletion, demo content."""

import json
from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from engagementnetz.accounts.services import account_delete
from engagementnetz.core.demo_loader import load_demo
from engagementnetz.core.periodic import all_jobs
from engagementnetz.opportunities.models import (
    FinderSubscription,
    HelpPost,
    HelpState,
    HoursEntry,
    HoursState,
    Interest,
    InterestState,
    Opportunity,
    OpportunityState,
)
from engagementnetz.opportunities.organisation_sections import organisation_section
from engagementnetz.opportunities.selectors import ehrenamtskarte_status
from engagementnetz.opportunities.sitemaps import SITEMAPS
from tests.conftest import login

from .factories import (
    FinderSubscriptionFactory,
    HelpPostFactory,
    HoursEntryFactory,
    InterestFactory,
    OpportunityFactory,
)

pytestmark = pytest.mark.django_db


def test_start_page_shows_the_newest_open_opportunities(client, organisation):
    OpportunityFactory(organisation=organisation, title="Notenwart gesucht")
    OpportunityFactory(organisation=organisation, title="Besetzt", state=OpportunityState.FILLED)
    html = client.get("/").content.decode()
    assert "Mit anpacken" in html
    assert "Notenwart gesucht" in html
    assert "Besetzt" not in html


def test_organisation_section_lists_its_open_opportunities(organisation, club_admin, citizen):
    OpportunityFactory(organisation=organisation, title="Offen")
    OpportunityFactory(organisation=organisation, title="Zu", state=OpportunityState.FILLED)
    request = RequestFactory().get("/")
    request.user = citizen
    section = organisation_section(request, organisation)
    assert section.template == "opportunities/_organisation_section.html"
    assert [o.title for o in section.context["opportunities"]] == ["Offen"]
    assert section.context["can_manage"] is False
    request.user = club_admin
    assert organisation_section(request, organisation).context["can_manage"] is True


def test_organisation_section_is_left_out_when_there_is_nothing(other_organisation, citizen):
    request = RequestFactory().get("/")
    request.user = citizen
    assert organisation_section(request, other_organisation) is None


def test_sitemap_lists_public_opportunities_and_help(organisation):
    public = OpportunityFactory(organisation=organisation)
    OpportunityFactory(organisation=organisation, state=OpportunityState.EXPIRED)
    HelpPostFactory()
    HelpPostFactory(state=HelpState.PENDING)
    assert list(SITEMAPS["engagement-angebote"]().items()) == [public]
    assert len(SITEMAPS["nachbarschaftshilfe"]().items()) == 1
    assert [
        SITEMAPS["engagement"]().location(item) for item in SITEMAPS["engagement"]().items()
    ] == [
        "/engagement/",
        "/engagement/finder/",
        "/engagement/nachbarschaftshilfe/",
    ]


def test_periodic_jobs_are_registered():
    names = {job.name for job in all_jobs()}
    assert {
        "opportunities.expire",
        "opportunities.freshness_reminders",
        "opportunities.interest_reminders",
        "opportunities.finder_digests",
        "opportunities.delete_old_entries",
    } <= names


def test_the_work_area_shows_what_waits(client, office_user, organisation):
    HelpPostFactory(state=HelpState.PENDING)
    InterestFactory(
        opportunity__organisation=organisation, confirmed_at=timezone.now() - timedelta(days=9)
    )
    login(client, office_user)
    html = client.get("/netzwerkbuero/").content.decode()
    assert 'href="/netzwerkbuero/engagement/interessen/"' in html
    assert 'href="/netzwerkbuero/engagement/nachbarschaftshilfe/"' in html


def test_own_data_export_and_deletion(client, citizen, organisation):
    stranger = InterestFactory(email="fremd@example.org")
    InterestFactory(
        opportunity__organisation=organisation,
        email="buergerin@example.org",
        message="Ich komme gern.",
    )
    HoursEntryFactory(user=citizen, organisation=organisation, activity="Probe")
    FinderSubscriptionFactory(email="buergerin@example.org")
    HelpPostFactory(email="buergerin@example.org", title="Ich suche Hilfe")
    login(client, citizen)
    data = json.loads(client.get("/konto/daten.json").content)["engagement"]
    assert [i["nachricht"] for i in data["interessenbekundungen"]] == ["Ich komme gern."]
    assert [h["taetigkeit"] for h in data["stunden"]] == ["Probe"]
    assert [s["e_mail"] for s in data["finder_abonnements"]] == ["buergerin@example.org"]
    assert [p["titel"] for p in data["nachbarschaftshilfe"]] == ["Ich suche Hilfe"]

    account_delete(user=citizen)
    assert list(Interest.objects.all()) == [stranger]
    assert HoursEntry.objects.count() == 0
    assert FinderSubscription.objects.count() == 0
    assert HelpPost.objects.count() == 0


def test_demo_content():
    demo = load_demo()
    opportunities = Opportunity.objects.all()
    assert opportunities.count() == 30
    states = {state: opportunities.filter(state=state).count() for state in OpportunityState}
    assert states == {"open": 24, "filled": 3, "expired": 3}
    assert set(Interest.objects.values_list("state", flat=True)) == set(InterestState)
    assert HelpPost.objects.filter(state=HelpState.PUBLISHED).count() == 4
    assert HelpPost.objects.filter(state=HelpState.PENDING).count() == 2
    citizen = demo.users["citizen"]
    assert HoursEntry.objects.filter(user=citizen, state=HoursState.CONFIRMED).count() == 28
    assert ehrenamtskarte_status(user=citizen).meets_thresholds is True
    club_contact = demo.users["club_contact"]
    club = Opportunity.objects.filter(contact_email=club_contact.email).first().organisation
    assert club.memberships.filter(user=club_contact).exists()
