"""Reads for the directory's pages: filtered lists with a fixed number of queries."""

import string
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q, QuerySet

from engagementnetz.core.models import District, Field, TargetGroup

from .models import (
    ClaimRequest,
    ClaimState,
    Link,
    LinkCategory,
    Organisation,
    OrganisationState,
    Project,
    Report,
    ReportState,
)
from .services.freshness import stale_entries

PAGE_SIZE = 20
LETTERS = [*string.ascii_uppercase, "#"]


@dataclass
class Vocabularies:
    """The lists the filter forms offer, read once per request."""

    fields: list
    target_groups: list
    districts: list


def vocabularies() -> Vocabularies:
    return Vocabularies(
        fields=Field.objects.active(),
        target_groups=TargetGroup.objects.active(),
        districts=District.objects.active(),
    )


def _search(queryset: QuerySet, q: str, fields: tuple[str, ...]) -> QuerySet:
    for word in q.split()[:6]:
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def directory(filters: dict) -> QuerySet:
    """Public organisations matching the directory's filters, ready for a list of cards."""
    queryset = Organisation.objects.public()
    if q := filters.get("q"):
        queryset = _search(queryset, q, ("name", "short_description", "city", "meeting_times"))
    if field := filters.get("bereich"):
        queryset = queryset.filter(fields=field)
    if kind := filters.get("art"):
        queryset = queryset.filter(kind=kind)
    if district := filters.get("stadtteil"):
        queryset = queryset.filter(district=district)
    if group := filters.get("zielgruppe"):
        queryset = queryset.filter(target_groups=group)
    if filters.get("mitglieder"):
        queryset = queryset.filter(seeks_members=True)
    if filters.get("engagierte"):
        queryset = queryset.filter(seeks_volunteers=True)
    if filters.get("barrierefrei"):
        queryset = queryset.filter(barrier_free=True)
    if letter := filters.get("buchstabe", "").upper():
        queryset = queryset.filter(initial=letter)
    ordering = {
        "neu": ["-verified_at", "name"],
        "aktualisiert": ["-updated_at", "name"],
    }.get(filters.get("sortierung"), ["name", "pk"])
    return queryset.order_by(*ordering)


def for_cards(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("district").prefetch_related(
        Prefetch("fields", queryset=Field.objects.order_by("position", "name"))
    )


def paginate(queryset: QuerySet, page_number, *, per_page: int = PAGE_SIZE) -> Page:
    paginator = Paginator(queryset, per_page)
    return paginator.get_page(page_number)


def available_letters() -> set[str]:
    """The letters under which public entries exist (the others are not links)."""
    return set(
        Organisation.objects.public().order_by().values_list("initial", flat=True).distinct()
    )


def map_points(filters: dict, *, limit: int = 3000) -> list[dict]:
    """Positions of the matching organisations for the map (plain data for JSON)."""
    rows = (
        directory({**filters, "buchstabe": filters.get("buchstabe", "")})
        .filter(latitude__isnull=False, longitude__isnull=False)
        .select_related("district")
        .values("name", "slug", "kind", "latitude", "longitude", "short_description")[:limit]
    )
    return [
        {
            "name": row["name"],
            "url": Organisation(slug=row["slug"]).get_absolute_url(),
            "lat": float(row["latitude"]),
            "lng": float(row["longitude"]),
            "text": row["short_description"],
        }
        for row in rows
    ]


def organisation_detail(slug: str) -> Organisation | None:
    return (
        Organisation.objects.select_related("district", "verified_by")
        .prefetch_related(
            Prefetch("fields", queryset=Field.objects.order_by("position", "name")),
            Prefetch("target_groups", queryset=TargetGroup.objects.order_by("position", "name")),
            "photos",
        )
        .filter(slug=slug)
        .first()
    )


def projects(filters: dict) -> QuerySet:
    queryset = Project.objects.public()
    if q := filters.get("q"):
        queryset = _search(queryset, q, ("title", "summary", "organisation__name"))
    if field := filters.get("bereich"):
        queryset = queryset.filter(field=field)
    if status := filters.get("status"):
        queryset = queryset.filter(status=status)
    return queryset.select_related("organisation", "field").order_by("title", "pk")


def projects_of(organisation: Organisation, *, public_only: bool = True) -> QuerySet:
    queryset = Project.objects.involving(organisation)
    if public_only:
        queryset = queryset.filter(is_published=True)
    return queryset.select_related("organisation", "field").order_by("-starts_on", "title")


def project_detail(slug: str) -> Project | None:
    return (
        Project.objects.select_related("organisation", "field")
        .prefetch_related(
            Prefetch("partners", queryset=Organisation.objects.public().order_by("name")),
            "photos",
        )
        .filter(slug=slug)
        .first()
    )


def link_categories() -> list[LinkCategory]:
    """Categories with their published links, in two queries."""
    categories = LinkCategory.objects.prefetch_related(
        Prefetch("links", queryset=Link.objects.public().order_by("position", "title"))
    ).order_by("position", "name")
    return [category for category in categories if category.links.all()]


@dataclass
class Queue:
    registrations: QuerySet
    claims: QuerySet
    reports: QuerySet
    stale: QuerySet

    @property
    def total(self) -> int:
        return (
            self.registrations.count()
            + self.claims.count()
            + self.reports.count()
            + self.stale.count()
        )


def queue() -> Queue:
    """Everything waiting for the network office's decision."""
    return Queue(
        registrations=Organisation.objects.filter(state=OrganisationState.SUBMITTED)
        .select_related("district", "submitted_by")
        .order_by("submitted_at", "pk"),
        claims=ClaimRequest.objects.filter(state=ClaimState.PENDING)
        .select_related("organisation", "user")
        .order_by("created_at"),
        reports=Report.objects.filter(state=ReportState.OPEN)
        .select_related("organisation", "project")
        .order_by("created_at"),
        stale=stale_entries(),
    )


def pending_count() -> int:
    return queue().total
