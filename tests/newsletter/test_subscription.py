"""Double opt-in without an account, the consent record as proof, topics, unsubscribing."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from engagementnetz.newsletter import services
from engagementnetz.newsletter.models import ConsentRecord, ConsentText, Subscriber, SubscriberState
from tests.conftest import login, mail_links

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db

FORM = {
    "email": "Lena.Weber@Example.org",
    "name": "Lena Weber",
    "topics": ["events", "courses"],
    "consent": "on",
    "website": "",
}


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    def run(callable_, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return callable_(*args, **kwargs)

    return run


def test_double_opt_in_records_the_consent_as_proof(client, on_commit):
    text = ConsentText.current()
    response = on_commit(client.post, "/newsletter/", FORM, REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 302
    assert response["Location"] == "/newsletter/danke/"

    subscriber = Subscriber.objects.get()
    assert subscriber.email == "lena.weber@example.org"
    assert subscriber.state == SubscriberState.PENDING
    assert subscriber.topics == ["events", "courses"]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lena.weber@example.org"]
    assert message.subject == "Bitte bestätigen Sie Ihr Newsletter-Abonnement"
    assert message.alternatives[0][1] == "text/html"
    (link,) = [link for link in mail_links(message) if "/bestaetigen/" in link]
    assert link == f"http://127.0.0.1:8000/newsletter/bestaetigen/{subscriber.token}/"

    path = link.removeprefix("http://127.0.0.1:8000")
    # Opening the link (mail scanners do that too) changes nothing.
    page = client.get(path)
    assert "Ja, Anmeldung bestätigen" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.PENDING

    response = client.post(path, REMOTE_ADDR="192.0.2.11")
    assert response["Location"] == f"/newsletter/abo/{subscriber.token}/"
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.CONFIRMED

    requested, confirmed = ConsentRecord.objects.order_by("pk")
    assert (requested.event, confirmed.event) == ("requested", "confirmed")
    assert requested.text == text and confirmed.text == text
    assert requested.ip_address == "192.0.2.10"
    assert confirmed.ip_address == "192.0.2.11"
    assert requested.topics == "events,courses"
    assert requested.method == "Formular /newsletter/ auf der Website (Double-Opt-in)"
    assert confirmed.method == "Bestätigungslink in der E-Mail"
    assert requested.at <= confirmed.at

    # The subscriber sees the proof on their page, the network office on its own.
    html = client.get(f"/newsletter/abo/{subscriber.token}/").content.decode()
    assert "Mit dem Link in der E-Mail bestätigt" in html
    assert f"Version {text.version}" in html


def test_consent_proof_for_the_network_office(office_client):
    subscriber = SubscriberFactory(email="nachweis@example.org")
    ConsentRecord.objects.create(
        subscriber=subscriber,
        event="requested",
        text=ConsentText.current(),
        method=services.METHOD_FORM,
        ip_address="192.0.2.99",
        topics="news",
    )
    html = office_client.get(
        f"/netzwerkbuero/newsletter/abonnenten/{subscriber.pk}/"
    ).content.decode()
    assert "Einwilligungsnachweis: nachweis@example.org" in html
    assert "192.0.2.99" in html
    assert ConsentText.current().text in html


@pytest.mark.parametrize("role", ["anonymous", "citizen", "club_admin"])
def test_only_the_network_office_sees_subscribers(client, request, role):
    subscriber = SubscriberFactory()
    if role != "anonymous":
        login(client, request.getfixturevalue(role))
    response = client.get(f"/netzwerkbuero/newsletter/abonnenten/{subscriber.pk}/")
    assert response.status_code in (302, 403)


def test_form_errors_keep_what_was_typed(client):
    response = client.post(
        "/newsletter/", {**FORM, "email": "keine-adresse", "topics": [], "consent": ""}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte gültige E-Mail-Adresse eingeben." in html
    assert "Bitte wählen Sie mindestens ein Thema." in html
    assert "Bitte willigen Sie ein, damit wir Ihnen den Newsletter schicken dürfen." in html
    assert 'value="keine-adresse"' in html
    assert 'value="Lena Weber"' in html
    assert Subscriber.objects.count() == 0


def test_honeypot_pretends_success_and_stores_nothing(client):
    response = client.post("/newsletter/", {**FORM, "website": "http://spam.example"})
    assert response.status_code == 302
    assert Subscriber.objects.count() == 0
    assert mail.outbox == []


def test_rate_limit_per_address(client, on_commit):
    for _ in range(3):
        on_commit(client.post, "/newsletter/", FORM)
    response = client.post("/newsletter/", FORM)
    assert response.status_code == 429
    assert "Zu viele Versuche" in response.content.decode()
    assert len(mail.outbox) == 3


def test_known_address_is_not_revealed_and_gets_its_link(client, on_commit):
    subscriber = SubscriberFactory(
        email="lena.weber@example.org", topic_news=True, topic_events=False
    )
    response = on_commit(client.post, "/newsletter/", FORM)
    assert response["Location"] == "/newsletter/danke/"
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.CONFIRMED
    assert subscriber.topic_events is False  # nothing changed without confirmation
    assert mail.outbox[0].subject == "Sie erhalten unseren Newsletter bereits"
    assert f"/newsletter/abo/{subscriber.token}/" in mail.outbox[0].body


def test_confirmation_link_expires_after_seven_days(client):
    subscriber = SubscriberFactory(
        state=SubscriberState.PENDING,
        confirmed_at=None,
        confirmation_sent_at=timezone.now() - timedelta(days=8),
    )
    response = client.post(f"/newsletter/bestaetigen/{subscriber.token}/")
    assert response.status_code == 410
    assert "Der Link ist abgelaufen" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.PENDING


def test_unknown_token_gives_a_friendly_404(client):
    response = client.get("/newsletter/abo/gibt-es-nicht/")
    assert response.status_code == 404
    assert '<h1 class="kern-heading-large">Link ungültig</h1>' in response.content.decode()


def test_change_topics_with_the_personal_link_is_recorded(client):
    subscriber = SubscriberFactory()
    response = client.post(
        f"/newsletter/abo/{subscriber.token}/", {"name": "Lena", "topics": ["participation"]}
    )
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.topics == ["participation"]
    record = ConsentRecord.objects.get()
    assert record.event == "topics_changed"
    assert record.topics == "participation"

    response = client.post(f"/newsletter/abo/{subscriber.token}/", {"name": "Lena", "topics": []})
    assert "Bitte wählen Sie mindestens ein Thema." in response.content.decode()


def test_unsubscribe_page_needs_one_click_and_no_login(client):
    subscriber = SubscriberFactory()
    page = client.get(f"/newsletter/abmelden/{subscriber.token}/")
    assert "Ja, abmelden" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.CONFIRMED

    response = Client(enforce_csrf_checks=True).post(f"/newsletter/abmelden/{subscriber.token}/")
    assert response.status_code == 200
    assert "Sie sind abgemeldet" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.UNSUBSCRIBED
    assert ConsentRecord.objects.get().method == "Abmeldeseite über den persönlichen Link"


def test_rfc_8058_one_click_post(client):
    subscriber = SubscriberFactory()
    response = Client(enforce_csrf_checks=True).post(
        f"/newsletter/abmelden/{subscriber.token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.UNSUBSCRIBED
    record = ConsentRecord.objects.get()
    assert record.event == "withdrawn"
    assert record.method == "Ein-Klick-Abmeldung des E-Mail-Programms (RFC 8058)"


def test_resubscribing_after_unsubscribing_needs_a_new_confirmation(client, on_commit):
    subscriber = SubscriberFactory(
        email="lena.weber@example.org",
        state=SubscriberState.UNSUBSCRIBED,
        unsubscribed_at=timezone.now(),
    )
    on_commit(client.post, "/newsletter/", FORM)
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.PENDING
    assert mail.outbox[0].subject == "Bitte bestätigen Sie Ihr Newsletter-Abonnement"


def test_unconfirmed_requests_are_forgotten_after_thirty_days():
    old = timezone.now() - timedelta(days=31)
    SubscriberFactory(
        email="nie@example.org",
        state=SubscriberState.PENDING,
        confirmed_at=None,
        confirmation_sent_at=old,
    )
    returning = SubscriberFactory(
        email="frueher@example.org", state=SubscriberState.PENDING, confirmation_sent_at=old
    )
    SubscriberFactory(email="frisch@example.org", state=SubscriberState.PENDING, confirmed_at=None)
    assert services.subscribers_forget_unconfirmed() == 1
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "frisch@example.org",
        "frueher@example.org",
    ]
    returning.refresh_from_db()
    assert returning.state == SubscriberState.UNSUBSCRIBED


def test_new_consent_version_is_shown_and_recorded(office_client, client, on_commit):
    office_client.post(
        "/netzwerkbuero/newsletter/einwilligung/", {"text": "Neuer Text der Einwilligung."}
    )
    assert ConsentText.current().version == 2
    assert "Neuer Text der Einwilligung." in Client().get("/newsletter/").content.decode()
    on_commit(Client().post, "/newsletter/", FORM)
    assert ConsentRecord.objects.get().text.version == 2


def test_personal_data_export_and_erase(citizen):
    from engagementnetz.accounts.services import account_delete, account_export

    SubscriberFactory(email=citizen.email)
    assert account_export(user=citizen)["newsletter"]["e_mail"] == citizen.email
    account_delete(user=citizen)
    assert Subscriber.objects.count() == 0


def test_links_in_the_confirmation_mail_are_absolute(client, on_commit):
    on_commit(client.post, "/newsletter/", FORM)
    html = mail.outbox[0].alternatives[0][0]
    assert re.search(r'href="http://127\.0\.0\.1:8000/newsletter/bestaetigen/[\w-]+/"', html)
    assert '<html lang="de">' in html
