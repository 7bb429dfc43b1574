"""The Engagement-Finder: ranking with reasons, the shareable result, and its subscription."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.http import QueryDict
from django.utils import timezone

from engagementnetz.opportunities import services
from engagementnetz.opportunities.finder import rank
from engagementnetz.opportunities.forms import FinderForm
from engagementnetz.opportunities.models import (
    Commitment,
    FinderSubscription,
    HoursPeriod,
    OpportunityState,
)
from tests.conftest import mail_links
from tests.factories import DistrictFactory, FieldFactory, TargetGroupFactory

from .factories import FinderSubscriptionFactory, OpportunityFactory

pytestmark = pytest.mark.django_db


def criteria(query: str):
    form = FinderForm(QueryDict(query))
    assert form.is_valid(), form.errors
    return form.criteria()


def ranked(query: str) -> list[tuple[str, int, list[str]]]:
    return [(m.opportunity.title, m.score, m.reasons) for m in rank(criteria(query))]


@pytest.fixture
def vocabulary(db):
    return {
        "umwelt": FieldFactory(name="Umwelt"),
        "sport": FieldFactory(name="Sport"),
        "soziales": FieldFactory(name="Soziales"),
        "moetsch": DistrictFactory(name="Mötsch", slug="moetsch"),
        "stahl": DistrictFactory(name="Stahl", slug="stahl"),
        "kinder": TargetGroupFactory(name="Kinder"),
        "senioren": TargetGroupFactory(name="Senioren"),
    }


@pytest.fixture
def board(vocabulary, organisation):
    """A fixed set of opportunities, published one day apart (newest last)."""
    v = vocabulary
    now = timezone.now()

    def make(days_ago, title, **kwargs):
        return OpportunityFactory(
            organisation=organisation,
            title=title,
            published_at=now - timedelta(days=days_ago),
            **kwargs,
        )

    return {
        "bach": make(
            6,
            "Bachpatenschaft",
            fields=[v["umwelt"]],
            commitment=Commitment.FLEXIBLE,
            hours=None,
            hours_period="",
            district=v["moetsch"],
            for_families=True,
        ),
        "pflanztag": make(
            5,
            "Pflanztag",
            fields=[v["umwelt"]],
            commitment=Commitment.ONE_OFF,
            hours=None,
            hours_period="",
            on_weekends=True,
            district=v["stahl"],
            for_families=True,
            target_groups=[v["kinder"]],
        ),
        "turnen": make(
            4,
            "Kinderturnen",
            fields=[v["sport"]],
            hours=2,
            on_weekends=True,
            district=v["moetsch"],
            for_young_people=True,
            skills=",sport,",
            target_groups=[v["kinder"]],
        ),
        "tafel": make(3, "Tafel", fields=[v["soziales"]], on_weekdays=True, district=v["stahl"]),
        "garten": make(
            2,
            "Gemeinschaftsgarten",
            fields=[v["umwelt"], v["soziales"]],
            hours=6,
            on_weekdays=True,
            district=v["moetsch"],
        ),
        "fahrdienst": make(
            1,
            "Fahrdienst",
            fields=[v["soziales"]],
            hours=4,
            hours_period=HoursPeriod.MONTH,
            for_young_people=True,
            needs_driving_licence=True,
            target_groups=[v["senioren"]],
        ),
        "besetzt": make(
            0,
            "Besetzte Umweltaktion",
            fields=[v["umwelt"]],
            district=v["moetsch"],
            state=OpportunityState.FILLED,
        ),
    }


def test_ranking_by_interests_time_place_and_family(board):
    assert ranked("interessen=umwelt&zeit=wochenende&ort=moetsch&person=familien") == [
        (
            "Bachpatenschaft",
            9,
            ["Umwelt", "wann immer Sie Zeit haben", "in Ihrer Nähe", "geeignet für Familien"],
        ),
        ("Pflanztag", 7, ["Umwelt", "am Wochenende", "geeignet für Familien"]),
        ("Gemeinschaftsgarten", 5, ["Umwelt", "in Ihrer Nähe"]),
        ("Kinderturnen", 4, ["am Wochenende", "in Ihrer Nähe"]),
    ]


def test_ranking_for_a_young_person_with_little_time_keeps_to_what_is_open_for_them(board):
    # Under-18s see only what is suited for them; the newer of two equal scores comes first.
    assert ranked(
        "stunden=2&art=regelmaessig&person=jugendliche&kann=sport&kann=fuehrerschein"
    ) == [
        (
            "Fahrdienst",
            5,
            [
                "passt zu Ihrer Zeit",
                "geeignet für Jugendliche ab 14",
                "Ihr Führerschein",
                "regelmäßig",
            ],
        ),
        (
            "Kinderturnen",
            5,
            [
                "passt zu Ihrer Zeit",
                "geeignet für Jugendliche ab 14",
                "Sport und Bewegung",
                "regelmäßig",
            ],
        ),
    ]


def test_ranking_by_target_groups_and_working_from_home(board):
    board["tafel"].is_remote = True
    board["tafel"].save()
    assert ranked("mit=kinder&mit=senioren&ort=zuhause") == [
        ("Fahrdienst", 2, ["Senioren"]),
        ("Tafel", 2, ["von zu Hause aus"]),
        ("Kinderturnen", 2, ["Kinder"]),
        ("Pflanztag", 2, ["Kinder"]),
    ]


def test_no_answers_show_the_newest_open_opportunities(board):
    titles = [title for title, _score, _reasons in ranked("interessen=")]
    assert titles == [
        "Fahrdienst",
        "Gemeinschaftsgarten",
        "Tafel",
        "Kinderturnen",
        "Pflanztag",
        "Bachpatenschaft",
    ]


def test_the_result_is_a_shareable_page_and_nothing_is_stored(client, board):
    url = "/engagement/finder/?interessen=umwelt&zeit=wochenende&ort=moetsch&person=familien"
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "4 Vorschläge für Sie" in html
    titles = re.findall(
        r'<h3 class="kern-title"><a class="kern-link" href="[^"]+">([^<]+)</a>', html
    )
    assert titles == ["Bachpatenschaft", "Pflanztag", "Gemeinschaftsgarten", "Kinderturnen"]
    assert (
        "passt, weil:</span> Umwelt, wann immer Sie Zeit haben, in Ihrer Nähe, "
        "geeignet für Familien</p>"
    ) in html
    assert (
        'value="interessen=umwelt&amp;zeit=wochenende&amp;ort=moetsch&amp;person=familien"' in html
    )
    assert FinderSubscription.objects.count() == 0
    assert "sessionid" not in response.cookies


def test_the_questions_alone_show_no_results(client, board):
    html = client.get("/engagement/finder/").content.decode()
    assert "1. Wofür interessieren Sie sich?" in html
    assert "8. Einmalig oder regelmäßig?" in html
    assert "Vorschläge für Sie" not in html


def test_unknown_answers_are_explained_not_a_server_error(client, board):
    response = client.get("/engagement/finder/?interessen=gibt-es-nicht&stunden=99")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte wählen Sie aus der Liste." in html
    assert "Vorschläge für Sie" not in html


def test_htmx_with_unknown_answers_loads_the_whole_page_with_the_messages(client, board):
    url = "/engagement/finder/?interessen=gibt-es-nicht"
    response = client.get(url, headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"] == url


def test_htmx_gets_only_the_results(client, board):
    response = client.get("/engagement/finder/?interessen=umwelt", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "3 Vorschläge für Sie" in html
    assert "<html" not in html


def test_finder_queries_do_not_grow_with_the_results(queries_of, vocabulary, organisation):
    url = "/engagement/finder/?interessen=umwelt&mit=kinder&zeit=abends"
    v = vocabulary
    OpportunityFactory(organisation=organisation, fields=[v["umwelt"]], target_groups=[v["kinder"]])
    one = queries_of(url)
    for _ in range(15):
        OpportunityFactory(
            organisation=organisation, fields=[v["umwelt"]], target_groups=[v["kinder"]]
        )
    assert queries_of(url) == one


# --- Subscription: double opt-in, weekly at most, one-click unsubscribe -------------------------


def test_subscription_needs_confirmation_and_sends_new_matches_weekly_at_most(
    client, board, vocabulary, organisation, django_capture_on_commit_callbacks
):
    query = "interessen=umwelt&ort=moetsch"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/engagement/finder/abonnieren/",
            {"email": "Abo@Example.org", "consent": "on", "query": query},
        )
    assert response.status_code == 302
    assert response["Location"] == "/engagement/finder/abonnieren/danke/"
    subscription = FinderSubscription.objects.get()
    assert subscription.email == "abo@example.org"
    assert subscription.confirmed_at is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Bitte bestätigen: neue passende Angebote per E-Mail"
    confirm = next(link for link in mail_links(mail.outbox[0]) if "/bestaetigen/" in link)

    # Nothing is sent before the address is confirmed.
    assert services.finder_send_digests() == 0
    client.post(confirm.removeprefix("http://127.0.0.1:8000"))
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None

    # Only what is published after the confirmation counts.
    assert services.finder_send_digests(now=timezone.now() + timedelta(minutes=1)) == 0
    OpportunityFactory(
        organisation=organisation,
        title="Neue Streuobstwiese",
        fields=[vocabulary["umwelt"]],
        district=vocabulary["moetsch"],
        published_at=timezone.now() + timedelta(minutes=2),
    )
    mail.outbox.clear()
    now = timezone.now() + timedelta(minutes=3)
    assert services.finder_send_digests(now=now) == 1
    digest = mail.outbox[0]
    assert digest.to == ["abo@example.org"]
    assert digest.subject == "Neue passende Angebote für Sie"
    assert "Neue Streuobstwiese – Musikverein Bitburg" in digest.body
    assert "passt, weil: Umwelt, in Ihrer Nähe" in digest.body
    assert "Bachpatenschaft" not in digest.body  # known before
    unsubscribe = f"http://127.0.0.1:8000/engagement/finder/abmelden/{subscription.token}/"
    assert digest.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert digest.alternatives[0][1] == "text/html"

    # Within the week nothing more is sent, even with new matches.
    OpportunityFactory(
        organisation=organisation,
        title="Noch eine Umweltaktion",
        fields=[vocabulary["umwelt"]],
        published_at=now + timedelta(days=1),
    )
    assert services.finder_send_digests(now=now + timedelta(days=3)) == 0
    assert services.finder_send_digests(now=now + timedelta(days=7, minutes=1)) == 1
    assert "Noch eine Umweltaktion" in mail.outbox[-1].body


def test_one_click_unsubscribe_works_without_a_form(board):
    from django.test import Client

    subscription = FinderSubscriptionFactory()
    client = Client(enforce_csrf_checks=True)
    page = client.get(f"/engagement/finder/abmelden/{subscription.token}/")
    assert "Jetzt abmelden" in page.content.decode()
    assert FinderSubscription.objects.filter(pk=subscription.pk).exists()  # GET changes nothing
    response = client.post(f"/engagement/finder/abmelden/{subscription.token}/")
    assert response.status_code == 200
    assert "Sie sind abgemeldet" in response.content.decode()
    assert not FinderSubscription.objects.filter(pk=subscription.pk).exists()
    # The link keeps working afterwards.
    assert client.post(f"/engagement/finder/abmelden/{subscription.token}/").status_code == 200


def test_subscription_without_consent_is_explained_and_keeps_the_address(client, board):
    response = client.post(
        "/engagement/finder/abonnieren/", {"email": "abo@example.org", "query": "interessen=umwelt"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte stimmen Sie zu, damit wir Ihnen schreiben dürfen." in html
    assert 'value="abo@example.org"' in html
    assert FinderSubscription.objects.count() == 0


def test_unconfirmed_subscriptions_are_deleted_after_a_week(board):
    old = FinderSubscriptionFactory(confirmed_at=None)
    FinderSubscription.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=8)
    )
    fresh = FinderSubscriptionFactory(confirmed_at=None)
    assert services.finder_subscriptions_delete_unconfirmed() == 1
    assert list(FinderSubscription.objects.values_list("pk", flat=True)) == [fresh.pk]
