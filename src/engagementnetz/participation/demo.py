"""Demo content: the engagement strategy with its Zukunftswerkstatt, contributions and measures."""

import io
from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from . import demo_content as content
from .models import (
    Comment,
    Contribution,
    ContributionSource,
    Follow,
    Measure,
    MeasureUpdate,
    ModerationMode,
    ModerationState,
    Phase,
    Process,
    Support,
    ThemeTable,
    Workshop,
    WorkshopPhoto,
)


def _at(ymd: tuple[int, int, int], hour: int = 19) -> datetime:
    return timezone.make_aware(datetime.combine(date(*ymd), time(hour, 0)))


def _illustration(kind: str) -> ContentFile:
    """A drawn picture for the documentation (the demo has no real photos of the evening)."""
    image = Image.new("RGB", (1200, 800), (222, 196, 150) if kind == "board" else (236, 240, 244))
    draw = ImageDraw.Draw(image)
    colours = [(76, 140, 74), (230, 170, 40), (52, 101, 164)]
    if kind == "board":
        for column, colour in enumerate(colours):
            x = 60 + column * 380
            draw.rectangle([x, 50, x + 320, 110], fill=colour)
            for row in range(4):
                y = 140 + row * 150
                draw.rectangle([x + 10, y, x + 310, y + 120], fill=(255, 253, 240))
                for line in range(3):
                    draw.line(
                        [x + 30, y + 30 + line * 30, x + 280, y + 30 + line * 30],
                        fill=(120, 120, 120),
                        width=4,
                    )
    else:
        for index, colour in enumerate(colours):
            cx, cy = 220 + index * 380, 400
            draw.ellipse([cx - 140, cy - 140, cx + 140, cy + 140], fill=(190, 160, 120))
            for seat in range(8):
                angle_x = [0, 1, 1, 1, 0, -1, -1, -1][seat]
                angle_y = [-1, -1, 0, 1, 1, 1, 0, -1][seat]
                sx, sy = cx + angle_x * 170, cy + angle_y * 170
                draw.ellipse([sx - 28, sy - 28, sx + 28, sy + 28], fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return ContentFile(buffer.getvalue(), name=f"zukunftswerkstatt-{kind}.jpg")


def _link_event_options(workshop: Workshop, tables: dict[str, ThemeTable]) -> None:
    """Tie the tables to the event's registration options (same title, else same order)."""
    from engagementnetz.events.models import RegistrationOption

    options = list(RegistrationOption.objects.filter(event=workshop.event).order_by("position"))
    for index, table in enumerate(tables.values()):
        match = next(
            (
                o
                for o in options
                if o.label.lower() in table.title.lower() or table.title.lower() in o.label.lower()
            ),
            options[index] if index < len(options) else None,
        )
        if match is not None:
            table.registration_option = match
            table.save(update_fields=["registration_option"])


def load(demo) -> None:
    today = demo.today
    office = demo.users.get("network_office")
    process = Process.objects.create(
        title="Engagementstrategie Bitburg",
        slug="engagementstrategie-bitburg",
        summary=content.PROCESS_SUMMARY,
        description=content.PROCESS_DESCRIPTION,
        results=content.PROCESS_RESULTS,
        moderation=ModerationMode.POST,
        is_published=True,
    )
    Process.objects.filter(pk=process.pk).update(created_at=_at((2019, 3, 1), 10))
    for title, description, start, end, allows in content.PHASES:
        Phase.objects.create(
            process=process,
            title=title,
            description=description,
            starts_on=date(*start),
            ends_on=date(*end) if end else today + timedelta(days=3 * 365),
            allows_contributions=allows,
        )

    workshop = Workshop.objects.create(
        process=process,
        title="Zukunftswerkstatt",
        slug="zukunftswerkstatt-2019",
        held_on=date(2019, 4, 10),
        venue="Haus der Jugend, Bitburg",
        facilitation="Barbara Canton, Ehrenamtsakademie Berlin",
        description=content.WORKSHOP_DESCRIPTION,
        documentation=content.WORKSHOP_DOCUMENTATION,
        registered_count=30,
        present_count=28,
    )
    event = demo.extra.get("zukunftswerkstatt")
    if event is not None:
        workshop.event = event
        workshop.save(update_fields=["event"])
    for position, (kind, alt, caption) in enumerate(
        [
            (
                "tables",
                "Zeichnung: drei runde Tische mit je acht Plätzen in einem Saal.",
                "So war der Saal aufgeteilt: drei Thementische mit je acht bis zehn Plätzen.",
            ),
            (
                "board",
                "Zeichnung: eine Pinnwand mit drei Spalten beschriebener Karten unter grünen, "
                "gelben und blauen Überschriften.",
                "Die Pinnwand eines Tisches am Ende des Abends: was gut läuft, Chancen, Ideen.",
            ),
        ]
    ):
        photo = WorkshopPhoto(
            workshop=workshop,
            alt_text=alt,
            caption=caption,
            copyright="© Netzwerkbüro Engagierte Stadt Bitburg",
            position=position,
        )
        photo.image.save(f"zukunftswerkstatt-{kind}.jpg", _illustration(kind), save=False)
        photo.save()

    tables = {}
    for position, (slug, title, question, moderators) in enumerate(content.TABLES):
        tables[slug] = ThemeTable.objects.create(
            process=process,
            workshop=workshop,
            title=title,
            slug=slug,
            question=question,
            moderators=moderators,
            position=position,
        )
    if workshop.event_id:
        _link_event_options(workshop, tables)

    evening = _at((2019, 4, 10), 21)
    cards = []
    for slug, kinds in content.CARDS.items():
        for kind, texts in kinds.items():
            for text in texts:
                cards.append(
                    Contribution(
                        process=process,
                        table=tables[slug],
                        kind=kind,
                        text=text,
                        source=ContributionSource.WORKSHOP,
                        workshop=workshop,
                        entered_by=office,
                        moderation=ModerationState.PUBLISHED,
                        published_at=_at((2019, 4, 12), 10),
                        status="received" if kind == "going_well" else "in_review",
                    )
                )
    cards = Contribution.objects.bulk_create(cards)
    Contribution.objects.filter(pk__in=[c.pk for c in cards]).update(created_at=evening)

    citizen = demo.users.get("citizen")
    online = []
    for index, (slug, kind, text, name, ymd, status, reason, answer) in enumerate(content.ONLINE):
        contribution = Contribution.objects.create(
            process=process,
            table=tables[slug],
            kind=kind,
            text=text,
            author_name=name,
            user=citizen if index == 1 and citizen else None,
            email="" if index == 1 and citizen else f"beitrag{index}@example.org",
            moderation=ModerationState.PUBLISHED,
            published_at=_at(ymd, 18),
            status=status,
            status_reason=reason,
            status_changed_at=_at((2019, 9, 1), 10),
            official_answer=answer,
            answered_at=_at((2019, 9, 2), 10) if answer else None,
            answered_by=office if answer else None,
            support_count=content.SUPPORTS[index],
        )
        Contribution.objects.filter(pk=contribution.pk).update(created_at=_at(ymd, 18))
        Support.objects.bulk_create(
            Support(
                contribution=contribution,
                email=f"unterstuetzung{index}-{n}@example.org",
                confirmed_at=_at(ymd, 20),
            )
            for n in range(content.SUPPORTS[index])
        )
        online.append(contribution)
    for index, text, name in content.COMMENTS:
        Comment.objects.create(
            contribution=online[index],
            text=text,
            author_name=name,
            email=f"kommentar{index}@example.org",
            moderation=ModerationState.PUBLISHED,
            published_at=online[index].published_at + timedelta(days=2),
        )
        Contribution.objects.filter(pk=online[index].pk).update(
            comment_count=online[index].comments.count()
        )
    hidden = Contribution.objects.create(
        process=process,
        table=tables["wertschaetzung"],
        kind="idea",
        text="(ausgeblendet)",
        email="beitrag-ausgeblendet@example.org",
        moderation=ModerationState.HIDDEN,
        hidden_reason="Der Beitrag enthielt Name und Telefonnummer einer Privatperson.",
        moderated_at=_at((2019, 5, 9), 9),
        moderated_by=office,
        published_at=_at((2019, 5, 8), 20),
    )
    Contribution.objects.filter(pk=hidden.pk).update(created_at=_at((2019, 5, 8), 20))

    _load_measures(demo, process, cards + online, office)
    if citizen is not None:
        Follow.objects.create(
            process=process,
            email=citizen.email,
            user=citizen,
            confirmed_at=timezone.now(),
            notified_until=timezone.now(),
        )


def _load_measures(demo, process: Process, contributions: list[Contribution], office) -> None:
    from engagementnetz.events.models import Event
    from engagementnetz.organisations.models import Organisation, Project

    for spec in content.MEASURES:
        organisation = (
            Organisation.objects.public().filter(name__icontains=spec["organisation"]).first()
            if spec["organisation"]
            else None
        )
        measure = Measure.objects.create(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            description=spec["description"],
            process=process,
            field=demo.fields.get(spec["field"]),
            responsible_organisation=organisation,
            responsible_person=spec["person"],
            state=spec["state"],
            progress=spec["progress"],
            starts_on=date(*spec["start"]) if spec["start"] else None,
            ends_on=date(*spec["end"]) if spec["end"] else None,
            is_published=True,
        )
        for ymd, progress, state, text in spec["updates"]:
            MeasureUpdate.objects.create(
                measure=measure,
                date=date(*ymd),
                progress=progress,
                state=state,
                text=text,
                author=office,
            )
        linked = [
            c for c in contributions if any(c.text.startswith(prefix) for prefix in spec["cards"])
        ]
        measure.contributions.add(*linked)
        Contribution.objects.filter(pk__in=[c.pk for c in linked]).update(
            status="adopted", status_changed_at=_at((2019, 10, 15), 10)
        )
        if spec["event"]:
            measure.events.add(*Event.objects.filter(title__icontains=spec["event"])[:2])
        if spec["project"]:
            measure.projects.add(*Project.objects.filter(title__icontains=spec["project"])[:2])
