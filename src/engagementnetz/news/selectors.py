"""Reads of the news for the views, feeds, start page and newsletter."""

import json
from datetime import datetime

from django.conf import settings
from django.db.models import QuerySet

from .models import Article, Category
from .relations import RELATABLE_KINDS

# Like Django's json_script: nothing in the data can close the <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def public_articles(*, category: Category | None = None) -> QuerySet[Article]:
    """Public articles for lists and feeds: the body is left out, lists show the teaser."""
    articles = Article.objects.public().for_list().defer("body", "organisation__description")
    if category is not None:
        articles = articles.filter(categories=category)
    return articles


def latest_articles(*, limit: int = 3) -> list[Article]:
    return list(public_articles()[:limit])


def articles_published_between(*, since: datetime, until: datetime) -> QuerySet[Article]:
    return (
        Article.objects.public(now=until)
        .filter(publish_at__gt=since)
        .select_related("organisation")
        .order_by("publish_at", "pk")
    )


def related_content(article: Article) -> list[tuple[str, list]]:
    """The article's related organisations, events and processes that are public."""
    groups = []
    organisations = [org for org in article.organisations.all() if org.is_public]
    if organisations:
        from django.utils.translation import gettext as _

        groups.append((_("Organisations"), organisations))
    relations = list(article.relations.all())
    for kind in RELATABLE_KINDS:
        model = kind.model()
        if model is None:
            continue
        ids = kind.ids_in(relations)
        if ids:
            objects = list(kind.public_queryset().filter(pk__in=ids))
            if objects:
                groups.append((str(kind.heading), objects))
    return groups


def absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL + url


def article_jsonld(article: Article, *, publisher: str) -> str:
    """schema.org NewsArticle of an article, ready to be put into a script element."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.teaser,
        "datePublished": article.publish_at.isoformat() if article.publish_at else None,
        "dateModified": article.updated_at.isoformat(),
        "mainEntityOfPage": absolute(article.get_absolute_url()),
        "url": absolute(article.get_absolute_url()),
        "inLanguage": "de",
        "publisher": {"@type": "Organization", "name": publisher},
        "articleSection": [category.name for category in article.categories.all()],
    }
    if article.byline:
        data["author"] = {"@type": "Organization", "name": article.byline}
    if article.lead_image:
        data["image"] = [absolute(article.lead_image.url)]
    return json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
