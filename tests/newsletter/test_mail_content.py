"""Every mail of the newsletter has a plain-text part, and no tracking: no pixel, no redirects."""

import re

import pytest
from django.core import mail

from engagementnetz.newsletter import services
from engagementnetz.newsletter.models import ConsentText, Subscriber

from .factories import SubscriberFactory, issue_with_items

pytestmark = pytest.mark.django_db

SITE = "https://engagement.example"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def parts(message) -> tuple[str, str]:
    """The plain text and the HTML of a mail; fails if either is missing."""
    assert message.content_subtype == "plain"
    assert message.body.strip()
    (html, mimetype), *rest = message.alternatives
    assert mimetype == "text/html"
    assert rest == []
    return message.body, html


def hrefs(html: str) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', html))


def assert_no_tracking(html: str) -> None:
    assert "<img" not in html.lower()
    assert "background=" not in html.lower()
    assert "url(" not in html.lower()
    for link in hrefs(html):
        assert "?" not in link, link
        assert "utm_" not in link, link


def test_confirmation_and_reminder_mails(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.subscriber_subscribe(
            email="lena@example.org",
            name="Lena",
            topics=["news"],
            consent_text=ConsentText.current(),
            ip=None,
        )
    subscriber = Subscriber.objects.get()
    text, html = parts(mail.outbox[0])
    confirm_url = f"{SITE}/newsletter/bestaetigen/{subscriber.token}/"
    assert confirm_url in text
    assert_no_tracking(html)
    assert confirm_url in hrefs(html)

    services.subscriber_confirm(subscriber=subscriber, ip=None)
    with django_capture_on_commit_callbacks(execute=True):
        services.subscriber_subscribe(
            email="lena@example.org",
            name="Lena",
            topics=["news"],
            consent_text=ConsentText.current(),
            ip=None,
        )
    assert len(mail.outbox) == 2
    text, html = parts(mail.outbox[1])
    manage_url = f"{SITE}/newsletter/abo/{subscriber.token}/"
    assert manage_url in text
    assert_no_tracking(html)
    assert manage_url in hrefs(html)


def test_issue_and_test_mail_link_straight_to_the_content(django_capture_on_commit_callbacks):
    issue = issue_with_items(subject="Newsletter Juli")
    subscriber = SubscriberFactory(
        email="leser@example.org",
        topic_news=False,
        topic_courses=False,
        topic_opportunities=False,
    )
    services.issue_send_test(issue=issue, to="redaktion@example.org", topics=["news"])
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_send(issue=issue, by=None)
    test_mail, issue_mail = mail.outbox
    assert issue_mail.to == ["leser@example.org"]

    text, html = parts(issue_mail)
    assert_no_tracking(html)
    # readable by screen readers: language, title, one h1 and the topics as h2
    assert '<html lang="de">' in html
    assert "<title>Newsletter Juli</title>" in html
    assert re.findall(r"<h([12])[^>]*>([^<]+)</h\1>", html) == [
        ("1", "Newsletter Juli"),
        ("2", "Termine"),
        ("2", "Beteiligung"),
    ]
    personal = {
        f"{SITE}/newsletter/abo/{subscriber.token}/",
        f"{SITE}/newsletter/abmelden/{subscriber.token}/",
        f"{SITE}/newsletter/archiv/{issue.pk}/",
    }
    items = {f"{SITE}/events/1/", f"{SITE}/participation/4/"}
    assert {link for link in hrefs(html) if not link.startswith("mailto:")} == personal | items
    for link in personal | items:
        assert link in text
    assert "Sommerfest im Stadtpark" in text
    assert "Neues Netzwerktreffen" not in text
    assert "Neues Netzwerktreffen" not in html

    text, html = parts(test_mail)
    assert_no_tracking(html)
    assert "Neues Netzwerktreffen" in text
    assert f"{SITE}/news/0/" in hrefs(html)
