"""The calendar's contribution to a newsletter issue.

Termine: every public event with a date in the four weeks after the issue, once, at its next
date. Fortbildungen: courses announced since the last issue or starting in those four weeks.
"""

from datetime import datetime, timedelta

from engagementnetz.newsletter.content import NewsletterItem, Topic

from .models import EventKind, EventState, Occurrence

AHEAD = timedelta(weeks=4)


def newsletter_items(*, since: datetime, until: datetime) -> list[NewsletterItem]:
    upcoming = (
        Occurrence.objects.public()
        .filter(is_cancelled=False)
        .exclude(event__state=EventState.CANCELLED)
        .upcoming(until)
        .select_related("event", "event__organiser")
        .order_by("starts_at", "pk")
    )
    soon = upcoming.filter(starts_at__lt=until + AHEAD)
    announced = upcoming.filter(
        event__kind=EventKind.FORTBILDUNG, event__created_at__gt=since, event__created_at__lte=until
    )
    first_dates: dict[int, Occurrence] = {}
    for occurrence in [*soon, *announced]:
        known = first_dates.get(occurrence.event_id)
        if known is None or occurrence.starts_at < known.starts_at:
            first_dates[occurrence.event_id] = occurrence
    items = []
    for occurrence in sorted(first_dates.values(), key=lambda o: (o.starts_at, o.pk)):
        event = occurrence.event
        organiser = f" ({event.organiser.name})" if event.organiser else ""
        items.append(
            NewsletterItem(
                topic=Topic.COURSES if event.kind == EventKind.FORTBILDUNG else Topic.EVENTS,
                title=f"{event.title}{organiser}",
                url=event.get_absolute_url(),
                summary=event.short_description,
                date=occurrence.starts_at,
            )
        )
    return items
