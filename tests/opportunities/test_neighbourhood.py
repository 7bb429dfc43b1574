"""Nachbarschaftshilfe: posting with confirmation, moderation, relayed replies, removal."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from engagementnetz.opportunities import services
from engagementnetz.opportunities.models import HelpContact, HelpPost, HelpState
from tests.conftest import login, mail_links
from tests.factories import DistrictFactory

from .factories import HelpPostFactory

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"


def submit(client, **extra):
    data = {
        "kind": "gesuch",
        "category": "fahrten",
        "title": "Fahrt zum Markt",
        "text": "Wer nimmt mich samstags mit in die Stadt?",
        "district": DistrictFactory(name="Irsch").pk,
        "name": "Maria",
        "email": "maria@example.org",
        "consent": "on",
        **extra,
    }
    return client.post("/engagement/nachbarschaftshilfe/neu/", data)


def test_entry_is_confirmed_moderated_and_published(
    client, office_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client)
    assert response["Location"] == "/engagement/nachbarschaftshilfe/neu/danke/"
    post = HelpPost.objects.get()
    assert post.state == HelpState.UNCONFIRMED
    assert mail.outbox[0].subject == "Bitte bestätigen Sie Ihren Eintrag in der Nachbarschaftshilfe"
    confirm = f"{SITE}/engagement/nachbarschaftshilfe/bestaetigen/{post.token}/"
    assert confirm in mail_links(mail.outbox[0])
    client.post(confirm.removeprefix(SITE))
    post.refresh_from_db()
    assert post.state == HelpState.PENDING

    # Not public before the network office has looked at it.
    assert "Fahrt zum Markt" not in client.get("/engagement/nachbarschaftshilfe/").content.decode()
    assert client.get(f"/engagement/nachbarschaftshilfe/{post.pk}/").status_code == 404

    login(client, office_user)
    queue = client.get("/netzwerkbuero/engagement/nachbarschaftshilfe/").content.decode()
    assert "Fahrt zum Markt" in queue
    assert "maria@example.org" in queue
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/netzwerkbuero/engagement/nachbarschaftshilfe/{post.pk}/",
            {f"post-{post.pk}-decision": "approve"},
        )
    post.refresh_from_db()
    assert post.state == HelpState.PUBLISHED
    assert post.expires_at.date() == (timezone.now() + timedelta(days=30)).date()
    published_mail = mail.outbox[-1]
    assert published_mail.subject == "Ihr Eintrag „Fahrt zum Markt“ ist online"
    assert f"{SITE}/engagement/nachbarschaftshilfe/eintrag/{post.token}/" in mail_links(
        published_mail
    )
    client.logout()
    html = client.get("/engagement/nachbarschaftshilfe/").content.decode()
    assert "Fahrt zum Markt" in html
    assert "maria@example.org" not in client.get(post.get_absolute_url()).content.decode()


def test_rejection_tells_the_reason(client, office_user, django_capture_on_commit_callbacks):
    post = HelpPostFactory(state=HelpState.PENDING, published_at=None, expires_at=None)
    login(client, office_user)
    url = f"/netzwerkbuero/engagement/nachbarschaftshilfe/{post.pk}/"
    response = client.post(url, {f"post-{post.pk}-decision": "reject"})
    assert response.status_code == 400
    assert "Bitte geben Sie eine kurze Begründung an" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {
                f"post-{post.pk}-decision": "reject",
                f"post-{post.pk}-reason": "Bitte ohne Telefonnummer im Text.",
            },
        )
    post.refresh_from_db()
    assert post.state == HelpState.REJECTED
    assert "Begründung: Bitte ohne Telefonnummer im Text." in mail.outbox[-1].body


def test_replies_are_relayed_without_showing_addresses(client, django_capture_on_commit_callbacks):
    post = HelpPostFactory(email="gerda@example.org", name="Gerda")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            post.get_absolute_url(),
            {
                "name": "Jonas",
                "email": "jonas@example.org",
                "message": "Ich kann dienstags einkaufen.",
                "consent": "on",
            },
        )
    assert response.status_code == 302
    relayed = mail.outbox[0]
    assert relayed.to == ["gerda@example.org"]
    assert relayed.reply_to == ["jonas@example.org"]
    assert relayed.subject == "Antwort auf Ihren Eintrag „Wer kauft für mich ein?“"
    assert "Ich kann dienstags einkaufen." in relayed.body
    assert "gerda@example.org" not in client.get(post.get_absolute_url()).content.decode()


def test_the_poster_takes_the_entry_down(client):
    post = HelpPostFactory()
    HelpContact.objects.create(post=post, name="X", email="x@example.org", message="Hallo")
    page = client.get(f"/engagement/nachbarschaftshilfe/eintrag/{post.token}/")
    assert "Eintrag löschen" in page.content.decode()
    client.post(f"/engagement/nachbarschaftshilfe/eintrag/{post.token}/")
    assert HelpPost.objects.count() == 0
    assert HelpContact.objects.count() == 0


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("anonymous", False), ("citizen", False), ("club_admin", False), ("office_user", True)],
)
def test_only_the_network_office_moderates(client, request, who, allowed):
    post = HelpPostFactory(state=HelpState.PENDING)
    if who != "anonymous":
        login(client, request.getfixturevalue(who))
    queue = client.get("/netzwerkbuero/engagement/nachbarschaftshilfe/")
    decide = client.post(
        f"/netzwerkbuero/engagement/nachbarschaftshilfe/{post.pk}/",
        {f"post-{post.pk}-decision": "approve"},
    )
    post.refresh_from_db()
    if allowed:
        assert (queue.status_code, decide.status_code) == (200, 302)
        assert post.state == HelpState.PUBLISHED
    else:
        expected = 302 if who == "anonymous" else 403
        assert (queue.status_code, decide.status_code) == (expected, expected)
        assert post.state == HelpState.PENDING


def test_old_entries_are_removed_automatically(settings):
    settings.NEIGHBOURHOOD_HELP_DAYS = 21
    now = timezone.now()
    expired = HelpPostFactory(expires_at=now - timedelta(minutes=1))
    current = HelpPostFactory(expires_at=now + timedelta(days=3))
    unconfirmed = HelpPostFactory(state=HelpState.UNCONFIRMED, published_at=None)
    HelpPost.objects.filter(pk=unconfirmed.pk).update(created_at=now - timedelta(days=8))
    pending = HelpPostFactory(state=HelpState.PENDING, published_at=None)
    HelpPost.objects.filter(pk=pending.pk).update(created_at=now - timedelta(days=22))
    assert services.help_posts_remove_expired(now=now) == 3
    assert list(HelpPost.objects.values_list("pk", flat=True)) == [current.pk]
    assert not HelpPost.objects.filter(pk=expired.pk).exists()


def test_list_queries_do_not_grow(queries_of):
    HelpPostFactory(district=DistrictFactory())
    one = queries_of("/engagement/nachbarschaftshilfe/?art=gesuch")
    for _ in range(12):
        HelpPostFactory(district=DistrictFactory())
    assert queries_of("/engagement/nachbarschaftshilfe/?art=gesuch") == one


def test_form_errors_keep_the_text(client):
    response = submit(client, consent="", email="kaputt")
    html = response.content.decode()
    assert "Bitte stimmen Sie zu, damit wir Ihren Eintrag veröffentlichen können." in html
    assert "Bitte geben Sie eine gültige E-Mail-Adresse ein" in html
    assert "Wer nimmt mich samstags mit in die Stadt?</textarea>" in html
    assert HelpPost.objects.count() == 0
