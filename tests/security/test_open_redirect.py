"""No `next`-style parameter of any view sends a visitor to another site."""

from urllib.parse import urlencode, urlsplit

import pytest
from django.test import Client

from tests.factories import PASSWORD, UserFactory

from .walk import gettable_urls, request_as
from .world import build_world

pytestmark = pytest.mark.django_db

OFF_SITE = [
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "http:evil.example",
    "https:/evil.example",
    " //evil.example",
]
REDIRECT_PARAMETERS = ("next", "redirect_to", "return", "return_to", "redirect", "back")


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def off_site(response) -> str | None:
    """The Location of a redirect that leaves the site (as a browser would read it), else None."""
    if response.status_code not in {301, 302, 303, 307, 308}:
        return None
    location = response["Location"]
    # Browsers treat backslashes as slashes and ignore leading blanks and control characters.
    seen = location.strip().replace("\\", "/")
    parts = urlsplit(seen)
    if parts.scheme and parts.scheme not in {"http", "https"}:
        return location
    if parts.netloc and parts.netloc != "testserver":
        return location
    if parts.scheme and not parts.netloc:  # "http:evil.example" is relative in no browser
        return location
    return None


@pytest.mark.parametrize("target", OFF_SITE)
def test_login_does_not_follow_an_off_site_next(client, target):
    user = UserFactory(email="anna@example.org")
    response = client.post(
        f"/konto/login/?next={target}", {"login": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/konto/"
    response = client.post(
        "/konto/login/", {"login": user.email, "password": PASSWORD, "next": target}
    )
    assert off_site(response) is None
    # Already logged in, the login page sends the person on, but not off the site.
    assert off_site(client.get(f"/konto/login/?next={target}")) is None


@pytest.mark.parametrize("target", OFF_SITE)
def test_logout_does_not_follow_an_off_site_next(client, target):
    user = UserFactory(email="anna@example.org")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post("/konto/logout/", {"next": target})
    assert response.status_code == 302
    assert off_site(response) is None
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("target", OFF_SITE)
def test_language_switch_does_not_follow_an_off_site_next_or_referer(client, target):
    response = client.post("/sprache/", {"language": "en", "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/"
    response = client.post("/sprache/", {"language": "de"}, headers={"referer": target})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_the_language_switch_keeps_a_local_next(client):
    response = client.post("/sprache/", {"language": "en", "next": "/termine/?kategorie=musik"})
    assert response["Location"] == "/termine/?kategorie=musik"


def test_no_view_redirects_off_site_for_any_next_style_parameter():
    """Every GET-able URL as anonymous and office, and every POST as office, with each parameter.

    Each walk gives each parameter another of the off-site forms, so every parameter meets
    three of them without a request per combination.
    """
    world = build_world()
    client = Client()
    walks = [
        ("anonymous", "get", OFF_SITE[0:]),
        ("office", "get", OFF_SITE[2:] + OFF_SITE[:2]),
        ("office", "post", OFF_SITE[4:] + OFF_SITE[:4]),
    ]
    holes = []
    for name, _access, url in gettable_urls(world):
        for role, method, targets in walks:
            data = dict(zip(REDIRECT_PARAMETERS, targets, strict=False))
            if method == "get":
                response = request_as(client, world.users[role], "get", url, data=data)
            else:
                query = urlencode(data)
                response = request_as(
                    client, world.users[role], "post", f"{url}?{query}", data=data
                )
            location = off_site(response)
            if location:
                holes.append(f"{role}: {method.upper()} {url} ({name}) → {location}")
    assert holes == []


def test_the_probe_recognises_every_off_site_form():
    """Guards the walk above: each probe target counts as off-site, local paths do not."""
    from django.http import HttpResponseRedirect

    for target in OFF_SITE:
        response = HttpResponseRedirect("/")
        response["Location"] = target
        assert off_site(response) == target
    for local in ("/konto/", "http://testserver/termine/", "?seite=2"):
        assert off_site(HttpResponseRedirect(local)) is None
