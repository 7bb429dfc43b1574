"""Browser journeys in Debian's chromium, driven by Playwright; never a downloaded browser."""

import json
import os
import re
import shutil
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_configure(config):
    # Registered here too, so the journeys also run with `-p no:xdist` under --strict-markers.
    config.addinivalue_line("markers", "xdist_group(name): keep tests on one xdist worker")


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # One browser per worker: keep the journeys on one xdist worker each.
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class ForeignRequests(list):
    """Requests the page sent to any host other than the test server on 127.0.0.1."""


_warm_servers: set[str] = set()


def _warm_up(url: str) -> None:
    """The first request to a fresh live server imports views and compiles templates; on a
    busy machine that can take longer than a page load may, so it happens before the journey."""
    if url not in _warm_servers:
        with urllib.request.urlopen(f"{url}/", timeout=120) as response:  # noqa: S310 - own server
            response.read()
        _warm_servers.add(url)


@pytest.fixture
def page(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    # As in production: anonymous visitors get kept pages, which every write makes new.
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    _warm_up(live_server.url)
    context = browser.new_context(locale="de-DE", base_url=live_server.url)
    page = context.new_page()
    page.foreign_requests = ForeignRequests()

    def check(request):
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in {"127.0.0.1", "localhost"}:
            page.foreign_requests.append(request.url)

    page.on("request", check)
    page.set_default_timeout(10_000)
    yield page
    context.close()


def axe_violations(page, *, rules: tuple[str, ...] = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")):
    """Run axe-core in the page with the WCAG 2.1 AA rule set; return the violations."""
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        list(rules),
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def assert_accessible(page):
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)


def login_in_browser(page, email: str, password: str) -> None:
    page.goto("/konto/login/")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort", exact=True).fill(password)
    page.locator("main").get_by_role("button", name=re.compile("^Anmeld")).click()


@pytest.fixture(autouse=True)
def _browser_env():
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
