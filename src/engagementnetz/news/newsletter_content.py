"""The news' contribution to a newsletter issue: articles published since the last issue."""

from datetime import datetime

from engagementnetz.newsletter.content import NewsletterItem, Topic

from .selectors import articles_published_between


def newsletter_items(*, since: datetime, until: datetime) -> list[NewsletterItem]:
    return [
        NewsletterItem(
            topic=Topic.NEWS,
            title=article.title,
            url=article.get_absolute_url(),
            summary=article.teaser,
            date=article.publish_at,
        )
        for article in articles_published_between(since=since, until=until)
    ]
