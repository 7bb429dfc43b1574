"""Every write on news articles and categories.

Publishing, scheduling and unpublishing keep the search index current by calling
``search.services.index_update`` / ``index_remove`` explicitly.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from engagementnetz.search.services import index_remove, index_update

from .models import Article, ArticleImage, ArticleRelation, ArticleState, Category

# Paths below /aktuelles/ that belong to views, not to articles.
RESERVED_SLUGS = {"feed", "kategorie", "einreichen", "meine-beitraege", "artikel"}


def unique_article_slug(title: str, *, exclude_pk: int | None = None) -> str:
    base = (slugify(title) or "artikel")[:200].strip("-") or "artikel"
    candidate, number = base, 1
    while candidate in RESERVED_SLUGS or (
        Article.objects.filter(slug=candidate).exclude(pk=exclude_pk).exists()
    ):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _set_relations(article: Article, targets) -> None:
    """Replace the article's related events and processes with ``targets`` (model instances)."""
    from django.contrib.contenttypes.models import ContentType

    wanted = {(ContentType.objects.get_for_model(obj).pk, obj.pk) for obj in targets}
    existing = {(rel.content_type_id, rel.object_id): rel for rel in article.relations.all()}
    for key, relation in existing.items():
        if key not in wanted:
            relation.delete()
    ArticleRelation.objects.bulk_create(
        [
            ArticleRelation(article=article, content_type_id=ct, object_id=pk)
            for ct, pk in wanted
            if (ct, pk) not in existing
        ]
    )


@transaction.atomic
def article_save(*, form, by) -> Article:
    """Create or change an article from the network office's form.

    A new article starts as a draft written by ``by``. Changes to a published article reach
    the search index at once.
    """
    article = form.save(commit=False)
    if article.pk is None:
        article.author = by
        article.slug = unique_article_slug(article.title)
        article.state = ArticleState.DRAFT
    article.save()
    form.save_m2m()
    if hasattr(form, "related_targets"):
        _set_relations(article, form.related_targets())
    if article.state == ArticleState.PUBLISHED:
        index_update(article)
    return article


@transaction.atomic
def article_submit(*, form, by, organisation) -> Article:
    """A club sends a new or changed article to the network office for approval."""
    from . import tasks

    article = form.save(commit=False)
    if article.pk is None:
        article.author = by
        article.slug = unique_article_slug(article.title)
    article.organisation = organisation
    if not article.author_name:
        article.author_name = organisation.name
    article.state = ArticleState.SUBMITTED
    article.review_note = ""
    article.save()
    form.save_m2m()
    transaction.on_commit(lambda: tasks.send_article_submitted_mail.enqueue(article_id=article.pk))
    return article


@transaction.atomic
def article_publish(*, article: Article, by, publish_at: datetime | None = None) -> Article:
    """Publish now, or schedule for ``publish_at`` when that lies in the future.

    A club whose article is approved hears of it by e-mail.
    """
    from . import tasks

    now = timezone.now()
    was_club_submission = article.organisation_id is not None and article.state in {
        ArticleState.SUBMITTED,
        ArticleState.REJECTED,
    }
    article.publish_at = publish_at or (
        article.publish_at
        if article.publish_at and article.state == ArticleState.SCHEDULED
        else now
    )
    article.state = ArticleState.SCHEDULED if article.publish_at > now else ArticleState.PUBLISHED
    article.reviewed_by = by
    article.review_note = ""
    article.save()
    if article.state == ArticleState.PUBLISHED:
        index_update(article)
    else:
        index_remove(article)
    if was_club_submission and article.author_id:
        transaction.on_commit(
            lambda: tasks.send_article_decision_mail.enqueue(article_id=article.pk)
        )
    return article


@transaction.atomic
def article_reject(*, article: Article, by, note: str) -> Article:
    """Return a club's article with a note on what to change; the club is told by e-mail."""
    from . import tasks

    article.state = ArticleState.REJECTED
    article.review_note = note
    article.reviewed_by = by
    article.save(update_fields=["state", "review_note", "reviewed_by", "updated_at"])
    index_remove(article)
    if article.author_id:
        transaction.on_commit(
            lambda: tasks.send_article_decision_mail.enqueue(article_id=article.pk)
        )
    return article


@transaction.atomic
def article_unpublish(*, article: Article, by) -> Article:
    """Take a published or scheduled article off the site; it becomes a draft again."""
    article.state = ArticleState.DRAFT
    article.reviewed_by = by
    article.save(update_fields=["state", "reviewed_by", "updated_at"])
    index_remove(article)
    return article


def articles_publish_due(*, now: datetime | None = None) -> int:
    """Publish every scheduled article whose time has come; returns how many."""
    now = now or timezone.now()
    count = 0
    for article in Article.objects.due_for_publication(now=now).order_by("publish_at"):
        with transaction.atomic():
            updated = Article.objects.filter(pk=article.pk, state=ArticleState.SCHEDULED).update(
                state=ArticleState.PUBLISHED, updated_at=now
            )
            if updated:
                article.state = ArticleState.PUBLISHED
                index_update(article)
                count += 1
    return count


@transaction.atomic
def article_image_add(*, article: Article, image, alt: str) -> ArticleImage:
    """Store a photo (already checked and without metadata) for use in the article's text."""
    return ArticleImage.objects.create(article=article, image=image, alt=alt)


@transaction.atomic
def article_image_delete(*, image: ArticleImage) -> None:
    """Delete a photo of the text, and its file once the deletion is committed."""
    storage, name = image.image.storage, image.image.name
    image.delete()
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def category_save(*, form) -> Category:
    """Create or change a category of the news."""
    category = form.save(commit=False)
    if not category.slug:
        category.slug = slugify(category.name)[:100]
    category.save()
    return category
