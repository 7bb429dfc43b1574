"""The public calendar: list, month view, archive, detail page and ICS downloads."""

import json
from datetime import date
from itertools import groupby

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import _json_script_escapes
from django.utils.translation import gettext as _

from engagementnetz.core.page_cache import public_page

from .. import feed_cache, ics, selectors
from ..forms import SHORTCUTS, CalendarFilterForm
from ..models import Event, EventKind, EventState
from ..recurrence import local_zone

PER_PAGE = 20
MAX_ORGANISERS_IN_FILTER = 300


def _filter_form(request: HttpRequest, *, fixed_kind: str | None = None) -> CalendarFilterForm:
    organisers = selectors.organisers_with_events()[:MAX_ORGANISERS_IN_FILTER]
    form = CalendarFilterForm(request.GET or None, fixed_kind=fixed_kind, organisers=organisers)
    if form.is_bound:
        form.is_valid()  # invalid filters are left out of cleaned_data and ignored
    return form


def _by_day(occurrences) -> list[tuple[date, list]]:
    zone = local_zone()
    return [
        (day, list(items))
        for day, items in groupby(
            occurrences, key=lambda o: timezone.localtime(o.starts_at, zone).date()
        )
    ]


class CountedPaginator(Paginator):
    """A paginator that takes its count from ``count`` (a cached count, see ``feed_cache``)."""

    def __init__(self, *args, count, **kwargs):
        super().__init__(*args, **kwargs)
        self._count = count

    @cached_property
    def count(self) -> int:
        return self._count()


def _list_page(request, *, template, title, fixed_kind=None, archive=False) -> HttpResponse:
    form = _filter_form(request, fixed_kind=fixed_kind)
    now = timezone.now()
    occurrences = (
        selectors.archive_occurrences(form, now=now)
        if archive
        else selectors.calendar_occurrences(form, now=now)
    )
    data = form.cleaned_data if hasattr(form, "cleaned_data") else {}
    count_key = (fixed_kind, archive, sorted(data.items()))
    page = CountedPaginator(
        occurrences, PER_PAGE, count=lambda: feed_cache.cached_count(count_key, occurrences.count)
    ).get_page(request.GET.get("seite"))
    context = {
        "form": form,
        "page": page,
        "days": _by_day(page.object_list),
        "title": title,
        "archive": archive,
        "fixed_kind": fixed_kind,
        "shortcuts": SHORTCUTS,
        "current_shortcut": request.GET.get("zeitraum", ""),
        "today": timezone.localdate(),
        "feed_query": _feed_query(form, fixed_kind),
    }
    if request.headers.get("HX-Request"):
        return render(request, "events/_results.html", context)
    return render(request, template, context)


def _feed_query(form: CalendarFilterForm, fixed_kind: str | None) -> str:
    data = form.cleaned_data if hasattr(form, "cleaned_data") else {}
    params = []
    kind = fixed_kind or data.get("art")
    if kind:
        params.append(f"art={kind}")
    if data.get("veranstalter"):
        params.append(f"veranstalter={data['veranstalter']}")
    if data.get("bereich"):
        params.append(f"bereich={data['bereich']}")
    return "?" + "&".join(params) if params else ""


@public_page
def calendar(request: HttpRequest) -> HttpResponse:
    return _list_page(request, template="events/calendar.html", title=_("Events and courses"))


@public_page
def courses(request: HttpRequest) -> HttpResponse:
    return _list_page(
        request,
        template="events/calendar.html",
        title=_("Training courses"),
        fixed_kind=EventKind.FORTBILDUNG,
    )


@public_page
def archive(request: HttpRequest) -> HttpResponse:
    return _list_page(
        request, template="events/calendar.html", title=_("Past events"), archive=True
    )


def month_current(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    url = reverse("events:month", kwargs={"year": today.year, "month": today.month})
    query = request.GET.urlencode()
    return redirect(f"{url}?{query}" if query else url)


@public_page
def month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        raise Http404
    form = _filter_form(request)
    weeks = selectors.month_weeks(form, year=year, month=month, now=timezone.now())
    first = date(year, month, 1)
    previous = date(year - 1, 12, 1) if month == 1 else date(year, month - 1, 1)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    context = {
        "form": form,
        "weeks": weeks,
        "month_start": first,
        "month_title": date_format(first, "F Y"),
        "previous": previous,
        "following": following,
        "today": timezone.localdate(),
        "query": request.GET.urlencode(),
    }
    if request.headers.get("HX-Request"):
        return render(request, "events/_month_table.html", context)
    return render(request, "events/month.html", context)


def _json_ld(event: Event, next_date, request) -> str:
    url = f"{settings.SITE_URL}{event.get_absolute_url()}"
    status = {
        EventState.CANCELLED: "https://schema.org/EventCancelled",
        EventState.POSTPONED: "https://schema.org/EventPostponed",
    }.get(event.state, "https://schema.org/EventScheduled")
    starts = next_date.starts_at if next_date else event.starts_at
    ends = next_date.ends_at if next_date else event.ends_at
    data = {
        "@context": "https://schema.org",
        "@type": "EducationEvent" if event.is_course else "Event",
        "name": event.title,
        "url": url,
        "startDate": timezone.localtime(starts).isoformat(),
        "eventStatus": status,
        "isAccessibleForFree": event.is_free,
        "organizer": {
            "@type": "Organization",
            "name": event.organiser_name,
            "url": f"{settings.SITE_URL}{event.organiser_url}",
        },
    }
    if ends:
        data["endDate"] = timezone.localtime(ends).isoformat()
    if event.short_description or event.description:
        data["description"] = event.short_description or event.description[:500]
    if event.photo:
        data["image"] = f"{settings.SITE_URL}{event.photo.url}"
    locations = []
    if event.venue_id:
        venue = event.venue
        place = {
            "@type": "Place",
            "name": venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": venue.street,
                "postalCode": venue.postcode,
                "addressLocality": venue.city,
                "addressCountry": "DE",
            },
        }
        if venue.latitude is not None and venue.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(venue.latitude),
                "longitude": float(venue.longitude),
            }
        locations.append(place)
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
        data["eventAttendanceMode"] = (
            "https://schema.org/MixedEventAttendanceMode"
            if len(locations) > 1
            else "https://schema.org/OnlineEventAttendanceMode"
            if event.online_url
            else "https://schema.org/OfflineEventAttendanceMode"
        )
    if event.is_course and event.provider:
        data["provider"] = {"@type": "Organization", "name": event.provider}
    return json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)


@public_page
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        event = selectors.public_event(slug)
    except Event.DoesNotExist as exc:
        editable = Event.objects.editable_by(request.user).filter(slug=slug).first()
        if editable is None:
            raise Http404 from exc
        event = editable  # organisers preview unpublished events
    now = timezone.now()
    dates, more_dates = selectors.event_dates(event, now=now)
    next_date = next((d for d in dates if not d.is_cancelled), None)
    context = {
        "event": event,
        "dates": dates,
        "more_dates": more_dates,
        "next_date": next_date,
        "is_past": event.last_ends_at is not None and event.last_ends_at < now,
        "places": selectors.places(event),
        "registration_open": event.registration_is_open(now),
        "can_edit": request.user.has_perm("events.change_event", event),
        "json_ld": _json_ld(event, next_date, request),
        "now": now,
    }
    return render(request, "events/detail.html", context)


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@public_page
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.events_for_feed(include_past=True).filter(slug=slug).first()
    if event is None:
        raise Http404
    return _ics_response(ics.build_calendar([event], name=event.title), f"{event.slug}.ics")


def feed_ics(request: HttpRequest) -> HttpResponse:
    """The calendar to subscribe to, filtered by kind, organiser and field.

    It holds the events with a date in the window of :func:`selectors.events_for_feed` (from
    30 days ago up to 18 months ahead), is served from the cache (see ``feed_cache``) and
    answers a repeated request with the same ETag with 304 Not Modified.
    """
    kind = request.GET.get("art", "")
    kind = kind if kind in EventKind.values else ""
    organisation = request.GET.get("veranstalter", "")
    field_slug = request.GET.get("bereich", "")
    content, etag = feed_cache.feed(kind=kind, organisation=organisation, field_slug=field_slug)
    response = _ics_response(content, "termine.ics")
    response["ETag"] = etag
    return get_conditional_response(request, etag=etag, response=response)
