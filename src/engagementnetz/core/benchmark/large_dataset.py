"""The large data set of the benchmark, built reproducibly from a seed.

Sizes at scale 1 are those of PRODUCT.md: 5,000 organisations, 2,000 projects, 50,000 event
dates, 5,000 volunteer opportunities, 10,000 news articles and 20,000 citizen contributions.
The same seed gives the same names, texts and relations; dates are placed relative to the day
the set is built, so that the calendar always has upcoming dates. Rows are written with
``bulk_create``; the search index is then rebuilt by the search app's own service.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

SIZES = {
    "organisations": 5000,
    "projects": 2000,
    "series": 4000,  # weekly events with SERIES_LENGTH dates each
    "single_events": 2000,
    "opportunities": 5000,
    "articles": 10000,
    "processes": 20,
    "contributions": 20000,
    "measures": 300,
    "venues": 200,
}
SERIES_LENGTH = 12  # 4,000 series × 12 + 2,000 single dates = 50,000 occurrences
BATCH = 500

PLACES = ["Bitburg", "Erdorf", "Irsch", "Masholder", "Matzen", "Mötsch", "Stahl", "Eifel"]
ORGANISATION_PATTERNS = [
    ("verein", "Musikverein {adj} {place}"),
    ("verein", "Sportfreunde {place}"),
    ("verein", "Turnverein {adj} {place}"),
    ("verein", "Heimat- und Verkehrsverein {place}"),
    ("verein", "Förderverein {thing} {place}"),
    ("verein", "Karnevalsgesellschaft {adj} {place}"),
    ("initiative", "Initiative {thing} {place}"),
    ("initiative", "Repair-Café {place}"),
    ("initiative", "Nachbarschaftshilfe {place}"),
    ("einrichtung", "Seniorenzentrum {adj} {place}"),
    ("einrichtung", "Jugendtreff {thing} {place}"),
    ("verband", "Kreisverband {thing} Eifel"),
    ("kirchengemeinde", "Pfarrei St. {saint} {place}"),
    ("schule", "Grundschule {place}"),
]
ADJECTIVES = ["Harmonie", "Eintracht", "Frohsinn", "Concordia", "Einigkeit", "Aufbruch", "Zukunft"]
THINGS = ["Lesepaten", "Umwelt", "Kinderhilfe", "Tafel", "Kultur", "Integration", "Naturschutz"]
SAINTS = ["Peter", "Maria", "Martin", "Josef", "Laurentius", "Hubertus"]
WORDS = [
    "Ehrenamt",
    "Verein",
    "Nachbarschaft",
    "Jugend",
    "Senioren",
    "Familien",
    "Musik",
    "Probe",
    "Chor",
    "Garten",
    "Umwelt",
    "Natur",
    "Fahrrad",
    "Reparatur",
    "Lesen",
    "Sprache",
    "Begegnung",
    "Sport",
    "Training",
    "Mannschaft",
    "Feuerwehr",
    "Hilfe",
    "Einkauf",
    "Besuch",
    "Kultur",
    "Theater",
    "Kunst",
    "Fest",
    "Markt",
    "Stadt",
    "Eifel",
    "Kinder",
    "Schule",
    "Spiel",
    "Wandern",
    "Kochen",
    "Backen",
    "Café",
    "Gespräch",
    "Beratung",
    "Tiere",
    "Pflege",
    "Bildung",
    "Kurs",
    "Werkstatt",
]
EVENT_TITLES = [
    "Offene Probe",
    "Repair-Café",
    "Lauftreff",
    "Sprachcafé",
    "Spieleabend",
    "Wanderung",
    "Erste-Hilfe-Kurs",
    "Vorlesestunde",
    "Gartentag",
    "Seniorencafé",
]
OPPORTUNITY_TITLES = [
    "Lesepatin oder Lesepate",
    "Helfende Hände beim Fest",
    "Fahrdienst für Senioren",
    "Trainerin oder Trainer",
    "Begleitung beim Einkauf",
    "Hausaufgabenhilfe",
    "Mitarbeit im Repair-Café",
    "Betreuung am Infostand",
]


@dataclass
class Built:
    """How many rows of each kind the builder wrote."""

    counts: dict[str, int] = field(default_factory=dict)


class Writer:
    """Deterministic texts from one random source."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def sentence(self, words: int = 10) -> str:
        chosen = [self.rng.choice(WORDS) for _ in range(words)]
        return " ".join(chosen).capitalize() + "."

    def paragraph(self, sentences: int = 4) -> str:
        return " ".join(self.sentence(self.rng.randint(6, 14)) for _ in range(sentences))

    def markdown(self) -> str:
        return f"{self.paragraph()}\n\n## {self.rng.choice(WORDS)}\n\n{self.paragraph(3)}"


def sized(scale: float) -> dict[str, int]:
    return {name: max(1, round(count * scale)) for name, count in SIZES.items()}


def _unique(names: list[str]) -> list[str]:
    """Repeated names get a number, as in a real directory ("Sportfreunde Irsch 2")."""
    seen: dict[str, int] = {}
    result = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        result.append(name if seen[name] == 1 else f"{name} {seen[name]}")
    return result


def organisation_names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """(kind, name) of ``count`` organisations, the same for the same random state."""
    picks = []
    for _ in range(count):
        kind, pattern = rng.choice(ORGANISATION_PATTERNS)
        name = pattern.format(
            adj=rng.choice(ADJECTIVES),
            place=rng.choice(PLACES),
            thing=rng.choice(THINGS),
            saint=rng.choice(SAINTS),
        )
        picks.append((kind, name))
    names = _unique([name for _kind, name in picks])
    return [(kind, name) for (kind, _name), name in zip(picks, names, strict=True)]


def _vocabularies(rng: random.Random, today: date):
    from engagementnetz.core import demo as core_demo
    from engagementnetz.core.demo_loader import DemoContext
    from engagementnetz.core.models import District, Field, TargetGroup

    if not Field.objects.exists():
        core_demo.load(DemoContext(rng=rng, today=today))
    return (
        list(Field.objects.order_by("pk")),
        list(TargetGroup.objects.order_by("pk")),
        list(District.objects.order_by("pk")),
    )


def _m2m(through, left: str, right: str, pairs) -> int:
    rows = [through(**{f"{left}_id": a, f"{right}_id": b}) for a, b in pairs]
    through.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
    return len(rows)


def _organisations(rng, writer, size, fields, groups, districts, now):
    from engagementnetz.organisations.models import Organisation, OrganisationState
    from engagementnetz.organisations.models.organisation import initial_of

    rows = []
    for index, (kind, name) in enumerate(organisation_names(rng, size["organisations"]), 1):
        # One in twenty waits for verification: lists must not show them.
        state = OrganisationState.SUBMITTED if index % 20 == 0 else OrganisationState.VERIFIED
        rows.append(
            Organisation(
                name=name,
                slug=f"{slugify(name)}-{index}",
                kind=kind,
                state=state,
                initial=initial_of(name),
                short_description=writer.sentence(12),
                description=writer.markdown(),
                district=rng.choice(districts),
                street=f"{rng.choice(WORDS)}straße {rng.randint(1, 90)}",
                postcode="54634",
                city="Bitburg",
                meeting_times=writer.sentence(6),
                seeks_members=rng.random() < 0.4,
                seeks_volunteers=rng.random() < 0.5,
                barrier_free=rng.random() < 0.3,
                founded_year=rng.randint(1850, 2024),
                verified_at=now if state == OrganisationState.VERIFIED else None,
                submitted_at=now,
            )
        )
    Organisation.objects.bulk_create(rows, batch_size=BATCH)
    organisations = list(Organisation.objects.order_by("pk"))
    _m2m(
        Organisation.fields.through,
        "organisation",
        "field",
        {(o.pk, f.pk) for o in organisations for f in rng.sample(fields, 2)},
    )
    _m2m(
        Organisation.target_groups.through,
        "organisation",
        "targetgroup",
        {(o.pk, rng.choice(groups).pk) for o in organisations},
    )
    return organisations


def _projects(rng, writer, size, organisations, fields, today):
    from engagementnetz.organisations.models import Project, ProjectStatus

    rows = []
    for index in range(1, size["projects"] + 1):
        title = f"{rng.choice(THINGS)}-Projekt {rng.choice(WORDS)} {index}"
        starts = today - timedelta(days=rng.randint(0, 700))
        rows.append(
            Project(
                title=title,
                slug=slugify(title),
                summary=writer.sentence(12),
                description=writer.markdown(),
                organisation=rng.choice(organisations),
                field=rng.choice(fields),
                starts_on=starts,
                ends_on=starts + timedelta(days=rng.randint(30, 900)),
                status=rng.choice(list(ProjectStatus)),
            )
        )
    Project.objects.bulk_create(rows, batch_size=BATCH)
    return list(Project.objects.order_by("pk"))


def _events(rng, writer, size, organisations, fields, groups, districts, today):
    from engagementnetz.events.models import Event, EventKind, Occurrence, Recurrence, Venue
    from engagementnetz.events.recurrence import make_local

    venues = [
        Venue(
            name=f"{rng.choice(['Bürgerhaus', 'Pfarrheim', 'Turnhalle', 'Vereinsheim'])} {index}",
            street=f"{rng.choice(WORDS)}weg {rng.randint(1, 40)}",
            postcode="54634",
            city="Bitburg",
            district=rng.choice(districts),
            step_free=rng.random() < 0.6,
            accessible_wc=rng.random() < 0.4,
        )
        for index in range(1, size["venues"] + 1)
    ]
    Venue.objects.bulk_create(venues, batch_size=BATCH)
    venues = list(Venue.objects.order_by("pk"))
    total = size["series"] + size["single_events"]
    rows, dates = [], []
    for index in range(1, total + 1):
        series = index <= size["series"]
        course = index % 5 == 0
        day = today + timedelta(days=rng.randint(-60, 300))
        starts = make_local(datetime.combine(day, time(rng.choice([10, 15, 18, 19]), 0)))
        title = f"{rng.choice(EVENT_TITLES)} {rng.choice(WORDS)} {index}"
        starts_list = (
            [starts + timedelta(weeks=week) for week in range(SERIES_LENGTH)]
            if series
            else [starts]
        )
        ends = [start + timedelta(hours=2) for start in starts_list]
        rows.append(
            Event(
                title=title,
                slug=slugify(title),
                kind=EventKind.FORTBILDUNG if course else EventKind.TERMIN,
                organiser=rng.choice(organisations) if index % 10 else None,
                short_description=writer.sentence(12),
                description=writer.markdown(),
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                recurrence=Recurrence.WEEKLY if series else Recurrence.NONE,
                recurrence_count=SERIES_LENGTH if series else None,
                last_ends_at=ends[-1],
                venue=rng.choice(venues),
                is_free=rng.random() < 0.7,
                provider="Ehrenamtsakademie" if course else "",
                learning_goals=writer.sentence(10) if course else "",
            )
        )
        dates.append(list(zip(starts_list, ends, strict=True)))
    Event.objects.bulk_create(rows, batch_size=BATCH)
    events = list(Event.objects.order_by("pk"))
    Occurrence.objects.bulk_create(
        (
            Occurrence(
                event_id=event.pk,
                starts_at=start,
                ends_at=end,
                original_start=start if event.recurrence != Recurrence.NONE else None,
            )
            for event, event_dates in zip(events, dates, strict=True)
            for start, end in event_dates
        ),
        batch_size=BATCH,
    )
    _m2m(Event.fields.through, "event", "field", {(e.pk, rng.choice(fields).pk) for e in events})
    _m2m(
        Event.target_groups.through,
        "event",
        "targetgroup",
        {(e.pk, rng.choice(groups).pk) for e in events},
    )
    return events


def _opportunities(rng, writer, size, organisations, fields, districts, now, today):
    from engagementnetz.opportunities.models import Commitment, Opportunity

    rows = []
    for index in range(1, size["opportunities"] + 1):
        title = f"{rng.choice(OPPORTUNITY_TITLES)} {rng.choice(WORDS)} {index}"
        rows.append(
            Opportunity(
                organisation=rng.choice(organisations),
                title=title,
                slug=slugify(title),
                summary=writer.sentence(12),
                tasks=writer.markdown(),
                commitment=rng.choice([Commitment.REGULAR, Commitment.FLEXIBLE]),
                hours=rng.randint(1, 6),
                hours_period="week",
                on_weekdays=rng.random() < 0.5,
                in_evenings=rng.random() < 0.4,
                on_weekends=rng.random() < 0.4,
                district=rng.choice(districts),
                is_remote=rng.random() < 0.1,
                for_young_people=rng.random() < 0.3,
                for_seniors=rng.random() < 0.3,
                offers_insurance=True,
                people_needed=rng.randint(1, 5),
                end_date=today + timedelta(days=rng.randint(30, 365)),
                contact_name="Kontaktperson",
                contact_email=f"gesuch{index}@example.org",
                published_at=now - timedelta(minutes=index),
                confirmed_at=now,
            )
        )
    Opportunity.objects.bulk_create(rows, batch_size=BATCH)
    opportunities = list(Opportunity.objects.order_by("pk"))
    _m2m(
        Opportunity.fields.through,
        "opportunity",
        "field",
        {(o.pk, rng.choice(fields).pk) for o in opportunities},
    )


def _articles(rng, writer, size, organisations, now):
    from engagementnetz.news.models import Article, ArticleState, Category

    categories = [
        Category.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})[0]
        for position, (slug, name) in enumerate(
            [("netzwerk", "Aus dem Netzwerk"), ("vereine", "Aus den Vereinen")]
        )
    ]
    rows = []
    for index in range(1, size["articles"] + 1):
        title = (
            f"{rng.choice(WORDS)} und {rng.choice(WORDS)}: Neues aus {rng.choice(PLACES)} {index}"
        )
        rows.append(
            Article(
                title=title,
                slug=slugify(title),
                teaser=writer.sentence(14),
                body=writer.markdown(),
                organisation=rng.choice(organisations) if index % 3 == 0 else None,
                state=ArticleState.PUBLISHED,
                publish_at=now - timedelta(hours=index),
                author_name="Netzwerkbüro",
            )
        )
    Article.objects.bulk_create(rows, batch_size=BATCH)
    articles = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    _m2m(
        Article.categories.through,
        "article",
        "category",
        {(pk, rng.choice(categories).pk) for pk in articles},
    )


def _participation(rng, writer, size, organisations, fields, now, today):
    from engagementnetz.participation.models import (
        Contribution,
        ContributionKind,
        Measure,
        MeasureState,
        ModerationState,
        Phase,
        Process,
        ThemeTable,
    )

    processes = []
    for index in range(1, size["processes"] + 1):
        title = f"Engagementstrategie {rng.choice(THINGS)} {index}"
        processes.append(
            Process.objects.create(
                title=title,
                slug=slugify(title),
                summary=writer.sentence(12),
                description=writer.markdown(),
                is_published=True,
            )
        )
        Phase.objects.create(
            process=processes[-1],
            title="Ideen sammeln",
            starts_on=today - timedelta(days=30),
            ends_on=today + timedelta(days=60),
            allows_contributions=True,
        )
    tables = [
        ThemeTable(
            process=process,
            title=f"Thementisch {thing}",
            slug=slugify(thing),
            question=writer.sentence(8).rstrip(".") + "?",
            position=position,
        )
        for process in processes
        for position, thing in enumerate(THINGS[:4])
    ]
    ThemeTable.objects.bulk_create(tables, batch_size=BATCH)
    tables = list(ThemeTable.objects.order_by("pk"))
    contributions = []
    for index in range(size["contributions"]):
        table = rng.choice(tables)
        moment = now - timedelta(minutes=index * 7)
        contributions.append(
            Contribution(
                process_id=table.process_id,
                table=table,
                kind=rng.choice(list(ContributionKind)),
                text=writer.paragraph(2),
                author_name=rng.choice(["", "Anna", "Bernd", "Carla", "Dieter"]),
                moderation=ModerationState.PUBLISHED,
                created_at=moment,
                published_at=moment,
                support_count=rng.randint(0, 30),
            )
        )
    Contribution.objects.bulk_create(contributions, batch_size=BATCH)
    measures = []
    for index in range(1, size["measures"] + 1):
        title = f"Maßnahme {rng.choice(THINGS)} {rng.choice(WORDS)} {index}"
        measures.append(
            Measure(
                title=title,
                slug=slugify(title),
                summary=writer.sentence(12),
                description=writer.markdown(),
                process=rng.choice(processes),
                field=rng.choice(fields),
                responsible_organisation=rng.choice(organisations),
                state=rng.choice(list(MeasureState)),
                progress=rng.randint(0, 100),
            )
        )
    Measure.objects.bulk_create(measures, batch_size=BATCH)


def analyse_database() -> None:
    """Give PostgreSQL's planner the statistics of the new rows, as autovacuum would later.

    Right after a bulk load it has none and picks plans that take seconds instead of
    milliseconds. SQLite is left as a production database would be (no ANALYZE).
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        from engagementnetz.search.backends import fulltext

        fulltext().tidy()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def dataset_present() -> bool:
    from engagementnetz.organisations.models import Organisation

    return Organisation.objects.exists()


@transaction.atomic
def build_large_dataset(*, seed: int = 1, scale: float = 1.0, index: bool = True) -> Built:
    """Write the large data set into the database and rebuild the search index."""
    from engagementnetz.pages import demo as pages_demo
    from engagementnetz.pages.models import Page

    rng = random.Random(seed)
    writer = Writer(rng)
    now = timezone.now().replace(microsecond=0)
    today = timezone.localdate()
    size = sized(scale)
    fields, groups, districts = _vocabularies(rng, today)
    if not Page.objects.filter(slug="ueber-uns").exists():
        pages_demo.load(None)
    organisations = _organisations(rng, writer, size, fields, groups, districts, now)
    public = [o for o in organisations if o.state == "verified"]
    _projects(rng, writer, size, public, fields, today)
    _events(rng, writer, size, public, fields, groups, districts, today)
    _opportunities(rng, writer, size, public, fields, districts, now, today)
    _articles(rng, writer, size, public, now)
    _participation(rng, writer, size, public, fields, now, today)
    built = Built()
    if index:
        from engagementnetz.search.services import index_rebuild

        built.counts = index_rebuild()
    return built
