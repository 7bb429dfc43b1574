"""The consent as proof for the network office, RFC 8058 edge cases, the public archive."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from engagementnetz.newsletter.models import (
    ConsentRecord,
    ConsentText,
    IssueState,
    Subscriber,
    SubscriberState,
)

from .factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def rows(html: str) -> list[list[str]]:
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return [
        [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell)).strip() for cell in cells]
        for cells in (
            re.findall(r"<td>(.*?)</td>", row, re.S)
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
        )
    ]


def test_office_sees_time_text_version_and_how_consent_was_given(
    client, office_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/newsletter/",
            {
                "email": "nachweis@example.org",
                "topics": ["events", "courses"],
                "consent": "on",
                "website": "",
            },
            REMOTE_ADDR="192.0.2.10",
        )
    subscriber = Subscriber.objects.get()
    Client().post(f"/newsletter/bestaetigen/{subscriber.token}/", REMOTE_ADDR="192.0.2.11")
    requested, confirmed = ConsentRecord.objects.order_by("at", "pk")
    text = ConsentText.objects.get()

    html = office_client.get(
        f"/netzwerkbuero/newsletter/abonnenten/{subscriber.pk}/"
    ).content.decode()

    def when(record):
        return timezone.localtime(record.at).strftime("%d.%m.%Y %H:%M:%S")

    assert rows(html) == [
        [
            when(requested),
            "Im Formular angemeldet",
            "Formular /newsletter/ auf der Website (Double-Opt-in) IP-Adresse: 192.0.2.10",
            "Termine, Fortbildungen",
            f"Version {text.version}",
        ],
        [
            when(confirmed),
            "Mit dem Link in der E-Mail bestätigt",
            "Bestätigungslink in der E-Mail IP-Adresse: 192.0.2.11",
            "Termine, Fortbildungen",
            f"Version {text.version}",  # the text that was confirmed
        ],
    ]
    assert f"Einwilligungstext, Version {text.version}:</strong> {text.text}" in html


def test_one_click_also_as_multipart_and_only_once(client):
    subscriber = SubscriberFactory()
    url = f"/newsletter/abmelden/{subscriber.token}/"
    mail_program = Client(enforce_csrf_checks=True)
    first = mail_program.post(url, {"List-Unsubscribe": "One-Click"})  # multipart/form-data
    again = mail_program.post(url, {"List-Unsubscribe": "One-Click"})
    assert (first.status_code, again.status_code) == (200, 200)
    assert first["Content-Type"].startswith("text/plain")
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.UNSUBSCRIBED
    assert list(ConsentRecord.objects.values_list("event", flat=True)) == ["withdrawn"]


def test_one_click_with_a_wrong_token_changes_nothing():
    subscriber = SubscriberFactory()
    response = Client(enforce_csrf_checks=True).post(
        "/newsletter/abmelden/falsches-token/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.CONFIRMED


def test_archive_lists_sent_issues_newest_first_and_hides_drafts(client):
    now = timezone.now()
    sent = [
        IssueFactory(
            subject=f"Ausgabe {number:02d}",
            state=IssueState.SENT,
            send_started_at=now - timedelta(days=30 * number),
        )
        for number in range(13)
    ]
    draft = IssueFactory(subject="Entwurf", state=IssueState.DRAFT)
    sending = IssueFactory(subject="Im Versand", state=IssueState.SENDING, send_started_at=now)

    first = client.get("/newsletter/archiv/").content.decode()
    subjects = re.findall(r'class="kern-link kern-link--stretched" href="[^"]+">([^<]+)</a>', first)
    assert subjects == [f"Ausgabe {number:02d}" for number in range(12)]
    assert "Seite 1 von 2" in first
    # the introduction's Markdown is shown as text, without its marks
    assert '<p class="kern-body">Liebe Engagierte, viel Neues in diesem Monat.</p>' in first
    second = client.get("/newsletter/archiv/?seite=2").content.decode()
    assert re.findall(r'kern-link--stretched" href="[^"]+">([^<]+)</a>', second) == ["Ausgabe 12"]

    assert client.get(f"/newsletter/archiv/{sent[0].pk}/").status_code == 200
    assert client.get(f"/newsletter/archiv/{draft.pk}/").status_code == 404
    assert client.get(f"/newsletter/archiv/{sending.pk}/").status_code == 404
    assert client.get("/newsletter/archiv/?seite=99").status_code == 200
