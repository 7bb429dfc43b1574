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

VERSION_KEY = "events:ics:version"
FEED_CACHE_SECONDS = 10 * 60
BUILD_WAIT_SECONDS = 60  # at most; building the large data set's feed takes about 20 s


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


def cached_feed(parts: tuple, build: Callable[[], bytes]) -> tuple[bytes, str]:
    """The feed for ``parts`` (its filters and name) and its ETag, built at most once."""
    raw = "|".join(str(part) for part in (*parts, get_language(), timezone.localdate(), _version()))
    key = "events:ics:" + hashlib.sha256(raw.encode()).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return cached
    building = f"{key}:building"
    if not cache.add(building, True, BUILD_WAIT_SECONDS):
        # Another request builds this feed: wait for its file instead of building it twice.
        deadline = time.monotonic() + BUILD_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.25)
            cached = cache.get(key)
            if cached is not None:
                return cached
    try:
        content = build()
        cached = (content, '"' + hashlib.sha256(content).hexdigest()[:32] + '"')
        cache.set(key, cached, FEED_CACHE_SECONDS)
    finally:
        cache.delete(building)
    return cached
