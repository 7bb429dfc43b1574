import pytest

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def test_start_page_is_accessible_and_requests_nothing_from_other_hosts(page):
    page.goto("/")
    assert page.locator("h1").first.inner_text() != ""
    assert page.get_attribute("html", "lang") == "de"
    assert_accessible(page)
    assert page.foreign_requests == []


def test_skip_link_is_the_first_tab_stop_and_jumps_to_the_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_signup_form_with_errors_is_accessible(page):
    page.goto("/konto/signup/")
    page.get_by_label("E-Mail-Adresse").fill("kein-mail")
    page.get_by_role("button", name="Registrieren").click()
    assert page.get_by_text("Bitte prüfen Sie Ihre Angaben.").first.is_visible()
    assert_accessible(page)


def test_start_page_fits_a_narrow_phone_without_horizontal_scrolling(browser, live_server):
    context = browser.new_context(viewport={"width": 320, "height": 640}, base_url=live_server.url)
    page = context.new_page()
    page.goto("/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0


def test_start_page_is_usable_at_200_percent_zoom(browser, live_server):
    # 200 % zoom of a 1280 px window is the layout of a 640 px window at device scale 2.
    context = browser.new_context(
        viewport={"width": 640, "height": 400}, device_scale_factor=2, base_url=live_server.url
    )
    page = context.new_page()
    page.goto("/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    search_visible = page.get_by_role("button", name="Suchen").first.is_visible()
    context.close()
    assert overflow <= 0
    assert search_visible
