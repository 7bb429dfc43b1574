"""A small town with one of everything public, and personal data that must never leave."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from engagementnetz.api import services
from engagementnetz.participation.models import MeasureUpdate
from tests.events.factories import EventFactory, RegistrationFactory, VenueFactory, days_ahead
from tests.factories import (
    DistrictFactory,
    FieldFactory,
    MembershipFactory,
    OrganisationFactory,
    TargetGroupFactory,
)
from tests.news.factories import ArticleFactory, CategoryFactory
from tests.newsletter.factories import SubscriberFactory
from tests.opportunities.factories import InterestFactory, OpportunityFactory
from tests.organisations.factories import LinkFactory, ProjectFactory
from tests.participation.factories import (
    ContributionFactory,
    MeasureFactory,
    PhaseFactory,
    ProcessFactory,
)

# Values that identify people or were not meant to be public; none may appear in the API.
SECRETS = {
    "registrant": "Rita Registrantin",
    "registrant_email": "rita.registrantin@example.org",
    "interested": "Ingo Interessent",
    "interested_email": "ingo.interessent@example.org",
    "interest_phone": "0651 999999",
    "subscriber": "sabine.abonnentin@example.org",
    "hidden_email": "vorstand-privat@example.org",
    "hidden_phone": "06561 123456",
    "opportunity_contact_email": "kontakt-intern@example.org",
    "event_contact": "Erwin Kontaktmann",
    "event_contact_email": "erwin.kontakt@example.org",
    "project_contact_email": "projekt-kontakt@example.org",
    "measure_person": "Martina Verantwortlich",
    "contribution_email": "ideengeberin@example.org",
    "rejection": "Eintrag unvollständig",
    "register_number": "VR 4711",
}


@dataclass
class Town:
    organisation: object
    other: object
    hidden: object
    project: object
    event: object
    course: object
    opportunity: object
    process: object
    measure: object
    article: object
    link: object
    sport: object
    district: object


@pytest.fixture
def town(db) -> Town:
    sport = FieldFactory(name="Sport", slug="sport")
    culture = FieldFactory(name="Kultur", slug="kultur")
    youth = TargetGroupFactory(name="Jugendliche", slug="jugendliche")
    district = DistrictFactory(name="Mötsch", slug="moetsch")
    organisation = OrganisationFactory(
        name="Musikverein Bitburg",
        slug="musikverein-bitburg",
        district=district,
        email=SECRETS["hidden_email"],
        show_email=False,
        phone=SECRETS["hidden_phone"],
        show_phone=False,
        register_number=SECRETS["register_number"],
        street="Am Markt 1",
        postcode="54634",
    )
    organisation.fields.set([culture])
    organisation.target_groups.set([youth])
    other = OrganisationFactory(
        name="Sportfreunde Mötsch",
        slug="sportfreunde-moetsch",
        email="info@sportfreunde.example.org",
        show_email=True,
    )
    other.fields.set([sport])
    hidden = OrganisationFactory(
        name="Entwurf e.V.",
        slug="entwurf",
        state="rejected",
        rejection_reason=SECRETS["rejection"],
    )
    MembershipFactory(organisation=organisation)
    project = ProjectFactory(
        title="Jugendorchester",
        organisation=organisation,
        field=culture,
        contact_name=SECRETS["event_contact"],
        contact_email=SECRETS["project_contact_email"],
    )
    project.partners.set([other, hidden])
    event = EventFactory(
        title="Sommerkonzert",
        slug="sommerkonzert",
        organiser=organisation,
        venue=VenueFactory(name="Stadthalle", district=district),
        starts_at=days_ahead(10),
        ends_at=days_ahead(10) + timedelta(hours=2),
        contact_name=SECRETS["event_contact"],
        contact_email=SECRETS["event_contact_email"],
        registration_enabled=True,
        capacity=50,
    )
    event.fields.set([culture])
    RegistrationFactory(event=event, name=SECRETS["registrant"], email=SECRETS["registrant_email"])
    course = EventFactory(
        title="Erste Hilfe für Übungsleitende",
        slug="erste-hilfe",
        kind="fortbildung",
        organiser=other,
        provider="Ehrenamtsakademie",
        starts_at=days_ahead(20),
        ends_at=days_ahead(20) + timedelta(hours=3),
    )
    course.fields.set([sport])
    EventFactory(title="Entwurfstreffen", organiser=hidden)
    opportunity = OpportunityFactory(
        title="Notenwart gesucht",
        organisation=organisation,
        contact_name=SECRETS["event_contact"],
        contact_email=SECRETS["opportunity_contact_email"],
        district=district,
        fields=[culture],
    )
    InterestFactory(
        opportunity=opportunity,
        name=SECRETS["interested"],
        email=SECRETS["interested_email"],
        phone=SECRETS["interest_phone"],
    )
    SubscriberFactory(email=SECRETS["subscriber"])
    process = ProcessFactory(title="Engagementstrategie Bitburg", slug="engagementstrategie")
    PhaseFactory(
        process=process,
        starts_on=timezone.localdate() - timedelta(days=5),
        ends_on=timezone.localdate() + timedelta(days=30),
    )
    ContributionFactory(process=process, email=SECRETS["contribution_email"])
    measure = MeasureFactory(
        title="Ehrenamtsbörse ausbauen",
        slug="ehrenamtsboerse",
        process=process,
        field=culture,
        responsible_organisation=organisation,
        responsible_person=SECRETS["measure_person"],
    )
    MeasureUpdate.objects.create(
        measure=measure, date=timezone.localdate(), text="Start", progress=40, state="in_progress"
    )
    article = ArticleFactory(
        title="Neue Engagementstrategie",
        categories=[CategoryFactory(name="Netzwerk", slug="netzwerk")],
    )
    link = LinkFactory(title="Landesnetzwerk Bürgerschaftliches Engagement")
    return Town(
        organisation=organisation,
        other=other,
        hidden=hidden,
        project=project,
        event=event,
        course=course,
        opportunity=opportunity,
        process=process,
        measure=measure,
        article=article,
        link=link,
        sport=sport,
        district=district,
    )


@pytest.fixture
def token_of(db):
    """The secret of a new token of an organisation, created by one of its admins."""

    def make(organisation, name="Website"):
        admin = MembershipFactory(organisation=organisation).user
        _token, secret = services.token_create(organisation=organisation, name=name, by=admin)
        return secret

    return make
