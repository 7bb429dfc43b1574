"""Drafting an issue, filtering it per subscriber, previews, tests, sending through the outbox."""

import re
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from engagementnetz.newsletter import outbox, services
from engagementnetz.newsletter.content import NewsletterItem, collect_items
from engagementnetz.newsletter.models import (
    Issue,
    IssueState,
    OutboxMessage,
    OutboxState,
    SubscriberState,
)
from tests.conftest import login
from tests.news.factories import ArticleFactory

from .factories import IssueFactory, IssueItemFactory, SubscriberFactory, issue_with_items

pytestmark = pytest.mark.django_db


def titles_in(body: str) -> list[str]:
    return re.findall(r"^\* (.+)$", body, re.M)


def test_the_news_contribute_articles_published_since_the_last_issue():
    now = timezone.now()
    ArticleFactory(title="Vor der letzten Ausgabe", publish_at=now - timedelta(days=20))
    ArticleFactory(
        title="Seitdem erschienen", teaser="Ein Vorspann.", publish_at=now - timedelta(days=5)
    )
    ArticleFactory(title="Noch geplant", state="scheduled", publish_at=now + timedelta(days=1))
    IssueFactory(state=IssueState.SENT, period_end=now - timedelta(days=10))

    issue = services.issue_draft(by=None, now=now)

    items = list(issue.items.values_list("topic", "title", "url", "summary"))
    news = [item for item in items if item[0] == "news"]
    assert news == [
        ("news", "Seitdem erschienen", "/aktuelles/seitdem-erschienen/", "Ein Vorspann.")
    ]
    assert issue.period_start == now - timedelta(days=10)
    assert issue.subject.startswith("Newsletter Engagement-Netz – ")


def test_collect_items_asks_every_contributing_app():
    now = timezone.now()
    ArticleFactory(title="Aus dem Netz", publish_at=now - timedelta(hours=1))
    items = collect_items(since=now - timedelta(days=1), until=now)
    assert (
        NewsletterItem(
            topic="news",
            title="Aus dem Netz",
            url="/aktuelles/aus-dem-netz/",
            summary="Kurz gesagt: Es tut sich etwas in Bitburg.",
            date=items[0].date,
        )
        in items
    )


def test_each_subscriber_gets_only_their_topics(django_capture_on_commit_callbacks):
    issue = issue_with_items()
    SubscriberFactory(
        email="termine@example.org",
        topic_news=False,
        topic_events=True,
        topic_courses=False,
        topic_opportunities=False,
        topic_participation=False,
    )
    SubscriberFactory(
        email="beteiligung@example.org",
        name="Karl Meyer",
        topic_news=True,
        topic_events=False,
        topic_courses=False,
        topic_opportunities=False,
        topic_participation=True,
    )
    SubscriberFactory(email="alles@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        assert services.issue_send(issue=issue, by=None) == 3

    by_address = {message.to[0]: message for message in mail.outbox}
    assert titles_in(by_address["termine@example.org"].body) == ["Sommerfest im Stadtpark"]
    assert titles_in(by_address["beteiligung@example.org"].body) == [
        "Neues Netzwerktreffen",
        "Maßnahme Ehrenamtsbörse umgesetzt",
    ]
    assert titles_in(by_address["alles@example.org"].body) == [
        "Neues Netzwerktreffen",
        "Sommerfest im Stadtpark",
        "Erste Hilfe für Übungsleitende",
        "Lesepatin gesucht",
        "Maßnahme Ehrenamtsbörse umgesetzt",
    ]
    html = by_address["beteiligung@example.org"].alternatives[0][0]
    assert "Guten Tag Karl Meyer," in html
    assert "Sommerfest im Stadtpark" not in html
    assert "<h2" in html and "Beteiligung" in html
    assert "<img" not in html  # no tracking pixel, no images at all
    issue.refresh_from_db()
    assert issue.state == IssueState.SENT
    assert issue.recipients_count == 3


def test_subscribers_without_matching_topics_get_nothing(django_capture_on_commit_callbacks):
    issue = IssueFactory()
    IssueItemFactory(issue=issue, topic="events", title="Nur ein Termin")
    SubscriberFactory(email="nur-news@example.org", topic_events=False)
    SubscriberFactory(email="termine@example.org")
    SubscriberFactory(email="offen@example.org", state=SubscriberState.PENDING)
    SubscriberFactory(email="weg@example.org", state=SubscriberState.UNSUBSCRIBED)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.issue_send(issue=issue, by=None) == 1
    assert [message.to for message in mail.outbox] == [["termine@example.org"]]


def test_excluded_items_are_not_sent(django_capture_on_commit_callbacks):
    issue = issue_with_items()
    issue.items.filter(topic="events").update(included=False)
    SubscriberFactory(email="alles@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_send(issue=issue, by=None)
    assert "Sommerfest im Stadtpark" not in mail.outbox[0].body


def test_every_mail_has_personal_links_and_one_click_headers(
    django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://engagement.example"
    issue = issue_with_items(subject="Newsletter Mai")
    subscriber = SubscriberFactory(email="leserin@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_send(issue=issue, by=None)
    (message,) = mail.outbox
    row = OutboxMessage.objects.get()
    parsed = message_from_bytes(message.message().as_bytes(), policy=policy.default)
    assert parsed["Subject"] == "Newsletter Mai"
    # (long header lines are folded; mail programs unfold them)
    assert parsed["List-Unsubscribe"].strip() == (
        f"<https://engagement.example/newsletter/abmelden/{subscriber.token}/>"
    )
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert parsed["List-Id"] == "Engagement-Netz <newsletter.engagement.example>"
    assert parsed["Message-ID"] == f"<newsletter-{issue.pk}-{row.pk}@engagement.example>"
    assert parsed.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in parsed.get_payload()] == ["text/plain", "text/html"]
    assert f"https://engagement.example/newsletter/abo/{subscriber.token}/" in message.body
    assert f"https://engagement.example/newsletter/abmelden/{subscriber.token}/" in message.body
    assert f"https://engagement.example/newsletter/archiv/{issue.pk}/" in message.body
    assert row.message_id == parsed["Message-ID"]


def test_sending_twice_does_not_double(django_capture_on_commit_callbacks, office_client):
    issue = issue_with_items()
    SubscriberFactory()
    with django_capture_on_commit_callbacks(execute=True):
        office_client.post(f"/netzwerkbuero/newsletter/{issue.pk}/senden/")
        office_client.post(f"/netzwerkbuero/newsletter/{issue.pk}/senden/")
    assert len(mail.outbox) == 1
    assert OutboxMessage.objects.count() == 1


def test_someone_who_unsubscribes_meanwhile_is_skipped():
    issue = issue_with_items(state=IssueState.SENDING)
    subscriber = SubscriberFactory()
    OutboxMessage.objects.create(
        issue=issue, subscriber=subscriber, email=subscriber.email, next_attempt_at=timezone.now()
    )
    services.subscriber_unsubscribe(subscriber=subscriber, method="test")
    outbox.work()
    assert mail.outbox == []
    assert OutboxMessage.objects.get().state == OutboxState.SKIPPED
    issue.refresh_from_db()
    assert issue.state == IssueState.SENT


class FlakyTransport:
    """A transport whose server refuses the first attempts of some addresses."""

    def __init__(self, refusals):
        self.refusals = refusals

    def deliver(self, message, hand_over):
        code = self.refusals.get(message.to[0])
        if code:
            raise outbox.DeliveryFailed(f"{code} mailbox busy", permanent=code >= 500)
        hand_over()
        mail.outbox.append(message)
        return outbox.Delivery(outbox.Outcome.ACCEPTED, code=250)

    def close(self):
        pass


def test_temporary_failures_are_retried_with_back_off_and_permanent_ones_fail():
    issue = issue_with_items(state=IssueState.SENDING)
    now = timezone.now()
    for address in ("ok@example.org", "busy@example.org", "unknown@example.org"):
        subscriber = SubscriberFactory(email=address)
        OutboxMessage.objects.create(
            issue=issue, subscriber=subscriber, email=address, next_attempt_at=now
        )
    transport = FlakyTransport({"busy@example.org": 451, "unknown@example.org": 550})

    assert outbox.work_batch(transport_factory=lambda: transport) == 3
    rows = {row.email: row for row in OutboxMessage.objects.all()}
    assert rows["ok@example.org"].state == OutboxState.SENT
    assert rows["unknown@example.org"].state == OutboxState.FAILED
    assert rows["unknown@example.org"].last_error == "550 mailbox busy"
    busy = rows["busy@example.org"]
    assert busy.state == OutboxState.PENDING
    assert busy.attempts == 1
    assert busy.next_attempt_at - now >= timedelta(seconds=59)
    assert busy.next_attempt_at - now < timedelta(seconds=70)

    # Not due yet: nothing happens. When due and the server recovered: sent.
    assert outbox.work_batch(transport_factory=lambda: transport) == 0
    OutboxMessage.objects.filter(pk=busy.pk).update(next_attempt_at=now)
    transport.refusals = {}
    assert outbox.work_batch(transport_factory=lambda: transport) == 1
    busy.refresh_from_db()
    assert busy.state == OutboxState.SENT
    assert [m.to[0] for m in mail.outbox] == ["ok@example.org", "busy@example.org"]
    issue.refresh_from_db()
    assert issue.state == IssueState.SENT


def test_back_off_grows_and_gives_up():
    assert [outbox.backoff(n).total_seconds() for n in range(1, 7)] == [
        60,
        240,
        960,
        3840,
        15360,
        21600,
    ]
    issue = issue_with_items(state=IssueState.SENDING)
    subscriber = SubscriberFactory(email="busy@example.org")
    row = OutboxMessage.objects.create(
        issue=issue,
        subscriber=subscriber,
        email=subscriber.email,
        next_attempt_at=timezone.now(),
        attempts=outbox.MAX_ATTEMPTS - 1,
    )
    outbox.work_batch(transport_factory=lambda: FlakyTransport({"busy@example.org": 421}))
    row.refresh_from_db()
    assert row.state == OutboxState.FAILED
    assert row.attempts == outbox.MAX_ATTEMPTS


def test_a_claimed_row_is_not_taken_by_another_worker_until_its_lease_ends():
    issue = issue_with_items(state=IssueState.SENDING)
    subscriber = SubscriberFactory()
    OutboxMessage.objects.create(
        issue=issue, subscriber=subscriber, email=subscriber.email, next_attempt_at=timezone.now()
    )
    now = timezone.now()
    token, rows = outbox.claim_batch(batch_size=10, lease_seconds=60, now=now)
    assert len(rows) == 1
    assert (
        outbox.claim_batch(batch_size=10, lease_seconds=60, now=now + timedelta(seconds=30))[1]
        == []
    )
    other_token, taken = outbox.claim_batch(
        batch_size=10, lease_seconds=60, now=now + timedelta(seconds=61)
    )
    assert len(taken) == 1
    # The first worker lost its claim: its hand-over does nothing, so it must not deliver.
    assert outbox._mine(rows[0], token).update(state=OutboxState.SENT) == 0
    assert outbox._mine(taken[0], other_token).update(state=OutboxState.SENT) == 1


def test_editor_composes_previews_tests_and_sends(
    office_client, office_user, django_capture_on_commit_callbacks
):
    ArticleFactory(title="Ehrenamtspreis verliehen", publish_at=timezone.now() - timedelta(days=1))
    SubscriberFactory(email="leser@example.org")
    office_client.post("/netzwerkbuero/newsletter/neu/")
    issue = Issue.objects.get()
    assert list(issue.items.values_list("title", flat=True)) == ["Ehrenamtspreis verliehen"]

    page = office_client.get(f"/netzwerkbuero/newsletter/{issue.pk}/").content.decode()
    assert "Ehrenamtspreis verliehen" in page
    assert "1 Person erhält diese Ausgabe." in page

    office_client.post(
        f"/netzwerkbuero/newsletter/{issue.pk}/",
        {
            "subject": "Newsletter Juni",
            "intro": "Liebe Engagierte,\n\nder **Sommer** ist da.",
            "items": [issue.items.get().pk],
        },
    )
    issue.refresh_from_db()
    assert issue.subject == "Newsletter Juni"

    preview = office_client.get(
        f"/netzwerkbuero/newsletter/{issue.pk}/vorschau/?themen=news"
    ).content.decode()
    assert "der **Sommer** ist da." in preview
    html = office_client.get(f"/netzwerkbuero/newsletter/{issue.pk}/vorschau.html?themen=news")
    assert "<strong>Sommer</strong>" in html.content.decode()
    assert "'unsafe-inline'" in html["Content-Security-Policy"].split("style-src")[1].split(";")[0]
    assert "script-src 'self'" in html["Content-Security-Policy"]
    empty = office_client.get(f"/netzwerkbuero/newsletter/{issue.pk}/vorschau.html?themen=events")
    assert "Zu keinem der gewählten Themen" in empty.content.decode()

    office_client.post(
        f"/netzwerkbuero/newsletter/{issue.pk}/test/",
        {"email": "redaktion@example.org", "topics": ["news"]},
    )
    (test_mail,) = mail.outbox
    assert test_mail.subject == "[Test] Newsletter Juni"
    assert test_mail.to == ["redaktion@example.org"]
    assert OutboxMessage.objects.count() == 0

    confirm = office_client.get(f"/netzwerkbuero/newsletter/{issue.pk}/senden/").content.decode()
    assert "Jetzt an 1 Person versenden" in confirm
    with django_capture_on_commit_callbacks(execute=True):
        response = office_client.post(f"/netzwerkbuero/newsletter/{issue.pk}/senden/")
    assert response["Location"] == f"/netzwerkbuero/newsletter/{issue.pk}/versand/"
    assert [m.to for m in mail.outbox] == [["redaktion@example.org"], ["leser@example.org"]]

    status = office_client.get(response["Location"]).content.decode()
    assert "Versand abgeschlossen am" in status
    archive = Client().get(f"/newsletter/archiv/{issue.pk}/").content.decode()
    assert "Newsletter Juni" in archive
    assert "<strong>Sommer</strong>" in archive
    assert "Ehrenamtspreis verliehen" in archive


def test_progress_is_visible_while_sending(office_client):
    issue = issue_with_items(state=IssueState.SENDING, send_started_at=timezone.now())
    now = timezone.now()
    for _number, state in enumerate(["sent", "sent", "pending", "failed", "skipped"]):
        subscriber = SubscriberFactory()
        OutboxMessage.objects.create(
            issue=issue,
            subscriber=subscriber,
            email=subscriber.email,
            state=state,
            next_attempt_at=now,
            last_error="550 unbekannt" if state == "failed" else "",
        )
    partial = office_client.get(
        f"/netzwerkbuero/newsletter/{issue.pk}/versand/", HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Versand: 4 von 5 erledigt." in partial
    assert 'hx-trigger="every 2s"' in partial
    assert "<html" not in partial
    page = office_client.get(f"/netzwerkbuero/newsletter/{issue.pk}/versand/").content.decode()
    assert "550 unbekannt" in page


@pytest.mark.parametrize("role", ["anonymous", "citizen", "club_admin", "club_editor"])
def test_only_the_network_office_composes_and_sends(
    client, request, role, django_capture_on_commit_callbacks
):
    issue = issue_with_items()
    SubscriberFactory()
    if role != "anonymous":
        login(client, request.getfixturevalue(role))
    with django_capture_on_commit_callbacks(execute=True):
        for url in ("neu/", f"{issue.pk}/senden/", f"{issue.pk}/test/"):
            response = client.post(
                f"/netzwerkbuero/newsletter/{url}", {"email": "x@example.org", "topics": ["news"]}
            )
            assert response.status_code in (302, 403)
            if role == "anonymous":
                assert response["Location"].startswith("/konto/login/")
    assert mail.outbox == []
    assert Issue.objects.count() == 1
    issue.refresh_from_db()
    assert issue.state == IssueState.DRAFT


@pytest.mark.parametrize("count", [1, 8])
def test_archive_queries_are_constant(client, count, django_assert_num_queries):
    for number in range(count):
        IssueFactory(
            subject=f"Ausgabe {number}", state=IssueState.SENT, send_started_at=timezone.now()
        )
    client.get("/newsletter/archiv/")
    with django_assert_num_queries(2):  # count, page
        response = client.get("/newsletter/archiv/")
    assert f"Ausgabe {count - 1}" in response.content.decode()


@pytest.mark.parametrize("count", [1, 10])
def test_office_lists_have_constant_queries(office_client, count, django_assert_max_num_queries):
    for number in range(count):
        issue = issue_with_items(
            subject=f"Ausgabe {number}", state=IssueState.SENT, send_started_at=timezone.now()
        )
        subscriber = SubscriberFactory()
        OutboxMessage.objects.create(
            issue=issue,
            subscriber=subscriber,
            email=subscriber.email,
            state="sent",
            next_attempt_at=timezone.now(),
        )
    office_client.get("/netzwerkbuero/newsletter/")
    for url in (
        "/netzwerkbuero/newsletter/",
        "/netzwerkbuero/newsletter/abonnenten/",
        "/netzwerkbuero/newsletter/zahlen/",
    ):
        with django_assert_max_num_queries(12):
            assert office_client.get(url).status_code == 200


def test_figures_show_subscribers_per_topic_over_time(office_client):
    from engagementnetz.newsletter.models import TopicStatistic

    today = timezone.localdate()
    SubscriberFactory(topic_news=False)
    SubscriberFactory(state=SubscriberState.UNSUBSCRIBED, unsubscribed_at=timezone.now())
    services.statistics_snapshot(day=today)
    assert TopicStatistic.objects.get(day=today, topic="news").subscribers == 0
    assert TopicStatistic.objects.get(day=today, topic="events").subscribers == 1
    html = office_client.get("/netzwerkbuero/newsletter/zahlen/").content.decode()
    assert "Abonnements je Thema im Zeitverlauf" in html
    row = re.search(
        r"<tr><th scope=\"row\">[^<]+ "
        + str(today.year)
        + r"</th>((?:<td[^>]*>[^<]*</td>)+)</tr>\s*</tbody>",
        html,
    )
    cells = re.findall(r">([^<]*)</td>", row.group(1))
    # five topics, then new subscriptions and unsubscribes of this month
    assert cells == ["0", "1", "1", "1", "1", "2", "1"]
