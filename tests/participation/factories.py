"""Factories of the participation app."""

from datetime import timedelta

import factory
from django.utils import timezone
from django.utils.text import slugify

from engagementnetz.participation.models import (
    Contribution,
    ContributionKind,
    Measure,
    MeasureState,
    ModerationMode,
    ModerationState,
    Phase,
    Process,
    ThemeTable,
    Workshop,
)


class ProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Process

    title = factory.Sequence(lambda n: f"Engagementstrategie {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    summary = "Gemeinsam entwickeln wir die Engagementstrategie der Stadt."
    description = "Bringen Sie Ihre Ideen ein."
    moderation = ModerationMode.POST
    is_published = True


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    process = factory.SubFactory(ProcessFactory)
    title = "Online-Beteiligung"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=21))
    allows_contributions = True


def open_process(**kwargs) -> Process:
    """A published process with a running phase that takes contributions."""
    process = ProcessFactory(**kwargs)
    PhaseFactory(process=process)
    return process


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    process = factory.SubFactory(ProcessFactory)
    title = "Zukunftswerkstatt"
    slug = factory.Sequence(lambda n: f"zukunftswerkstatt-{n}")
    held_on = factory.LazyFunction(lambda: timezone.localdate().replace(year=2019, month=4, day=10))
    venue = "Haus der Jugend"


class ThemeTableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeTable

    process = factory.SubFactory(ProcessFactory)
    title = factory.Sequence(lambda n: f"Thementisch {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    question = "Was brauchen Engagierte in Bitburg?"
    moderators = "Barbara Canton"


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    process = factory.SubFactory(ProcessFactory)
    table = None
    kind = ContributionKind.IDEA
    text = factory.Sequence(lambda n: f"Idee Nummer {n}: eine Bank am Spielplatz")
    author_name = "Karin"
    moderation = ModerationState.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Maßnahme {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    summary = "Was die Stadt gemeinsam mit den Vereinen umsetzt."
    state = MeasureState.IN_PROGRESS
    progress = 40
    is_published = True
