"""Reads for the views: each page's data in a fixed, small number of queries."""

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from .links import public_path
from .mails import absolute
from .models import (
    Comment,
    Contribution,
    ContributionKind,
    Follow,
    Measure,
    MeasureState,
    ModerationState,
    Phase,
    Process,
    Support,
    ThemeTable,
    Workshop,
)
from .models.process import current_phase
from .tokens import confirm_token

PAGE_SIZE = 20


def _count_subquery(queryset, field: str):
    counted = (
        queryset.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


# --- Processes ----------------------------------------------------------------------------------


@dataclass
class Timeline:
    phases: list[Phase]
    current: Phase | None
    open_phase: Phase | None
    today: date

    @property
    def is_open(self) -> bool:
        return self.open_phase is not None

    @property
    def entries(self) -> list[dict]:
        """Each phase with where it stands: "past", "current" or "future"."""
        entries = []
        for phase in self.phases:
            if phase == self.current:
                state = "current"
            elif phase.ends_on < self.today:
                state = "past"
            else:
                state = "future"
            entries.append({"phase": phase, "state": state})
        return entries


def timeline(phases: list[Phase], today: date | None = None) -> Timeline:
    today = today or timezone.localdate()
    open_phase = next((p for p in phases if p.is_open_for_contributions(today)), None)
    return Timeline(
        phases=phases, current=current_phase(phases, today), open_phase=open_phase, today=today
    )


def processes_public():
    """Published processes with their phases and the number of public contributions."""
    return (
        Process.objects.public()
        .annotate(
            contribution_count=_count_subquery(Contribution.objects.published(), "process"),
            measure_count=_count_subquery(Measure.objects.public(), "process"),
        )
        .prefetch_related("phases")
        .order_by("-created_at")
    )


def tables_with_counts(process: Process):
    published = Q(contributions__moderation=ModerationState.PUBLISHED)
    # The process comes along: each table's address needs its slug.
    tables = ThemeTable.objects.filter(process=process).select_related("process")
    return tables.annotate(
        going_well_count=Count(
            "contributions", filter=published & Q(contributions__kind=ContributionKind.GOING_WELL)
        ),
        potential_count=Count(
            "contributions", filter=published & Q(contributions__kind=ContributionKind.POTENTIAL)
        ),
        idea_count=Count(
            "contributions", filter=published & Q(contributions__kind=ContributionKind.IDEA)
        ),
    )


def visible_contributions(process: Process):
    """The public list: published and hidden ones (hidden show their reason in place)."""
    return (
        Contribution.objects.visible()
        .filter(process=process)
        .select_related("table", "workshop", "process")
        .prefetch_related(
            Prefetch(
                "measures",
                queryset=Measure.objects.public().only("pk", "title", "slug", "progress", "state"),
            )
        )
    )


def process_page(process: Process) -> dict:
    phases = list(process.phases.all())
    return {
        "timeline": timeline(phases),
        "documents": list(process.documents.all()),
        "tables": list(tables_with_counts(process)),
        "workshops": list(process.workshops.all()),
        "recent": list(visible_contributions(process).order_by("-published_at", "-pk")[:6]),
        "measures": list(
            Measure.objects.public()
            .filter(process=process)
            .select_related("field")
            .order_by("title")
        ),
    }


@dataclass
class KindGroup:
    kind: str
    label: str
    contributions: list


def grouped_by_kind(contributions) -> list[KindGroup]:
    groups = {
        kind: KindGroup(kind=kind, label=label, contributions=[])
        for kind, label in ContributionKind.choices
    }
    for contribution in contributions:
        groups[contribution.kind].contributions.append(contribution)
    return list(groups.values())


def table_page(table: ThemeTable) -> dict:
    contributions = (
        visible_contributions(table.process).filter(table=table).order_by("published_at", "pk")
    )
    return {
        "timeline": timeline(list(table.process.phases.all())),
        "groups": grouped_by_kind(contributions),
    }


def workshop_page(workshop: Workshop) -> dict:
    """The documentation: attendance, photos, and every card per table and kind."""
    contributions = list(
        visible_contributions(workshop.process)
        .filter(workshop=workshop)
        .order_by("table__position", "table_id", "published_at", "pk")
    )
    tables = list(workshop.process.tables.all())
    by_table = {table.pk: [] for table in tables}
    without_table = []
    for contribution in contributions:
        by_table.get(contribution.table_id, without_table).append(contribution)
    sections = [
        {"table": table, "groups": grouped_by_kind(by_table[table.pk])}
        for table in tables
        if by_table[table.pk] or table.workshop_id == workshop.pk
    ]
    if without_table:
        sections.append({"table": None, "groups": grouped_by_kind(without_table)})
    return {
        "attendance": workshop_attendance(workshop),
        "event_url": public_path(workshop.event) if workshop.event_id else "",
        "photos": list(workshop.photos.all()),
        "sections": sections,
        "card_count": len(contributions),
    }


@dataclass
class Attendance:
    registered: int | None
    present: int | None
    from_registrations: bool


def workshop_attendance(workshop: Workshop) -> Attendance:
    """Registered and present people: from the event's registrations, else as entered by hand.

    Counts persons (a registration may be for several), also after the registrations'
    personal data has been deleted.
    """
    if workshop.event_id is None:
        return Attendance(
            registered=workshop.registered_count,
            present=workshop.present_count,
            from_registrations=False,
        )
    from engagementnetz.events.models import Registration, RegistrationStatus

    totals = Registration.objects.filter(
        event_id=workshop.event_id, status=RegistrationStatus.CONFIRMED
    ).aggregate(
        registered=Coalesce(Sum("persons"), 0),
        present=Coalesce(Sum("persons", filter=Q(attended=True)), 0),
    )
    return Attendance(
        registered=totals["registered"], present=totals["present"], from_registrations=True
    )


def contribution_list(process: Process, *, table: str = "", kind: str = "", status: str = ""):
    contributions = visible_contributions(process)
    if table:
        contributions = contributions.filter(table__slug=table)
    if kind:
        contributions = contributions.filter(kind=kind)
    if status:
        contributions = contributions.filter(status=status)
    return contributions.order_by("-published_at", "-pk")


def contribution_page(contribution: Contribution, *, user=None) -> dict:
    comments = list(
        Comment.objects.visible().filter(contribution=contribution).order_by("created_at", "pk")
    )
    supported = bool(
        user is not None
        and user.is_authenticated
        and Support.objects.filter(
            Q(user=user) | Q(email=user.email.lower()),
            contribution=contribution,
            confirmed_at__isnull=False,
        ).exists()
    )
    return {
        "timeline": timeline(list(contribution.process.phases.all())),
        "comments": comments,
        "measures": list(contribution.measures.filter(is_published=True).select_related("field")),
        "supported": supported,
    }


def paginate(queryset, page_number, *, per_page: int = PAGE_SIZE) -> Page:
    return Paginator(queryset, per_page).get_page(page_number)


def is_following(target, user) -> bool:
    if user is None or not user.is_authenticated:
        return False
    lookup = {"process": target} if isinstance(target, Process) else {"measure": target}
    return Follow.objects.filter(
        email=user.email.lower(), confirmed_at__isnull=False, **lookup
    ).exists()


# --- Measures -----------------------------------------------------------------------------------


def measures_public(*, state: str = "", field: str = "", process: str = "", q: str = ""):
    measures = Measure.objects.public().select_related(
        "field", "responsible_organisation", "process"
    )
    if state:
        measures = measures.filter(state=state)
    if field:
        measures = measures.filter(field__slug=field)
    if process:
        measures = measures.filter(process__slug=process)
    if q:
        measures = measures.filter(Q(title__icontains=q) | Q(summary__icontains=q))
    return measures.order_by("title")


@dataclass
class ChartBar:
    state: str
    label: str
    count: int
    percent: int
    width: int
    y: int

    @property
    def bar_y(self) -> int:
        return self.y + 8

    @property
    def text_y(self) -> int:
        return self.y + 25

    @property
    def count_x(self) -> int:
        return CHART_BAR_X + self.width + 8


@dataclass
class StatusChart:
    bars: list[ChartBar]
    total: int
    average_progress: int
    height: int


CHART_BAR_X = 180  # where the bars start, after the labels (SVG units)
CHART_BAR_WIDTH = 340  # SVG units available for the longest bar


def status_chart(measures) -> StatusChart:
    """How many measures are in which state: the data of the SVG chart and its table."""
    rows = measures.order_by().values("state").annotate(n=Count("pk"), progress=Sum("progress"))
    counts = {row["state"]: row["n"] for row in rows}
    total = sum(counts.values())
    progress_total = sum(row["progress"] or 0 for row in rows)
    largest = max(counts.values(), default=0)
    bars = []
    for index, (state, label) in enumerate(MeasureState.choices):
        count = counts.get(state, 0)
        bars.append(
            ChartBar(
                state=state,
                label=str(label),
                count=count,
                percent=round(100 * count / total) if total else 0,
                width=round(CHART_BAR_WIDTH * count / largest) if largest else 0,
                y=index * 40,
            )
        )
    return StatusChart(
        bars=bars,
        total=total,
        average_progress=round(progress_total / total) if total else 0,
        height=len(bars) * 40,
    )


def measure_page(measure: Measure) -> dict:
    from engagementnetz.events.models import Event
    from engagementnetz.organisations.models import Project

    return {
        "updates": list(measure.updates.all()),
        "contributions": list(
            measure.contributions.visible()
            .select_related("process", "table", "workshop")
            .prefetch_related(
                Prefetch(
                    "measures",
                    queryset=Measure.objects.public().only(
                        "pk", "title", "slug", "progress", "state"
                    ),
                )
            )
            .order_by("published_at", "pk")
        ),
        "events": list(Event.objects.public().filter(participation_measures=measure)),
        "projects": list(
            Project.objects.public()
            .filter(participation_measures=measure)
            .select_related("organisation")
        ),
    }


# --- Mails --------------------------------------------------------------------------------------


def confirmation_mail_context(*, email: str, items: list[tuple[str, int]]) -> dict | None:
    """What the confirmation mail lists; None when nothing is left to confirm."""
    ids: dict[str, list[int]] = {}
    for kind, pk in items:
        ids.setdefault(kind, []).append(pk)
    entries = []
    for contribution in Contribution.objects.filter(
        pk__in=ids.get("contribution", []), moderation=ModerationState.UNCONFIRMED
    ).select_related("process", "table"):
        entries.append({"kind": "contribution", "object": contribution})
    for comment in Comment.objects.filter(
        pk__in=ids.get("comment", []), moderation=ModerationState.UNCONFIRMED
    ).select_related("contribution__process"):
        entries.append({"kind": "comment", "object": comment})
    for support in Support.objects.filter(
        pk__in=ids.get("support", []), confirmed_at__isnull=True
    ).select_related("contribution__process"):
        entries.append({"kind": "support", "object": support})
    for follow in Follow.objects.filter(
        pk__in=ids.get("follow", []), confirmed_at__isnull=True
    ).select_related("process", "measure"):
        entries.append({"kind": "follow", "object": follow})
    if not entries:
        return None
    token = confirm_token([(entry["kind"], entry["object"].pk) for entry in entries])
    return {
        "entries": entries,
        "email": email,
        "confirm_url": absolute(reverse("participation:confirm", kwargs={"token": token})),
    }


# --- Work area ----------------------------------------------------------------------------------


def processes_for_office():
    pending = Contribution.objects.awaiting_review()
    return (
        Process.objects.annotate(
            contribution_count=_count_subquery(Contribution.objects.visible(), "process"),
            pending_count=_count_subquery(pending, "process"),
        )
        .prefetch_related("phases")
        .order_by("-created_at")
    )


def pending_count() -> int:
    return (
        Contribution.objects.awaiting_review().count() + Comment.objects.awaiting_review().count()
    )
