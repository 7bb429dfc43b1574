"""Importing the ICS calendars that clubs keep elsewhere.

Each event of a feed is matched by its UID, so an import can run any number of times: new events
are created, changed ones updated, and upcoming events that disappeared from the feed are
marked as cancelled (never silently deleted). A broken feed records its error for the club and
never stops the import of the others.
"""

import ipaddress
import logging
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import partial
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from engagementnetz.search.services import index_update

from .. import tasks
from ..models import CalendarFeed, Event, EventState, Occurrence, Venue
from ..recurrence import local_zone, make_local
from .events import _refresh_last_end, unique_slug

logger = logging.getLogger(__name__)

MAX_FEED_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT = 15
# Dates of a feed that are imported: a little of the past, a year ahead.
WINDOW_PAST = timedelta(days=30)
WINDOW_FUTURE = timedelta(days=365)


class FeedError(Exception):
    """A problem with a feed, described for the club in German."""


@dataclass
class FeedItem:
    uid: str
    title: str
    description: str = ""
    location: str = ""
    all_day: bool = False
    cancelled: bool = False
    dates: list[tuple[datetime, datetime | None]] = field(default_factory=list)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0

    def __str__(self) -> str:
        return _(
            "%(created)s new, %(updated)s changed, %(unchanged)s unchanged, %(cancelled)s removed"
        ) % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "cancelled": self.cancelled,
        }


def _check_public_host(host: str | None) -> None:
    if not host:
        raise FeedError(_("The address has no host name."))
    if getattr(settings, "EVENTS_FEED_ALLOW_PRIVATE_HOSTS", False):
        return
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError as exc:
        raise FeedError(_("The host %(host)s is unknown.") % {"host": host}) from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FeedError(_("Addresses in private or local networks cannot be imported."))


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        _check_public_host(urlsplit(newurl).hostname)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def normalise_feed_url(url: str) -> str:
    parts = urlsplit(url.strip())
    scheme = "https" if parts.scheme.lower() in ("webcal", "webcals") else parts.scheme.lower()
    return urlunsplit((scheme, parts.netloc, parts.path, parts.query, ""))


def fetch_feed(url: str) -> bytes:
    """Download a calendar over http(s), at most 5 MB, from public hosts only."""
    url = normalise_feed_url(url)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FeedError(_("Only http and https addresses can be imported."))
    _check_public_host(parts.hostname)
    opener = urllib.request.build_opener(_SafeRedirects)
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url,
        headers={"User-Agent": "Engagement-Netz calendar import", "Accept": "text/calendar"},
    )
    try:
        with opener.open(request, timeout=FETCH_TIMEOUT) as response:
            content = response.read(MAX_FEED_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise FeedError(
            _("The calendar address answered with error %(code)s.") % {"code": exc.code}
        ) from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FeedError(
            _("The calendar address could not be reached (%(reason)s).") % {"reason": reason}
        ) from exc
    if len(content) > MAX_FEED_BYTES:
        raise FeedError(_("The calendar is larger than 5 MB."))
    return content


def _aware(value) -> tuple[datetime, bool]:
    """A DTSTART/DTEND value as aware datetime; dates mean all day, floating times local."""
    if isinstance(value, datetime):
        if timezone.is_naive(value):
            return make_local(value), False
        return value.astimezone(local_zone()), False
    if isinstance(value, date):
        return make_local(datetime.combine(value, time())), True
    raise FeedError(_("The calendar contains a date that cannot be read."))


def parse_feed(content: bytes, *, now: datetime | None = None) -> list[FeedItem]:
    """The events of an ICS file with their dates in the import window, grouped by UID."""
    # Imported here: only the worker reads feeds; the libraries cost a web process ~15 MB.
    import icalendar
    import recurring_ical_events

    now = now or timezone.now()
    try:
        calendar = icalendar.Calendar.from_ical(content)
    except (ValueError, KeyError, IndexError) as exc:
        raise FeedError(_("The file is not a valid calendar (ICS).")) from exc
    if calendar.name != "VCALENDAR":
        raise FeedError(_("The file is not a valid calendar (ICS)."))
    try:
        instances = recurring_ical_events.of(calendar).between(
            now - WINDOW_PAST, now + WINDOW_FUTURE
        )
    except Exception as exc:  # the library raises many kinds for broken rules
        raise FeedError(_("The calendar contains a repetition rule that cannot be read.")) from exc
    items: dict[str, FeedItem] = {}
    for component in instances:
        uid = str(component.get("UID", "")).strip()
        if not uid or "DTSTART" not in component:
            continue
        start, all_day = _aware(component["DTSTART"].dt)
        end = _aware(component["DTEND"].dt)[0] if "DTEND" in component else None
        if end is None and all_day:
            end = start + timedelta(days=1)
        item = items.get(uid)
        if item is None:
            item = items[uid] = FeedItem(
                uid=uid[:500],
                title=str(component.get("SUMMARY", "")).strip()[:200] or _("(untitled)"),
                description=str(component.get("DESCRIPTION", "")).strip(),
                location=str(component.get("LOCATION", "")).strip()[:200],
                all_day=all_day,
                cancelled=str(component.get("STATUS", "")).upper() == "CANCELLED",
            )
        item.dates.append((start, end))
    for item in items.values():
        item.dates = sorted(set(item.dates), key=lambda pair: pair[0])
    return list(items.values())


def _venue(feed: CalendarFeed, location: str) -> Venue | None:
    if not location:
        return None
    venue = Venue.objects.filter(organisation=feed.organisation, name=location).first()
    return venue or Venue.objects.create(organisation=feed.organisation, name=location)


def _sync_dates(event: Event, dates: list[tuple[datetime, datetime | None]]) -> bool:
    current = list(event.occurrences.order_by("starts_at").values_list("starts_at", "ends_at"))
    if current == dates:
        return False
    event.occurrences.all().delete()
    first_start, first_end = dates[0]
    rows = [
        Occurrence(
            event=event, starts_at=first_start, ends_at=first_end, original_start=first_start
        )
    ]
    rows += [Occurrence(event=event, starts_at=s, ends_at=e) for s, e in dates[1:]]
    Occurrence.objects.bulk_create(rows)
    _refresh_last_end(event)
    return True


@transaction.atomic
def feed_import(*, feed: CalendarFeed, content: bytes, now: datetime | None = None) -> ImportResult:
    """Bring the feed's events up to date from ``content`` (an ICS file); idempotent."""
    now = now or timezone.now()
    items = parse_feed(content, now=now)
    result = ImportResult()
    existing = {event.source_uid: event for event in Event.objects.filter(feed=feed)}
    for item in items:
        if not item.dates:
            continue
        first_start, first_end = item.dates[0]
        values = {
            "title": item.title,
            "description": item.description,
            "starts_at": first_start,
            "ends_at": first_end,
            "all_day": item.all_day,
            "state": EventState.CANCELLED if item.cancelled else EventState.PLANNED,
            "state_note": "",
            "venue": _venue(feed, item.location),
        }
        event = existing.get(item.uid)
        if event is None:
            event = Event(
                feed=feed,
                source_uid=item.uid,
                organiser=feed.organisation,
                kind=feed.kind,
                slug=unique_slug(item.title, starts_at=first_start),
                **values,
            )
            event.save()
            _sync_dates(event, item.dates)
            result.created += 1
            index_update(event)
            continue
        changed = [name for name, value in values.items() if getattr(event, name) != value]
        for name in changed:
            setattr(event, name, values[name])
        if changed:
            event.save()
        dates_changed = _sync_dates(event, item.dates)
        if changed or dates_changed:
            result.updated += 1
            index_update(event)
        else:
            result.unchanged += 1
    seen = {item.uid for item in items if item.dates}
    vanished = (
        Event.objects.filter(feed=feed, last_ends_at__gte=now)
        .exclude(source_uid__in=seen)
        .exclude(state=EventState.CANCELLED)
    )
    for event in vanished:
        event.state = EventState.CANCELLED
        event.state_note = _("This date was removed from the organiser's calendar.")
        event.save(update_fields=["state", "state_note", "updated_at"])
        index_update(event)
        result.cancelled += 1
    feed.last_success_at = now
    feed.last_checked_at = now
    feed.last_error = ""
    feed.last_result = str(result)
    feed.save(update_fields=["last_success_at", "last_checked_at", "last_error", "last_result"])
    return result


def feed_refresh(*, feed: CalendarFeed, now: datetime | None = None) -> ImportResult | None:
    """Fetch and import one feed; a failure is recorded on the feed and not raised."""
    now = now or timezone.now()
    try:
        return feed_import(feed=feed, content=fetch_feed(feed.url), now=now)
    except FeedError as exc:
        message = str(exc)
    except Exception:
        logger.exception("Import of calendar feed %s failed", feed.pk)
        message = _("The calendar could not be imported because of an unexpected error.")
    CalendarFeed.objects.filter(pk=feed.pk).update(last_checked_at=now, last_error=message)
    feed.last_checked_at, feed.last_error = now, message
    return None


def feeds_import_all(*, now: datetime | None = None) -> int:
    """Import every active feed (periodic job); returns how many were imported without error."""
    imported = 0
    for feed in CalendarFeed.objects.filter(is_active=True).select_related("organisation"):
        if feed_refresh(feed=feed, now=now) is not None:
            imported += 1
    return imported


@transaction.atomic
def feed_add(*, organisation, url: str, kind: str, by=None) -> CalendarFeed:
    """Register a club's calendar; its first import runs in the background right away."""
    feed = CalendarFeed.objects.create(
        organisation=organisation, url=normalise_feed_url(url), kind=kind, created_by=by
    )
    transaction.on_commit(partial(tasks.import_calendar_feed.enqueue, feed.pk))
    return feed


@transaction.atomic
def feed_remove(*, feed: CalendarFeed, keep_events: bool = False) -> None:
    """Stop importing a calendar; its upcoming imported events are removed unless kept."""
    if not keep_events:
        Event.objects.filter(feed=feed).delete()
    feed.delete()
