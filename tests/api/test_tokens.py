"""The API-Zugang page: who sees it, who creates and revokes tokens, and what a token is then."""

import json

import pytest
from django.utils import timezone

from engagementnetz.api import services
from engagementnetz.api.models import ApiToken
from tests.conftest import login
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def page(organisation) -> str:
    return f"/organisationen/{organisation.slug}/api-zugang/"


def revoke_url(token) -> str:
    return f"/organisationen/{token.organisation.slug}/api-zugang/{token.pk}/widerrufen/"


@pytest.fixture
def token(organisation, club_admin):
    token, _secret = services.token_create(
        organisation=organisation, name="Vereinswebsite", by=club_admin
    )
    return token


def push(client, secret: str):
    return client.post(
        "/api/v1/organisation/events",
        json.dumps({"title": "Test"}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {secret}"},
    )


def test_anonymous_is_sent_to_the_login(client, organisation, token):
    for response in (
        client.get(page(organisation)),
        client.post(page(organisation), {"name": "Fremd"}),
        client.post(revoke_url(token)),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/")
    assert ApiToken.objects.count() == 1
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.fixture
def other_club_editor(other_organisation):
    return MembershipFactory(organisation=other_organisation, role="editor").user


@pytest.mark.parametrize(
    "role", ["citizen", "other_club_editor", "other_club_admin", "club_editor"]
)
def test_people_who_do_not_run_the_club_are_refused(client, organisation, token, role, request):
    login(client, request.getfixturevalue(role))

    assert client.get(page(organisation)).status_code == 403
    assert client.post(page(organisation), {"name": "Fremd"}).status_code == 403
    assert client.post(revoke_url(token)).status_code == 403
    assert list(ApiToken.objects.values_list("name", flat=True)) == ["Vereinswebsite"]
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_club_admin_creates_a_token_shown_only_once(client, organisation, club_admin):
    login(client, club_admin)
    response = client.post(page(organisation), {"name": "  Kalender der Website "})

    assert response.status_code == 200
    token = ApiToken.objects.get()
    secret = response.context["new_secret"]
    assert secret.startswith("en_")
    assert len(secret) == 46
    assert (token.name, token.organisation, token.created_by) == (
        "Kalender der Website",
        organisation,
        club_admin,
    )
    assert token.prefix == secret[:10]
    assert token.token_hash == services.hash_token(secret)
    assert secret not in token.token_hash
    assert f'value="{secret}"' in response.content.decode()
    assert "Kopieren Sie es jetzt" in response.content.decode()

    again = client.get(page(organisation)).content.decode()
    assert secret not in again
    assert f"{token.prefix}…" in again
    assert "Kalender der Website" in again

    # The token works for pushes of this organisation.
    assert push(client, secret).status_code == 422


def test_an_empty_name_is_refused_next_to_the_field(client, organisation, club_admin):
    login(client, club_admin)
    response = client.post(page(organisation), {"name": "   "})

    assert response.status_code == 200
    assert response.context["form"].errors == {"name": ["Dieses Feld ist zwingend erforderlich."]}
    assert response.context["new_secret"] == ""
    assert ApiToken.objects.count() == 0


def test_a_too_long_name_is_kept_with_a_message(client, organisation, club_admin):
    login(client, club_admin)
    name = "W" * 101
    response = client.post(page(organisation), {"name": name})

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "name": [
            "Bitte sicherstellen, dass der Wert aus höchstens 100 Zeichen besteht. "
            "(Er besteht aus 101 Zeichen.)"
        ]
    }
    assert f'value="{name}"' in response.content.decode()
    assert ApiToken.objects.count() == 0


def test_the_club_admin_revokes_a_token_which_then_is_refused(client, organisation, club_admin):
    token, secret = services.token_create(organisation=organisation, name="Alt", by=club_admin)
    login(client, club_admin)
    response = client.post(revoke_url(token), follow=True)

    assert response.redirect_chain == [(page(organisation), 302)]
    assert "Das Token „Alt“ wurde widerrufen." in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_by == club_admin
    assert token.revoked_at is not None
    assert push(client, secret).status_code == 401
    assert [(use.method, use.status_code) for use in token.uses.all()] == [("POST", 401)]


def test_the_office_sees_and_revokes_but_does_not_create(client, organisation, token, office_user):
    login(client, office_user)
    response = client.get(page(organisation))

    assert response.status_code == 200
    assert response.context["can_manage"] is False
    assert "Token anlegen" not in response.content.decode()
    assert client.post(page(organisation), {"name": "Büro"}).status_code == 403
    assert ApiToken.objects.count() == 1

    assert client.post(revoke_url(token)).status_code == 302
    token.refresh_from_db()
    assert token.revoked_by == office_user


def test_a_token_of_another_club_cannot_be_revoked_through_ones_own_page(
    client, organisation, other_organisation, other_club_admin, club_admin
):
    foreign, _secret = services.token_create(
        organisation=other_organisation, name="Fremd", by=other_club_admin
    )
    login(client, club_admin)
    url = f"/organisationen/{organisation.slug}/api-zugang/{foreign.pk}/widerrufen/"

    assert client.post(url).status_code == 404
    assert client.get(revoke_url(token=foreign)).status_code in (403, 405)
    foreign.refresh_from_db()
    assert foreign.revoked_at is None


def test_the_page_shows_the_log_of_uses(client, organisation, club_admin, token):
    services.token_use_log(
        token=token,
        method="PATCH",
        path="/api/v1/organisation/events/7",
        status_code=404,
        object_kind="event",
        object_id=7,
    )
    login(client, club_admin)
    content = client.get(page(organisation)).content.decode()

    assert "<code>PATCH /api/v1/organisation/events/7</code>" in content
    assert "404 – event 7" in content
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert f"{timezone.localtime(token.last_used_at):%d.%m.%Y %H:%M}" in content


def test_a_new_admin_of_the_club_sees_the_tokens_of_the_others(client, organisation, token):
    newcomer = MembershipFactory(organisation=organisation, role="admin").user
    login(client, newcomer)

    response = client.get(page(organisation))
    assert list(response.context["tokens"]) == [token]


def test_unknown_organisation_is_404(client):
    login(client, UserFactory())
    assert client.get("/organisationen/gibt-es-nicht/api-zugang/").status_code == 404


def test_the_admins_manage_page_links_to_the_token_page(client, organisation, club_admin):
    login(client, club_admin)
    content = client.get(f"/organisationen/{organisation.slug}/verwalten/").content.decode()
    assert f'href="{page(organisation)}">API-Zugang für Ihre eigenen Systeme</a>' in content


def test_an_editors_manage_page_has_no_link_to_the_token_page(client, organisation, club_editor):
    login(client, club_editor)
    response = client.get(f"/organisationen/{organisation.slug}/verwalten/")
    assert response.status_code == 200
    assert page(organisation) not in response.content.decode()
