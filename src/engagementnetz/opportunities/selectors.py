"""Reads of the Engagement-Börse for views, with type hints and without side effects."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from engagementnetz.core.models import District

from .forms.filters import REMOTE, Sorting
from .models import HoursEntry, HoursState, Interest, InterestState, Opportunity
from .models.choices import OFFER_COLUMNS, SUITABILITY_COLUMNS, TIME_SLOT_COLUMNS

WITHOUT_COLUMNS = {
    "fuehrungszeugnis": "needs_police_certificate",
    "fuehrerschein": "needs_driving_licence",
}


def _any_of(columns: list[str]) -> Q:
    condition = Q()
    for column in columns:
        condition |= Q(**{column: True})
    return condition


def opportunity_list(*, filters: dict, today: date | None = None) -> QuerySet[Opportunity]:
    """The public list with the filters of :class:`OpportunityFilterForm` applied."""
    today = today or timezone.localdate()
    queryset = Opportunity.objects.public()
    if filters.get("bereich"):
        through = Opportunity.fields.through
        queryset = queryset.filter(
            Exists(through.objects.filter(opportunity=OuterRef("pk"), field__in=filters["bereich"]))
        )
    if filters.get("umfang"):
        queryset = queryset.filter(commitment__in=filters["umfang"])
    if filters.get("zeit"):
        queryset = queryset.filter(_any_of([TIME_SLOT_COLUMNS[v] for v in filters["zeit"]]))
    place = filters.get("ort")
    if place == REMOTE:
        queryset = queryset.filter(is_remote=True)
    elif place:
        queryset = queryset.filter(district__in=District.objects.filter(slug=place).values("pk"))
    if filters.get("geeignet"):
        queryset = queryset.filter(_any_of([SUITABILITY_COLUMNS[v] for v in filters["geeignet"]]))
    for value in filters.get("angebot") or ():
        queryset = queryset.filter(**{OFFER_COLUMNS[value]: True})
    for value in filters.get("ohne") or ():
        queryset = queryset.filter(**{WITHOUT_COLUMNS[value]: False})

    if filters.get("sortierung") == Sorting.SOONEST:
        # What one can start soonest: ongoing ones today, the others on their first day.
        starts = Greatest(Coalesce("start_date", Value(today)), Value(today))
        queryset = queryset.annotate(starts=starts).order_by("starts", "-published_at", "pk")
    else:
        queryset = queryset.order_by("-published_at", "pk")
    return queryset.for_cards()


def organisation_opportunities(organisation) -> QuerySet[Opportunity]:
    """All opportunities of one organisation with the counts its people need."""
    return (
        Opportunity.objects.filter(organisation=organisation)
        .annotate(
            new_interests=Count("interests", filter=Q(interests__state=InterestState.NEW)),
            open_interests=Count(
                "interests",
                filter=Q(interests__state__in=[InterestState.NEW, InterestState.IN_CONTACT]),
            ),
        )
        .select_related("district")
        .order_by("state", "-published_at")
    )


def interests_waiting(*, before=None) -> QuerySet[Interest]:
    """Interests no organisation has reacted to for a week (for the network office)."""
    from . import conf

    before = before or timezone.now() - timedelta(days=conf.interest_reminder_days())
    return (
        Interest.objects.unanswered(before=before)
        .select_related("opportunity__organisation")
        .order_by("confirmed_at")
    )


@dataclass(frozen=True)
class EhrenamtskarteStatus:
    """Whether the confirmed hours meet the thresholds of the state's Ehrenamtskarte."""

    min_age: int
    hours_per_week: int
    hours_per_year: int
    age: int | None
    hours_last_year: Decimal
    weekly_average: Decimal
    engaged_since: date | None
    as_of: date

    @property
    def age_ok(self) -> bool | None:
        return None if self.age is None else self.age >= self.min_age

    @property
    def hours_ok(self) -> bool:
        return (
            self.hours_last_year >= self.hours_per_year
            or self.weekly_average >= self.hours_per_week
        )

    @property
    def for_a_year(self) -> bool:
        return self.engaged_since is not None and (
            self.engaged_since <= self.as_of - timedelta(days=365)
        )

    @property
    def meets_thresholds(self) -> bool:
        return bool(self.age_ok) and self.hours_ok and self.for_a_year


def _age(birth_date: date | None, today: date) -> int | None:
    if birth_date is None:
        return None
    before_birthday = (today.month, today.day) < (birth_date.month, birth_date.day)
    return today.year - birth_date.year - before_birthday


def ehrenamtskarte_status(*, user, today: date | None = None) -> EhrenamtskarteStatus:
    """Confirmed hours of the last twelve months against the thresholds in the settings.

    The weekly average counts the weeks since the person started within those twelve months,
    so that someone who began in spring is not measured against a whole year.
    """
    today = today or timezone.localdate()
    year_ago = today - timedelta(days=365)
    confirmed = HoursEntry.objects.filter(user=user, state=HoursState.CONFIRMED)
    recent = confirmed.filter(ended_on__gt=year_ago).aggregate(
        total=Sum("hours"), first=Min("started_on")
    )
    total = recent["total"] or Decimal("0")
    engaged_since = confirmed.aggregate(first=Min("started_on"))["first"]
    weeks = Decimal(52)
    if recent["first"] is not None:
        start = max(recent["first"], year_ago)
        weeks = min(Decimal(52), max(Decimal(1), Decimal((today - start).days + 1) / 7))
    weekly = (total / weeks).quantize(Decimal("0.1"))
    return EhrenamtskarteStatus(
        min_age=settings.EHRENAMTSKARTE_MIN_AGE,
        hours_per_week=settings.EHRENAMTSKARTE_HOURS_PER_WEEK,
        hours_per_year=settings.EHRENAMTSKARTE_HOURS_PER_YEAR,
        age=_age(user.birth_date, today),
        hours_last_year=total,
        weekly_average=weekly,
        engaged_since=engaged_since,
        as_of=today,
    )


def confirmed_hours_by_organisation(*, user) -> list[dict]:
    """Per organisation: the confirmed activities, their period and hours (for the PDF)."""
    entries = (
        HoursEntry.objects.filter(user=user, state=HoursState.CONFIRMED)
        .select_related("organisation")
        .order_by("organisation__name", "started_on", "pk")
    )
    groups: dict[int, dict] = {}
    for entry in entries:
        group = groups.setdefault(
            entry.organisation_id,
            {"organisation": entry.organisation, "entries": [], "total": Decimal("0")},
        )
        group["entries"].append(entry)
        group["total"] += entry.hours
    return list(groups.values())
