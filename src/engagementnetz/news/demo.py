"""Demo content of the news: two years of articles by the network office and the clubs."""

from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from . import demo_content as content
from .models import Article, ArticleRelation, ArticleState, Category
from .services import unique_article_slug


def _at(demo, days_ago: int, hour: int) -> datetime:
    day = demo.today - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _relations(spec: dict) -> list:
    """The events (by title) and the engagement strategy the article is about."""
    from django.apps import apps

    targets = []
    if spec["events"] and apps.is_installed("engagementnetz.events"):
        from engagementnetz.events.models import Event

        for title in spec["events"]:
            event = Event.objects.filter(title=title).order_by("-starts_at").first()
            if event is not None:
                targets.append(event)
    if spec["process"] and apps.is_installed("engagementnetz.participation"):
        from engagementnetz.participation.models import Process

        targets.extend(Process.objects.filter(slug="engagementstrategie-bitburg"))
    return targets


def _article(demo, spec: dict, categories: dict, organisations: dict, state: str) -> Article:
    office = demo.users.get("network_office")
    club = organisations.get(spec["organisation"]) if spec["organisation"] else None
    author = office
    if club is not None:
        membership = club.memberships.select_related("user").order_by("pk").first()
        author = membership.user if membership else None
    publish_at = _at(demo, spec["days"], 9 + spec["days"] % 8)
    article = Article.objects.create(
        title=spec["title"],
        slug=unique_article_slug(spec["title"]),
        teaser=spec["teaser"],
        body=spec["body"],
        organisation=club,
        author=author,
        author_name=club.name if club else "Netzwerkbüro Engagierte Stadt",
        state=state,
        publish_at=None if state == ArticleState.SUBMITTED else publish_at,
        reviewed_by=office if club is not None and state != ArticleState.SUBMITTED else None,
    )
    # Written a few days before it appeared.
    Article.objects.filter(pk=article.pk).update(
        created_at=publish_at - timedelta(days=2), updated_at=publish_at
    )
    article.categories.set([categories[slug] for slug in spec["categories"]])
    article.organisations.set(
        [organisations[name] for name in spec["organisations"] if name in organisations]
    )
    ArticleRelation.objects.bulk_create(
        ArticleRelation(
            article=article,
            content_type=ContentType.objects.get_for_model(target),
            object_id=target.pk,
        )
        for target in _relations(spec)
    )
    return article


def load(demo) -> None:
    from engagementnetz.organisations.models import Organisation

    categories = {
        slug: Category.objects.create(name=name, slug=slug, description=text, position=position)
        for position, (name, slug, text) in enumerate(content.CATEGORIES)
    }
    organisations = {organisation.name: organisation for organisation in Organisation.objects.all()}
    # Oldest first, so that the ids follow the order of publication.
    for spec in sorted(content.ARTICLES, key=lambda spec: -spec["days"]):
        _article(demo, spec, categories, organisations, ArticleState.PUBLISHED)
    _article(demo, content.SCHEDULED, categories, organisations, ArticleState.SCHEDULED)
    _article(demo, content.SUBMITTED, categories, organisations, ArticleState.SUBMITTED)
