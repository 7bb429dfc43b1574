"""Demo content of the Engagement-Börse: 30 opportunities, interests in every state,
neighbourhood help, and confirmed hours for the demo citizen."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from engagementnetz.core.models import District, Field, TargetGroup
from engagementnetz.organisations.models import Membership, Organisation

from .demo_data import (
    CLUB_CONTACT_ORGANISATION,
    NEIGHBOURHOOD_HELP,
    OPPORTUNITIES,
    ORGANISATIONS,
)
from .models import (
    FinderSubscription,
    HelpPost,
    HoursEntry,
    HoursState,
    Interest,
    InterestState,
    Opportunity,
    skills_to_column,
)
from .models.choices import OFFER_COLUMNS, SUITABILITY_COLUMNS, TIME_SLOT_COLUMNS
from .services import unique_slug

INTERESTED_PEOPLE = [
    (
        "Lena Krämer",
        "lena.kraemer@example.org",
        "0151 2345678",
        "Ich bin Schülerin und habe nachmittags Zeit. Gern würde ich es ausprobieren.",
    ),
    (
        "Thomas Weiler",
        "t.weiler@example.org",
        "",
        "Ich bin seit Kurzem im Ruhestand und suche eine sinnvolle Aufgabe.",
    ),
    ("Aylin Demir", "aylin.demir@example.org", "0176 9876543", ""),
    (
        "Jürgen Hansen",
        "juergen.hansen@example.org",
        "06561 12345",
        "Ich habe früher selbst mitgemacht und würde gern wieder einsteigen.",
    ),
    (
        "Oksana Melnyk",
        "oksana.melnyk@example.org",
        "",
        "Ich lerne Deutsch und möchte gern helfen. Ich habe am Wochenende Zeit.",
    ),
    ("Felix Berens", "felix.berens@example.org", "", "Passt auch spontan?"),
]


def _aware(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _organisation(demo, slug, name, kind, district, fields, description) -> Organisation:
    organisation = demo.organisations.get(slug)
    if organisation is None:
        organisation = Organisation.objects.filter(Q(slug=slug) | Q(name__iexact=name)).first()
    if organisation is None:
        organisation = Organisation.objects.create(
            slug=slug,
            name=name,
            kind=kind,
            state="verified",
            verified_at=timezone.now(),
            short_description=description,
            city="Bitburg",
            postcode="54634",
            district=District.objects.filter(name=district).first(),
            seeks_volunteers=True,
        )
        organisation.fields.set(Field.objects.filter(name__in=fields))
    demo.organisations.setdefault(organisation.slug, organisation)
    return organisation


def _shift(today: date, spec: dict) -> int:
    """Days to move one-off dates so that weekend events fall on a Saturday, others on a weekday."""
    if not spec.get("dates"):
        return 0
    first = today + timedelta(days=spec["dates"][0][0])
    if "wochenende" in spec.get("slots", []):
        return (5 - first.weekday()) % 7
    return (7 - first.weekday()) % 7 if first.weekday() >= 5 else 0


def _opportunity(demo, spec: dict, organisation: Organisation) -> Opportunity:
    today = demo.today
    published = _aware(today - timedelta(days=spec["published"]))
    confirmed = _aware(today - timedelta(days=spec.get("confirmed", spec["published"])))
    dates = [
        {"date": (today + timedelta(days=offset + _shift(today, spec))).isoformat(), "note": note}
        for offset, note in spec.get("dates", [])
    ]
    start = date.fromisoformat(dates[0]["date"]) if dates else None
    end = date.fromisoformat(dates[-1]["date"]) if dates else None
    if not dates and spec.get("state") != "expired":
        start = today - timedelta(days=spec["published"])
    opportunity = Opportunity(
        organisation=organisation,
        title=spec["title"],
        slug=unique_slug(spec["title"]),
        summary=spec["summary"],
        tasks=spec["tasks"],
        commitment=spec["commitment"],
        dates=dates,
        hours=spec.get("hours"),
        hours_period=spec.get("per", ""),
        place=spec.get("place", ""),
        district=demo.districts.get(spec.get("district")),
        is_remote=spec.get("remote", False),
        needs_police_certificate=spec.get("police", False),
        needs_driving_licence=spec.get("licence", False),
        languages=spec.get("languages", ""),
        skills=skills_to_column(spec.get("skills", [])),
        skills_note=spec.get("skills_note", ""),
        people_needed=spec.get("people", 1),
        start_date=start,
        end_date=end,
        contact_name=spec.get("contact", "Monika Dondelinger"),
        contact_email=f"engagement@{organisation.slug}.example",
        state=spec.get("state", "open"),
        published_at=published,
        confirmed_at=confirmed,
    )
    if organisation.slug == CLUB_CONTACT_ORGANISATION:
        club_contact = demo.users.get("club_contact")
        if club_contact is not None:
            opportunity.contact_name = club_contact.name
            opportunity.contact_email = club_contact.email
    for value, column in TIME_SLOT_COLUMNS.items():
        setattr(opportunity, column, value in spec.get("slots", []))
    for value, column in SUITABILITY_COLUMNS.items():
        setattr(opportunity, column, value in spec.get("suited", []))
    for value, column in OFFER_COLUMNS.items():
        setattr(opportunity, column, value in spec.get("offers", []))
    opportunity.save()
    opportunity.fields.set(Field.objects.filter(name__in=spec["fields"]))
    opportunity.target_groups.set(TargetGroup.objects.filter(name__in=spec.get("groups", [])))
    return opportunity


def _interests(demo, opportunities: list[Opportunity]) -> None:
    """Interests in every state, most of them with the demo club contact's organisation."""
    today = demo.today
    own = [o for o in opportunities if o.organisation.slug == CLUB_CONTACT_ORGANISATION]
    others = [o for o in opportunities if o.is_open and o not in own]
    plan = [
        (own[0], 0, InterestState.NEW, 2),
        (own[0], 1, InterestState.IN_CONTACT, 12),
        (own[1], 2, InterestState.NEW, 10),  # unanswered for more than a week
        (own[1], 3, InterestState.ENGAGED, 30),
        (own[1], 4, InterestState.DECLINED, 25),
        (own[2], 5, InterestState.UNCONFIRMED, 1),
        (others[0], 1, InterestState.NEW, 9),
        (others[1], 0, InterestState.ENGAGED, 40),
        (others[2], 4, InterestState.IN_CONTACT, 5),
        (others[3], 2, InterestState.NEW, 1),
    ]
    for opportunity, person, state, days_ago in plan:
        name, email, phone, message = INTERESTED_PEOPLE[person]
        moment = _aware(today - timedelta(days=days_ago), 18)
        confirmed = state != InterestState.UNCONFIRMED
        Interest.objects.create(
            opportunity=opportunity,
            name=name,
            email=email,
            phone=phone,
            message=message,
            state=state,
            consent_at=moment,
            confirmed_at=moment if confirmed else None,
            state_changed_at=moment + timedelta(days=2) if confirmed else None,
            reminder_sent_at=moment + timedelta(days=7) if days_ago > 7 else None,
            decline_note=(
                "Im Moment sind alle Plätze besetzt. Wir melden uns gern im Frühjahr wieder."
                if state == InterestState.DECLINED
                else ""
            ),
        )


def _hours(demo, opportunities: list[Opportunity]) -> None:
    """A year and a bit at the Tafel and the Besuchsdienst: enough for the Ehrenamtskarte."""
    citizen = demo.users.get("citizen")
    if citizen is None:
        return
    if citizen.birth_date is None:
        citizen.birth_date = date(1960, 5, 14)
        citizen.save(update_fields=["birth_date"])
    by_org = {o.organisation.slug: o.organisation for o in opportunities}
    tafel, besuch = by_org["bitburger-tafel"], by_org["pfarrei-liebfrauen-bitburg"]
    reviewer = demo.users.get("network_office")
    today = demo.today
    month_start = today.replace(day=1)
    entries = []
    for months_back in range(14, 0, -1):
        start = (month_start - timedelta(days=months_back * 30)).replace(day=1)
        end = start + timedelta(days=27)
        entries.append((tafel, "Lebensmittelausgabe dienstags", start, end, Decimal("24.0")))
        entries.append((besuch, "Besuchsdienst bei Frau M.", start, end, Decimal("4.0")))
    for organisation, activity, start, end, hours in entries:
        HoursEntry.objects.create(
            user=citizen,
            organisation=organisation,
            activity=activity,
            started_on=start,
            ended_on=end,
            hours=hours,
            state=HoursState.CONFIRMED,
            decided_at=_aware(end + timedelta(days=3)),
            decided_by=reviewer,
        )
    HoursEntry.objects.create(
        user=citizen,
        organisation=tafel,
        activity="Lebensmittelausgabe dienstags",
        started_on=month_start,
        ended_on=max(month_start, today - timedelta(days=1)),
        hours=Decimal("9.0"),
    )
    HoursEntry.objects.create(
        user=citizen,
        organisation=besuch,
        activity="Adventsfeier im Pfarrheim",
        started_on=today - timedelta(days=50),
        ended_on=today - timedelta(days=50),
        hours=Decimal("6.0"),
        state=HoursState.REJECTED,
        rejection_reason="Die Adventsfeier war eine Veranstaltung der Kolpingsfamilie, bitte dort eintragen.",
        decided_at=_aware(today - timedelta(days=45)),
        decided_by=reviewer,
    )
    FinderSubscription.objects.create(
        email=citizen.email,
        query="interessen=senioren&interessen=soziales&zeit=werktags",
        consent_at=_aware(today - timedelta(days=20)),
        confirmed_at=_aware(today - timedelta(days=20)),
        last_sent_at=_aware(today - timedelta(days=6)),
        checked_until=_aware(today - timedelta(days=1)),
    )


def _neighbourhood_help(demo) -> None:
    now = timezone.now()
    reviewer = demo.users.get("network_office")
    for number, (kind, category, title, text, district, name, state, days) in enumerate(
        NEIGHBOURHOOD_HELP
    ):
        created = now - timedelta(days=days, hours=3)
        published = state == "published"
        HelpPost.objects.create(
            kind=kind,
            category=category,
            title=title,
            text=text,
            district=demo.districts.get(district),
            name=name,
            email=f"{slugify(name)}.{number}@example.org",
            state=state,
            consent_at=created,
            confirmed_at=created + timedelta(minutes=5),
            published_at=now - timedelta(days=days) if published else None,
            expires_at=now + timedelta(days=30 - days) if published else None,
            moderated_at=now - timedelta(days=days) if published else None,
            moderated_by=reviewer if published else None,
        )


def load(demo) -> None:
    organisations = {
        slug: _organisation(demo, slug, name, kind, district, fields, description)
        for slug, name, kind, district, fields, description in ORGANISATIONS
    }
    club_contact = demo.users.get("club_contact")
    if club_contact is not None:
        Membership.objects.get_or_create(
            organisation=organisations[CLUB_CONTACT_ORGANISATION],
            user=club_contact,
            defaults={"role": "admin"},
        )
    opportunities = [_opportunity(demo, spec, organisations[spec["org"]]) for spec in OPPORTUNITIES]
    demo.extra["opportunities"] = opportunities
    _interests(demo, opportunities)
    _hours(demo, opportunities)
    _neighbourhood_help(demo)
