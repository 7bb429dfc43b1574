"""Every URL pattern of the project, tried by every role that must not write through it.

The URLs are found by walking the URL configuration, not listed by hand: a new view that is not
classified in tests/security/urlmap.py makes ``test_every_url_is_classified`` fail. Each request
runs in a savepoint that is rolled back, so one world serves all URLs of a role.
"""

import pytest
from django.db import transaction
from django.urls import reverse

from tests.conftest import login

from .enumerate import url_patterns
from .urlmap import BEARER, LOGGED_IN, MEMBER, OFFICE, TOKEN, URLS
from .world import build_world

pytestmark = pytest.mark.django_db

REFUSED = {401, 403, 404, 405}
# Who may write through each class; everyone else must be refused.
ALLOWED = {
    LOGGED_IN: {"citizen", "other_club_editor", "office"},
    MEMBER: {"office"},  # club A's own people are not among the probing roles
    OFFICE: {"office"},
    BEARER: set(),
}
# Pages whose GET is legitimately empty for the office in this world (nothing to show yet).
OFFICE_GET_404 = {
    "mfa_view_recovery_codes",  # no recovery codes generated
    "mfa_download_recovery_codes",
    "mfa_deactivate_totp",
    "events:manage_certificates",  # the event has not taken place yet
    "opportunities:help_moderate",  # only posts waiting for moderation
    "api:push_event_update",  # PATCH only, with an API token
    "api:push_opportunity_update",
}


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def request_as(client, user, method: str, url: str):
    """One request as ``user``, its writes rolled back so the world stays as built."""
    client.logout()
    if user is not None:
        login(client, user)
    with transaction.atomic():
        response = getattr(client, method)(url)
        transaction.set_rollback(True)
    return response


def classified_urls(world):
    for name, _route in url_patterns():
        access, kwargs = URLS[name]
        yield name, access, reverse(name, kwargs=kwargs(world))


def test_every_url_is_classified():
    unclassified = [f"{name} ({route})" for name, route in url_patterns() if name not in URLS]
    assert unclassified == [], "classify these URLs in tests/security/urlmap.py"


def test_the_classification_names_no_url_that_is_gone():
    existing = {name for name, _route in url_patterns()}
    assert sorted(set(URLS) - existing - {"core:bench_hello"}) == []


def is_refused(response, role: str) -> bool:
    if role == "anonymous" and response.status_code == 302:
        return response["Location"].startswith("/konto/login/")
    return response.status_code in REFUSED


@pytest.mark.parametrize("role", ["anonymous", "citizen", "other_club_editor", "office"])
def test_writes_and_work_areas_are_refused_to_roles_without_the_right(client, role):
    world = build_world()
    user = world.users[role]
    holes = []
    for name, access, url in classified_urls(world):
        if access in ALLOWED and role not in ALLOWED[access]:
            methods = {OFFICE: ("post", "get"), MEMBER: ("post", "get"), BEARER: ("post", "patch")}
            methods = methods.get(access, ("post",))
            for method in methods:
                response = request_as(client, user, method, url)
                if not is_refused(response, role):
                    holes.append(f"{method.upper()} {url} ({name}) → {response.status_code}")
        elif access == TOKEN:
            # A guessed token changes nothing: no success redirect, at most an explanation.
            response = request_as(client, user, "post", url)
            if response.status_code not in {200, 400, 404, 405}:
                holes.append(f"POST {url} ({name}) → {response.status_code}")
        else:
            # Public forms and own-account pages: an empty form is answered, never a 500
            # (the test client raises on any exception a view lets through).
            response = request_as(client, user, "post", url)
            if response.status_code >= 500:
                holes.append(f"POST {url} ({name}) → {response.status_code}")
    assert holes == []


def test_the_office_reaches_every_object_of_the_world(client):
    """Guards the test above: the filled-in URLs name real objects, so a 404 there is a refusal."""
    world = build_world()
    office = world.users["office"]
    missing = []
    for name, access, url in classified_urls(world):
        if access in (TOKEN, BEARER) or name in OFFICE_GET_404:
            continue
        response = request_as(client, office, "get", url)
        if response.status_code in {404, 500}:
            missing.append(f"GET {url} ({name}) → {response.status_code}")
    assert missing == []
