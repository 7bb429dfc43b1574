"""The e-mails of the news workflow: German, plain text with an HTML alternative."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from engagementnetz.core.models import SiteSettings

from .models import Article, ArticleState


def _send(*, to: list[str], subject: str, template: str, context: dict) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        site = SiteSettings.current()
        context = {**context, "network": site, "SITE_URL": settings.SITE_URL}
        text = render_to_string(f"news/mails/{template}.txt", context)
        html = render_to_string(f"news/mails/{template}.html", context)
        message = EmailMultiAlternatives(subject=subject, body=text, to=to)
        message.attach_alternative(html, "text/html")
        message.send()


def send_article_submitted(*, article: Article) -> None:
    """Tell the network office that a club submitted an article for approval."""
    site = SiteSettings.current()
    if not site.contact_email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New article for approval: %(title)s") % {"title": article.title}
    _send(
        to=[site.contact_email],
        subject=subject,
        template="article_submitted",
        context={
            "article": article,
            "review_url": settings.SITE_URL + reverse("news:manage_edit", args=[article.pk]),
        },
    )


def send_article_decision(*, article: Article) -> None:
    """Tell the club's author whether the article was published or needs changes."""
    if article.author is None or not article.author.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        if article.state == ArticleState.REJECTED:
            subject = _("Your article needs changes: %(title)s") % {"title": article.title}
        else:
            subject = _("Your article has been approved: %(title)s") % {"title": article.title}
    _send(
        to=[article.author.email],
        subject=subject,
        template="article_decision",
        context={
            "article": article,
            "rejected": article.state == ArticleState.REJECTED,
            "article_url": settings.SITE_URL + article.get_absolute_url(),
            "edit_url": settings.SITE_URL + reverse("news:club_edit", args=[article.pk]),
        },
    )
