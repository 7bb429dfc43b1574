"""The general contact form to the network office: "Ideen einbringen oder nachfragen"."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from engagementnetz.core.models import SiteSettings
from engagementnetz.core.site_cache import forget_site_cache
from engagementnetz.pages import services
from engagementnetz.pages.models import OfficeMessage

pytestmark = pytest.mark.django_db

FORM = {
    "kind": "idea",
    "sender_name": "Lena Weber",
    "sender_email": "lena@example.org",
    "subject": "Repair-Café im Haus der Jugend",
    "message": "Ich würde gern einmal im Monat ein Repair-Café anbieten.\nWer macht mit?",
    "consent": "on",
    "website": "",
}

CONSENT = (
    "Ich bin einverstanden, dass das Netzwerkbüro meine Nachricht und meine Kontaktdaten "
    "speichert, um mir zu antworten. Die Plattform löscht die Nachricht nach 30 Tagen."
)


@pytest.fixture(autouse=True)
def office_address(settings):
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 30
    site = SiteSettings.current()
    site.name = "Engagierte Stadt Musterstadt"
    site.contact_email = "buero@musterstadt.example"
    site.save()
    forget_site_cache()


def post(client, capture, data, **extra):
    with capture(execute=True):
        return client.post("/kontakt/", data, **extra)


def test_form_is_linked_in_the_footer_and_german(client):
    html = client.get("/").content.decode()
    assert '<a class="kern-link" href="/kontakt/">Ideen einbringen oder nachfragen</a>' in html
    response = client.get("/kontakt/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="kern-heading-large">Ideen einbringen oder nachfragen</h1>' in html
    assert "Ich möchte eine Idee einbringen" in html
    assert "Ich habe eine Frage" in html
    assert CONSENT in html


def test_message_reaches_the_office_with_reply_to_and_the_sender_gets_a_copy(
    client, django_capture_on_commit_callbacks
):
    response = post(client, django_capture_on_commit_callbacks, FORM)
    assert response.status_code == 302
    assert response["Location"] == "/kontakt/"

    stored = OfficeMessage.objects.get()
    assert stored.kind == "idea"
    assert stored.sender_email == "lena@example.org"
    assert stored.consent_text == CONSENT

    assert len(mail.outbox) == 2
    to_office, copy = mail.outbox
    assert to_office.to == ["buero@musterstadt.example"]
    assert to_office.reply_to == ["lena@example.org"]
    assert to_office.subject == (
        "Idee über Engagierte Stadt Musterstadt: Repair-Café im Haus der Jugend"
    )
    assert (
        "Lena Weber (lena@example.org) hat dem Netzwerkbüro über das Kontaktformular von "
        "Engagierte Stadt Musterstadt geschrieben („Ich möchte eine Idee einbringen“)."
    ) in to_office.body
    assert FORM["message"] in to_office.body
    html, mimetype = to_office.alternatives[0]
    assert mimetype == "text/html"
    assert "Repair-Café anbieten." in html

    assert copy.to == ["lena@example.org"]
    assert copy.subject == "Ihre Nachricht an das Netzwerkbüro: Repair-Café im Haus der Jugend"
    assert FORM["message"] in copy.body
    assert f"{settings.SITE_URL}/kontakt/" in copy.body

    page = client.get("/kontakt/").content.decode()
    assert "Vielen Dank, Ihre Nachricht wurde gesendet. Sie erhalten eine Kopie per E-Mail." in page


def test_a_question_is_marked_as_such(client, django_capture_on_commit_callbacks):
    post(client, django_capture_on_commit_callbacks, {**FORM, "kind": "question"})
    assert mail.outbox[0].subject == (
        "Frage über Engagierte Stadt Musterstadt: Repair-Café im Haus der Jugend"
    )


def test_errors_are_german_next_to_the_fields_and_keep_what_was_typed(client):
    response = client.post(
        "/kontakt/",
        {
            **FORM,
            "kind": "",
            "sender_name": "",
            "sender_email": "lena@",
            "subject": "",
            "consent": "",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    expected = {
        "id_kind": "Bitte wählen Sie, ob Sie eine Idee einbringen oder eine Frage haben.",
        "id_sender_name": "Bitte nennen Sie uns Ihren Namen.",
        "id_sender_email": (
            "Bitte geben Sie eine vollständige E-Mail-Adresse an, zum Beispiel name@example.org."
        ),
        "id_subject": "Bitte fassen Sie Ihr Anliegen in wenigen Worten zusammen.",
        "id_consent": (
            "Bitte stimmen Sie zu, dass das Netzwerkbüro Ihre Nachricht speichert; sonst können "
            "wir sie nicht entgegennehmen."
        ),
    }
    for field_id, message in expected.items():
        assert (
            f'<p class="kern-error" id="{field_id}-error"><span class="kern-icon kern-icon--danger '
            f'kern-icon--small" aria-hidden="true"></span><span class="kern-body">{message}</span>'
        ) in html
    assert 'value="lena@"' in html
    assert "Ich würde gern einmal im Monat ein Repair-Café anbieten.\nWer macht mit?" in html
    assert OfficeMessage.objects.count() == 0
    assert mail.outbox == []


def test_empty_message_is_refused(client):
    response = client.post("/kontakt/", {**FORM, "message": ""})
    assert response.status_code == 200
    assert "Bitte schreiben Sie Ihre Nachricht." in response.content.decode()


def test_honeypot_pretends_success_and_sends_nothing(client, django_capture_on_commit_callbacks):
    response = post(
        client, django_capture_on_commit_callbacks, {**FORM, "website": "http://spam.example"}
    )
    assert response.status_code == 302
    assert OfficeMessage.objects.count() == 0
    assert mail.outbox == []


def test_rate_limit_per_address_keeps_the_text(client, django_capture_on_commit_callbacks):
    for number in range(5):
        response = post(
            client, django_capture_on_commit_callbacks, FORM, REMOTE_ADDR=f"192.0.2.{number}"
        )
        assert response.status_code == 302
    response = post(client, django_capture_on_commit_callbacks, FORM, REMOTE_ADDR="192.0.2.99")
    html = response.content.decode()
    assert response.status_code == 429
    assert "Sie haben in kurzer Zeit viele Nachrichten gesendet." in html
    assert "Ich würde gern einmal im Monat ein Repair-Café anbieten." in html
    assert OfficeMessage.objects.count() == 5
    assert len(mail.outbox) == 10


def test_rate_limit_per_ip(client, django_capture_on_commit_callbacks):
    for number in range(10):
        post(
            client,
            django_capture_on_commit_callbacks,
            {**FORM, "sender_email": f"person{number}@example.org"},
            REMOTE_ADDR="192.0.2.7",
        )
    response = post(
        client,
        django_capture_on_commit_callbacks,
        {**FORM, "sender_email": "noch-jemand@example.org"},
        REMOTE_ADDR="192.0.2.7",
    )
    assert response.status_code == 429
    assert OfficeMessage.objects.count() == 10


def test_messages_are_deleted_after_the_retention_time():
    old = OfficeMessage.objects.create(
        sender_name="A", sender_email="a@example.org", subject="alt", message="x", consent_text="c"
    )
    recent = OfficeMessage.objects.create(
        sender_name="B", sender_email="b@example.org", subject="neu", message="y", consent_text="c"
    )
    OfficeMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    OfficeMessage.objects.filter(pk=recent.pk).update(
        created_at=timezone.now() - timedelta(days=29)
    )
    assert services.office_messages_delete_expired() == 1
    assert list(OfficeMessage.objects.values_list("subject", flat=True)) == ["neu"]


def test_own_data_export_and_deletion_find_the_messages_by_address(citizen):
    from engagementnetz.accounts.services import account_delete, account_export

    mine = OfficeMessage.objects.create(
        kind="question",
        sender_name="Anna Schmitz",
        sender_email="Buergerin@Example.org",
        subject="Ehrenamtskarte",
        message="Wo beantrage ich sie?",
        consent_text=CONSENT,
    )
    OfficeMessage.objects.create(
        sender_name="Bert",
        sender_email="bert@example.org",
        subject="x",
        message="y",
        consent_text="c",
    )
    assert account_export(user=citizen)["nachrichten_an_das_netzwerkbuero"] == [
        {
            "anliegen": "Ich habe eine Frage",
            "name": "Anna Schmitz",
            "e_mail": "Buergerin@Example.org",
            "betreff": "Ehrenamtskarte",
            "nachricht": "Wo beantrage ich sie?",
            "einwilligung": CONSENT,
            "gesendet_am": mine.created_at.isoformat(),
        }
    ]
    account_delete(user=citizen)
    assert list(OfficeMessage.objects.values_list("sender_email", flat=True)) == [
        "bert@example.org"
    ]
