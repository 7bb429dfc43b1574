import re

import pytest
from django.core import mail

from engagementnetz.accounts.management.commands.demo_totp import current_code
from tests.factories import PASSWORD, make_network_office_user

from .conftest import assert_accessible, login_in_browser

pytestmark = pytest.mark.django_db(transaction=True)


def test_citizen_registers_confirms_and_downloads_own_data(page):
    page.goto("/konto/signup/")
    assert_accessible(page)
    page.get_by_label("E-Mail-Adresse").fill("lena@example.org")
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_label("Passwort (Wiederholung)").fill(PASSWORD)
    page.get_by_role("button", name="Registrieren").click()

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Bestätigen").click()

    page.goto("/konto/")
    assert page.get_by_role("heading", name="Mein Konto").is_visible()
    assert page.get_by_text("lena@example.org").first.is_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Meine Daten herunterladen (JSON)").click()
    assert download.value.suggested_filename == "meine-daten.json"
    assert page.foreign_requests == []


def test_network_office_logs_in_with_a_second_factor(page):
    user = make_network_office_user(email="buero@example.org")
    from allauth.mfa.models import Authenticator

    secret = Authenticator.objects.get(user=user, type="totp").wrap().instance.data["secret"]
    login_in_browser(page, "buero@example.org", PASSWORD)
    page.get_by_label("Code").fill(current_code(_decrypt(secret)))
    page.locator("main").get_by_role("button", name=re.compile("^Anmeld")).click()
    page.goto("/netzwerkbuero/")
    assert page.get_by_role("heading", name="Arbeitsbereich des Netzwerkbüros").is_visible()
    assert_accessible(page)


def _decrypt(secret: str) -> str:
    from allauth.mfa.adapter import get_adapter

    return get_adapter().decrypt(secret)
