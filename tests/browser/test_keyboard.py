"""Keyboard only: skip link, visible focus, header search, registering for an event, no trap.

Every step uses only Tab, Shift+Tab, Enter, Space and typing, as someone without a mouse does.
Also: the pages fit a 320 px phone and 200 % zoom without horizontal scrolling, the language
attribute follows the language switch, and form errors are announced and linked to their field.
"""

import pytest
from django.core import mail

from engagementnetz.events.models import Registration
from engagementnetz.search.services import index_rebuild
from tests.events.factories import EventFactory
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)

FOCUSED = r"""() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.innerText || el.value || el.getAttribute('aria-label') || '')
      .replace(/\s+/g, ' ').trim().slice(0, 80),
    id: el.id,
    name: el.getAttribute('name'),
    href: el.getAttribute('href'),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== 'none',
    visible: el.getClientRects().length > 0 && style.visibility !== 'hidden',
    inFooter: !!el.closest('footer'),
    position: Array.prototype.indexOf.call(document.getElementsByTagName('*'), el),
  };
}"""


@pytest.fixture
def concert(transactional_db):
    club = OrganisationFactory(name="Musikverein Bitburg", slug="musikverein-bitburg")
    event = EventFactory(
        organiser=club,
        title="Sommerkonzert im Park",
        slug="sommerkonzert-im-park",
        registration_enabled=True,
        capacity=30,
    )
    index_rebuild()
    return event


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def assert_focus_visible(info: dict) -> None:
    assert info["visible"], f"focus on something that cannot be seen: {info}"
    assert info["outline"] or info["shadow"], f"no visible focus indicator: {info}"


def tab_to(page, matches, *, limit: int = 80, key: str = "Tab") -> dict:
    """Press Tab until ``matches(focused element)``; every stop must show where focus is."""
    path = []
    for _press in range(limit):
        page.keyboard.press(key)
        info = focused(page)
        if info["tag"] == "body":
            path.append("body")
            continue
        assert_focus_visible(info)
        path.append(info["text"] or info["id"] or info["tag"])
        if matches(info):
            return info
    raise AssertionError(f"not reached with {key}; focus went: {path}")


def no_horizontal_scroll(page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_skip_link_is_first_and_moves_focus_to_main(page, concert):
    page.goto("/")
    page.keyboard.press("Tab")
    info = focused(page)
    assert info["text"] == "Zum Inhalt springen"
    assert info["href"] == "#main"
    assert_focus_visible(info)
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"
    # The next Tab continues inside the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main')")


def test_search_from_the_header_open_the_event_and_register(page, concert):
    page.goto("/")
    tab_to(page, lambda f: f["id"] == "site-search-q")
    page.keyboard.type("Sommerkonzert")
    page.keyboard.press("Enter")
    page.wait_for_url("**/suche/?q=Sommerkonzert*")
    tab_to(page, lambda f: f["tag"] == "a" and f["text"].startswith("Sommerkonzert im Park"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/termine/sommerkonzert-im-park/")
    tab_to(page, lambda f: f["text"] == "Jetzt anmelden")
    page.keyboard.press("Enter")
    page.wait_for_url("**/termine/sommerkonzert-im-park/anmeldung/")

    # Sent empty: the errors are announced and each is tied to its field.
    tab_to(page, lambda f: f["tag"] == "button" and f["text"] == "Anmelden")
    page.keyboard.press("Enter")
    page.wait_for_selector("[role=alert]")
    alert = page.locator("[role=alert]").first.inner_text()
    assert "Bitte prüfen Sie Ihre Angaben." in alert
    # The summary takes the focus (without JavaScript: autofocus), so it is read out first
    # and the next Tab leads to its links.
    page.wait_for_function("document.activeElement && document.activeElement.id === 'form-errors'")
    name = page.locator("input[name=name]")
    assert name.get_attribute("aria-invalid") == "true"
    error_id = next(
        part for part in name.get_attribute("aria-describedby").split() if part.endswith("-error")
    )
    assert (
        page.locator(f"#{error_id}").inner_text().strip()
        == "Dieses Feld ist zwingend erforderlich."
    )
    # The summary's link leads to the field.
    assert page.locator("[role=alert] a[href='#id_name']").count() == 1

    tab_to(page, lambda f: f["name"] == "name")
    page.keyboard.type("Lena Berg")
    tab_to(page, lambda f: f["name"] == "email")
    page.keyboard.type("lena.berg@example.org")
    tab_to(page, lambda f: f["tag"] == "button" and f["text"] == "Anmelden")
    page.keyboard.press("Enter")
    page.wait_for_url("**/termine/sommerkonzert-im-park/anmeldung/gesendet/**")
    registration = Registration.objects.get()
    assert (registration.name, registration.email) == ("Lena Berg", "lena.berg@example.org")
    assert [m.to for m in mail.outbox] == [["lena.berg@example.org"]]


def test_tabbing_follows_the_reading_order_to_the_footer_without_a_trap(page, concert):
    page.goto("/termine/sommerkonzert-im-park/")
    assert page.locator("[tabindex]:not([tabindex='-1']):not([tabindex='0'])").count() == 0
    positions = []
    for _press in range(150):
        page.keyboard.press("Tab")
        info = focused(page)
        if info["tag"] == "body" or (positions and info["position"] < positions[-1]):
            break  # left the page at its end, or started again at the top
        assert_focus_visible(info)
        positions.append(info["position"])
        last = info
    assert last["inFooter"], f"Tab never reached the footer; it stopped at {last}"
    assert positions == sorted(positions)
    # Shift+Tab goes back the same way.
    tab_to(page, lambda f: f["text"] == "Jetzt anmelden", key="Shift+Tab", limit=150)


@pytest.mark.parametrize("width", [320, 640])  # a small phone; 1280 px at 200 % zoom
def test_pages_fit_narrow_screens_and_zoom_without_horizontal_scrolling(page, concert, width):
    page.set_viewport_size({"width": width, "height": 720})
    too_wide = []
    for path in (
        "/",
        "/organisationen/",
        "/termine/",
        "/termine/sommerkonzert-im-park/",
        "/termine/sommerkonzert-im-park/anmeldung/",
        "/engagement/",
        "/suche/?q=Sommerkonzert",
        "/barrierefreiheit/",
    ):
        page.goto(path)
        if not no_horizontal_scroll(page):
            too_wide.append(path)
    assert too_wide == []


def test_the_language_attribute_follows_the_switch(page, concert):
    page.goto("/termine/")
    assert page.locator("html").get_attribute("lang") == "de"
    tab_to(page, lambda f: f["text"] == "English")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    assert page.url.endswith("/termine/")
    tab_to(page, lambda f: f["text"] == "Deutsch")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.documentElement.lang === 'de'")
