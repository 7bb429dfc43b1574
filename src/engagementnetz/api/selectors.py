"""Reads of the open data API: the pages' own filters and querysets, prefetched for the API.

Each list takes the query string of the matching page (``bereich``, ``stadtteil``, …), so a
filtered page's address can be turned into an API request by swapping the path.
"""

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.http import QueryDict
from django.utils import timezone

from engagementnetz.core.models import Field, TargetGroup
from engagementnetz.events import selectors as event_selectors
from engagementnetz.events.forms import CalendarFilterForm
from engagementnetz.events.models import Event, EventKind, Occurrence
from engagementnetz.news.models import Article, Category
from engagementnetz.opportunities import selectors as opportunity_selectors
from engagementnetz.opportunities.forms.filters import OpportunityFilterForm
from engagementnetz.opportunities.models import Opportunity
from engagementnetz.organisations import selectors as directory_selectors
from engagementnetz.organisations.forms import DirectoryFilterForm
from engagementnetz.organisations.forms.public import ProjectFilterForm
from engagementnetz.organisations.models import Link, Organisation, Project
from engagementnetz.participation import selectors as participation_selectors
from engagementnetz.participation.models import Measure, MeasureState, MeasureUpdate, Process

DATES_PER_EVENT = 50

_ordered_fields = Prefetch("fields", queryset=Field.objects.order_by("position", "name"))
_ordered_groups = Prefetch(
    "target_groups", queryset=TargetGroup.objects.order_by("position", "name")
)


def organisations(query: QueryDict) -> QuerySet[Organisation]:
    """The directory with the directory page's filters."""
    filters = {}
    if query:
        filters = DirectoryFilterForm(query).filters()
    return (
        directory_selectors.directory(filters)
        .select_related("district")
        .prefetch_related(_ordered_fields, _ordered_groups)
    )


def organisation(pk: int) -> Organisation:
    return organisations(QueryDict()).get(pk=pk)


def _with_partners(queryset: QuerySet) -> QuerySet:
    return queryset.prefetch_related(
        Prefetch("partners", queryset=Organisation.objects.public().order_by("name"))
    )


def projects(query: QueryDict) -> QuerySet[Project]:
    filters = ProjectFilterForm(query).filters() if query else {}
    return _with_partners(directory_selectors.projects(filters))


def project(pk: int) -> Project:
    return projects(QueryDict()).get(pk=pk)


def _calendar_form(query: QueryDict, *, fixed_kind: str | None = None) -> CalendarFilterForm:
    form = CalendarFilterForm(query or None, fixed_kind=fixed_kind)
    if form.is_bound:
        form.is_valid()  # like the page: invalid filters are left out and ignored
    return form


def _has_period(form: CalendarFilterForm) -> bool:
    data = getattr(form, "cleaned_data", {})
    return bool(data.get("von") or data.get("bis") or data.get("zeitraum"))


def occurrences(query: QueryDict, *, now=None) -> QuerySet[Occurrence]:
    """Dates in the calendar's order; without a period (``von``/``bis``) the upcoming ones."""
    now = now or timezone.now()
    form = _calendar_form(query)
    dates = event_selectors.filtered_occurrences(form, today=timezone.localtime(now).date())
    if not _has_period(form):
        dates = dates.upcoming(now)
    return dates.select_related(
        "event", "event__organiser", "event__venue", "event__venue__district"
    ).order_by("starts_at", "event__title", "pk")


def _events_base() -> QuerySet[Event]:
    return (
        Event.objects.public()
        .select_related("organiser", "venue", "venue__district")
        .prefetch_related(_ordered_fields, _ordered_groups)
    )


def with_next_dates(events: QuerySet[Event], *, now) -> QuerySet[Event]:
    """Each event with its next date (``next_dates``, a list of at most one) and its start."""
    next_one = (
        Occurrence.objects.filter(event=OuterRef("event"))
        .upcoming(now)
        .order_by("starts_at", "pk")
        .values("pk")[:1]
    )
    next_start = (
        Occurrence.objects.filter(event=OuterRef("pk"))
        .upcoming(now)
        .order_by("starts_at", "pk")
        .values("starts_at")[:1]
    )
    return events.annotate(next_start=Subquery(next_start)).prefetch_related(
        Prefetch(
            "occurrences",
            queryset=Occurrence.objects.filter(pk=Subquery(next_one)),
            to_attr="next_dates",
        )
    )


def events(query: QueryDict, *, now=None, fixed_kind: str | None = None) -> QuerySet[Event]:
    """Events with a date matching the calendar's filters, by their next date."""
    now = now or timezone.now()
    form = _calendar_form(query, fixed_kind=fixed_kind)
    dates = event_selectors.filtered_occurrences(form, today=timezone.localtime(now).date())
    if not _has_period(form):
        dates = dates.upcoming(now)
    matching = _events_base().filter(pk__in=dates.values("event_id"))
    return with_next_dates(matching, now=now).order_by("next_start", "starts_at", "pk")


def courses(query: QueryDict, *, now=None) -> QuerySet[Event]:
    return events(query, now=now, fixed_kind=EventKind.FORTBILDUNG)


def event(pk: int, *, now=None) -> Event:
    now = now or timezone.now()
    return _events_base().get(pk=pk)


def event_dates(event_obj: Event, *, now=None) -> list[Occurrence]:
    now = now or timezone.now()
    return list(
        event_obj.occurrences.all().upcoming(now).order_by("starts_at", "pk")[:DATES_PER_EVENT]
    )


def opportunities(query: QueryDict) -> QuerySet[Opportunity]:
    filters = {}
    if query:
        form = OpportunityFilterForm(query)
        form.is_valid()
        filters = form.cleaned_data
    return (
        opportunity_selectors.opportunity_list(filters=filters)
        .prefetch_related(None)
        .prefetch_related(_ordered_fields, _ordered_groups)
    )


def opportunity(pk: int) -> Opportunity:
    return (
        Opportunity.objects.public()
        .select_related("organisation", "district")
        .prefetch_related(_ordered_fields, _ordered_groups)
        .get(pk=pk)
    )


def processes() -> QuerySet[Process]:
    return participation_selectors.processes_public().order_by("-created_at", "pk")


def process(pk: int) -> Process:
    return processes().get(pk=pk)


def _measure_updates() -> Prefetch:
    return Prefetch("updates", queryset=MeasureUpdate.objects.order_by("-date", "-pk"))


def measures(query: QueryDict) -> QuerySet[Measure]:
    """The measures page's filters: ``stand``, ``bereich``, ``verfahren``, ``q``."""
    state = query.get("stand", "")
    filters = {
        "state": state if state in MeasureState.values else "",
        "field": query.get("bereich", "")[:100],
        "process": query.get("verfahren", "")[:220],
        "q": query.get("q", "").strip()[:100],
    }
    return (
        participation_selectors.measures_public(**filters)
        .prefetch_related(_measure_updates())
        .order_by("title", "pk")
    )


def measure(pk: int) -> Measure:
    return measures(QueryDict()).get(pk=pk)


def articles(query: QueryDict) -> QuerySet[Article]:
    """Published articles, newest first; ``kategorie`` filters like the category pages."""
    articles = Article.objects.public().select_related("organisation")
    if slug := query.get("kategorie"):
        articles = articles.filter(categories__in=Category.objects.filter(slug=slug[:100]))
    return articles.prefetch_related(
        Prefetch("categories", queryset=Category.objects.order_by("position", "name"))
    ).order_by("-publish_at", "-pk")


def article(pk: int) -> Article:
    return articles(QueryDict()).get(pk=pk)


def links() -> QuerySet[Link]:
    return (
        Link.objects.public()
        .select_related("category")
        .order_by("category__position", "category__name", "position", "title", "pk")
    )
