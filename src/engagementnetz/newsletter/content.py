"""What goes into a newsletter issue, gathered from the apps' ``newsletter_content.py``.

Each such module has ``newsletter_items(*, since, until) -> list[NewsletterItem]``: the news
return the articles published in the period, the events the dates of the four weeks after it,
the opportunities app new courses and volunteer opportunities, participation the updates of
measures. The newsletter knows none of their models.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from engagementnetz.core.discovery import platform_app_modules


class Topic(models.TextChoices):
    """The topics a subscriber chooses; an issue's items are filtered by them."""

    NEWS = "news", _("News")
    EVENTS = "events", _("Events")
    COURSES = "courses", _("Training courses")
    OPPORTUNITIES = "opportunities", pgettext_lazy("newsletter topic", "Volunteering opportunities")
    PARTICIPATION = "participation", _("Participation")


TOPIC_ORDER = [topic.value for topic in Topic]


@dataclass(frozen=True)
class NewsletterItem:
    topic: str  # a Topic value
    title: str
    url: str  # absolute, or a path on this site
    summary: str = ""
    date: date | datetime | None = None


def collect_items(*, since: datetime, until: datetime) -> list[NewsletterItem]:
    """Everything new between ``since`` and ``until`` from every app that contributes."""
    items: list[NewsletterItem] = []
    for module in platform_app_modules("newsletter_content"):
        items.extend(module.newsletter_items(since=since, until=until))
    known = set(TOPIC_ORDER)
    return [item for item in items if item.topic in known]
