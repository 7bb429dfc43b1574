"""The Engagement-Finder: rank open opportunities by how well they fit a person's answers.

Each answer that fits gives points (weights below) and a reason that the person sees
("passt, weil: Umwelt und Natur, am Wochenende, in Ihrer Nähe"). The points are computed by
the database, so that only the best matches are loaded whatever the number of opportunities;
the reasons are then read from the same rows in the same order of criteria.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Case, Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from .models import Commitment, HoursPeriod, Opportunity
from .models.choices import SUITABILITY_COLUMNS, TIME_SLOT_COLUMNS, Skill, Suitability

WEIGHTS = {
    "fields": 3,  # per matching field of engagement
    "time": 2,
    "place": 2,
    "hours": 1,
    "target_groups": 2,  # per matching group
    "person": 2,  # per matching suitability
    "skills": 1,  # per matching skill
    "commitment": 1,
}
DRIVING_LICENCE = "fuehrerschein"
REMOTE = "zuhause"
RESULT_LIMIT = 20


@dataclass(frozen=True)
class FinderCriteria:
    """The answers of the finder; every part is optional."""

    field_ids: tuple[int, ...] = ()
    hours: int | None = None  # hours per week the person has at most; None = no limit given
    times: tuple[str, ...] = ()  # TimeSlot values
    district_id: int | None = None
    remote: bool = False
    target_group_ids: tuple[int, ...] = ()
    person: tuple[str, ...] = ()  # Suitability values
    skills: tuple[str, ...] = ()  # Skill values and DRIVING_LICENCE
    commitment: str = ""  # Commitment.ONE_OFF, Commitment.REGULAR or ""

    @property
    def is_empty(self) -> bool:
        return not any(
            (
                self.field_ids,
                self.hours,
                self.times,
                self.district_id,
                self.remote,
                self.target_group_ids,
                self.person,
                self.skills,
                self.commitment,
            )
        )


@dataclass
class FinderMatch:
    opportunity: Opportunity
    score: int
    reasons: list[str] = field(default_factory=list)


def _count_related(through, column: str, ids: tuple[int, ...]):
    subquery = (
        through.objects.filter(opportunity=OuterRef("pk"), **{f"{column}__in": ids})
        .values("opportunity")
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(subquery, output_field=IntegerField()), 0)


def _flag(condition: Q) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _time_condition(criteria: FinderCriteria) -> Q:
    condition = Q(commitment=Commitment.FLEXIBLE)
    for slot in criteria.times:
        condition |= Q(**{TIME_SLOT_COLUMNS[slot]: True})
    return condition


def _hours_condition(limit: int) -> Q:
    return (
        Q(commitment__in=[Commitment.ONE_OFF, Commitment.FLEXIBLE])
        | Q(hours__isnull=True)
        | (~Q(hours_period=HoursPeriod.MONTH) & Q(hours__lte=limit))
        | Q(hours_period=HoursPeriod.MONTH, hours__lte=limit * 4)
    )


def _place_condition(criteria: FinderCriteria) -> Q | None:
    condition = None
    if criteria.district_id:
        condition = Q(district_id=criteria.district_id)
    if criteria.remote:
        condition = Q(is_remote=True) if condition is None else condition | Q(is_remote=True)
    return condition


def candidates(criteria: FinderCriteria, queryset: QuerySet | None = None) -> QuerySet:
    """Open opportunities that may fit at all, annotated with ``finder_score``."""
    queryset = Opportunity.objects.public() if queryset is None else queryset
    if criteria.commitment:
        queryset = queryset.filter(commitment__in=[criteria.commitment, Commitment.FLEXIBLE])
    if Suitability.YOUNG_PEOPLE in criteria.person:
        # Under-18s can only take on what the organisation has opened for them.
        queryset = queryset.filter(for_young_people=True)

    parts = []
    if criteria.field_ids:
        parts.append(
            WEIGHTS["fields"]
            * _count_related(Opportunity.fields.through, "field_id", criteria.field_ids)
        )
    if criteria.times:
        parts.append(WEIGHTS["time"] * _flag(_time_condition(criteria)))
    place = _place_condition(criteria)
    if place is not None:
        parts.append(WEIGHTS["place"] * _flag(place))
    if criteria.hours:
        parts.append(WEIGHTS["hours"] * _flag(_hours_condition(criteria.hours)))
    if criteria.target_group_ids:
        parts.append(
            WEIGHTS["target_groups"]
            * _count_related(
                Opportunity.target_groups.through, "targetgroup_id", criteria.target_group_ids
            )
        )
    for value in criteria.person:
        parts.append(WEIGHTS["person"] * _flag(Q(**{SUITABILITY_COLUMNS[value]: True})))
    for code in criteria.skills:
        condition = (
            Q(needs_driving_licence=True)
            if code == DRIVING_LICENCE
            else Q(skills__contains=f",{code},")
        )
        parts.append(WEIGHTS["skills"] * _flag(condition))
    if criteria.commitment:
        parts.append(WEIGHTS["commitment"] * _flag(Q(commitment=criteria.commitment)))

    score = Value(0, output_field=IntegerField())
    for part in parts:
        score = score + part
    return queryset.annotate(finder_score=score)


def rank(
    criteria: FinderCriteria,
    *,
    published_after: datetime | None = None,
    limit: int = RESULT_LIMIT,
) -> list[FinderMatch]:
    """The best-fitting open opportunities, best first, each with its reasons."""
    queryset = candidates(criteria)
    if published_after is not None:
        queryset = queryset.filter(published_at__gt=published_after)
    if not criteria.is_empty:
        queryset = queryset.filter(finder_score__gt=0)
    rows = (
        queryset.select_related("organisation", "district")
        .prefetch_related("fields", "target_groups")
        .order_by("-finder_score", "-published_at", "title")[:limit]
    )
    return [
        FinderMatch(opportunity=row, score=row.finder_score, reasons=reasons(row, criteria))
        for row in rows
    ]


def reasons(opportunity: Opportunity, criteria: FinderCriteria) -> list[str]:
    """Why ``opportunity`` fits, in the order of the questions; mirrors :func:`candidates`."""
    found: list[str] = []
    if criteria.field_ids:
        found += [f.name for f in opportunity.fields.all() if f.pk in criteria.field_ids]
    if criteria.times:
        slots = [slot for slot in opportunity.time_slots if slot in criteria.times]
        if slots:
            found += [slot.label for slot in slots]
        elif opportunity.commitment == Commitment.FLEXIBLE:
            found.append(_("whenever you have time"))
    if criteria.district_id and opportunity.district_id == criteria.district_id:
        found.append(_("close to you"))
    elif criteria.remote and opportunity.is_remote:
        found.append(_("from home"))
    if criteria.hours and _fits_hours(opportunity, criteria.hours):
        found.append(_("fits your time"))
    if criteria.target_group_ids:
        found += [
            group.name
            for group in opportunity.target_groups.all()
            if group.pk in criteria.target_group_ids
        ]
    for value in criteria.person:
        if getattr(opportunity, SUITABILITY_COLUMNS[value]):
            found.append(_("suited for %(who)s") % {"who": Suitability(value).label})
    for code in criteria.skills:
        if code == DRIVING_LICENCE and opportunity.needs_driving_licence:
            found.append(_("your driving licence"))
        elif code != DRIVING_LICENCE and code in opportunity.skill_codes:
            found.append(Skill(code).label)
    if criteria.commitment and opportunity.commitment == criteria.commitment:
        found.append(_("one-off") if criteria.commitment == Commitment.ONE_OFF else _("regular"))
    return found


def _fits_hours(opportunity: Opportunity, limit: int) -> bool:
    if opportunity.commitment in (Commitment.ONE_OFF, Commitment.FLEXIBLE):
        return True
    if opportunity.hours is None:
        return True
    if opportunity.hours_period == HoursPeriod.MONTH:
        return opportunity.hours <= limit * 4
    return opportunity.hours <= limit
