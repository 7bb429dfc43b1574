"""The Engagement-Börse's contribution to a newsletter issue: opportunities new since the last one."""

from datetime import datetime

from engagementnetz.newsletter.content import NewsletterItem, Topic

from .models import Opportunity


def newsletter_items(*, since: datetime, until: datetime) -> list[NewsletterItem]:
    opportunities = (
        Opportunity.objects.public()
        .filter(published_at__gt=since, published_at__lte=until)
        .select_related("organisation")
        .order_by("published_at", "pk")
    )
    return [
        NewsletterItem(
            topic=Topic.OPPORTUNITIES,
            title=f"{opportunity.title} ({opportunity.organisation.name})",
            url=opportunity.get_absolute_url(),
            summary=opportunity.summary,
            date=opportunity.published_at,
        )
        for opportunity in opportunities
    ]
