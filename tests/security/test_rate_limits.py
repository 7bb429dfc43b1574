"""Every public form has a rate limit that answers in German, keeps the text and never fails."""

import pytest
from django.core import mail

from engagementnetz.core import ratelimit

from .world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build_world()


def forms(world):
    """(name, URL, data for the n-th attempt, attempts allowed per address of the client)."""
    return [
        (
            "contact",
            f"/organisationen/{world.club_a.slug}/kontakt/",
            lambda n: {
                "sender_name": "Lena Berg",
                "sender_email": f"lena{n}@example.org",
                "subject": "Probe",
                "message": "Darf ich einmal vorbeikommen? Mein Text bleibt.",
                "consent": "on",
            },
            10,
            "Sie haben in kurzer Zeit viele Nachrichten gesendet.",
        ),
        (
            "interest",
            f"/engagement/{world.opportunity.slug}/mitmachen/",
            lambda n: {
                "name": "Lena Krämer",
                "email": f"lena{n}@example.org",
                "message": "Ich habe samstags Zeit. Mein Text bleibt.",
                "consent": "on",
            },
            10,
            "Zu viele Nachrichten in kurzer Zeit.",
        ),
        (
            "event registration",
            f"/termine/{world.event.slug}/anmeldung/",
            lambda n: {
                "name": "Lena Berg",
                "email": f"lena{n}@example.org",
                "consent": "on",
                f"frage_{world.question.pk}": str(world.option.pk),
            },
            10,
            "Zu viele Anmeldungen von hier.",
        ),
        (
            "newsletter",
            "/newsletter/",
            lambda n: {
                "email": f"lena{n}@example.org",
                "name": "Lena Weber",
                "topics": ["events"],
                "consent": "on",
                "website": "",
            },
            10,
            "Zu viele Versuche. Bitte warten Sie eine Stunde",
        ),
        (
            "contribution",
            f"/beteiligung/{world.process.slug}/beitraege/neu/",
            lambda n: {
                "table": world.table.pk,
                "kind": "idea",
                "text": f"Ein Dankeschön-Abend für alle Engagierten, Nummer {n}.",
                "email": f"lena{n}@example.org",
                "consent": "on",
            },
            20,
            "Bitte warten Sie eine Weile",
        ),
    ]


def test_each_public_form_is_limited_per_client(client, world):
    for name, url, data, limit, message in forms(world):
        for n in range(limit):
            assert client.post(url, data(n)).status_code == 302, name
        response = client.post(url, data(limit))
        html = response.content.decode()
        assert response.status_code in (200, 429), name
        assert message in html, name
        assert "lena" + str(limit) + "@example.org" in html, f"{name}: the typed address is lost"


def test_an_invented_forwarded_for_header_does_not_escape_the_limit(client, world):
    url = f"/engagement/{world.opportunity.slug}/mitmachen/"
    data = forms(world)[1][2]
    for n in range(10):
        client.post(url, data(n), headers={"x-forwarded-for": f"10.0.0.{n}"})
    response = client.post(url, data(10), headers={"x-forwarded-for": "10.0.1.1"})
    assert "Zu viele Nachrichten in kurzer Zeit." in response.content.decode()


def test_behind_the_proxy_the_address_the_proxy_saw_counts(rf, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    request = rf.get("/", headers={"x-forwarded-for": "1.2.3.4, 203.0.113.7"})
    assert ratelimit.client_ip(request) == "203.0.113.7"
    settings.SECURE_PROXY_SSL_HEADER = None
    assert ratelimit.client_ip(request) == "127.0.0.1"


def test_failed_logins_are_limited_with_a_german_page(client, world):
    for _attempt in range(5):
        response = client.post(
            "/konto/login/", {"login": "buergerin@example.org", "password": "falsch"}
        )
        assert response.status_code == 200
    response = client.post("/konto/login/", {"login": "buergerin@example.org", "password": "x"})
    assert response.status_code == 200
    assert "Zu viele fehlgeschlagene Anmeldeversuche." in response.content.decode()


def test_login_lockout_by_axes_answers_in_german(client, world, settings):
    settings.AXES_ENABLED = True
    settings.ACCOUNT_RATE_LIMITS = False
    settings.AXES_FAILURE_LIMIT = 3
    for _attempt in range(3):
        client.post("/konto/login/", {"login": "buergerin@example.org", "password": "falsch"})
    response = client.post(
        "/konto/login/", {"login": "buergerin@example.org", "password": "ein-sicheres-passwort-42"}
    )
    assert response.status_code in (403, 429)
    assert "gesperrt" in response.content.decode()


def test_password_reset_is_limited(client, world):
    for _attempt in range(5):
        response = client.post("/konto/password/reset/", {"email": "buergerin@example.org"})
        assert response.status_code == 302
    response = client.post("/konto/password/reset/", {"email": "buergerin@example.org"})
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Bitte haben Sie etwas Geduld, Sie senden zu viele Anfragen." in html
    assert len(mail.outbox) == 5
