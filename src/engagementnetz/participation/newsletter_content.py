"""Participation's contribution to a newsletter issue: progress of the strategy's measures."""

from datetime import datetime

from django.utils.text import Truncator

from engagementnetz.newsletter.content import NewsletterItem, Topic

from .models import MeasureUpdate


def newsletter_items(*, since: datetime, until: datetime) -> list[NewsletterItem]:
    updates = (
        MeasureUpdate.objects.filter(
            measure__is_published=True, created_at__gt=since, created_at__lte=until
        )
        .select_related("measure")
        .order_by("date", "created_at", "pk")
    )
    return [
        NewsletterItem(
            topic=Topic.PARTICIPATION,
            title=update.measure.title,
            url=update.measure.get_absolute_url(),
            summary=f"{update.progress} % – {Truncator(update.text).chars(300)}",
            date=update.date,
        )
        for update in updates
    ]
