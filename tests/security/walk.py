"""Requests over every URL pattern of the project, for the probes of the security gates."""

import json
from collections.abc import Iterator
from html.parser import HTMLParser

from django.db import transaction
from django.urls import reverse

from tests.conftest import login

from .enumerate import url_patterns
from .urlmap import BEARER, URLS


def every_url(world, *, skip: frozenset[str] = frozenset()) -> Iterator[tuple[str, str, str]]:
    """(name, access class, URL) of every classified URL pattern, filled in from ``world``.

    Unclassified patterns are left to tests/security/test_url_permissions.py, which fails on them.
    """
    for name, _route in url_patterns():
        if name in skip or name not in URLS:
            continue
        access, kwargs = URLS[name]
        yield name, access, reverse(name, kwargs=kwargs(world))


def gettable_urls(world) -> Iterator[tuple[str, str, str]]:
    """Every URL a browser can GET: all but the push API, which only takes a club's API token."""
    for name, access, url in every_url(world):
        if access != BEARER:
            yield name, access, url


def request_as(client, user, method: str, url: str, **extra):
    """One request as ``user`` (None: anonymous), its writes rolled back."""
    client.logout()
    if user is not None:
        login(client, user)
    with transaction.atomic():
        response = getattr(client, method)(url, **extra)
        transaction.set_rollback(True)
    return response


def is_html(response) -> bool:
    return response.get("Content-Type", "").startswith("text/html")


class _Injections(HTMLParser):
    """Elements and attributes that only an injected payload could have put into a page."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script_type: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._script_type = dict(attrs).get("type") or "text/javascript"
        for attribute, value in attrs:
            value = (value or "").strip().lower()
            if attribute.startswith("on"):
                self.found.append(f"<{tag} {attribute}=…>")
            if attribute in self.URL_ATTRIBUTES and value.replace(" ", "").startswith(
                ("javascript:", "vbscript:", "data:text/html")
            ):
                self.found.append(f"<{tag} {attribute}={value[:40]}>")
            if tag == "img" and attribute == "src" and value == "x":
                self.found.append("<img src=x>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script_type = None

    def handle_data(self, data):
        if self._script_type == "application/ld+json":
            # Data, never run; but text that closed the element early leaves broken JSON.
            try:
                json.loads(data)
            except ValueError:
                self.found.append(f"<script ld+json>{data.strip()[:60]}…: broken out")
            if "<" in data:
                self.found.append(f"<script ld+json>{data.strip()[:60]}…: unescaped <")
        elif self._script_type is not None and "alert(" in data:
            self.found.append(f"<script>{data.strip()[:60]}</script>")


def injections(html: str) -> list[str]:
    """What in ``html`` is executable markup that came from a probe payload."""
    parser = _Injections()
    parser.feed(html)
    parser.close()
    return parser.found


class _GetForms(HTMLParser):
    """The GET forms of a page (search, filters): their action and the names of their fields."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[str, set[str]]] = []
        self._current: tuple[str, set[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            if (attributes.get("method") or "get").lower() == "get":
                self._current = (attributes.get("action") or "", set())
                self.forms.append(self._current)
            else:
                self._current = None
        elif tag in {"input", "select", "textarea"} and self._current and attributes.get("name"):
            self._current[1].add(attributes["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def get_forms(html: str) -> list[tuple[str, set[str]]]:
    parser = _GetForms()
    parser.feed(html)
    parser.close()
    return parser.forms
