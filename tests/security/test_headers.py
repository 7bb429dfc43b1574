"""The security headers are on every response of every URL pattern, for every kind of answer.

Walks every GET-able URL of the project (tests/security/walk.py) as anonymous and as the network
office: pages, forms, redirects to the login, 403 and 404 answers, feeds, JSON and exports.
"""

import pytest
from django.test import Client

from .walk import gettable_urls, request_as
from .world import build_world

pytestmark = pytest.mark.django_db

# Where a directive deliberately differs from the site's policy, and why.
STYLE_INLINE_ALLOWED = {
    # The preview of a newsletter shows the mail's own HTML, which needs inline styles (mail
    # programs ignore style sheets); scripts stay forbidden there too.
    "newsletter:issue_preview_html",
}
HSTS = "max-age=31536000; includeSubDomains"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def policy(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def header_problems(response, name: str) -> list[str]:
    problems = []
    expected = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    for header, value in expected.items():
        if response.get(header) != value:
            problems.append(f"{header}: {response.get(header)!r}")
    permissions = response.get("Permissions-Policy", "")
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        if feature not in permissions:
            problems.append(f"Permissions-Policy without {feature}")
    csp = policy(response.get("Content-Security-Policy", ""))
    if csp.get("default-src") != ["'self'"]:
        problems.append(f"CSP default-src {csp.get('default-src')}")
    if csp.get("script-src") != ["'self'"]:
        problems.append(f"CSP script-src {csp.get('script-src')}")
    if csp.get("frame-ancestors") != ["'none'"]:
        problems.append(f"CSP frame-ancestors {csp.get('frame-ancestors')}")
    if csp.get("object-src") != ["'none'"]:
        problems.append(f"CSP object-src {csp.get('object-src')}")
    if "'unsafe-inline'" in csp.get("style-src", []) and name not in STYLE_INLINE_ALLOWED:
        problems.append("CSP style-src 'unsafe-inline'")
    return problems


def test_every_response_carries_the_security_headers(settings):
    world = build_world()
    client = Client()
    missing = []
    kinds = set()
    for role in ("anonymous", "office"):
        for name, _access, url in gettable_urls(world):
            response = request_as(client, world.users[role], "get", url)
            kinds.add(response.status_code)
            problems = header_problems(response, name)
            if response.has_header("Strict-Transport-Security"):
                problems.append("HSTS over plain http")
            if problems:
                missing.append(f"{role} GET {url} ({name}) → {response.status_code}: {problems}")
    assert missing == [], "\n".join(missing)
    # The walk met every kind of answer, not only pages.
    assert {200, 302, 403, 404} <= kinds


def test_over_https_every_response_has_hsts(settings):
    # What settings.py sets when SITE_URL is https; check --deploy proves that in
    # tests/core/test_settings_and_health.py.
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_SSL_REDIRECT = False
    world = build_world()
    client = Client()
    missing = []
    for name, _access, url in gettable_urls(world):
        response = request_as(client, None, "get", url, secure=True)
        if response.get("Strict-Transport-Security") != HSTS:
            missing.append(f"GET {url} ({name}) → {response.get('Strict-Transport-Security')}")
    assert missing == [], "\n".join(missing)


def test_the_newsletter_preview_allows_inline_styles_but_no_scripts(office_client):
    from tests.newsletter.factories import IssueFactory

    issue = IssueFactory()
    response = office_client.get(f"/netzwerkbuero/newsletter/{issue.pk}/vorschau.html")
    csp = policy(response["Content-Security-Policy"])
    assert csp["style-src"] == ["'unsafe-inline'"]
    assert csp["script-src"] == ["'self'"]
