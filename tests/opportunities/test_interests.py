"""„Ich möchte mitmachen“: the flow with every mail, handling by the organisation, reminders."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from engagementnetz.opportunities import services
from engagementnetz.opportunities.models import Interest, InterestState, OpportunityState
from tests.conftest import login, mail_links
from tests.factories import MembershipFactory

from .factories import InterestFactory, OpportunityFactory

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"


@pytest.fixture
def opportunity(organisation):
    return OpportunityFactory(
        organisation=organisation,
        title="Notenwart gesucht",
        slug="notenwart-gesucht",
        contact_name="Klara Becker",
        contact_email="kontakt@musikverein.example",
    )


def post_interest(client, opportunity, **extra):
    data = {
        "name": "Lena Krämer",
        "email": "Lena@Example.org",
        "phone": "0151 2345678",
        "message": "Ich habe samstags Zeit.",
        "consent": "on",
        **extra,
    }
    return client.post(f"/engagement/{opportunity.slug}/mitmachen/", data)


def test_interest_flow_with_all_mails(client, opportunity, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_interest(client, opportunity)
    assert response.status_code == 302
    assert response["Location"] == "/engagement/notenwart-gesucht/mitmachen/danke/"
    interest = Interest.objects.get()
    assert interest.state == InterestState.UNCONFIRMED
    assert interest.email == "lena@example.org"
    assert interest.consent_at is not None

    # 1. The person confirms the address; nothing has reached the organisation yet.
    assert len(mail.outbox) == 1
    request_mail = mail.outbox[0]
    assert request_mail.to == ["lena@example.org"]
    assert request_mail.subject == "Bitte bestätigen Sie Ihre Nachricht: Notenwart gesucht"
    assert request_mail.body.startswith("Guten Tag Lena Krämer,")
    confirm_url = f"{SITE}/engagement/interesse/bestaetigen/{interest.token}/"
    assert confirm_url in mail_links(request_mail)
    assert request_mail.alternatives[0][1] == "text/html"
    assert f'<a href="{confirm_url}"' in request_mail.alternatives[0][0]

    path = confirm_url.removeprefix(SITE)
    assert "Bestätigen" in client.get(path).content.decode()
    assert Interest.objects.get().state == InterestState.UNCONFIRMED  # GET changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    assert response.status_code == 302
    interest.refresh_from_db()
    assert interest.state == InterestState.NEW
    assert interest.confirmed_at is not None

    # 2. The organisation gets the message, 3. the person a confirmation.
    assert len(mail.outbox) == 3
    to_club, to_person = mail.outbox[1], mail.outbox[2]
    assert to_club.to == ["kontakt@musikverein.example"]
    assert to_club.reply_to == ["lena@example.org"]
    assert to_club.subject == "Neue Interessenbekundung zu „Notenwart gesucht“"
    assert "Name: Lena Krämer" in to_club.body
    assert "E-Mail: lena@example.org" in to_club.body
    assert "Telefon: 0151 2345678" in to_club.body
    assert "Ich habe samstags Zeit." in to_club.body
    assert f"{SITE}/engagement/notenwart-gesucht/interessen/" in mail_links(to_club)
    assert to_person.to == ["lena@example.org"]
    assert to_person.subject == "Ihre Nachricht ist bei Musikverein Bitburg angekommen"
    assert "Klara Becker meldet sich bei Ihnen" in to_person.body

    # Confirming again sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path)
    assert len(mail.outbox) == 3
    assert "Ihre Nachricht wurde weitergegeben" in client.get(path).content.decode()


def test_declining_sends_a_friendly_mail(
    client, opportunity, club_editor, django_capture_on_commit_callbacks
):
    interest = InterestFactory(opportunity=opportunity, name="Tom Weber", email="tom@example.org")
    login(client, club_editor)
    url = f"/engagement/{opportunity.slug}/interessen/{interest.pk}/"
    prefix = f"interest-{interest.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {f"{prefix}-state": "in_contact"})
    assert response.status_code == 302
    assert len(mail.outbox) == 0
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {f"{prefix}-state": "declined", f"{prefix}-decline_note": "Im Frühjahr gern wieder!"},
        )
    interest.refresh_from_db()
    assert interest.state == InterestState.DECLINED
    assert interest.state_changed_by == club_editor
    assert len(mail.outbox) == 1
    declined = mail.outbox[0]
    assert declined.to == ["tom@example.org"]
    assert declined.reply_to == ["kontakt@musikverein.example"]
    assert declined.subject == "Ihr Interesse an „Notenwart gesucht“"
    assert "Persönliche Zeilen von Klara Becker:\nIm Frühjahr gern wieder!" in declined.body
    assert f"{SITE}/engagement/finder/" in mail_links(declined)


def test_the_club_marks_an_interest_engaged(client, opportunity, club_admin):
    interest = InterestFactory(opportunity=opportunity)
    login(client, club_admin)
    html = client.get(f"/engagement/{opportunity.slug}/interessen/").content.decode()
    assert interest.email in html
    client.post(
        f"/engagement/{opportunity.slug}/interessen/{interest.pk}/",
        {f"interest-{interest.pk}-state": "engaged"},
    )
    interest.refresh_from_db()
    assert interest.state == InterestState.ENGAGED


def test_invalid_state_is_refused_without_error_page(client, opportunity, club_admin):
    interest = InterestFactory(opportunity=opportunity)
    login(client, club_admin)
    response = client.post(
        f"/engagement/{opportunity.slug}/interessen/{interest.pk}/",
        {f"interest-{interest.pk}-state": "unconfirmed"},
    )
    assert response.status_code == 400
    assert "Bitte prüfen Sie Ihre Angaben." in response.content.decode()
    interest.refresh_from_db()
    assert interest.state == InterestState.NEW


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("anonymous", False),
        ("citizen", False),
        ("club_admin", True),
        ("club_editor", True),
        ("other_club_admin", False),
        ("office_user", True),
    ],
)
def test_only_the_organisations_people_see_and_handle_interests(
    client, request, opportunity, who, allowed
):
    interest = InterestFactory(opportunity=opportunity, email="geheim@example.org")
    if who != "anonymous":
        login(client, request.getfixturevalue(who))
    listing = client.get(f"/engagement/{opportunity.slug}/interessen/")
    change = client.post(
        f"/engagement/{opportunity.slug}/interessen/{interest.pk}/",
        {f"interest-{interest.pk}-state": "engaged"},
    )
    overview = client.get(f"/engagement/verwalten/{opportunity.organisation.slug}/")
    interest.refresh_from_db()
    if allowed:
        assert listing.status_code == 200
        assert "geheim@example.org" in listing.content.decode()
        assert overview.status_code == 200
        assert interest.state == InterestState.ENGAGED
    else:
        expected = 302 if who == "anonymous" else 403
        assert listing.status_code == expected
        assert change.status_code == expected
        assert overview.status_code == expected
        assert interest.state == InterestState.NEW


def test_missing_consent_keeps_what_was_typed(client, opportunity):
    response = post_interest(client, opportunity, consent="")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ohne Ihr Einverständnis können wir Ihre Nachricht nicht weitergeben." in html
    assert 'value="Lena Krämer"' in html
    assert "Ich habe samstags Zeit.</textarea>" in html
    assert Interest.objects.count() == 0


def test_bots_filling_the_hidden_field_are_ignored(client, opportunity):
    response = post_interest(client, opportunity, website="http://spam.example")
    assert response.status_code == 302
    assert Interest.objects.count() == 0
    assert mail.outbox == []


def test_too_many_messages_are_slowed_down(client, opportunity):
    for _ in range(5):
        assert post_interest(client, opportunity).status_code == 302
    response = post_interest(client, opportunity)
    assert response.status_code == 200
    assert "Zu viele Nachrichten in kurzer Zeit." in response.content.decode()
    assert Interest.objects.count() == 1  # the same unconfirmed interest is reused


def test_people_logged_in_with_that_address_need_no_link(
    client, opportunity, citizen, django_capture_on_commit_callbacks
):
    login(client, citizen)
    form = client.get(f"/engagement/{opportunity.slug}/mitmachen/").content.decode()
    assert 'value="buergerin@example.org"' in form
    with django_capture_on_commit_callbacks(execute=True):
        response = post_interest(client, opportunity, name="Anna Schmitz", email=citizen.email)
    assert response["Location"] == "/engagement/notenwart-gesucht/mitmachen/danke/?gesendet=1"
    interest = Interest.objects.get()
    assert interest.state == InterestState.NEW
    assert interest.user == citizen
    assert [m.to for m in mail.outbox] == [
        ["kontakt@musikverein.example"],
        ["buergerin@example.org"],
    ]


def test_filled_opportunities_take_no_interest(client, opportunity):
    opportunity.state = OpportunityState.FILLED
    opportunity.save()
    response = post_interest(client, opportunity)
    assert response.status_code == 200
    assert "keine Nachrichten mehr möglich" in response.content.decode()
    assert Interest.objects.count() == 0


def test_reminder_after_seven_days_without_reaction(opportunity):
    now = timezone.now()
    waiting = InterestFactory(
        opportunity=opportunity, name="Jürgen Hansen", confirmed_at=now - timedelta(days=8)
    )
    InterestFactory(opportunity=opportunity, confirmed_at=now - timedelta(days=6))
    InterestFactory(
        opportunity=opportunity,
        state=InterestState.IN_CONTACT,
        confirmed_at=now - timedelta(days=9),
    )
    assert services.interests_remind_organisations(now=now) == 1
    assert len(mail.outbox) == 1
    reminder = mail.outbox[0]
    assert reminder.to == ["kontakt@musikverein.example"]
    assert reminder.subject == "Wartet noch auf Antwort: Interesse an „Notenwart gesucht“"
    assert "eine Person wartet seit mehr als einer Woche auf eine Antwort" in reminder.body
    assert "Jürgen Hansen" in reminder.body
    waiting.refresh_from_db()
    assert waiting.reminder_sent_at == now
    # Once is enough.
    assert services.interests_remind_organisations(now=now + timedelta(days=1)) == 0


def test_network_office_sees_unanswered_interests(client, opportunity, office_user, club_admin):
    InterestFactory(
        opportunity=opportunity,
        name="Jürgen Hansen",
        confirmed_at=timezone.now() - timedelta(days=8),
    )
    InterestFactory(opportunity=opportunity, name="Frisch Gemeldet")
    login(client, office_user)
    html = client.get("/netzwerkbuero/engagement/interessen/").content.decode()
    assert "Jürgen Hansen" in html
    assert "Frisch Gemeldet" not in html
    workarea = client.get("/netzwerkbuero/").content.decode()
    assert "Unbeantwortete Interessenbekundungen" in workarea
    login(client, club_admin)
    assert client.get("/netzwerkbuero/engagement/interessen/").status_code == 403


def test_unanswered_list_queries_do_not_grow(client, queries_of, organisation, office_user):
    login(client, office_user)
    old = timezone.now() - timedelta(days=8)
    InterestFactory(opportunity__organisation=organisation, confirmed_at=old)
    one = queries_of("/netzwerkbuero/engagement/interessen/")
    for _ in range(10):
        InterestFactory(
            opportunity__organisation=MembershipFactory().organisation, confirmed_at=old
        )
    assert queries_of("/netzwerkbuero/engagement/interessen/") == one


def test_stale_interests_are_deleted(opportunity):
    now = timezone.now()
    unconfirmed = InterestFactory(
        opportunity=opportunity, state=InterestState.UNCONFIRMED, confirmed_at=None
    )
    Interest.objects.filter(pk=unconfirmed.pk).update(created_at=now - timedelta(days=8))
    old = InterestFactory(opportunity=opportunity, state=InterestState.ENGAGED)
    Interest.objects.filter(pk=old.pk).update(state_changed_at=now - timedelta(days=366))
    kept = InterestFactory(opportunity=opportunity)
    assert services.interests_delete_stale(now=now) == 2
    assert list(Interest.objects.values_list("pk", flat=True)) == [kept.pk]
