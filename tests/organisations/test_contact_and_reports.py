"""The contact form to a club (relay, honeypot, rate limits) and "Inhalt melden"."""

import html

import pytest
from django.core import mail

from engagementnetz.core.models import SiteSettings
from engagementnetz.organisations.models import ContactMessage, Report, ReportState
from tests.conftest import login

pytestmark = pytest.mark.django_db

CONTACT_URL = "/organisationen/musikverein-bitburg/kontakt/"
TOO_MANY = (
    "Sie haben in kurzer Zeit viele Nachrichten gesendet. Bitte warten Sie eine Stunde und "
    "versuchen Sie es dann erneut; Ihr Text bleibt unten erhalten."
)


@pytest.fixture(autouse=True)
def club(organisation):
    organisation.email = "vorstand@musikverein.example"
    organisation.save()
    site = SiteSettings.current()
    site.name = "Engagierte Stadt Bitburg"
    site.contact_email = "netzwerkbuero@bitburg.example"
    site.save()
    return organisation


def page(response) -> str:
    return html.unescape(response.content.decode())


def message_data(**changes):
    data = {
        "sender_name": "Lena Berg",
        "sender_email": "lena@example.org",
        "subject": "Probe",
        "message": "Darf ich am Freitag zur Probe kommen?",
        "consent": "on",
    }
    data.update(changes)
    return data


def test_message_is_relayed_without_revealing_the_address(
    client, club, django_capture_on_commit_callbacks
):
    detail = page(client.get("/organisationen/musikverein-bitburg/"))
    assert "vorstand@musikverein.example" not in detail
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CONTACT_URL, message_data(), follow=True)
    assert "Vielen Dank, Ihre Nachricht wurde gesendet." in page(response)
    to_club, copy = mail.outbox
    assert to_club.to == ["vorstand@musikverein.example"]
    assert to_club.reply_to == ["lena@example.org"]
    assert to_club.subject == "Nachricht über Engagierte Stadt Bitburg: Probe"
    assert "Lena Berg (lena@example.org) hat „Musikverein Bitburg“" in to_club.body
    assert "Darf ich am Freitag zur Probe kommen?" in to_club.body
    assert copy.to == ["lena@example.org"]
    assert copy.subject == "Ihre Nachricht an „Musikverein Bitburg“: Probe"
    assert "vorstand@musikverein.example" not in copy.body
    assert "vorstand@musikverein.example" not in copy.alternatives[0][0]
    stored = ContactMessage.objects.get()
    assert stored.consent_text.startswith("Ich bin einverstanden, dass meine Nachricht")
    assert stored.consent_text.endswith("nach 30 Tagen.")


def test_bad_input_keeps_what_was_typed(client):
    response = client.post(CONTACT_URL, message_data(sender_email="lena@", consent=""))
    text = page(response)
    assert response.status_code == 200
    assert "Bitte stimmen Sie der Weitergabe zu; sonst können wir Ihre Nachricht nicht senden." in (
        text
    )
    assert "Darf ich am Freitag zur Probe kommen?" in text
    assert 'value="Lena Berg"' in text
    assert ContactMessage.objects.count() == 0
    assert mail.outbox == []


def test_honeypot_answers_like_success_but_sends_nothing(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            CONTACT_URL, message_data(website="https://billig.example"), follow=True
        )
    assert "Vielen Dank, Ihre Nachricht wurde gesendet." in page(response)
    assert ContactMessage.objects.count() == 0
    assert mail.outbox == []


def test_rate_limit_per_email_address(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(5):
            response = client.post(
                CONTACT_URL, message_data(subject=f"Frage {number}"), REMOTE_ADDR=f"10.0.0.{number}"
            )
            assert response.status_code == 302
        response = client.post(
            CONTACT_URL, message_data(subject="Frage 6"), REMOTE_ADDR="10.0.0.99"
        )
    assert response.status_code == 429
    assert TOO_MANY in page(response)
    assert "Darf ich am Freitag zur Probe kommen?" in page(response)
    assert ContactMessage.objects.count() == 5
    assert len(mail.outbox) == 10


def test_rate_limit_per_ip(client):
    for number in range(10):
        response = client.post(
            CONTACT_URL, message_data(sender_email=f"person{number}@example.org")
        )
        assert response.status_code == 302
    response = client.post(CONTACT_URL, message_data(sender_email="noch-jemand@example.org"))
    assert response.status_code == 429
    assert TOO_MANY in page(response)
    assert ContactMessage.objects.count() == 10
    # Another visitor is not affected.
    response = client.post(
        CONTACT_URL, message_data(sender_email="anders@example.org"), REMOTE_ADDR="10.1.1.1"
    )
    assert response.status_code == 302


def test_no_contact_form_without_an_address(client, club):
    club.email = ""
    club.save()
    assert 'action="/organisationen/musikverein-bitburg/kontakt/"' not in page(
        client.get("/organisationen/musikverein-bitburg/")
    )
    assert client.post(CONTACT_URL, message_data()).status_code == 404


def test_report_goes_into_the_office_queue(client, office_user, django_capture_on_commit_callbacks):
    detail = page(client.get("/organisationen/musikverein-bitburg/"))
    assert 'href="/organisationen/musikverein-bitburg/melden/"' in detail
    response = client.post("/organisationen/musikverein-bitburg/melden/", {"reason": "wrong"})
    assert response.status_code == 200  # the message is required; nothing is stored
    assert Report.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/organisationen/musikverein-bitburg/melden/",
            {
                "reason": "wrong",
                "message": "Die Probe ist jetzt mittwochs.",
                "reporter_email": "hinweis@example.org",
            },
            follow=True,
        )
    assert "Vielen Dank, das Netzwerkbüro kümmert sich darum." in page(response)
    report = Report.objects.get()
    assert (report.state, report.message, report.reporter_email) == (
        ReportState.OPEN,
        "Die Probe ist jetzt mittwochs.",
        "hinweis@example.org",
    )
    [notice] = mail.outbox
    assert notice.to == ["netzwerkbuero@bitburg.example"]
    assert notice.subject == "Inhalt gemeldet: Musikverein Bitburg"

    login(client, office_user)
    queue = page(client.get("/netzwerkbuero/verzeichnis/"))
    assert (
        f'href="/netzwerkbuero/verzeichnis/meldung/{report.pk}/">Musikverein Bitburg</a>' in queue
    )
    client.post(
        f"/netzwerkbuero/verzeichnis/meldung/{report.pk}/",
        {"decision": "resolved", "note": "Probezeit korrigiert."},
    )
    report.refresh_from_db()
    assert report.state == ReportState.RESOLVED
    assert report.decided_by == office_user
    assert "Es sind keine Meldungen offen." in page(client.get("/netzwerkbuero/verzeichnis/"))


def test_honeypot_of_the_report_form(client):
    client.post(
        "/organisationen/musikverein-bitburg/melden/",
        {"reason": "spam", "message": "Kaufen Sie jetzt!", "website": "x"},
    )
    assert Report.objects.count() == 0
