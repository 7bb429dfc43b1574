"""What the open data API returns and accepts, as pydantic schemas (the OpenAPI document).

Nothing here carries personal data: no registrants, interests, subscribers, no contact persons
and no contact addresses an organisation has not marked as public.
"""

from datetime import date, datetime, time
from typing import Literal

from ninja import Field, Schema
from pydantic import model_validator

from .validation import NO_OBJECT


class Licence(Schema):
    name: str
    url: str


class Term(Schema):
    """A term of a shared list (field of engagement, target group, district, category)."""

    slug: str
    name: str


class OrganisationRef(Schema):
    id: int
    slug: str
    name: str
    url: str = Field(description="The organisation's page on the site.")
    api_url: str


class Address(Schema):
    street: str
    postcode: str
    city: str


class Organisation(Schema):
    id: int = Field(description="Stable identifier; never reused.")
    slug: str
    name: str
    kind: str
    kind_label: str
    short_description: str
    description: str = Field(description="Markdown.")
    fields: list[Term]
    target_groups: list[Term]
    district: Term | None
    address: Address
    latitude: float | None
    longitude: float | None
    meeting_times: str
    website: str
    social_links: list[str]
    email: str = Field(description="Only when the organisation shows it publicly; else empty.")
    phone: str = Field(description="Only when the organisation shows it publicly; else empty.")
    founded_year: int | None
    seeks_members: bool
    seeks_volunteers: bool
    barrier_free: bool
    accessibility_notes: str
    languages: list[str]
    verified_at: datetime | None
    updated_at: datetime
    url: str
    api_url: str


class Project(Schema):
    id: int
    slug: str
    title: str
    summary: str
    description: str
    status: str
    organisation: OrganisationRef
    partners: list[OrganisationRef]
    field: Term | None
    starts_on: date | None
    ends_on: date | None
    updated_at: datetime
    url: str
    api_url: str


class Venue(Schema):
    name: str
    address: Address
    district: Term | None
    latitude: float | None
    longitude: float | None
    step_free: bool
    accessible_wc: bool
    hearing_loop: bool
    accessibility_notes: str


class Date(Schema):
    """One date (occurrence) of an event."""

    id: int
    starts_at: datetime
    ends_at: datetime | None
    is_cancelled: bool
    note: str


class Course(Schema):
    provider: str
    learning_goals: str
    prerequisites: str
    scope: str


class Event(Schema):
    id: int
    slug: str
    title: str
    kind: Literal["termin", "fortbildung"]
    state: str
    state_note: str
    organiser: OrganisationRef | None = Field(description="Empty: the network office.")
    organiser_name: str
    short_description: str
    description: str
    starts_at: datetime = Field(description="The first date of the event.")
    ends_at: datetime | None
    all_day: bool
    recurrence: str
    next_date: Date | None = Field(description="The next date that has not ended yet.")
    venue: Venue | None
    online_url: str
    is_free: bool
    cost: str
    fields: list[Term]
    target_groups: list[Term]
    registration_required: bool
    course: Course | None = Field(description="Only for training courses (Fortbildungen).")
    updated_at: datetime
    url: str
    api_url: str


class EventDetail(Event):
    dates: list[Date] = Field(description="The next dates (at most 50).")


class EventRef(Schema):
    id: int
    slug: str
    title: str
    kind: str
    organiser_name: str
    venue_name: str
    district: Term | None
    is_free: bool
    url: str
    api_url: str


class Occurrence(Date):
    event: EventRef


class Opportunity(Schema):
    id: int
    slug: str
    title: str
    summary: str
    tasks: str
    organisation: OrganisationRef
    state: str
    commitment: str
    dates: list[dict[str, str]]
    hours: int | None
    hours_period: str
    time_slots: list[str]
    suited_for: list[str]
    offers: list[str]
    offers_note: str
    skills: list[str]
    skills_note: str
    languages: str
    needs_police_certificate: bool
    needs_driving_licence: bool
    people_needed: int
    place: str
    district: Term | None
    is_remote: bool
    fields: list[Term]
    target_groups: list[Term]
    start_date: date | None
    end_date: date | None
    published_at: datetime
    updated_at: datetime
    url: str
    api_url: str


class Phase(Schema):
    title: str
    description: str
    starts_on: date
    ends_on: date
    allows_contributions: bool


class Process(Schema):
    id: int
    slug: str
    title: str
    summary: str
    description: str
    results: str
    phases: list[Phase]
    contribution_count: int
    measure_count: int
    updated_at: datetime
    url: str
    api_url: str


class ProcessRef(Schema):
    id: int
    slug: str
    title: str


class MeasureUpdate(Schema):
    date: date
    text: str
    progress: int
    state: str


class Measure(Schema):
    id: int
    slug: str
    title: str
    summary: str
    description: str
    state: str
    state_label: str
    progress: int = Field(ge=0, le=100)
    starts_on: date | None
    ends_on: date | None
    field: Term | None
    process: ProcessRef | None
    responsible_organisation: OrganisationRef | None
    updates: list[MeasureUpdate]
    updated_at: datetime
    url: str
    api_url: str


class Article(Schema):
    id: int
    slug: str
    title: str
    teaser: str
    body: str = Field(description="Markdown.")
    byline: str
    publish_at: datetime
    categories: list[Term]
    organisation: OrganisationRef | None = Field(description="The club that wrote the article.")
    updated_at: datetime
    url: str
    api_url: str


class LinkCategory(Schema):
    name: str
    description: str


class Link(Schema):
    id: int
    title: str
    address: str
    description: str
    category: LinkCategory


class Page(Schema):
    count: int = Field(description="Number of items on all pages.")
    page: int
    pages: int
    per_page: int
    next: str | None
    previous: str | None
    licence: Licence


class OrganisationPage(Page):
    results: list[Organisation]


class ProjectPage(Page):
    results: list[Project]


class EventPage(Page):
    results: list[Event]


class OccurrencePage(Page):
    results: list[Occurrence]


class OpportunityPage(Page):
    results: list[Opportunity]


class ProcessPage(Page):
    results: list[Process]


class MeasurePage(Page):
    results: list[Measure]


class ArticlePage(Page):
    results: list[Article]


class LinkPage(Page):
    results: list[Link]


class Error(Schema):
    detail: str


class ValidationErrors(Schema):
    """Why parameters or data were refused; keys are fields (``venue.name``) or ``__all__``."""

    detail: str
    errors: dict[str, list[str]] = Field(description="Messages per field, for people.")
    codes: dict[str, list[str]] = Field(
        description=(
            "Per field, a code for each message in the same order: the type of a value of the "
            "wrong type or shape (missing, int_parsing, date_from_datetime_parsing, …), or the "
            "check that refused it (required, invalid_choice, invalid, …)."
        )
    )


class Index(Schema):
    name: str
    licence: Licence
    documentation: str
    openapi: str
    resources: dict[str, str]
    exports: dict[str, str]


# --- What organisations push with a token ------------------------------------------------------


class VenueIn(Schema):
    name: str = Field(max_length=200)
    street: str = ""
    postcode: str = ""
    city: str = ""
    district: str | None = Field(None, description="Slug of a district.")
    step_free: bool = False
    accessible_wc: bool = False
    hearing_loop: bool = False


class ObjectIn(Schema):
    """A pushed body: a JSON object, nothing else."""

    @model_validator(mode="before")
    @classmethod
    def _only_objects(cls, data):
        # ninja wraps the input to read attributes; without this, a bare string would lend
        # its methods as values ("text".title() as the title).
        if not isinstance(getattr(data, "_obj", data), dict):
            raise ValueError(str(NO_OBJECT))
        return data


class EventIn(ObjectIn):
    """An event of the token's organisation. On update, only the given keys change."""

    title: str | None = Field(None, max_length=200)
    kind: Literal["termin", "fortbildung"] | None = None
    short_description: str | None = None
    description: str | None = None
    start_date: date | None = None
    start_time: time | None = None
    end_date: date | None = None
    end_time: time | None = None
    all_day: bool | None = None
    recurrence: Literal["none", "weekly", "monthly"] | None = None
    recurrence_interval: int | None = Field(None, ge=1, le=52)
    recurrence_weekdays: list[Literal["MO", "TU", "WE", "TH", "FR", "SA", "SU"]] | None = None
    recurrence_until: date | None = None
    recurrence_count: int | None = Field(None, ge=1, le=500)
    venue: VenueIn | None = None
    online_url: str | None = None
    is_free: bool | None = None
    cost: str | None = None
    fields: list[str] | None = Field(None, description="Slugs of fields of engagement.")
    target_groups: list[str] | None = Field(None, description="Slugs of target groups.")
    is_published: bool | None = None
    provider: str | None = None
    learning_goals: str | None = None
    prerequisites: str | None = None
    course_scope: str | None = None


class DateIn(Schema):
    date: date
    note: str = ""


class OpportunityIn(ObjectIn):
    """An opportunity of the token's organisation. On update, only the given keys change."""

    title: str | None = Field(None, max_length=200)
    summary: str | None = Field(None, max_length=300)
    tasks: str | None = None
    commitment: Literal["einmalig", "regelmaessig", "flexibel"] | None = None
    dates: list[DateIn] | None = Field(None, description="For one-off engagements.")
    hours: int | None = Field(None, ge=1, le=1000)
    hours_period: Literal["week", "month"] | None = None
    time_slots: list[str] | None = None
    suited_for: list[str] | None = None
    skills: list[str] | None = None
    offers: list[str] | None = None
    offers_note: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    place: str | None = None
    district: str | None = Field(None, description="Slug of a district.")
    is_remote: bool | None = None
    fields: list[str] | None = Field(None, description="Slugs of fields of engagement.")
    target_groups: list[str] | None = None
    needs_police_certificate: bool | None = None
    needs_driving_licence: bool | None = None
    languages: str | None = None
    skills_note: str | None = None
    people_needed: int | None = Field(None, ge=1, le=1000)
    contact_name: str | None = None
    contact_email: str | None = Field(
        None, description="Receives the messages of interested people; never published."
    )
    contact_phone: str | None = None


class Pushed(Schema):
    id: int
    slug: str
    url: str
    api_url: str
