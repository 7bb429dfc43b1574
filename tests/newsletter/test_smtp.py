"""End to end through a real SMTP server: subscribe, confirm, receive an issue, follow its links."""

import re

import pytest
from django.test import Client

from engagementnetz.newsletter.models import (
    ConsentRecord,
    IssueState,
    OutboxMessage,
    Subscriber,
    SubscriberState,
)
from tests.conftest import login

from .factories import issue_with_items

pytestmark = pytest.mark.django_db(transaction=True)


def text_part(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_part(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def path_of(url: str, site: str) -> str:
    assert url.startswith(site), url
    return url.removeprefix(site)


def test_subscribe_confirm_receive_change_topics_and_unsubscribe(
    smtp_server, smtp_settings, office_user
):
    site = smtp_settings.SITE_URL = "https://engagement.example"
    citizen = Client()
    citizen.post(
        "/newsletter/",
        {
            "email": "jonas@example.org",
            "name": "Jonas",
            "topics": ["news", "events"],
            "consent": "on",
        },
    )

    (confirmation,) = smtp_server.messages_to("jonas@example.org")
    assert confirmation["Subject"] == "Bitte bestätigen Sie Ihr Newsletter-Abonnement"
    assert confirmation["To"] == "jonas@example.org"
    confirm_url = re.search(
        r"https://\S+/newsletter/bestaetigen/\S+/", text_part(confirmation)
    ).group(0)
    assert f'href="{confirm_url}"' in html_part(confirmation)
    citizen.post(path_of(confirm_url, site))
    subscriber = Subscriber.objects.get()
    assert subscriber.state == SubscriberState.CONFIRMED

    issue = issue_with_items(subject="Newsletter Juli")
    office = login(Client(), office_user)
    office.post(f"/netzwerkbuero/newsletter/{issue.pk}/senden/")

    issue.refresh_from_db()
    assert issue.state == IssueState.SENT
    row = OutboxMessage.objects.get()
    assert (row.state, row.attempts) == ("sent", 0)
    assert row.accepted_at is not None
    (newsletter,) = [
        m for m in smtp_server.messages_to("jonas@example.org") if m["Subject"] == "Newsletter Juli"
    ]
    assert newsletter["Message-ID"] == row.message_id
    assert newsletter["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = text_part(newsletter)
    html = html_part(newsletter)
    assert "Neues Netzwerktreffen" in text and "Sommerfest im Stadtpark" in text
    assert "Lesepatin gesucht" not in text  # not one of Jonas' topics
    assert '<html lang="de">' in html
    assert "Sommerfest im Stadtpark</a>" in html

    # The item links lead to the site; the archive link works for everyone.
    archive_url = re.search(r"https://\S+/newsletter/archiv/\d+/", text).group(0)
    assert Client().get(path_of(archive_url, site)).status_code == 200

    manage_url = re.search(r"https://\S+/newsletter/abo/\S+/", text).group(0)
    page = citizen.get(path_of(manage_url, site)).content.decode()
    assert "jonas@example.org" in page
    citizen.post(path_of(manage_url, site), {"name": "Jonas", "topics": ["participation"]})
    subscriber.refresh_from_db()
    assert subscriber.topics == ["participation"]

    unsubscribe_url = newsletter["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe_url in text
    # What a mail program does for RFC 8058: POST without cookies or CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        path_of(unsubscribe_url, site),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.UNSUBSCRIBED
    assert list(ConsentRecord.objects.order_by("pk").values_list("event", flat=True)) == [
        "requested",
        "confirmed",
        "topics_changed",
        "withdrawn",
    ]


def test_refusals_of_the_server_are_recorded(smtp_server, smtp_settings):
    from engagementnetz.newsletter import outbox

    from .factories import SubscriberFactory

    original = smtp_server.handle_RCPT

    async def refuse_unknown(server, session, envelope, address, rcpt_options):
        if address.startswith("unbekannt"):
            return "550 5.1.1 Mailbox unknown"
        if address.startswith("voll"):
            return "452 4.2.2 Mailbox full"
        return await original(server, session, envelope, address, rcpt_options)

    smtp_server.handle_RCPT = refuse_unknown
    issue = issue_with_items(state=IssueState.SENDING)
    from django.utils import timezone

    for address in (
        "gut@example.org",
        "unbekannt@example.org",
        "voll@example.org",
        "auch-gut@example.org",
    ):
        subscriber = SubscriberFactory(email=address)
        OutboxMessage.objects.create(
            issue=issue, subscriber=subscriber, email=address, next_attempt_at=timezone.now()
        )

    outbox.work()

    rows = {row.email: row for row in OutboxMessage.objects.all()}
    assert rows["gut@example.org"].state == "sent"
    assert rows["auch-gut@example.org"].state == "sent"
    assert rows["unbekannt@example.org"].state == "failed"
    assert rows["unbekannt@example.org"].last_error == "550 5.1.1 Mailbox unknown"
    assert rows["voll@example.org"].state == "pending"
    assert rows["voll@example.org"].attempts == 1
    assert sorted(r.rcpt_tos[0] for r in smtp_server.received) == [
        "auch-gut@example.org",
        "gut@example.org",
    ]


def test_unreachable_server_backs_off_the_whole_batch(settings):
    from django.utils import timezone

    from engagementnetz.newsletter import outbox

    from .conftest import free_port
    from .factories import SubscriberFactory

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()  # nobody listens here
    settings.EMAIL_TIMEOUT = 2
    issue = issue_with_items(state=IssueState.SENDING)
    for _number in range(3):
        subscriber = SubscriberFactory()
        OutboxMessage.objects.create(
            issue=issue,
            subscriber=subscriber,
            email=subscriber.email,
            next_attempt_at=timezone.now(),
        )

    assert outbox.work_batch() == 3
    assert set(OutboxMessage.objects.values_list("state", "attempts")) == {("pending", 1)}
    assert outbox.due_count() == 0
