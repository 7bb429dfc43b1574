"""Script payloads in every rendered text field, in search and in every filter never execute.

Every text field of every object of the world (all project models, found by introspection, so a
new field is probed as soon as it exists) is filled with payloads, the search index is rebuilt,
and then every GET-able page is fetched as anonymous and as the network office, each with its
search and filter forms filled with the payloads too. The pages are parsed: no payload may have
become an element, an event handler attribute or a javascript: link.
"""

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import models
from django.test import Client

from engagementnetz.core.models import SiteSettings
from engagementnetz.search.services import index_rebuild

from .walk import get_forms, gettable_urls, injections, is_html, request_as
from .world import build_world

pytestmark = pytest.mark.django_db

PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "[x](javascript:alert(1))",
    "<svg onload=alert(1)>",
    '\'><a href="javascript:alert(1)">Link</a>',
    "</script><script>alert(1)</script>",
)
FULL = "Probe " + " ".join(PAYLOADS)
SHORT = "<svg onload=alert(1)>"

# Text fields that are not text for people: secrets, machine values and the search index,
# which is rebuilt from the fields below.
NOT_TEXT = {
    "password",
    "token",
    "token_hash",
    "prefix",
    "claim_token",
    "message_id",
    "file_format",
    "initial",
    "recurrence_weekdays",
    "method",
    "object_kind",
}
NOT_PROBED_MODELS = {"search", "core.PeriodicJobRun", "newsletter.OutboxMessage"}


def payload_for(field: models.Field, pk: int) -> str | None:
    suffix = f" {pk}"  # unique fields and constraints stay satisfied
    for text in (FULL, PAYLOADS[0] + PAYLOADS[1], SHORT):
        if field.max_length is None or len(text + suffix) <= field.max_length:
            return text + suffix
    return None


def text_fields(model) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.SlugField | models.EmailField | models.URLField)
        and not field.choices
        and not field.primary_key
        and field.name not in NOT_TEXT
    ]


def fill_every_text_field() -> int:
    """Put the payloads into every text field of every object; return how many fields."""
    SiteSettings.current()  # the town's own texts: name, tagline, footer, …
    filled = 0
    for model in apps.get_models():
        label = model._meta.label
        if (
            not model.__module__.startswith("engagementnetz.")
            or {
                label,
                model._meta.app_label,
            }
            & NOT_PROBED_MODELS
        ):
            continue
        fields = text_fields(model)
        for pk in model.objects.values_list("pk", flat=True):
            values = {f.name: payload_for(f, pk) for f in fields}
            values = {name: value for name, value in values.items() if value is not None}
            if values:
                model.objects.filter(pk=pk).update(**values)
                filled += len(values)
    index_rebuild()
    cache.clear()
    return filled


def probe(response, where: str, found: list[str]) -> None:
    if response.status_code >= 500:
        found.append(f"{where} → {response.status_code}")
    elif is_html(response):
        found.extend(f"{where}: {hit}" for hit in injections(response.content.decode()))


def test_payloads_in_every_text_field_never_execute(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = build_world()
    assert fill_every_text_field() > 250
    client = Client()
    found: list[str] = []
    for role in ("anonymous", "office"):
        for name, _access, url in gettable_urls(world):
            response = request_as(client, world.users[role], "get", url)
            probe(response, f"{role} GET {url} ({name})", found)
    # The probe must have seen the payloads: they are shown, escaped, where the text is shown.
    html = client.get(f"/organisationen/{world.club_a.slug}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert found == [], "\n".join(found)


def test_payloads_in_search_and_every_filter_never_execute(settings):
    world = build_world()
    fill_every_text_field()
    client = Client()
    found: list[str] = []
    for payload in (*PAYLOADS, "alert", "Probe script"):
        for url in ("/suche/", "/suche/vorschlaege/"):
            probe(client.get(url, {"q": payload}), f"GET {url}?q={payload}", found)
    tried = set()
    for name, _access, url in gettable_urls(world):
        response = request_as(client, None, "get", url)
        if response.status_code != 200 or not is_html(response):
            continue
        for action, fields in get_forms(response.content.decode()):
            target = action or url
            if (target, frozenset(fields)) in tried or not target.startswith("/"):
                continue
            tried.add((target, frozenset(fields)))
            for payload in PAYLOADS:
                data = dict.fromkeys(fields, payload)
                probe(client.get(target, data), f"GET {target} {sorted(fields)} from {name}", found)
    assert len(tried) >= 8, tried  # search in the header, the directory's and lists' filters
    assert found == [], "\n".join(found)


def test_the_parser_recognises_each_payload_when_it_is_not_escaped():
    """Guards the tests above: each payload, put into a page raw, is found."""
    from django.utils.html import escape

    from engagementnetz.core.markdown import render_markdown

    raw = {payload: injections(f"<p>{payload}</p>") for payload in PAYLOADS}
    assert [payload for payload, hits in raw.items() if not hits] == ["[x](javascript:alert(1))"]
    assert injections('<a href="javascript:alert(1)">x</a>') == ["<a href=javascript:alert(1)>"]
    assert all(injections(f"<p>{escape(payload)}</p>") == [] for payload in PAYLOADS)
    assert injections(str(render_markdown(FULL))) == []


def test_the_parser_recognises_json_ld_that_a_payload_closed():
    closed = '<script type="application/ld+json">{"name": "</script><script>alert(1)</script>"}'
    assert injections(closed) == [
        '<script ld+json>{"name": "…: broken out',
        "<script>alert(1)</script>",
    ]
    escaped = '<script type="application/ld+json">{"name": "\\u003C/script\\u003E"}</script>'
    assert injections(escaped) == []
