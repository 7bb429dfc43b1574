"""Which objects the search knows, and what it knows about them.

Each source names a model, the queryset of its public objects (with what the builder needs
already joined) and a builder turning one object into a :class:`Document`. An object that is
not in its source's public queryset is not in the index. Sources of apps that are not installed
are skipped, so the registry can name every content type of the platform.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from engagementnetz.core.markdown import render_markdown

from .models import DocumentKind

TEXT_LIMIT = 4000  # characters of plain text kept for excerpts


@dataclass
class Document:
    title: str
    url: str
    kind: str
    body: str = ""  # searched and used for the excerpt (plain text)
    extra: str = ""  # searched, never shown (kind, organiser, place, fields, …)
    summary: str = ""
    district_id: int | None = None
    field_ids: list[int] = field(default_factory=list)
    boost: int = 0
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    date: datetime | None = None
    meta: str = ""


@dataclass(frozen=True)
class Source:
    model: str  # "app_label.ModelName"
    public: Callable[[], models.QuerySet]
    build: Callable[[models.Model], Document]
    # Objects whose documents depend on this one (e.g. the events of an organisation); they
    # follow when this one appears, disappears or is renamed.
    dependents: Callable[[models.Model], Iterable[models.Model]] | None = None
    # Documents that change with time alone (upcoming events) are rebuilt by a periodic job.
    changes_with_time: bool = False

    @property
    def model_class(self) -> type[models.Model] | None:
        try:
            return apps.get_model(self.model)
        except LookupError:
            return None


def plain(markdown_text: str) -> str:
    """Plain text of Markdown, for searching and excerpts."""
    if not markdown_text:
        return ""
    text = strip_tags(str(render_markdown(markdown_text)))
    from html import unescape

    return " ".join(unescape(text).split())[:TEXT_LIMIT]


def join(*parts: str) -> str:
    return " ".join(str(part) for part in parts if part)


def names(items: Iterable) -> str:
    return " ".join(str(item) for item in items)


def short(text: str, words: int = 40) -> str:
    return Truncator(" ".join((text or "").split())).words(words)


# --- organisations ----------------------------------------------------------------------------


def _organisations():
    from engagementnetz.organisations.models import Organisation

    return (
        Organisation.objects.public()
        .select_related("district")
        .prefetch_related("fields", "target_groups")
    )


def _organisation(org) -> Document:
    fields = list(org.fields.all())
    return Document(
        title=org.name,
        url=org.get_absolute_url(),
        kind=DocumentKind.ORGANISATION,
        body=join(org.short_description, plain(org.description), org.meeting_times),
        extra=join(
            org.get_kind_display(),
            names(fields),
            names(org.target_groups.all()),
            org.city,
            org.district.name if org.district else "",
            org.languages,
            _("looking for volunteers") if org.seeks_volunteers else "",
            _("barrier-free") if org.barrier_free else "",
        ),
        summary=org.short_description,
        district_id=org.district_id,
        field_ids=[f.pk for f in fields],
        # Only verified organisations are public; they come before other content of equal score.
        boost=3 if org.is_public else 0,
        meta=join(org.get_kind_display(), f"· {org.district.name}" if org.district else ""),
    )


def _organisation_dependents(org) -> Iterable[models.Model]:
    """What is public only while its organisation is, and names it in its text."""
    for relation in ("projects", "events", "opportunities"):
        manager = getattr(org, relation, None)
        if manager is not None and hasattr(manager, "all"):
            yield from manager.all()


def _projects():
    from engagementnetz.organisations.models import Project

    return (
        Project.objects.public()
        .select_related("organisation", "organisation__district", "field")
        .prefetch_related("partners")
    )


def _project(project) -> Document:
    organisation = project.organisation
    return Document(
        title=project.title,
        url=project.get_absolute_url(),
        kind=DocumentKind.PROJECT,
        body=join(project.summary, plain(project.description)),
        extra=join(
            organisation.name,
            names(project.partners.all()),
            project.field.name if project.field else "",
            organisation.district.name if organisation.district else "",
            project.get_status_display(),
        ),
        summary=project.summary,
        district_id=organisation.district_id,
        field_ids=[project.field_id] if project.field_id else [],
        meta=organisation.name,
    )


def _links():
    from engagementnetz.organisations.models import Link

    return Link.objects.public().select_related("category")


def _link(link) -> Document:
    return Document(
        title=link.title,
        url=link.url,
        kind=DocumentKind.LINK,
        body=" ".join(link.description.split()),
        extra=link.category.name,
        summary=link.description,
        meta=link.category.name,
    )


# --- events -----------------------------------------------------------------------------------


def _events():
    from django.db.models import Prefetch

    from engagementnetz.events.models import Event, Occurrence

    return (
        Event.objects.public()
        .select_related("organiser", "venue", "venue__district")
        .prefetch_related(
            "fields",
            "target_groups",
            Prefetch(
                "occurrences",
                queryset=Occurrence.objects.filter(is_cancelled=False).order_by("starts_at"),
                to_attr="search_dates",
            ),
        )
    )


def _event(event) -> Document:
    from django.utils import timezone

    from engagementnetz.events.models import EventKind, EventState

    now = timezone.now()
    dates = event.search_dates
    # The next date that has not ended; after the last one, the last one.
    shown = next((d for d in dates if (d.ends_at or d.starts_at) >= now), None)
    if shown is None and dates:
        shown = dates[-1]
    starts_at = shown.starts_at if shown else event.starts_at
    ends_at = (shown.ends_at or shown.starts_at) if shown else (event.ends_at or event.starts_at)
    venue = event.venue
    district = venue.district if venue else None
    fields = list(event.fields.all())
    organiser = event.organiser.name if event.organiser_id else ""
    cancelled = event.state == EventState.CANCELLED
    return Document(
        title=event.title,
        url=event.get_absolute_url(),
        kind=DocumentKind.COURSE if event.kind == EventKind.FORTBILDUNG else DocumentKind.EVENT,
        body=join(
            event.short_description,
            plain(event.description),
            event.learning_goals,
            event.prerequisites,
            event.state_note,
        ),
        extra=join(
            event.get_kind_display(),
            organiser,
            event.provider,
            venue.name if venue else "",
            venue.address if venue else "",
            district.name if district else "",
            names(fields),
            names(event.target_groups.all()),
            _("free of charge") if event.is_free else event.cost,
            _("online") if event.online_url else "",
        ),
        summary=event.short_description,
        district_id=district.pk if district else None,
        field_ids=[f.pk for f in fields],
        # Cancelled events stay findable, below the ones that take place.
        boost=-5 if cancelled else 0,
        starts_at=starts_at,
        ends_at=ends_at,
        date=starts_at,
        meta=join(
            _("cancelled") if cancelled else "",
            organiser,
            f"· {venue.name}" if venue else "",
        ),
    )


# --- news ---------------------------------------------------------------------------------------


def _articles():
    from engagementnetz.news.models import Article

    return (
        Article.objects.public()
        .select_related("organisation")
        .prefetch_related("categories", "organisations")
    )


def _article(article) -> Document:
    return Document(
        title=article.title,
        url=article.get_absolute_url(),
        kind=DocumentKind.NEWS,
        body=join(article.teaser, plain(article.body)),
        extra=join(
            names(article.categories.all()),
            names(article.organisations.all()),
            article.organisation.name if article.organisation_id else "",
            article.author_name,
        ),
        summary=article.teaser,
        date=article.publish_at,
        meta=article.byline,
    )


# --- participation ------------------------------------------------------------------------------


def _processes():
    from engagementnetz.participation.models import Process

    return Process.objects.public().prefetch_related("phases", "tables")


def _process(process) -> Document:
    return Document(
        title=process.title,
        url=process.get_absolute_url(),
        kind=DocumentKind.PROCESS,
        body=join(process.summary, plain(process.description), plain(process.results)),
        extra=join(
            names(phase.title for phase in process.phases.all()),
            " ".join(join(table.title, table.question) for table in process.tables.all()),
        ),
        summary=process.summary,
        # The strategy's processes are few and central: before single contributions.
        boost=2,
        date=process.created_at,
    )


def _process_dependents(process) -> Iterable[models.Model]:
    return process.contributions.all()


def _contributions():
    from engagementnetz.participation.models import Contribution

    return (
        Contribution.objects.published()
        .filter(process__is_published=True)
        .select_related("process", "table")
    )


def _contribution(contribution) -> Document:
    process = contribution.process
    return Document(
        title=short(contribution.text, 12),
        url=contribution.get_absolute_url(),
        kind=DocumentKind.CONTRIBUTION,
        body=join(contribution.text, contribution.official_answer),
        extra=join(
            contribution.get_kind_display(),
            contribution.table.title if contribution.table_id else "",
            process.title,
            contribution.author_name,
        ),
        summary=contribution.text,
        date=contribution.published_at or contribution.created_at,
        meta=join(
            contribution.get_kind_display(),
            f"· {contribution.table.title}" if contribution.table_id else f"· {process.title}",
        ),
    )


def _measures():
    from engagementnetz.participation.models import Measure

    return Measure.objects.public().select_related(
        "field", "responsible_organisation", "responsible_organisation__district"
    )


def _measure(measure) -> Document:
    organisation = measure.responsible_organisation
    return Document(
        title=measure.title,
        url=measure.get_absolute_url(),
        kind=DocumentKind.MEASURE,
        body=join(measure.summary, plain(measure.description)),
        extra=join(
            measure.get_state_display(),
            measure.field.name if measure.field else "",
            organisation.name if organisation else "",
            measure.responsible_person,
        ),
        summary=measure.summary,
        district_id=organisation.district_id if organisation else None,
        field_ids=[measure.field_id] if measure.field_id else [],
        boost=1,
        meta=join(measure.get_state_display(), f"· {measure.progress} %"),
    )


# --- pages --------------------------------------------------------------------------------------


def _pages():
    from engagementnetz.pages.models import Page

    return Page.objects.published()


def _page(page) -> Document:
    body = plain(page.body)
    return Document(
        title=page.title,
        url=page.get_absolute_url(),
        kind=DocumentKind.PAGE,
        body=body,
        summary=short(body, 30),
        # Legal pages are found, but after the content people usually look for.
        boost=-2 if page.is_legal else 0,
    )


SOURCES: list[Source] = [
    Source(
        "organisations.Organisation",
        _organisations,
        _organisation,
        dependents=_organisation_dependents,
    ),
    Source("organisations.Project", _projects, _project),
    Source("organisations.Link", _links, _link),
    Source("events.Event", _events, _event, changes_with_time=True),
    Source("news.Article", _articles, _article),
    Source("participation.Process", _processes, _process, dependents=_process_dependents),
    Source("participation.Contribution", _contributions, _contribution),
    Source("participation.Measure", _measures, _measure),
    Source("pages.Page", _pages, _page),
]


def installed_sources() -> list[Source]:
    return [source for source in SOURCES if source.model_class is not None]


def source_for(obj: models.Model) -> Source | None:
    label = obj._meta.label
    for source in SOURCES:
        if source.model == label:
            return source
    return None
