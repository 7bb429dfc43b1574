"""The public, read-only endpoints of the open data API."""

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Field as _Field
from ninja import Query, Router

from engagementnetz.core.site_cache import cached_site_settings

from . import schemas, selectors, serializers
from .pagination import PageParams, licence, paginate

router = Router(tags=["Offene Daten"])


class DirectoryFilters(PageParams):
    q: str | None = _Field(None, max_length=100, description="Search term.")
    bereich: str | None = _Field(None, description="Slug of a field of engagement.")
    art: str | None = _Field(None, description="Kind of organisation, e.g. verein.")
    stadtteil: str | None = _Field(None, description="Slug of a district.")
    zielgruppe: str | None = _Field(None, description="Slug of a target group.")
    mitglieder: bool | None = _Field(None, description="Only those looking for members.")
    engagierte: bool | None = _Field(None, description="Only those looking for volunteers.")
    barrierefrei: bool | None = _Field(None, description="Only barrier-free premises.")
    sortierung: str | None = _Field(None, description="name, neu or aktualisiert.")
    buchstabe: str | None = _Field(None, max_length=1, description="First letter (A–Z, #).")


class ProjectFilters(PageParams):
    q: str | None = _Field(None, max_length=100)
    bereich: str | None = None
    status: str | None = _Field(None, description="planned, running or completed.")


class CalendarFilters(PageParams):
    q: str | None = _Field(None, max_length=100)
    art: str | None = _Field(None, description="termin or fortbildung.")
    bereich: str | None = None
    zielgruppe: str | None = None
    stadtteil: str | None = None
    veranstalter: str | None = _Field(None, description="Slug of the organising organisation.")
    von: str | None = _Field(None, description="First day of the period (YYYY-MM-DD).")
    bis: str | None = _Field(None, description="Last day of the period (YYYY-MM-DD).")
    zeitraum: str | None = _Field(None, description="heute, woche or wochenende.")
    kostenlos: bool | None = None
    barrierefrei: bool | None = _Field(None, description="Only step-free venues.")


class OpportunityFilters(PageParams):
    bereich: list[str] | None = _Field(None, description="Slugs of fields of engagement.")
    umfang: list[str] | None = _Field(None, description="einmalig, regelmaessig, flexibel.")
    zeit: list[str] | None = _Field(None, description="werktags, abends, wochenende.")
    ort: str | None = _Field(None, description="Slug of a district, or zuhause.")
    geeignet: list[str] | None = None
    angebot: list[str] | None = None
    ohne: list[str] | None = _Field(None, description="fuehrungszeugnis, fuehrerschein.")
    sortierung: str | None = _Field(None, description="neu or bald.")


class MeasureFilters(PageParams):
    q: str | None = _Field(None, max_length=100)
    stand: str | None = _Field(None, description="planned, in_progress, done or deferred.")
    bereich: str | None = None
    verfahren: str | None = _Field(None, description="Slug of a participation process.")


class NewsFilters(PageParams):
    kategorie: str | None = _Field(None, description="Slug of a category.")


def _get(getter, pk: int):
    try:
        return getter(pk)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc


def _organiser_name() -> str:
    site = cached_site_settings()
    return site.contact_name or site.name


@router.get("/", response=schemas.Index, url_name="index", summary="What the API offers")
def index(request: HttpRequest):
    def absolute(name: str, **kwargs) -> str:
        return serializers.absolute(reverse(f"api:{name}", kwargs=kwargs or None))

    return {
        "name": cached_site_settings().name,
        "licence": licence(),
        "documentation": absolute("docs"),
        "openapi": absolute("openapi-json"),
        "resources": {
            name: absolute(f"{name}_list")
            for name in (
                "organisations",
                "projects",
                "events",
                "dates",
                "courses",
                "opportunities",
                "processes",
                "measures",
                "news",
                "links",
            )
        },
        "exports": {
            f"{dataset}.{fmt}": absolute("export", dataset=dataset, file_format=fmt)
            for dataset in ("organisationen", "termine", "massnahmen")
            for fmt in ("csv", "json")
        },
    }


@router.get(
    "/organisations",
    response=schemas.OrganisationPage,
    url_name="organisations_list",
    summary="Organisations of the directory",
)
def organisation_list(request: HttpRequest, filters: Query[DirectoryFilters]):
    return paginate(
        request, selectors.organisations(request.GET), serializers.organisation, filters
    )


@router.get(
    "/organisations/{pk}",
    response=schemas.Organisation,
    url_name="organisation_detail",
    summary="One organisation",
)
def organisation_detail(request: HttpRequest, pk: int):
    return serializers.organisation(_get(selectors.organisation, pk))


@router.get("/projects", response=schemas.ProjectPage, url_name="projects_list", summary="Projects")
def project_list(request: HttpRequest, filters: Query[ProjectFilters]):
    return paginate(request, selectors.projects(request.GET), serializers.project, filters)


@router.get(
    "/projects/{pk}", response=schemas.Project, url_name="project_detail", summary="One project"
)
def project_detail(request: HttpRequest, pk: int):
    return serializers.project(_get(selectors.project, pk))


def _event_list(request: HttpRequest, queryset, filters: PageParams):
    name = _organiser_name()
    return paginate(
        request, queryset, lambda event: serializers.event(event, organiser_name=name), filters
    )


@router.get(
    "/events",
    response=schemas.EventPage,
    url_name="events_list",
    summary="Events and courses with a date in the period (default: upcoming)",
)
def event_list(request: HttpRequest, filters: Query[CalendarFilters]):
    return _event_list(request, selectors.events(request.GET), filters)


@router.get(
    "/courses",
    response=schemas.EventPage,
    url_name="courses_list",
    summary="Training courses (Fortbildungen)",
)
def course_list(request: HttpRequest, filters: Query[CalendarFilters]):
    return _event_list(request, selectors.courses(request.GET), filters)


@router.get(
    "/events/{pk}",
    response=schemas.EventDetail,
    url_name="event_detail",
    summary="One event with its next dates",
)
def event_detail(request: HttpRequest, pk: int):
    event = _get(selectors.event, pk)
    dates = selectors.event_dates(event, now=timezone.now())
    data = serializers.event(event, organiser_name=_organiser_name(), next_dates=dates)
    data["dates"] = [serializers.date(occurrence) for occurrence in dates]
    return data


@router.get(
    "/dates",
    response=schemas.OccurrencePage,
    url_name="dates_list",
    summary="Dates (occurrences) of events in a period, like the calendar",
)
def date_list(request: HttpRequest, filters: Query[CalendarFilters]):
    name = _organiser_name()
    return paginate(
        request,
        selectors.occurrences(request.GET),
        lambda occurrence: serializers.occurrence(occurrence, organiser_name=name),
        filters,
    )


@router.get(
    "/opportunities",
    response=schemas.OpportunityPage,
    url_name="opportunities_list",
    summary="Open volunteer opportunities (Engagement-Börse)",
)
def opportunity_list(request: HttpRequest, filters: Query[OpportunityFilters]):
    return paginate(request, selectors.opportunities(request.GET), serializers.opportunity, filters)


@router.get(
    "/opportunities/{pk}",
    response=schemas.Opportunity,
    url_name="opportunity_detail",
    summary="One open volunteer opportunity",
)
def opportunity_detail(request: HttpRequest, pk: int):
    return serializers.opportunity(_get(selectors.opportunity, pk))


@router.get(
    "/processes",
    response=schemas.ProcessPage,
    url_name="processes_list",
    summary="Participation processes",
)
def process_list(request: HttpRequest, filters: Query[PageParams]):
    return paginate(request, selectors.processes(), serializers.process, filters)


@router.get(
    "/processes/{pk}",
    response=schemas.Process,
    url_name="process_detail",
    summary="One participation process",
)
def process_detail(request: HttpRequest, pk: int):
    return serializers.process(_get(selectors.process, pk))


@router.get(
    "/measures",
    response=schemas.MeasurePage,
    url_name="measures_list",
    summary="Measures (Maßnahmen) of the engagement strategy",
)
def measure_list(request: HttpRequest, filters: Query[MeasureFilters]):
    return paginate(request, selectors.measures(request.GET), serializers.measure, filters)


@router.get(
    "/measures/{pk}", response=schemas.Measure, url_name="measure_detail", summary="One measure"
)
def measure_detail(request: HttpRequest, pk: int):
    return serializers.measure(_get(selectors.measure, pk))


@router.get("/news", response=schemas.ArticlePage, url_name="news_list", summary="News")
def article_list(request: HttpRequest, filters: Query[NewsFilters]):
    return paginate(request, selectors.articles(request.GET), serializers.article, filters)


@router.get(
    "/news/{pk}", response=schemas.Article, url_name="article_detail", summary="One article"
)
def article_detail(request: HttpRequest, pk: int):
    return serializers.article(_get(selectors.article, pk))


@router.get(
    "/links",
    response=schemas.LinkPage,
    url_name="links_list",
    summary="Links to Verbände and Netzwerke",
)
def link_list(request: HttpRequest, filters: Query[PageParams]):
    return paginate(request, selectors.links(), serializers.link, filters)
