from datetime import timedelta

import factory
from django.utils import timezone

from engagementnetz.newsletter.models import (
    Issue,
    IssueItem,
    IssueState,
    Subscriber,
    SubscriberState,
)


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"leser{n}@example.org")
    state = SubscriberState.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)
    confirmation_sent_at = factory.LazyFunction(timezone.now)
    topic_news = True
    topic_events = True
    topic_courses = True
    topic_opportunities = True
    topic_participation = True


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    subject = "Newsletter März"
    intro = "Liebe Engagierte, **viel Neues** in diesem Monat."
    state = IssueState.DRAFT
    period_start = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))
    period_end = factory.LazyFunction(timezone.now)


class IssueItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IssueItem

    issue = factory.SubFactory(IssueFactory)
    topic = "news"
    title = factory.Sequence(lambda n: f"Meldung {n}")
    url = factory.Sequence(lambda n: f"/aktuelles/meldung-{n}/")
    summary = "Kurz und bündig."
    position = factory.Sequence(lambda n: n)


def issue_with_items(**kwargs) -> Issue:
    """An issue with one item per topic, titled after the topic."""
    issue = IssueFactory(**kwargs)
    for position, (topic, title) in enumerate(
        [
            ("news", "Neues Netzwerktreffen"),
            ("events", "Sommerfest im Stadtpark"),
            ("courses", "Erste Hilfe für Übungsleitende"),
            ("opportunities", "Lesepatin gesucht"),
            ("participation", "Maßnahme Ehrenamtsbörse umgesetzt"),
        ]
    ):
        IssueItemFactory(
            issue=issue,
            topic=topic,
            title=title,
            url=f"/{topic}/{position}/",
            position=position,
        )
    return issue
