"""Public pages kept for anonymous visitors: what is kept, for whom, and when it is made new."""

import re
import time
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from engagementnetz.core.models import SiteSettings
from engagementnetz.core.page_cache import CSRF_MARKER, forget_public_pages
from engagementnetz.organisations.models import Organisation
from tests.conftest import login
from tests.factories import OrganisationFactory
from tests.security.urlmap import PUBLIC, URLS
from tests.security.walk import request_as
from tests.security.world import build_world

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

# Public views that answer GET but are deliberately never kept, and why.
NOT_KEPT = {
    "core:healthz": "must ask the database every time",
    "core:bench_hello": "the benchmark's reference, measured without anything in between",
    "set_language": "a form's target (POST)",
    "pages:contact": "a form whose answer is personal",
    "events:feed": "kept by the events app itself, per filter, with an ETag",
    "news:feed": "a feed for machines, cheap (the newest 20 articles)",
    "news:feed_atom": "a feed for machines, cheap (the newest 20 articles)",
    "news:category_feed": "a feed for machines, cheap (the newest 20 articles)",
    "news:category_feed_atom": "a feed for machines, cheap (the newest 20 articles)",
    "events:register": "a form with the visitor's answers and the seats left at this moment",
    "events:registration_sent": "the visitor's own confirmation",
    "opportunities:interest": "a form with the visitor's answers",
    "opportunities:interest_sent": "the visitor's own confirmation",
    "opportunities:finder_subscribe": "a form with the visitor's answers",
    "opportunities:finder_subscribed": "the visitor's own confirmation",
    "opportunities:help_create": "a form with the visitor's answers",
    "opportunities:help_sent": "the visitor's own confirmation",
    "organisations:contact": "a form with the visitor's answers",
    "organisations:report": "a form with the visitor's answers",
    "organisations:project_report": "a form with the visitor's answers",
    "participation:follow_process": "a form with the visitor's answers",
    "participation:follow_measure": "a form with the visitor's answers",
    "participation:contribution_create": "a form with the visitor's answers",
    "participation:comment_create": "a form's target (POST)",
    "participation:support_create": "a form's target (POST)",
    "newsletter:subscribe": "a form with the visitor's answers",
    "newsletter:thanks": "the visitor's own confirmation",
    "events:month_current": "a redirect to the month of today",
    "participation:measure_progress": "a form for people with an account (the login is asked)",
}


@pytest.fixture
def kept(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    SiteSettings.current()  # made on the first visit otherwise, which renews the generation
    return settings


def token_of(response) -> str:
    return TOKEN.search(response.content.decode()).group(1)


def views_by_name() -> dict:
    """The view of every named URL pattern of the project."""
    found = {}

    def walk(patterns, namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry.url_patterns, inner)
            elif isinstance(entry, URLPattern) and entry.name:
                found[f"{namespace}:{entry.name}" if namespace else entry.name] = entry.callback

    walk(get_resolver().url_patterns, "")
    return found


def public_gettable() -> list[str]:
    return [
        name
        for name, (access, _kwargs) in URLS.items()
        if access == PUBLIC and not name.startswith(("account_", "mfa_", "api:"))
    ]


def test_every_public_page_is_kept_or_says_why_not():
    """A new public page cannot slip past: it is marked with @public_page or listed above."""
    views = views_by_name()
    unsaid = [
        name
        for name in public_gettable()
        if name not in NOT_KEPT and not getattr(views[name], "public_page", False)
    ]
    assert unsaid == []
    # And nothing is listed as not kept that is kept after all.
    listed = [name for name in NOT_KEPT if name in views]
    assert [name for name in listed if getattr(views[name], "public_page", False)] == []


def test_a_kept_page_needs_no_query_and_carries_the_visitors_own_token(
    kept, organisation, django_assert_num_queries
):
    first, second = Client(), Client()
    shown = first.get("/organisationen/")
    assert shown.status_code == 200
    assert CSRF_MARKER not in shown.content.decode()
    with django_assert_num_queries(0):
        again = second.get("/organisationen/")
    assert again.status_code == 200
    assert "Musikverein Bitburg" in again.content.decode()
    # Each visitor gets a token that fits the cookie they were given.
    assert token_of(shown) != token_of(again)
    assert again.cookies["csrftoken"].value
    assert TOKEN.sub("", shown.content.decode()) == TOKEN.sub("", again.content.decode())
    csrf_checking = Client(enforce_csrf_checks=True)
    page = csrf_checking.get("/organisationen/")
    answer = csrf_checking.post(
        reverse("set_language"),
        {"csrfmiddlewaretoken": token_of(page), "language": "en", "next": "/organisationen/"},
    )
    assert answer.status_code == 302


def test_kept_pages_keep_the_security_headers(kept, organisation):
    shown = Client().get("/organisationen/")
    again = Client().get("/organisationen/")
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
        "Content-Language",
        "Content-Type",
    ):
        assert again[header] == shown[header], header
    assert again["Vary"] == shown["Vary"]


def test_logged_in_people_never_get_a_kept_page_nor_leave_one(kept, organisation, citizen):
    Client().get("/organisationen/")
    mine = login(Client(), citizen)
    response = mine.get("/organisationen/")
    assert f'href="{reverse("accounts:overview")}"' in response.content.decode()
    Client().get("/aktuelles/")  # nothing kept from a logged-in visit of the news either
    mine.get("/projekte/")
    anonymous = Client().get("/projekte/")
    assert f'href="{reverse("accounts:overview")}"' not in anonymous.content.decode()
    assert reverse("account_login") in anonymous.content.decode()


def test_a_saved_change_shows_at_once(kept, organisation):
    assert "Musikverein Bitburg" in Client().get("/organisationen/").content.decode()
    organisation.name = "Stadtkapelle Bitburg"
    organisation.save()
    page = Client().get("/organisationen/").content.decode()
    assert "Stadtkapelle Bitburg" in page
    assert "Musikverein Bitburg" not in page


def test_an_edit_through_the_web_shows_at_once(kept, club_editor):
    assert "Blasmusik" not in Client().get("/organisationen/musikverein-bitburg/").content.decode()
    editor = login(Client(), club_editor)
    response = editor.post(
        "/organisationen/musikverein-bitburg/bearbeiten/",
        {
            "name": "Musikverein Bitburg",
            "kind": "verein",
            "short_description": "Blasmusik und Jugendorchester.",
            "city": "Bitburg",
        },
    )
    assert response.status_code == 302
    page = Client().get("/organisationen/musikverein-bitburg/").content.decode()
    assert "Blasmusik und Jugendorchester." in page


def test_a_bulk_update_without_signals_shows_after_the_next_write_request(kept, organisation):
    Client().get("/organisationen/")
    Organisation.objects.filter(pk=organisation.pk).update(name="Stadtkapelle Bitburg")
    assert "Musikverein Bitburg" in Client().get("/organisationen/").content.decode()
    # Any successful write through the web makes the kept pages new.
    Client().post(reverse("set_language"), {"language": "de", "next": "/"})
    assert "Stadtkapelle Bitburg" in Client().get("/organisationen/").content.decode()


def test_a_refused_write_leaves_the_kept_pages(kept, organisation):
    Client().get("/organisationen/")
    Organisation.objects.filter(pk=organisation.pk).update(name="Stadtkapelle Bitburg")
    refused = Client(enforce_csrf_checks=True).post(reverse("set_language"), {"language": "en"})
    assert refused.status_code == 403
    assert "Musikverein Bitburg" in Client().get("/organisationen/").content.decode()


def test_kept_pages_expire(kept, organisation):
    kept.PUBLIC_PAGE_CACHE_SECONDS = 1
    Client().get("/organisationen/")
    Organisation.objects.filter(pk=organisation.pk).update(name="Stadtkapelle Bitburg")
    assert "Musikverein Bitburg" in Client().get("/organisationen/").content.decode()
    time.sleep(1.1)
    assert "Stadtkapelle Bitburg" in Client().get("/organisationen/").content.decode()


def test_forget_public_pages_makes_every_page_new(kept, organisation):
    Client().get("/organisationen/")
    Organisation.objects.filter(pk=organisation.pk).update(name="Stadtkapelle Bitburg")
    forget_public_pages()
    assert "Stadtkapelle Bitburg" in Client().get("/organisationen/").content.decode()


def test_a_job_of_the_worker_shows_at_once(kept):
    from engagementnetz.news.models import ArticleState
    from engagementnetz.news.tasks import publish_scheduled_articles
    from tests.news.factories import ArticleFactory

    ArticleFactory(
        title="Ehrenamtstag auf dem Beda-Platz",
        state=ArticleState.SCHEDULED,
        publish_at=timezone.now() - timedelta(minutes=1),
    )
    assert "Ehrenamtstag" not in Client().get("/aktuelles/").content.decode()
    assert publish_scheduled_articles.call() == 1
    assert "Ehrenamtstag auf dem Beda-Platz" in Client().get("/aktuelles/").content.decode()


def test_an_answer_that_is_not_a_page_is_not_kept(kept):
    assert Client().get("/organisationen/gibt-es-nicht/").status_code == 404
    OrganisationFactory.create(name="Gibt es nicht e. V.", slug="gibt-es-nicht")
    assert Client().get("/organisationen/gibt-es-nicht/").status_code == 200


def test_languages_and_htmx_fragments_are_kept_apart(kept, organisation):
    german = Client().get("/organisationen/")
    english = Client()
    english.cookies["sprache"] = "en"
    assert english.get("/organisationen/")["Content-Language"] == "en"
    assert Client().get("/organisationen/")["Content-Language"] == "de"
    fragment = Client().get("/organisationen/", headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode()
    assert "<html" in Client().get("/organisationen/").content.decode()
    assert german["Content-Language"] == "de"


def test_a_message_for_one_visitor_is_never_kept_for_the_next(kept, organisation):
    organisation.email = "vorstand@musikverein.example"
    organisation.save()
    sender = Client()
    Client().get("/organisationen/musikverein-bitburg/")
    response = sender.post(
        "/organisationen/musikverein-bitburg/kontakt/",
        {
            "sender_name": "Lena Berg",
            "sender_email": "lena@example.org",
            "subject": "Probe",
            "message": "Darf ich am Freitag zur Probe kommen?",
            "consent": "on",
        },
        follow=True,
    )
    thanks = "Vielen Dank, Ihre Nachricht wurde gesendet."
    assert thanks in response.content.decode()
    assert thanks not in Client().get("/organisationen/musikverein-bitburg/").content.decode()
    assert thanks not in sender.get("/organisationen/musikverein-bitburg/").content.decode()


def test_every_kept_page_of_the_world_is_the_same_for_the_next_visitor(kept):
    """All marked views, filled with one object of every kind: kept, then answered unchanged."""
    world = build_world()
    checked = 0
    for name in public_gettable():
        if name in NOT_KEPT:
            continue
        url = reverse(name, kwargs=URLS[name][1](world))
        first = request_as(Client(), None, "get", url)
        if first.status_code != 200 or first.streaming:
            continue
        second = Client().get(url)
        assert second.status_code == 200, url
        assert TOKEN.sub("", second.content.decode()) == TOKEN.sub("", first.content.decode()), url
        assert CSRF_MARKER not in second.content.decode(), url
        checked += 1
    assert checked >= 25


def test_without_a_cache_that_keeps_anything_pages_are_built_every_time(kept, organisation):
    kept.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    assert "Musikverein Bitburg" in Client().get("/organisationen/").content.decode()
    Organisation.objects.filter(pk=organisation.pk).update(name="Stadtkapelle Bitburg")
    assert "Stadtkapelle Bitburg" in Client().get("/organisationen/").content.decode()


def test_open_data_reads_are_kept_but_still_counted_against_the_rate_limit(
    kept, organisation, django_assert_num_queries
):
    kept.API_RATE_LIMIT_PER_MINUTE = 3
    first = Client().get("/api/v1/organisations")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = Client().get("/api/v1/organisations")
    assert again.content == first.content
    assert again["Access-Control-Allow-Origin"] == "*"
    assert again["Content-Type"] == first["Content-Type"]
    assert Client().get("/api/v1/organisations").status_code == 200
    assert Client().get("/api/v1/organisations").status_code == 429


def test_open_data_reads_with_a_token_are_never_kept(kept, organisation):
    Client().get("/api/v1/organisations")
    Organisation.objects.filter(pk=organisation.pk).update(name="Stadtkapelle Bitburg")
    with_token = Client().get("/api/v1/organisations", headers={"Authorization": "Bearer x"})
    assert "Stadtkapelle Bitburg" in with_token.content.decode()
    assert "Musikverein Bitburg" in Client().get("/api/v1/organisations").content.decode()
