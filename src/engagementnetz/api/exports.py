"""Bulk exports of the directory, the events' dates and the measures as CSV and JSON.

Streamed row by row, so even the large data set never sits in memory at once.
"""

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, QueryDict, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from engagementnetz.core.site_cache import cached_site_settings

from . import selectors, serializers

CHUNK = 500


def _join(items: list[dict]) -> str:
    return "; ".join(item["name"] for item in items)


def _name(item: dict | None) -> str:
    return item["name"] if item else ""


def organisation_row(obj) -> dict:
    data = serializers.organisation(obj)
    return {
        "id": data["id"],
        "name": data["name"],
        "kind": data["kind"],
        "short_description": data["short_description"],
        "fields": _join(data["fields"]),
        "target_groups": _join(data["target_groups"]),
        "district": _name(data["district"]),
        "street": data["address"]["street"],
        "postcode": data["address"]["postcode"],
        "city": data["address"]["city"],
        "latitude": data["latitude"],
        "longitude": data["longitude"],
        "website": data["website"],
        "email": data["email"],
        "phone": data["phone"],
        "seeks_members": data["seeks_members"],
        "seeks_volunteers": data["seeks_volunteers"],
        "barrier_free": data["barrier_free"],
        "verified_at": data["verified_at"],
        "url": data["url"],
    }


def date_row(obj, *, organiser_name: str) -> dict:
    event = obj.event
    venue = event.venue
    return {
        "id": obj.pk,
        "event_id": event.pk,
        "title": event.title,
        "kind": event.kind,
        "starts_at": serializers.local(obj.starts_at),
        "ends_at": serializers.local(obj.ends_at),
        "all_day": event.all_day,
        "is_cancelled": obj.is_cancelled or event.is_cancelled,
        "organiser": event.organiser.name if event.organiser_id else organiser_name,
        "venue": venue.name if venue else "",
        "address": venue.address if venue else "",
        "district": venue.district.name if venue and venue.district_id else "",
        "online_url": event.online_url,
        "is_free": event.is_free,
        "cost": event.cost,
        "url": serializers.absolute(event.get_absolute_url()),
    }


def measure_row(obj) -> dict:
    data = serializers.measure(obj)
    return {
        "id": data["id"],
        "title": data["title"],
        "summary": data["summary"],
        "state": data["state"],
        "progress": data["progress"],
        "starts_on": data["starts_on"],
        "ends_on": data["ends_on"],
        "field": _name(data["field"]),
        "process": data["process"]["title"] if data["process"] else "",
        "responsible_organisation": _name(data["responsible_organisation"]),
        "url": data["url"],
    }


@dataclass
class Dataset:
    title: str
    # The CSV header, written even when there are no rows; a row with another key fails loudly.
    columns: tuple[str, ...]
    rows: Callable[[], Iterable[dict]]


def _organisations() -> Iterator[dict]:
    for obj in selectors.organisations(QueryDict()).iterator(chunk_size=CHUNK):
        yield organisation_row(obj)


def _dates() -> Iterator[dict]:
    site = cached_site_settings()
    name = site.contact_name or site.name
    for obj in selectors.occurrences(QueryDict()).iterator(chunk_size=CHUNK):
        yield date_row(obj, organiser_name=name)


def _measures() -> Iterator[dict]:
    for obj in selectors.measures(QueryDict()).iterator(chunk_size=CHUNK):
        yield measure_row(obj)


ORGANISATION_COLUMNS = (
    "id",
    "name",
    "kind",
    "short_description",
    "fields",
    "target_groups",
    "district",
    "street",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "website",
    "email",
    "phone",
    "seeks_members",
    "seeks_volunteers",
    "barrier_free",
    "verified_at",
    "url",
)
DATE_COLUMNS = (
    "id",
    "event_id",
    "title",
    "kind",
    "starts_at",
    "ends_at",
    "all_day",
    "is_cancelled",
    "organiser",
    "venue",
    "address",
    "district",
    "online_url",
    "is_free",
    "cost",
    "url",
)
MEASURE_COLUMNS = (
    "id",
    "title",
    "summary",
    "state",
    "progress",
    "starts_on",
    "ends_on",
    "field",
    "process",
    "responsible_organisation",
    "url",
)

DATASETS = {
    "organisationen": Dataset(
        "Organisations of the directory", ORGANISATION_COLUMNS, _organisations
    ),
    "termine": Dataset("Upcoming dates of events and courses", DATE_COLUMNS, _dates),
    "massnahmen": Dataset("Measures of the engagement strategy", MEASURE_COLUMNS, _measures),
}


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv(dataset: Dataset) -> Iterator[str]:
    writer = csv.DictWriter(_Echo(), fieldnames=dataset.columns, delimiter=";")
    yield "\ufeff"  # so that spreadsheet programs read the umlauts right
    yield writer.writeheader()
    for row in dataset.rows():
        yield writer.writerow(
            {key: "" if value is None else _plain(value) for key, value in row.items()}
        )


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return value


def _json(dataset: Dataset, name: str) -> Iterator[str]:
    head = {
        "dataset": name,
        "title": dataset.title,
        "publisher": cached_site_settings().name,
        "licence": {"name": settings.OPEN_DATA_LICENCE, "url": settings.OPEN_DATA_LICENCE_URL},
        "generated_at": timezone.localtime().isoformat(),
    }
    yield json.dumps(head, cls=DjangoJSONEncoder, ensure_ascii=False)[:-1] + ', "items": ['
    for number, row in enumerate(dataset.rows()):
        prefix = "," if number else ""
        yield prefix + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
    yield "]}\n"


@require_GET
def export(request: HttpRequest, dataset: str, file_format: str) -> StreamingHttpResponse:
    chosen = DATASETS.get(dataset)
    if chosen is None or file_format not in ("csv", "json"):
        raise Http404
    if file_format == "csv":
        response = StreamingHttpResponse(_csv(chosen), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(
            _json(chosen, dataset), content_type="application/json; charset=utf-8"
        )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{dataset}-{stamp}.{file_format}"'
    return response
