"""No personal data where the public can read it: pages, feeds, sitemap, API and exports.

Every e-mail field of every model (found by introspection, so a new one is probed as soon as it
exists), the phone numbers that are not published and the names of people who wrote to a club,
registered or subscribed get a unique marker. Then every GET-able URL is fetched as anonymous and
as a citizen with no part in any of it, plus every sitemap section and every export; no marker
may appear. Only what is published on purpose (an event's or project's contact, the network
office's address) is left out.
"""

import html
from urllib.parse import unquote

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.cache import cache
from django.db import models
from django.test import Client

from engagementnetz.api.exports import DATASETS
from engagementnetz.core.models import SiteSettings
from engagementnetz.search.services import index_rebuild
from engagementnetz.search.sitemaps_view import all_sitemaps

from .walk import gettable_urls, request_as
from .world import build_world

pytestmark = pytest.mark.django_db

# Published on purpose: the contact an event, a project or an opportunity names for questions,
# and the network office's own address in the footer.
PUBLISHED = {
    ("events.Event", "contact_email"),
    ("events.Event", "contact_phone"),
    ("organisations.Project", "contact_email"),
    ("organisations.Project", "contact_phone"),
    ("opportunities.Opportunity", "contact_phone"),
    ("core.SiteSettings", "contact_email"),
    ("core.SiteSettings", "contact_phone"),
}
# Phone numbers and names of people that are never published.
PRIVATE_TEXT = {
    "accounts.User": ("name", "phone"),
    "organisations.Organisation": ("phone",),  # shown only when the club ticks show_phone
    "organisations.ContactMessage": ("sender_name",),
    "events.Registration": ("name",),
    "opportunities.Interest": ("name", "phone"),
    "opportunities.HelpContact": ("name",),
    "newsletter.Subscriber": ("name",),
}


def private_fields(model) -> list[str]:
    label = model._meta.label
    found = [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.EmailField) and (label, field.name) not in PUBLISHED
    ]
    return found + list(PRIVATE_TEXT.get(label, ()))


def mark_personal_data(citizen) -> dict[str, str]:
    """Give every private value a unique marker; return marker → where it was put.

    The citizen's own address and name are left alone: the citizen may see them.
    """
    SiteSettings.current()
    markers = {}
    number = 0
    probed = [m for m in apps.get_models() if m.__module__.startswith("engagementnetz.")]
    for model in [*probed, EmailAddress]:
        fields = private_fields(model)
        if not fields:
            continue
        rows = model.objects.all()
        if model._meta.label == "accounts.User":
            rows = rows.exclude(pk=citizen.pk)
        if model is EmailAddress:
            rows = rows.exclude(user=citizen)
        for pk in rows.values_list("pk", flat=True):
            values = {}
            for name in fields:
                number += 1
                field = model._meta.get_field(name)
                if isinstance(field, models.EmailField):
                    marker = f"geheim{number}@privat.example"
                elif "phone" in name:
                    marker = f"0999 7{number:05d}"
                else:
                    marker = f"Geheimname{number:05d}"
                values[name] = marker
                markers[marker] = f"{model._meta.label}.{name} #{pk}"
            model.objects.filter(pk=pk).update(**values)
    SiteSettings.objects.update(contact_email="netzwerkbuero@engagement.example")
    index_rebuild()
    cache.clear()
    return markers


def readable(response) -> str:
    """The body as a reader would see it: unfolded (ICS), unescaped (HTML, XML), decoded (URLs)."""
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    text = body.decode("utf-8", errors="replace").replace("\r\n ", "").replace("\n ", "")
    return html.unescape(unquote(text))


def leaks(response, markers: dict[str, str]) -> list[str]:
    text = readable(response)
    return [where for marker, where in markers.items() if marker in text]


def machine_urls() -> list[str]:
    """Sitemap sections and bulk exports, which the URL walk reaches only one of each."""
    urls = [f"/sitemap-{section}.xml" for section in all_sitemaps()]
    urls += [f"/api/v1/export/{name}.{fmt}" for name in DATASETS for fmt in ("csv", "json")]
    return urls


def test_no_personal_data_in_any_public_page_feed_sitemap_or_api(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = build_world()
    citizen = world.users["citizen"]
    markers = mark_personal_data(citizen)
    assert len(markers) > 40
    client = Client()
    found = []
    fetched = 0
    for role in ("anonymous", "citizen"):
        user = world.users[role]
        urls = [(name, url) for name, _access, url in gettable_urls(world)]
        urls += [("machine", url) for url in machine_urls()]
        for name, url in urls:
            response = request_as(client, user, "get", url)
            if response.status_code == 200:
                fetched += 1
            found += [f"{role} GET {url} ({name}): {where}" for where in leaks(response, markers)]
    assert found == [], "\n".join(found)
    assert fetched > 200


def test_the_probe_sees_a_marker_that_is_published(client, settings):
    """Guards the test above: a club that ticks "show e-mail" shows it, and the probe sees it."""
    world = build_world()
    markers = mark_personal_data(world.users["citizen"])
    world.club_a.refresh_from_db()
    marker = world.club_a.email
    assert markers[marker] == f"organisations.Organisation.email #{world.club_a.pk}"
    type(world.club_a).objects.filter(pk=world.club_a.pk).update(show_email=True)
    cache.clear()
    response = client.get(f"/organisationen/{world.club_a.slug}/")
    assert leaks(response, markers) == [markers[marker]]
