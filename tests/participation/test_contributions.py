"""Citizens contribute online: with an account at once, without one after the e-mail link."""

import pytest
from django.core import mail

from engagementnetz.participation.models import (
    Contribution,
    Follow,
    ModerationMode,
    ModerationState,
)
from tests.conftest import login, mail_links

from .conftest import path_of
from .factories import ThemeTableFactory, open_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def process():
    return open_process(title="Engagementstrategie Bitburg", slug="engagementstrategie-bitburg")


@pytest.fixture
def table(process):
    return ThemeTableFactory(process=process, title="Wertschätzung", slug="wertschaetzung")


def post_contribution(client, table, **data):
    payload = {"kind": "idea", "text": "Ein Dankeschön-Abend für alle Engagierten.", **data}
    return client.post(table.get_absolute_url(), payload)


def test_without_account_the_contribution_counts_only_after_the_link(
    client, table, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_contribution(
            client, table, email="Karin@Example.org", author_name="Karin aus Irsch"
        )
    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert contribution.moderation == ModerationState.UNCONFIRMED
    assert contribution.email == "karin@example.org"
    assert client.get(table.get_absolute_url()).content.decode().count("Dankeschön-Abend") == 0

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["karin@example.org"]
    assert message.subject == "Bitte bestätigen Sie – Engagement-Netz"
    assert (
        "Ihr Beitrag zum Thementisch „Wertschätzung“ im Verfahren „Engagementstrategie Bitburg“:"
        " „Ein Dankeschön-Abend für alle Engagierten.“" in message.body
    )
    html = message.alternatives[0][0]
    assert "Jetzt bestätigen" in html
    link = path_of(mail_links(message)[0])
    assert link.startswith("/beteiligung/bestaetigen/")

    # Opening the link changes nothing (mail scanners open links); the button confirms.
    assert client.get(link).status_code == 200
    contribution.refresh_from_db()
    assert contribution.moderation == ModerationState.UNCONFIRMED
    response = client.post(link)
    assert "Ihr Beitrag ist veröffentlicht:" in response.content.decode()
    contribution.refresh_from_db()
    assert contribution.moderation == ModerationState.PUBLISHED
    assert contribution.published_at is not None
    page = client.get(table.get_absolute_url()).content.decode()
    assert "Ein Dankeschön-Abend für alle Engagierten." in page
    assert "Karin aus Irsch" in page
    assert "karin@example.org" not in page

    # A second click is harmless.
    assert "Alles aus diesem Link war bereits bestätigt." in client.post(link).content.decode()


def test_a_tampered_or_foreign_link_is_refused(client):
    response = client.get("/beteiligung/bestaetigen/kaputt/")
    assert response.status_code == 400
    assert "Bestätigungslinks sind sieben Tage gültig." in response.content.decode()


def test_with_an_account_the_contribution_is_published_at_once(client, citizen, table):
    login(client, citizen)
    response = post_contribution(client, table)
    contribution = Contribution.objects.get()
    assert response.status_code == 302
    assert response.url == contribution.get_absolute_url()
    assert contribution.user == citizen
    assert contribution.email == ""
    assert contribution.moderation == ModerationState.PUBLISHED
    assert mail.outbox == []


def test_pre_moderation_keeps_confirmed_contributions_back_for_review(
    client, citizen, process, table
):
    process.moderation = ModerationMode.PRE
    process.save()
    login(client, citizen)
    response = post_contribution(client, table)
    assert response.status_code == 302
    assert response.url == table.get_absolute_url()
    contribution = Contribution.objects.get()
    assert contribution.moderation == ModerationState.PENDING
    page = client.get(table.get_absolute_url()).content.decode()
    assert "Ihr Beitrag erscheint, sobald das Netzwerkbüro ihn gelesen hat." in page
    assert "Ein Dankeschön-Abend für alle Engagierten." not in page


def test_bad_input_is_explained_in_german_and_nothing_typed_is_lost(client, table):
    response = post_contribution(client, table, kind="", email="kaputt", author_name="Karin")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte prüfen Sie Ihre Angaben." in html
    assert "Ein Dankeschön-Abend für alle Engagierten.</textarea>" in html
    assert 'value="Karin"' in html
    assert 'value="kaputt"' in html
    assert 'aria-invalid="true"' in html
    assert Contribution.objects.count() == 0


def test_the_general_form_asks_for_the_table(client, process, table):
    url = f"/beteiligung/{process.slug}/beitraege/neu/"
    response = client.get(url + "?tisch=wertschaetzung&art=potential")
    html = response.content.decode()
    assert f'<option value="{table.pk}" selected>Wertschätzung</option>' in html
    assert 'value="potential" id="id_kind_1" checked' in html.replace(
        'class="kern-form-check__radio" ', ""
    )
    response = client.post(url, {"kind": "idea", "text": "Mehr Bänke", "email": "a@example.org"})
    assert "Thementisch: Dieses Feld ist zwingend erforderlich." in response.content.decode()


def test_contributing_can_also_follow_the_process_with_one_confirmation(
    client, process, table, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_contribution(client, table, email="karin@example.org", follow="on")
    follow = Follow.objects.get()
    assert follow.process == process
    assert follow.confirmed_at is None
    assert len(mail.outbox) == 1
    assert "Sie möchten „Engagementstrategie Bitburg“ folgen" in mail.outbox[0].body
    client.post(path_of(mail_links(mail.outbox[0])[0]))
    follow.refresh_from_db()
    assert follow.confirmed_at is not None
    assert Contribution.objects.get().moderation == ModerationState.PUBLISHED


def test_the_honeypot_swallows_bots_silently(client, table):
    response = post_contribution(client, table, email="bot@example.org", website="http://spam")
    assert response.status_code == 302
    assert Contribution.objects.count() == 0
    assert mail.outbox == []


def test_too_many_contributions_are_slowed_down_without_losing_the_text(client, table):
    for _ in range(10):
        post_contribution(client, table, email="viel@example.org")
    response = post_contribution(client, table, email="viel@example.org", text="Noch eine Idee")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sie haben in kurzer Zeit sehr viel gesendet." in html
    assert "Noch eine Idee</textarea>" in html
    assert Contribution.objects.count() == 10
