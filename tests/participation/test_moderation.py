"""Moderation and official answers: only the network office, checked on the server."""

import pytest
from django.core import mail

from engagementnetz.participation import services
from engagementnetz.participation.models import (
    Change,
    Comment,
    ContributionStatus,
    ModerationMode,
    ModerationState,
)
from tests.conftest import login

from .factories import ContributionFactory, ThemeTableFactory, open_process

pytestmark = pytest.mark.django_db

ROLES = ["citizen", "club_admin", "club_editor", "other_club_admin"]


@pytest.fixture
def contribution():
    process = open_process(title="Engagementstrategie Bitburg")
    table = ThemeTableFactory(process=process, title="Wertschätzung")
    return ContributionFactory(
        process=process, table=table, text="Ein Fest für alle Ehrenamtlichen", author_name="Karin"
    )


def moderation_url(contribution):
    return f"/netzwerkbuero/beteiligung/beitraege/{contribution.pk}/"


WRITES = [
    {"form": "moderation", "moderation-action": "hide", "moderation-reason": "Werbung"},
    {"form": "status", "status-status": "not_feasible", "status-reason": "Kein Geld"},
    {"form": "answer", "answer-answer": "Danke!"},
]


def test_anonymous_people_are_sent_to_the_login(client, contribution):
    response = client.get(moderation_url(contribution))
    assert response.status_code == 302
    assert response.url.startswith("/konto/login/")
    for data in WRITES:
        assert client.post(moderation_url(contribution), data).status_code == 302
    contribution.refresh_from_db()
    assert contribution.moderation == ModerationState.PUBLISHED
    assert contribution.official_answer == ""


@pytest.mark.parametrize("role", ROLES)
def test_nobody_but_the_network_office_moderates_or_answers(client, contribution, role, request):
    login(client, request.getfixturevalue(role))
    assert client.get(moderation_url(contribution)).status_code == 403
    assert client.get("/netzwerkbuero/beteiligung/moderation/").status_code == 403
    for data in WRITES:
        assert client.post(moderation_url(contribution), data).status_code == 403
    comment = Comment.objects.create(
        contribution=contribution, text="Hm", moderation=ModerationState.PUBLISHED
    )
    response = client.post(
        f"/netzwerkbuero/beteiligung/kommentare/{comment.pk}/",
        {f"comment-{comment.pk}-action": "hide", f"comment-{comment.pk}-reason": "x"},
    )
    assert response.status_code == 403
    contribution.refresh_from_db()
    comment.refresh_from_db()
    assert contribution.moderation == ModerationState.PUBLISHED
    assert contribution.status == ContributionStatus.RECEIVED
    assert contribution.official_answer == ""
    assert comment.moderation == ModerationState.PUBLISHED


def test_hiding_needs_a_reason_that_stays_visible(client, office_user, contribution):
    login(client, office_user)
    url = moderation_url(contribution)
    response = client.post(url, {"form": "moderation", "moderation-action": "hide"})
    assert "Bitte geben Sie einen Grund an" in response.content.decode()
    contribution.refresh_from_db()
    assert contribution.moderation == ModerationState.PUBLISHED

    client.post(
        url,
        {
            "form": "moderation",
            "moderation-action": "hide",
            "moderation-reason": "Enthielt die Telefonnummer einer Privatperson.",
        },
    )
    contribution.refresh_from_db()
    assert contribution.moderation == ModerationState.HIDDEN
    assert contribution.moderated_by == office_user
    client.logout()
    page = client.get(contribution.table.get_absolute_url()).content.decode()
    assert "Ein Fest für alle Ehrenamtlichen" not in page
    assert "Vom Netzwerkbüro ausgeblendet. Grund: Enthielt die Telefonnummer" in page
    detail = client.get(contribution.get_absolute_url())
    assert detail.status_code == 200
    assert "Ein Fest für alle Ehrenamtlichen" not in detail.content.decode()


def test_status_and_official_answer_are_shown_with_the_contribution(
    client, office_user, contribution
):
    login(client, office_user)
    url = moderation_url(contribution)
    response = client.post(url, {"form": "status", "status-status": "not_feasible"})
    assert "Bitte begründen Sie, warum der Beitrag nicht umsetzbar ist." in (
        response.content.decode()
    )
    client.post(
        url,
        {
            "form": "status",
            "status-status": "not_feasible",
            "status-reason": "Das Freibad gehört den Stadtwerken.",
        },
    )
    client.post(url, {"form": "answer", "answer-answer": "Danke für die Idee, Karin!"})
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.NOT_FEASIBLE
    assert contribution.answered_by == office_user
    page = client.get(contribution.get_absolute_url()).content.decode()
    assert "nicht umsetzbar – Das Freibad gehört den Stadtwerken." in page
    assert "Antwort des Netzwerkbüros" in page
    assert "Danke für die Idee, Karin!" in page
    assert list(Change.objects.values_list("kind", flat=True)) == [
        "contribution_status",
        "contribution_answered",
    ]


def test_pre_moderation_queue_publish_and_comment_moderation(
    client, office_user, citizen, contribution
):
    process = contribution.process
    process.moderation = ModerationMode.PRE
    process.save()
    waiting = services.contribution_submit(
        process=process, kind="idea", text="Ein Repair-Café im Haus der Jugend", user=citizen
    )
    comment = services.comment_submit(contribution=contribution, text="Gerne!", user=citizen)
    assert waiting.moderation == ModerationState.PENDING
    assert comment.moderation == ModerationState.PENDING

    login(client, office_user)
    queue = client.get("/netzwerkbuero/beteiligung/moderation/").content.decode()
    assert "Ein Repair-Café im Haus der Jugend" in queue
    assert "Gerne!" in queue
    client.post(moderation_url(waiting), {"form": "moderation", "moderation-action": "publish"})
    waiting.refresh_from_db()
    assert waiting.moderation == ModerationState.PUBLISHED

    comment_url = f"/netzwerkbuero/beteiligung/kommentare/{comment.pk}/"
    response = client.post(comment_url, {f"comment-{comment.pk}-action": "hide"})
    assert response.status_code == 200
    assert "Bitte geben Sie einen Grund an" in response.content.decode()
    client.post(comment_url, {f"comment-{comment.pk}-action": "publish"})
    contribution.refresh_from_db()
    assert contribution.comment_count == 1
    client.post(
        comment_url,
        {f"comment-{comment.pk}-action": "hide", f"comment-{comment.pk}-reason": "Beleidigend"},
    )
    contribution.refresh_from_db()
    assert contribution.comment_count == 0
    client.logout()
    page = client.get(contribution.get_absolute_url()).content.decode()
    assert "Vom Netzwerkbüro ausgeblendet. Grund: Beleidigend" in page
    assert mail.outbox == []
