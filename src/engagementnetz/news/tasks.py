"""Thin background tasks of the news: they take IDs and call a service or mail function."""

from django_tasks import task

from . import mails, services
from .models import Article


@task()
def send_article_submitted_mail(article_id: int) -> None:
    article = Article.objects.select_related("organisation").filter(pk=article_id).first()
    if article is not None:
        mails.send_article_submitted(article=article)


@task()
def send_article_decision_mail(article_id: int) -> None:
    article = Article.objects.select_related("author").filter(pk=article_id).first()
    if article is not None:
        mails.send_article_decision(article=article)


@task()
def publish_scheduled_articles() -> int:
    return services.articles_publish_due()
