"""Demo content of the calendar: series, one-off events, courses with sessions, registrations.

Everything is placed relative to the day the demo is loaded, so that the calendar always has
past and upcoming dates. The Zukunftswerkstatt of 10 April 2019 is the one event with a fixed
date; the participation demo ties its workshop and theme tables to it (``demo.extra``).
"""

import unicodedata
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from engagementnetz.organisations.models import Organisation

from . import demo_content as content
from .models import (
    Event,
    EventKind,
    Occurrence,
    QuestionKind,
    Recurrence,
    Registration,
    RegistrationAnswer,
    RegistrationOption,
    RegistrationQuestion,
    RegistrationStatus,
    Venue,
)
from .recurrence import make_local
from .services import occurrences_sync, unique_slug

# How the registrations of some courses are filled: course title -> (confirmed, waiting,
# attended). A full course keeps a waiting list; past courses have their attendance checked.
COURSE_REGISTRATIONS = {
    "Vereinsrecht kompakt für Vorstände": (14, 0, 0),
    "Erste Hilfe für Übungsleitende": (12, 4, 0),
    "Öffentlichkeitsarbeit für Vereine": (9, 0, 0),
    "Datenschutz im Verein": (23, 0, 0),
    "Kinderschutz in der Jugendarbeit": (7, 0, 0),
    "Grundkurs Sterbebegleitung": (6, 0, 0),
    "Deutsch unterrichten im Ehrenamt": (13, 0, 11),
    "Gut ankommen im Ehrenamt": (16, 2, 14),
}
# Whom some events are meant for (event title -> target groups).
TARGET_GROUPS = {
    "Sprachcafé: Deutsch sprechen bei Kaffee und Kuchen": ["Zugewanderte", "Erwachsene"],
    "Sonntagslauf im Stadtwald": ["Erwachsene"],
    "Trauercafé": ["Erwachsene", "Seniorinnen und Senioren"],
    "Sprechstunde des Seniorenbeirats": ["Seniorinnen und Senioren"],
    "Vereinsfest auf dem Beda-Platz": ["Alle"],
    "Frühlingskonzert": ["Alle"],
    "Tag der offenen Tür": ["Familien", "Kinder"],
    "Nistkästen bauen für Familien": ["Familien", "Kinder"],
    "Sportfest der Jugend": ["Kinder", "Jugendliche"],
    "Kinderkleider-Flohmarkt": ["Familien"],
    "Kinderkarneval im Haus der Jugend": ["Kinder", "Familien"],
    "Bitburger Ehrenamtstag": ["Alle"],
    "Deutsch unterrichten im Ehrenamt": ["Erwachsene"],
}
# Seat reservations for the Musikverein's concert (kept by the demo's club contact):
# persons per reservation.
CONCERT_RESERVATIONS = [2, 4, 1, 2, 3, 2, 2, 1, 4, 2, 2, 3, 1, 2, 2, 4, 2, 1]
CONTACT = {
    "contact_name": "Netzwerkbüro Engagierte Stadt",
    "contact_email": "netzwerkbuero@engagement-bitburg.example",
    "contact_phone": "06561 000 000",
}


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return make_local(datetime.combine(day, time(hour, minute)))


def _ascii(text: str) -> str:
    replaced = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    replaced = replaced.replace("ß", "ss")
    return unicodedata.normalize("NFKD", replaced).encode("ascii", "ignore").decode()


def _people(demo, count: int, *, salt: int) -> list[tuple[str, str]]:
    """``count`` different invented people (name, address) for the registrations of one event."""
    people, seen = [], set()
    index = salt
    while len(people) < count:
        first = content.FIRST_NAMES[index % len(content.FIRST_NAMES)]
        last = content.LAST_NAMES[(index * 7 + salt) % len(content.LAST_NAMES)]
        index += 1
        if (first, last) in seen:
            continue
        seen.add((first, last))
        people.append((f"{first} {last}", f"{_ascii(first)}.{_ascii(last)}@example.org"))
    return people


def _venues(demo, organisations: dict[str, Organisation]) -> dict[str, Venue]:
    venues = {}
    for name, street, district, step_free, wc, loop, keeper, lat, lng in content.VENUES:
        venues[name] = Venue.objects.create(
            name=name,
            street=street,
            postcode="54634",
            city="Bitburg",
            district=demo.districts.get(district),
            step_free=step_free,
            accessible_wc=wc,
            hearing_loop=loop,
            organisation=organisations.get(keeper) if keeper else None,
            latitude=lat,
            longitude=lng,
        )
    return venues


def _event(demo, *, fields: list[str], **values) -> Event:
    organiser = values.get("organiser")
    if organiser is None:
        values = {**CONTACT, **values}
    event = Event(**values)
    event.slug = unique_slug(event.title, starts_at=event.starts_at)
    event.created_by = demo.users.get("network_office") if organiser is None else None
    event.save()
    event.fields.set([demo.fields[name] for name in fields if name in demo.fields])
    groups = TARGET_GROUPS.get(event.title, [])
    event.target_groups.set(
        [demo.target_groups[name] for name in groups if name in demo.target_groups]
    )
    return event


def _first_on(day: date, weekday: str, week: int | None) -> date:
    """The first day from ``day`` on that fits the weekday (and the week of the month)."""
    target = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].index(weekday)
    while True:
        if day.weekday() == target:
            if week is None:
                return day
            if week == -1 and (day + timedelta(days=7)).month != day.month:
                return day
            if week > 0 and (day.day - 1) // 7 + 1 == week:
                return day
        day += timedelta(days=1)


def _series(demo, organisations, venues) -> list[Event]:
    events = []
    start = demo.today - timedelta(days=400)
    for organiser, title, short, venue, codes, week, every, (
        hour,
        minute,
    ), minutes, fields in content.SERIES:
        first = _first_on(start, codes.split(",")[0], week)
        starts_at = _local(first, hour, minute)
        event = _event(
            demo,
            fields=fields,
            title=title,
            organiser=organisations.get(organiser),
            short_description=short,
            description=f"{short}\n\nKommen Sie einfach vorbei – eine Anmeldung ist nicht nötig.",
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=minutes),
            recurrence=Recurrence.MONTHLY if week else Recurrence.WEEKLY,
            recurrence_interval=every,
            recurrence_weekdays="" if week else codes,
            recurrence_week_of_month=week,
            venue=venues[venue],
        )
        events.append(event)
    return events


def _one_off(demo, organisations, venues) -> list[Event]:
    events = []
    for (
        organiser,
        title,
        short,
        venue,
        days,
        hour,
        minutes,
        fields,
        free,
        state,
        note,
    ) in content.ONE_OFF:
        day = demo.today + timedelta(days=days)
        all_day = minutes is None or hour == 0
        starts_at = _local(day, 0 if all_day else hour)
        if minutes is None:
            ends_at = _local(day, 23, 59)
        elif all_day:  # ``minutes`` counts the days
            ends_at = _local(day + timedelta(days=minutes - 1), 23, 59)
        else:
            ends_at = starts_at + timedelta(minutes=minutes)
        events.append(
            _event(
                demo,
                fields=fields,
                title=title,
                organiser=organisations.get(organiser) if organiser else None,
                short_description=short,
                description=content.DESCRIPTIONS.get(title, short),
                starts_at=starts_at,
                ends_at=ends_at,
                all_day=all_day,
                venue=venues[venue],
                is_free=free,
                cost="" if free else "siehe Beschreibung",
                state=state,
                state_note=note,
            )
        )
    return events


def _courses(demo, organisations, venues) -> list[Event]:
    courses = []
    for row in content.COURSES:
        organiser, title, short, provider, venue, days, hour, minutes, sessions, capacity = row[:10]
        cost, goals, prerequisites, scope, certificate = row[10:]
        starts_at = _local(demo.today + timedelta(days=days), hour)
        event = _event(
            demo,
            fields=["Bildung"],
            title=title,
            kind=EventKind.FORTBILDUNG,
            organiser=organisations.get(organiser) if organiser else None,
            short_description=short,
            description=(
                f"{short}\n\n## Ablauf\n\n"
                + (
                    f"Der Kurs hat {sessions} Termine; bitte melden Sie sich nur an, wenn Sie an "
                    "allen teilnehmen können."
                    if sessions > 1
                    else "Der Kurs findet an einem Termin statt."
                )
            ),
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=minutes),
            venue=venues[venue] if venue else None,
            online_url="" if venue else "https://konferenz.engagement-bitburg.example/datenschutz",
            is_free=not cost,
            cost=cost,
            provider=provider,
            learning_goals=goals,
            prerequisites=prerequisites,
            course_scope=scope,
            certificate_enabled=certificate,
            certificate_signatory="Monika Weber, Netzwerkbüro Engagierte Stadt Bitburg"
            if certificate
            else "",
            registration_enabled=True,
            capacity=capacity,
            registration_closes_at=starts_at - timedelta(days=2),
        )
        Occurrence.objects.bulk_create(
            Occurrence(
                event=event,
                starts_at=starts_at + timedelta(weeks=week),
                ends_at=starts_at + timedelta(weeks=week, minutes=minutes),
            )
            for week in range(1, sessions)
        )
        courses.append(event)
    return courses


def _register(demo, event: Event, *, confirmed: int, waiting: int, attended: int, salt: int):
    """Sign-ups as they would be after everyone confirmed their address."""
    people = _people(demo, confirmed + waiting, salt=salt)
    opened = event.starts_at - timedelta(days=30)
    rows = []
    for index, (name, email) in enumerate(people):
        at = opened + timedelta(hours=7 * index + 3)
        rows.append(
            Registration(
                event=event,
                name=name,
                email=email,
                status=RegistrationStatus.CONFIRMED
                if index < confirmed
                else RegistrationStatus.WAITING,
                email_confirmed_at=at,
                queued_at=at,
                attended=index < attended,
                attended_at=event.starts_at + timedelta(minutes=5) if index < attended else None,
            )
        )
    Registration.objects.bulk_create(rows)


def _concert_reservations(demo, concert: Event) -> None:
    """Free seat reservations for the concert, several persons each, so the club has a list."""
    Event.objects.filter(pk=concert.pk).update(
        registration_enabled=True,
        capacity=180,
        max_persons_per_registration=4,
        registration_closes_at=concert.starts_at - timedelta(days=1),
    )
    people = _people(demo, len(CONCERT_RESERVATIONS), salt=11)
    opened = timezone.now() - timedelta(days=12)
    Registration.objects.bulk_create(
        Registration(
            event=concert,
            name=name,
            email=email,
            persons=persons,
            status=RegistrationStatus.CONFIRMED,
            email_confirmed_at=opened + timedelta(hours=15 * index),
            queued_at=opened + timedelta(hours=15 * index),
        )
        for index, ((name, email), persons) in enumerate(
            zip(people, CONCERT_RESERVATIONS, strict=True)
        )
    )


def _own_registrations(demo, courses: dict[str, Event]) -> None:
    """The demo logins' own sign-ups, so that "my registrations" and a certificate show."""
    citizen = demo.users.get("citizen")
    club_contact = demo.users.get("club_contact")
    for user, title, attended in (
        (citizen, "Datenschutz im Verein", False),
        (citizen, "Deutsch unterrichten im Ehrenamt", True),
        (club_contact, "Vereinsrecht kompakt für Vorstände", False),
    ):
        if user is None:
            continue
        event = courses[title]
        at = event.starts_at - timedelta(days=10)
        Registration.objects.create(
            event=event,
            user=user,
            name=user.name,
            email=user.email,
            status=RegistrationStatus.CONFIRMED,
            email_confirmed_at=at,
            queued_at=at,
            attended=attended,
            attended_at=event.starts_at if attended else None,
        )


def _zukunftswerkstatt(demo, venues) -> Event:
    """The evening of 10 April 2019: 30 places at three theme tables, 30 came to register."""
    starts_at = _local(date(2019, 4, 10), 18)
    event = _event(
        demo,
        fields=["Nachbarschaft", "Soziales"],
        title="Zukunftswerkstatt zur Engagementstrategie",
        short_description=(
            "Ein Abend an drei Thementischen: Was läuft gut im Bitburger Ehrenamt, "
            "was fehlt, was nehmen wir uns vor?"
        ),
        description=(
            "Die Stadt Bitburg und das Netzwerk Engagierte Stadt laden Ehrenamtliche, Vereine, "
            "Einrichtungen, Verwaltung und Politik ein, die Eckpunkte der Engagementstrategie zu "
            "erarbeiten. Moderation: Ehrenamtsakademie Berlin.\n\n"
            "Bitte wählen Sie bei der Anmeldung einen Thementisch; jeder Tisch hat zehn Plätze."
        ),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=3, minutes=30),
        venue=venues["Haus der Jugend"],
        registration_enabled=True,
        capacity=30,
        waiting_list_enabled=False,
    )
    question = RegistrationQuestion.objects.create(
        event=event,
        label="An welchem Thementisch möchten Sie mitarbeiten?",
        kind=QuestionKind.CHOICE,
        required=True,
    )
    options = [
        RegistrationOption.objects.create(
            question=question,
            event=event,
            label=f"Tisch {letter}: {title}",
            capacity=10,
            position=position,
        )
        for position, (letter, title) in enumerate(zip("ABC", content.WORKSHOP_TABLES, strict=True))
    ]
    _register(demo, event, confirmed=30, waiting=0, attended=28, salt=3)
    registrations = list(event.registrations.order_by("pk"))
    RegistrationAnswer.objects.bulk_create(
        RegistrationAnswer(registration=registration, question=question, option=options[index % 3])
        for index, registration in enumerate(registrations)
    )
    # Long past: the personal data went as the retention rule says; the figures stay.
    erased = _local(date(2019, 7, 10), 3)
    Registration.objects.filter(event=event).update(name="", email="", anonymised_at=erased)
    Event.objects.filter(pk=event.pk).update(registrations_erased_at=erased)
    return event


def load(demo) -> None:
    organisations = {organisation.name: organisation for organisation in Organisation.objects.all()}
    venues = _venues(demo, organisations)
    events = _series(demo, organisations, venues) + _one_off(demo, organisations, venues)
    courses = _courses(demo, organisations, venues)
    for salt, course in enumerate(courses):
        confirmed, waiting, attended = COURSE_REGISTRATIONS.get(course.title, (0, 0, 0))
        _register(demo, course, confirmed=confirmed, waiting=waiting, attended=attended, salt=salt)
    _own_registrations(demo, {course.title: course for course in courses})
    _concert_reservations(
        demo, next(event for event in events if event.title == "Frühlingskonzert")
    )
    workshop = _zukunftswerkstatt(demo, venues)
    now = timezone.now()
    for event in [*events, *courses, workshop]:
        occurrences_sync(event=event, now=now)
    demo.extra["zukunftswerkstatt"] = workshop
    demo.extra["events"] = {event.slug: event for event in [*events, *courses, workshop]}
