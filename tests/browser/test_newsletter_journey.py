"""Newsletter in the browser: subscribe with topics → confirm by the mailed link → change topics
through the personal link → unsubscribe; axe-core on the form with errors and on the archive."""

import re
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.utils import timezone

from engagementnetz.newsletter import services
from engagementnetz.newsletter.models import ConsentEvent, IssueState, Subscriber, SubscriberState
from tests.newsletter.factories import issue_with_items

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def path_of(url: str) -> str:
    return urlparse(url).path


def consent_trail(subscriber) -> list[tuple[str, str]]:
    return list(subscriber.consents.order_by("at", "pk").values_list("event", "method"))


def topic_box(page, label: str):
    return page.locator("main").get_by_role("checkbox", name=label, exact=True)


def test_subscribe_confirm_change_topics_unsubscribe(page, live_server):
    page.goto("/newsletter/")
    # Sent empty (all topics unticked), the form explains every problem next to its field.
    for label in ("Aktuelles", "Termine", "Fortbildungen", "Engagement-Börse", "Beteiligung"):
        topic_box(page, label).uncheck()
    page.get_by_label("E-Mail-Adresse").fill("lena@")
    page.get_by_role("button", name="Abonnieren").click()
    main = page.locator("main")
    assert main.locator("#id_email-error").inner_text() == "Bitte gültige E-Mail-Adresse eingeben."
    assert main.locator("#id_topics-error").inner_text() == "Bitte wählen Sie mindestens ein Thema."
    assert main.locator("#id_consent-error").inner_text() == (
        "Bitte willigen Sie ein, damit wir Ihnen den Newsletter schicken dürfen."
    )
    assert page.get_by_label("E-Mail-Adresse").input_value() == "lena@"
    assert_accessible(page)
    assert Subscriber.objects.count() == 0

    page.get_by_label("E-Mail-Adresse").fill("lena.weber@example.org")
    page.locator("#id_name").fill("Lena Weber")
    topic_box(page, "Termine").check()
    topic_box(page, "Fortbildungen").check()
    page.get_by_label("Ich willige ein.").check()
    page.get_by_role("button", name="Abonnieren").click()
    page.wait_for_url("**/newsletter/danke/")
    assert page.get_by_role("heading", level=1).inner_text() == "Bitte sehen Sie in Ihr Postfach"

    subscriber = Subscriber.objects.get()
    assert subscriber.state == SubscriberState.PENDING
    assert subscriber.topics == ["events", "courses"]
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    assert confirmation.to == ["lena.weber@example.org"]
    confirm_url = next(
        link for link in re.findall(r"https?://\S+", confirmation.body) if "/bestaetigen/" in link
    )
    assert confirm_url == f"{live_server.url}/newsletter/bestaetigen/{subscriber.token}/"

    # Opening the link changes nothing (mail scanners follow links); the button confirms.
    page.goto(path_of(confirm_url))
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.PENDING
    page.get_by_role("button", name="Ja, Anmeldung bestätigen").click()
    page.wait_for_url(f"**/newsletter/abo/{subscriber.token}/")
    assert "Vielen Dank! Ihre Anmeldung ist bestätigt." in page.locator("main").inner_text()
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.CONFIRMED
    assert consent_trail(subscriber) == [
        (ConsentEvent.REQUESTED, services.METHOD_FORM),
        (ConsentEvent.CONFIRMED, services.METHOD_CONFIRM_LINK),
    ]

    # The personal link: change the topics without logging in.
    assert topic_box(page, "Termine").is_checked()
    assert not topic_box(page, "Beteiligung").is_checked()
    topic_box(page, "Termine").uncheck()
    topic_box(page, "Beteiligung").check()
    page.get_by_role("button", name="Einstellungen speichern").click()
    page.wait_for_url(f"**/newsletter/abo/{subscriber.token}/")
    assert "Ihre Einstellungen wurden gespeichert." in page.locator("main").inner_text()
    subscriber.refresh_from_db()
    assert subscriber.topics == ["courses", "participation"]
    assert topic_box(page, "Beteiligung").is_checked()

    # Unsubscribe through the personal unsubscribe link.
    page.goto(f"/newsletter/abmelden/{subscriber.token}/")
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.CONFIRMED
    page.get_by_role("button", name="Ja, abmelden").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Sie sind abgemeldet"
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.UNSUBSCRIBED
    assert consent_trail(subscriber) == [
        (ConsentEvent.REQUESTED, services.METHOD_FORM),
        (ConsentEvent.CONFIRMED, services.METHOD_CONFIRM_LINK),
        (ConsentEvent.TOPICS_CHANGED, services.METHOD_MANAGE_PAGE),
        (ConsentEvent.WITHDRAWN, services.METHOD_UNSUBSCRIBE_PAGE),
    ]
    assert page.foreign_requests == []


def test_archive_of_sent_issues_is_accessible(page):
    issue = issue_with_items(subject="Newsletter Mai: Sommerfest und Lesepaten")
    issue.state = IssueState.SENT
    issue.send_started_at = timezone.now() - timedelta(days=3)
    issue.save()
    issue_with_items(subject="Noch ein Entwurf")

    page.goto("/newsletter/archiv/")
    links = page.locator("main").get_by_role("link", name=re.compile("^Newsletter Mai"))
    assert links.count() == 1
    assert page.locator("main").get_by_text("Noch ein Entwurf").count() == 0
    assert_accessible(page)

    links.first.click()
    page.wait_for_url(f"**/newsletter/archiv/{issue.pk}/")
    main = page.locator("main").inner_text()
    assert "Sommerfest im Stadtpark" in main
    assert "Lesepatin gesucht" in main
    assert_accessible(page)
