"""Factories of the Engagement-Börse."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from engagementnetz.opportunities.models import (
    Commitment,
    FinderSubscription,
    HelpCategory,
    HelpKind,
    HelpPost,
    HelpState,
    HoursEntry,
    HoursPeriod,
    HoursState,
    Interest,
    InterestState,
    Opportunity,
    OpportunityState,
)
from tests.factories import OrganisationFactory, UserFactory


class OpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opportunity
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Helfende Hände gesucht {n}")
    slug = factory.Sequence(lambda n: f"helfende-haende-{n}")
    summary = "Wir suchen Unterstützung bei unseren Proben und Auftritten."
    tasks = "Sie helfen beim **Aufbau** der Bühne und beim Ausschank."
    commitment = Commitment.REGULAR
    hours = 2
    hours_period = HoursPeriod.WEEK
    place = "Bürgerhaus, Hauptstraße 1"
    contact_name = "Klara Becker"
    contact_email = "kontakt@musikverein.example"
    state = OpportunityState.OPEN

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        if create and extracted:
            self.fields.set(extracted)

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.set(extracted)


class InterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interest

    opportunity = factory.SubFactory(OpportunityFactory)
    name = "Lena Krämer"
    email = factory.Sequence(lambda n: f"lena{n}@example.org")
    message = "Ich habe samstags Zeit."
    state = InterestState.NEW
    consent_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)
    state_changed_at = factory.LazyFunction(timezone.now)


class HoursEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HoursEntry

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    activity = "Hausaufgabenhilfe"
    started_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7))
    ended_on = factory.LazyAttribute(lambda obj: obj.started_on)
    hours = Decimal("3.0")
    state = HoursState.SUBMITTED


class FinderSubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FinderSubscription

    email = factory.Sequence(lambda n: f"abo{n}@example.org")
    query = "interessen=umwelt-und-natur"
    consent_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)
    checked_until = factory.LazyFunction(timezone.now)


class HelpPostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HelpPost

    kind = HelpKind.REQUEST
    category = HelpCategory.SHOPPING
    title = "Wer kauft für mich ein?"
    text = "Ich bin nach einer Operation für zwei Wochen nicht mobil."
    name = "Gerda"
    email = factory.Sequence(lambda n: f"gerda{n}@example.org")
    state = HelpState.PUBLISHED
    consent_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)
    published_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
