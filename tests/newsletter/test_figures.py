"""The network office's figures: subscribers per topic over time, sent, failed, unsubscribes."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from engagementnetz.newsletter.models import (
    IssueState,
    OutboxMessage,
    SubscriberState,
    TopicStatistic,
)

from .factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

TOPICS = ["news", "events", "courses", "opportunities", "participation"]


def at_noon(day):
    return timezone.make_aware(datetime.combine(day, time(12)))


def month_label(day) -> str:
    with translation.override("de"):
        return date_format(day, "F Y")


def table_row(html: str, heading: str) -> list[str]:
    match = re.search(
        r"<tr><th scope=\"row\">(?:<a [^>]*>)?"
        + re.escape(heading)
        + r"(?:</a>)?</th>((?:<td[^>]*>[^<]*</td>)+)</tr>",
        html,
    )
    assert match, heading
    return re.findall(r">([^<]*)</td>", match.group(1))


def outbox(issue, states: list[str]):
    for state in states:
        subscriber = SubscriberFactory()
        OutboxMessage.objects.create(
            issue=issue,
            subscriber=subscriber,
            email=subscriber.email,
            state=state,
            next_attempt_at=timezone.now(),
        )


def test_mails_per_issue_and_totals(office_client):
    march = IssueFactory(
        subject="Newsletter März",
        state=IssueState.SENT,
        send_started_at=timezone.now() - timedelta(days=2),
        recipients_count=5,
    )
    outbox(march, ["sent", "sent", "sent", "failed", "skipped"])
    april = IssueFactory(
        subject="Newsletter April",
        state=IssueState.SENT,
        send_started_at=timezone.now() - timedelta(days=1),
        recipients_count=2,
    )
    outbox(april, ["sent", "sent"])
    IssueFactory(subject="Entwurf Mai")

    html = office_client.get("/netzwerkbuero/newsletter/zahlen/").content.decode()
    sent_on = timezone.localdate(march.send_started_at).strftime("%d.%m.%Y")
    assert table_row(html, "Newsletter März") == [sent_on, "5", "3", "1", "1"]
    sent_on = timezone.localdate(april.send_started_at).strftime("%d.%m.%Y")
    assert table_row(html, "Newsletter April") == [sent_on, "2", "2", "0", "0"]
    assert "Entwurf Mai" not in html
    assert table_row(html, "Summe") == ["", "", "5", "1", ""]


def test_subscribers_per_topic_over_months_new_and_unsubscribed(office_client):
    this_month = timezone.localdate().replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    # Two counts last month: the later one stands for the month.
    for day, counts in (
        (last_month, [1, 1, 1, 1, 1]),
        (last_month + timedelta(days=20), [3, 2, 0, 1, 2]),
        (this_month, [2, 3, 1, 1, 2]),
    ):
        for topic, count in zip(TOPICS, counts, strict=True):
            TopicStatistic.objects.create(day=day, topic=topic, subscribers=count)
    for _number in range(2):
        SubscriberFactory(confirmed_at=at_noon(last_month + timedelta(days=9)))
    SubscriberFactory(
        topic_news=False,
        topic_courses=False,
        confirmed_at=at_noon(this_month),
    )
    SubscriberFactory(
        state=SubscriberState.UNSUBSCRIBED,
        confirmed_at=at_noon(last_month + timedelta(days=3)),
        unsubscribed_at=at_noon(this_month),
    )
    SubscriberFactory(state=SubscriberState.PENDING, confirmed_at=None)

    html = office_client.get("/netzwerkbuero/newsletter/zahlen/").content.decode()
    assert table_row(html, month_label(last_month)) == ["3", "2", "0", "1", "2", "3", "0"]
    assert table_row(html, month_label(this_month)) == ["2", "3", "1", "1", "2", "1", "1"]
    two_months_ago = (last_month - timedelta(days=1)).replace(day=1)
    assert table_row(html, month_label(two_months_ago)) == ["–", "–", "–", "–", "–", "0", "0"]

    today = re.findall(
        r'<dt class="kern-description-list-item__key">([^<]+)</dt>'
        r'<dd class="kern-description-list-item__value">(\d+)</dd>',
        html,
    )
    assert today == [
        ("Bestätigte Abonnements", "3"),
        ("Aktuelles", "2"),
        ("Termine", "3"),
        ("Fortbildungen", "2"),
        ("Engagement-Börse", "3"),
        ("Beteiligung", "3"),
        ("Wartet auf Bestätigung", "1"),
        ("Abgemeldet", "1"),
    ]
