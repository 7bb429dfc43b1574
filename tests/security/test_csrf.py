"""A POST without a CSRF token is refused on every URL pattern, with or without a session.

The URLs come from walking the URL configuration (tests/security/walk.py), so a new view is
probed as soon as it exists. Only the views listed in CSRF_EXEMPT take a POST without a token.
"""

import pytest
from django.test import Client
from django.urls import resolve

from .walk import every_url, request_as
from .world import build_world

pytestmark = pytest.mark.django_db

CSRF_PAGE = "Das Formular ist abgelaufen"

# Deliberate exemptions, each with the reason. Nothing else may take a POST without a token.
CSRF_EXEMPT = {
    "newsletter:unsubscribe": "RFC 8058 one-click unsubscription: mail programs post without a "
    "form; the secret token in the URL is the protection",
    "participation:unsubscribe": "RFC 8058 one-click end of following, protected by its token",
    "opportunities:finder_unsubscribe": "RFC 8058 one-click end of finder mails, protected by "
    "its token",
    "api:push_event_create": "push API: authorised by the club's API token in the Authorization "
    "header, never by a cookie, so a forged cross-site request carries nothing",
    "api:push_event_update": "push API, see above",
    "api:push_opportunity_create": "push API, see above",
    "api:push_opportunity_update": "push API, see above",
}


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_every_post_without_a_token_is_refused():
    world = build_world()
    client = Client(enforce_csrf_checks=True)
    holes = []
    for role in ("anonymous", "office"):
        user = world.users[role]
        for name, _access, url in every_url(world):
            if name in CSRF_EXEMPT:
                continue
            response = request_as(client, user, "post", url, data={"name": "Probe"})
            if response.status_code == 405 and getattr(resolve(url).func, "csrf_exempt", False):
                continue  # exempt but takes no POST at all (the open data API's reads)
            if response.status_code != 403 or CSRF_PAGE not in response.content.decode():
                holes.append(f"{role}: POST {url} ({name}) → {response.status_code}")
    assert holes == []


def test_the_exempt_views_do_nothing_for_a_session_without_their_token():
    world = build_world()
    client = Client(enforce_csrf_checks=True)
    answers = {}
    for name, _access, url in every_url(world):
        if name in CSRF_EXEMPT:
            method = "patch" if name.endswith("_update") else "post"
            response = request_as(client, world.users["office"], method, url)
            answers[name] = response.status_code
    assert set(answers) == set(CSRF_EXEMPT), "an exempt view is gone: drop it from CSRF_EXEMPT"
    # The push API refuses a session (401); the one-click links refuse a wrong token, the
    # finder's with the same page as for a right one, so it reveals no subscription.
    assert answers == {
        "newsletter:unsubscribe": 404,
        "participation:unsubscribe": 400,
        "opportunities:finder_unsubscribe": 200,
        "api:push_event_create": 401,
        "api:push_event_update": 401,
        "api:push_opportunity_create": 401,
        "api:push_opportunity_update": 401,
    }
