"""The subscribed calendar (/termine/feed.ics) is built once and then served from the cache.

The calendar lists' counts are cached the same way for a minute (:func:`cached_count`).

Building the ICS of thousands of events takes seconds, and calendar programs poll the feed every
few hours (it asks for a refresh every 6 hours). The file is cached per filter, language, day
(the feed's window moves daily) and a version that changes whenever an event, a date or a venue
is saved or deleted. Entries also expire after ``FEED_CACHE_SECONDS``: that bounds how long a
change made without those signals (a renamed organisation, a bulk update) takes to show.
"""

import hashlib
import time
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from engagementnetz.core.site_cache import cached_site_settings

from . import ics, selectors, tasks
from .models import EventKind

VERSION_KEY = "events:ics:version"
FEED_CACHE_SECONDS = 10 * 60
BUILD_WAIT_SECONDS = 60  # at most; building the large data set's feed takes about 20 s
# The last feed built is answered while the worker builds the next, for a day at most.
STALE_FEED_SECONDS = 24 * 60 * 60


def _version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def forget_feeds(**kwargs) -> None:
    """Signal receiver: any change to the calendar makes the cached feeds stale."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def cached_count(parts: tuple, count: Callable[[], int]) -> int:
    """The number of dates a calendar list shows, counted at most once a minute per filter.

    Counting the 46,000 upcoming dates of the large data set takes about 50 ms. The count is
    kept under the calendar version (any saved or deleted event, date or venue renews it) for
    the current minute only, so it can only lag behind dates that ended in that minute.
    """
    minute = timezone.now().replace(second=0, microsecond=0)
    raw = "|".join(str(part) for part in (*parts, minute.isoformat(), _version()))
    key = "events:count:" + hashlib.sha256(raw.encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = count()
        cache.set(key, value, 60)
    return value


def _feed_key(parts: tuple, *, current: bool) -> str:
    moment = (timezone.localdate(), _version()) if current else ()
    raw = "|".join(str(part) for part in (*parts, get_language(), *moment))
    return ("events:ics:" if current else "events:ics:latest:") + hashlib.sha256(
        raw.encode()
    ).hexdigest()


def _building_key(key: str) -> str:
    return f"{key}:building"


def _keep(key: str, latest_key: str, content: bytes) -> tuple[bytes, str]:
    kept = (content, '"' + hashlib.sha256(content).hexdigest()[:32] + '"')
    cache.set(key, kept, FEED_CACHE_SECONDS)
    cache.set(latest_key, kept, STALE_FEED_SECONDS)
    return kept


def cached_feed(
    parts: tuple, build: Callable[[], bytes], *, rebuild_later: Callable[[], None] | None = None
) -> tuple[bytes, str]:
    """The feed for ``parts`` (its filters and name) and its ETag, built at most once.

    When the calendar has changed since the feed was last built and ``rebuild_later`` is
    given, the last feed is answered at once and the worker builds the new one
    (the task ``rebuild_feed``): a calendar program asks again in a few hours anyway, and nobody
    waits 20 seconds for the large calendar. Without a last feed the request builds it.
    """
    key = _feed_key(parts, current=True)
    cached = cache.get(key)
    if cached is not None:
        return cached
    latest = cache.get(_feed_key(parts, current=False))
    building = _building_key(key)
    if latest is not None and rebuild_later is not None:
        if cache.add(building, True, BUILD_WAIT_SECONDS):
            rebuild_later()
        # A worker that runs tasks at once (tests, a single process) has built it already.
        return cache.get(key) or latest
    if not cache.add(building, True, BUILD_WAIT_SECONDS):
        # Another request builds this feed: wait for its file instead of building it twice.
        deadline = time.monotonic() + BUILD_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.25)
            cached = cache.get(key)
            if cached is not None:
                return cached
    try:
        return _keep(key, _feed_key(parts, current=False), build())
    finally:
        cache.delete(building)


def _rebuild(parts: tuple, build: Callable[[], bytes]) -> None:
    """Build the feed for ``parts`` now and keep it (the worker's part, see ``cached_feed``)."""
    key = _feed_key(parts, current=True)  # before building: a change meanwhile renews it
    try:
        _keep(key, _feed_key(parts, current=False), build())
    finally:
        cache.delete(_building_key(key))


def _feed_parts(*, kind: str, organisation: str, field_slug: str):
    """What the feed with these filters is kept under, and how it is built."""
    name = cached_site_settings().name
    if kind == EventKind.FORTBILDUNG:
        name = _("%(name)s – training courses") % {"name": name}

    def build() -> bytes:
        events = selectors.events_for_feed(
            kind=kind, organisation=organisation, field_slug=field_slug
        )
        return ics.build_calendar(events, name=name)

    return (kind, organisation, field_slug, name), build


def feed(*, kind: str, organisation: str, field_slug: str) -> tuple[bytes, str]:
    """The subscribed calendar with these filters, and its ETag."""
    parts, build = _feed_parts(kind=kind, organisation=organisation, field_slug=field_slug)

    def rebuild_later() -> None:
        tasks.rebuild_feed.enqueue(
            kind=kind, organisation=organisation, field_slug=field_slug, language=get_language()
        )

    return cached_feed(parts, build, rebuild_later=rebuild_later)


def feed_rebuild(*, kind: str, organisation: str, field_slug: str) -> None:
    """Build and keep the calendar with these filters (the task ``rebuild_feed``)."""
    _rebuild(*_feed_parts(kind=kind, organisation=organisation, field_slug=field_slug))
