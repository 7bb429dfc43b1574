"""The whole demo town, loaded once for this module as `make run` loads it."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from engagementnetz.accounts.models import User
from engagementnetz.core.demo_loader import DEMO_PASSWORD, load_demo
from engagementnetz.events.models import Event, Registration, RegistrationStatus
from engagementnetz.events.services import registration_figures
from engagementnetz.news.models import Article, ArticleState
from engagementnetz.newsletter.models import (
    ConsentEvent,
    ConsentRecord,
    Issue,
    IssueState,
    OutboxMessage,
    OutboxState,
    Subscriber,
    SubscriberState,
)
from engagementnetz.organisations.models import Organisation
from engagementnetz.pages.models import Page
from engagementnetz.participation.models import ThemeTable, Workshop

pytestmark = pytest.mark.django_db

LOGINS = {
    "citizen": "buergerin@example.org",
    "club_contact": "verein@example.org",
    "network_office": "netzwerkbuero@example.org",
}


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo once; everything is rolled back after the module's last test."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def test_counts_of_the_demo_town():
    assert Organisation.objects.count() == 58
    assert Organisation.objects.public().count() == 54
    assert Event.objects.count() == 36
    assert Event.objects.public().count() == 36
    assert Event.objects.courses().count() == 9
    assert Event.objects.filter(recurrence="weekly").count() == 6
    assert Event.objects.filter(recurrence="monthly").count() == 4
    assert Article.objects.public().count() == 20
    assert Article.objects.filter(state=ArticleState.SCHEDULED).count() == 1
    assert Article.objects.filter(state=ArticleState.SUBMITTED).count() == 1
    assert (
        Article.objects.filter(organisation__isnull=False, reviewed_by__isnull=False).count() == 9
    )
    assert Issue.objects.filter(state=IssueState.SENT).count() == 3
    assert Issue.objects.filter(state=IssueState.DRAFT).count() == 1
    assert set(Page.objects.values_list("slug", flat=True)) == {
        "impressum",
        "datenschutz",
        "barrierefreiheit",
        "ueber-uns",
        "engagierte-stadt",
        "ehrenamtskarte",
    }


def test_events_have_past_and_upcoming_dates_registrations_and_attendance(demo):
    workshop_event = demo.extra["zukunftswerkstatt"]
    assert workshop_event.starts_at.date().isoformat() == "2019-04-10"
    assert workshop_event.capacity == 30
    figures = registration_figures(event=workshop_event)
    assert (figures["confirmed"], figures["attended"], figures["free"]) == (30, 28, 0)
    # Long past: names and addresses are erased, the chosen tables stay.
    assert set(workshop_event.registrations.values_list("email", flat=True)) == {""}
    workshop = Workshop.objects.get()
    assert workshop.event == workshop_event
    assert [
        (table.title, table.registration_option.label, table.registration_option.capacity)
        for table in ThemeTable.objects.order_by("position")
    ] == [
        ("Ehrenamtliches Engagement stärken", "Tisch A: Ehrenamtliches Engagement stärken", 10),
        ("Nachhaltige Wertschätzung", "Tisch B: Nachhaltige Wertschätzung", 10),
        ("Öffentlichkeitsarbeit", "Tisch C: Öffentlichkeitsarbeit", 10),
    ]

    first_aid = Event.objects.get(title="Erste Hilfe für Übungsleitende")
    figures = registration_figures(event=first_aid)
    assert (figures["confirmed"], figures["waiting"], figures["free"]) == (12, 4, 0)

    three_evenings = Event.objects.get(title="Vereinsrecht kompakt für Vorstände")
    assert three_evenings.provider == "Ehrenamtsakademie der Engagierten Stadt"
    assert three_evenings.occurrences.count() == 3

    # The club contact's Musikverein takes seat reservations for its concert.
    concert = Event.objects.get(title="Frühlingskonzert")
    assert concert.organiser.memberships.filter(user__email=LOGINS["club_contact"]).exists()
    figures = registration_figures(event=concert)
    assert (figures["confirmed"], figures["confirmed_persons"], figures["free"]) == (18, 40, 140)
    assert Event.objects.filter(target_groups__name="Familien").count() == 4

    citizen = User.objects.get(email=LOGINS["citizen"])
    attended = Registration.objects.get(user=citizen, attended=True)
    assert attended.event.title == "Deutsch unterrichten im Ehrenamt"
    assert attended.event.certificate_enabled
    assert Registration.objects.filter(status=RegistrationStatus.WAITING).count() == 6

    # A weekly series that began 400 days ago and is kept 400 days ahead.
    choir = Event.objects.get(title="Chorprobe des Kirchenchors")
    now = timezone.now()
    assert choir.occurrences.filter(starts_at__lt=now).count() in (57, 58)
    assert choir.occurrences.filter(starts_at__gt=now).count() in (57, 58)


def test_newsletter_subscribers_with_consent_and_sent_issues():
    assert Subscriber.objects.filter(state=SubscriberState.CONFIRMED).count() == 54
    assert Subscriber.objects.filter(state=SubscriberState.UNSUBSCRIBED).count() == 4
    assert Subscriber.objects.filter(state=SubscriberState.PENDING).count() == 2
    for event, count in (
        (ConsentEvent.REQUESTED, 60),
        (ConsentEvent.CONFIRMED, 58),
        (ConsentEvent.WITHDRAWN, 4),
    ):
        assert ConsentRecord.objects.filter(event=event).count() == count, event
    for issue in Issue.objects.filter(state=IssueState.SENT):
        assert issue.recipients_count > 0
        assert issue.outbox.filter(state=OutboxState.SENT).count() == issue.recipients_count
    assert not OutboxMessage.objects.exclude(state=OutboxState.SENT).exists()


def test_the_three_demo_logins_work(client):
    for role, email in LOGINS.items():
        assert User.objects.get(email=email).check_password(DEMO_PASSWORD), role
    response = client.post("/konto/login/", {"login": LOGINS["citizen"], "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/konto/"
    assert client.get("/konto/").status_code == 200


def test_public_pages_show_the_demo_content(client):
    home = client.get("/").content.decode()
    assert "Ehrenamtstag: Programm steht fest" in home

    courses = client.get("/fortbildungen/").content.decode()
    assert "Vereinsrecht kompakt für Vorstände" in courses
    calendar = client.get("/termine/").content.decode()
    assert "Chorprobe des Kirchenchors" in calendar

    news = client.get("/aktuelles/").content.decode()
    assert "Ehrenamtstag: Programm steht fest" in news
    assert "Jahresrückblick" not in news  # scheduled for later
    assert "Lesepaten starten" not in news  # waits for approval

    archive = client.get("/newsletter/archiv/").content.decode()
    for subject in (
        "Sommer im Engagement-Netz",
        "Neu: die Engagement-Börse",
        "Herbstausgabe: Kurse und Jugendfeuerwehr",
    ):
        assert subject in archive
    assert "Dezember" not in archive  # the draft

    for slug in ("engagierte-stadt", "ehrenamtskarte"):
        assert client.get(f"/seiten/{slug}/").status_code == 200
    found = client.get("/suche/?q=Zukunftswerkstatt").content.decode()
    assert (
        '<a class="kern-link" href="/termine/zukunftswerkstatt-zur-engagementstrategie/">'
        "<mark>Zukunftswerkstatt</mark> zur Engagementstrategie</a>"
    ) in found


def test_every_demo_event_and_article_has_a_working_page(client):
    for event in Event.objects.public():
        assert client.get(event.get_absolute_url()).status_code == 200, event.slug
    for article in Article.objects.public():
        assert client.get(article.get_absolute_url()).status_code == 200, article.slug
    for issue in Issue.objects.filter(state=IssueState.SENT):
        assert client.get(issue.get_absolute_url()).status_code == 200, issue.pk


def test_loading_again_with_if_empty_does_nothing():
    before = (Organisation.objects.count(), Event.objects.count(), Article.objects.count())
    out = io.StringIO()
    call_command("load_demo", "--if-empty", stdout=out, stderr=out)
    assert out.getvalue() == ""
    assert (Organisation.objects.count(), Event.objects.count(), Article.objects.count()) == before
