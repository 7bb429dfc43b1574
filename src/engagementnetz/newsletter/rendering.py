"""An issue as an e-mail: per subscriber only the topics they chose, with their personal links.

Accessible HTML (language, headings, lists, link texts that make sense alone, enough contrast,
no images and no tracking pixels) and a plain-text part with the same content.
"""

from dataclasses import dataclass
from urllib.parse import urlparse

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from engagementnetz.core.markdown import render_markdown
from engagementnetz.core.models import SiteSettings

from .content import TOPIC_ORDER, Topic
from .models import Issue, IssueItem


@dataclass
class Recipient:
    """Who a mail is rendered for: a subscriber, or a test or preview recipient."""

    email: str
    name: str
    topics: list[str]
    manage_url: str
    unsubscribe_url: str


def recipient_for(subscriber) -> Recipient:
    return Recipient(
        email=subscriber.email,
        name=subscriber.name,
        topics=subscriber.topics,
        manage_url=subscriber.manage_url(),
        unsubscribe_url=subscriber.unsubscribe_url(),
    )


def sample_recipient(*, email: str, topics: list[str]) -> Recipient:
    """For previews and test mails: the links lead to the newsletter page, not to a subscription."""
    page = settings.SITE_URL + reverse("newsletter:subscribe")
    return Recipient(email=email, name="", topics=topics, manage_url=page, unsubscribe_url=page)


def list_id() -> str:
    return f"newsletter.{urlparse(settings.SITE_URL).hostname or 'localhost'}"


class IssueRenderer:
    """Renders one issue for many recipients; the items are read once."""

    def __init__(self, issue: Issue, *, items: list[IssueItem] | None = None):
        self.issue = issue
        self.items = (
            items
            if items is not None
            else list(issue.items.filter(included=True).order_by("position", "pk"))
        )
        self.site = SiteSettings.current()
        self.intro_html = render_markdown(issue.intro)

    def sections(self, topics) -> list[tuple[str, list[IssueItem]]]:
        chosen = set(topics)
        sections = []
        for topic in TOPIC_ORDER:
            if topic not in chosen:
                continue
            entries = [item for item in self.items if item.topic == topic]
            if entries:
                sections.append((str(Topic(topic).label), entries))
        return sections

    def context(self, recipient: Recipient) -> dict | None:
        sections = self.sections(recipient.topics)
        if not sections:
            return None
        return {
            "issue": self.issue,
            "intro_html": self.intro_html,
            "sections": sections,
            "recipient": recipient,
            "topics_display": [str(Topic(t).label) for t in recipient.topics],
            "network": self.site,
            "SITE_URL": settings.SITE_URL,
            "archive_url": settings.SITE_URL + self.issue.get_absolute_url(),
        }

    def render(self, recipient: Recipient) -> tuple[str, str] | None:
        """(plain text, HTML) for ``recipient``, or None when none of their topics has news."""
        with translation.override(settings.LANGUAGE_CODE):
            context = self.context(recipient)
            if context is None:
                return None
            return (
                render_to_string("newsletter/mails/issue.txt", context),
                render_to_string("newsletter/mails/issue.html", context),
            )

    def message(self, subscriber_or_recipient, *, message_id: str, subject_prefix: str = ""):
        recipient = (
            subscriber_or_recipient
            if isinstance(subscriber_or_recipient, Recipient)
            else recipient_for(subscriber_or_recipient)
        )
        rendered = self.render(recipient)
        if rendered is None:
            return None
        text, html = rendered
        message = EmailMultiAlternatives(
            subject=f"{subject_prefix}{self.issue.subject}",
            body=text,
            to=[recipient.email],
            headers={
                "Message-ID": message_id,
                # RFC 2369 and RFC 8058: one-click unsubscribe from the mail program.
                "List-Unsubscribe": f"<{recipient.unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "List-Id": f"{self.site.name} <{list_id()}>",
                "List-Archive": f"<{settings.SITE_URL}{reverse('newsletter:archive')}>",
                "Precedence": "bulk",
            },
        )
        message.attach_alternative(html, "text/html")
        return message
