"""Factories of the events app."""

from datetime import datetime, time, timedelta

import factory
from django.utils import timezone

from engagementnetz.events.models import (
    Event,
    EventKind,
    Registration,
    RegistrationOption,
    RegistrationQuestion,
    RegistrationStatus,
    Venue,
)
from engagementnetz.events.recurrence import make_local
from engagementnetz.events.services import occurrences_sync
from tests.factories import OrganisationFactory


def local(year, month, day, hour=0, minute=0) -> datetime:
    """An aware moment in the town's time zone."""
    return make_local(datetime(year, month, day, hour, minute))


def days_ahead(days: int, hour: int = 19, minute: int = 0) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return make_local(datetime.combine(day, time(hour, minute)))


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Bürgerhaus {n}")
    street = "Hauptstraße 1"
    postcode = "54634"
    city = "Bitburg"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Chorprobe {n}")
    slug = factory.Sequence(lambda n: f"termin-{n}")
    kind = EventKind.TERMIN
    organiser = factory.SubFactory(OrganisationFactory)
    short_description = "Offene Probe für alle, die gern singen."
    starts_at = factory.LazyFunction(lambda: days_ahead(7))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=2))
    venue = factory.SubFactory(VenueFactory)

    @factory.post_generation
    def dates(self, create, extracted, **kwargs):
        if create:
            occurrences_sync(event=self)


class RegistrationQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegistrationQuestion

    event = factory.SubFactory(EventFactory)
    label = "Welchen Thementisch wählen Sie?"
    kind = "choice"
    required = True


class RegistrationOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegistrationOption

    question = factory.SubFactory(RegistrationQuestionFactory)
    event = factory.LazyAttribute(lambda option: option.question.event)
    label = factory.Sequence(lambda n: f"Thementisch {n}")


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory, registration_enabled=True)
    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"teilnehmer{n}@example.org")
    status = RegistrationStatus.CONFIRMED
    queued_at = factory.LazyFunction(timezone.now)
