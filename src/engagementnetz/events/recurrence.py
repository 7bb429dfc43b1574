"""The dates a recurrence rule gives, computed in the town's local time.

Rules are evaluated on local wall-clock times (Europe/Berlin) and only then made aware, so a
weekly rehearsal at 19:30 stays at 19:30 across the changes to and from daylight-saving time,
exactly as calendar programs expand the RRULE of the ICS export.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.conf import settings
from django.utils import timezone

from .models import Event, Recurrence

WEEKDAYS = {
    "MO": rrule.MO,
    "TU": rrule.TU,
    "WE": rrule.WE,
    "TH": rrule.TH,
    "FR": rrule.FR,
    "SA": rrule.SA,
    "SU": rrule.SU,
}
WEEKDAY_CODES = list(WEEKDAYS)
# Open-ended series are kept as rows this far ahead; a daily job moves the horizon on.
HORIZON = timedelta(days=400)


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def make_local(naive: datetime) -> datetime:
    """A wall-clock time of the town as an aware datetime (the earlier one when ambiguous)."""
    return naive.replace(tzinfo=local_zone(), fold=0)


def week_of_month(day: date) -> int:
    """1 for the first such weekday of its month, 2 for the second, …"""
    return (day.day - 1) // 7 + 1


def is_last_weekday_of_month(day: date) -> bool:
    return (day + timedelta(days=7)).month != day.month


def until_moment(until: date) -> datetime:
    """The last moment of the local day ``until`` (inclusive end of a series)."""
    return make_local(datetime.combine(until, time(23, 59, 59)))


def rule_for(event: Event) -> rrule.rrule | None:
    """The dateutil rule of the event on naive local times, or None if it does not repeat."""
    if event.recurrence == Recurrence.NONE:
        return None
    start = timezone.localtime(event.starts_at, local_zone()).replace(tzinfo=None)
    kwargs = {"dtstart": start, "interval": max(event.recurrence_interval or 1, 1)}
    if event.recurrence_until:
        kwargs["until"] = datetime.combine(event.recurrence_until, time(23, 59, 59))
    elif event.recurrence_count:
        kwargs["count"] = event.recurrence_count
    if event.recurrence == Recurrence.WEEKLY:
        codes = event.weekday_codes or [WEEKDAY_CODES[start.weekday()]]
        return rrule.rrule(rrule.WEEKLY, byweekday=[WEEKDAYS[c] for c in codes], **kwargs)
    weekday = WEEKDAYS[WEEKDAY_CODES[start.weekday()]]
    position = event.recurrence_week_of_month or week_of_month(start.date())
    return rrule.rrule(rrule.MONTHLY, byweekday=[weekday(position)], **kwargs)


def is_open_ended(event: Event) -> bool:
    return event.recurrence != Recurrence.NONE and not (
        event.recurrence_until or event.recurrence_count
    )


def rule_starts(event: Event, *, until: datetime) -> list[datetime]:
    """Aware start times the event's rule gives from its first date up to ``until``."""
    rule = rule_for(event)
    if rule is None:
        return [event.starts_at]
    limit = timezone.localtime(until, local_zone()).replace(tzinfo=None)
    starts = []
    for naive in rule:
        if naive > limit:
            break
        starts.append(make_local(naive))
    first = timezone.localtime(event.starts_at, local_zone())
    if not starts or starts[0] != first:
        # The first date always counts, as DTSTART does in RFC 5545, even off the pattern.
        starts.insert(0, first)
        if event.recurrence_count and len(starts) > event.recurrence_count:
            starts.pop()
    return starts


def describe(event: Event) -> str:
    """A German-language description of the rule for people ("jeden Dienstag", …)."""
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    if event.recurrence == Recurrence.NONE:
        return ""
    from .models import Weekday

    names = dict(Weekday.choices)
    start = timezone.localtime(event.starts_at, local_zone())
    interval = max(event.recurrence_interval or 1, 1)
    if event.recurrence == Recurrence.WEEKLY:
        codes = event.weekday_codes or [WEEKDAY_CODES[start.weekday()]]
        days = ", ".join(str(names[c]) for c in codes)
        text = (
            _("weekly on %(days)s") % {"days": days}
            if interval == 1
            else _("every %(n)s weeks on %(days)s") % {"n": interval, "days": days}
        )
    else:
        position = event.recurrence_week_of_month or week_of_month(start.date())
        ordinal = {
            1: _("first"),
            2: _("second"),
            3: _("third"),
            4: _("fourth"),
            5: _("fifth"),
            -1: _("last"),
        }[position]
        day = names[WEEKDAY_CODES[start.weekday()]]
        text = (
            _("monthly on the %(ordinal)s %(day)s") % {"ordinal": ordinal, "day": day}
            if interval == 1
            else _("every %(n)s months on the %(ordinal)s %(day)s")
            % {"n": interval, "ordinal": ordinal, "day": day}
        )
    if event.recurrence_until:
        text += " " + _("until %(date)s") % {"date": event.recurrence_until.strftime("%d.%m.%Y")}
    elif event.recurrence_count:
        text += " " + ngettext("(%(count)s date)", "(%(count)s dates)", event.recurrence_count) % {
            "count": event.recurrence_count
        }
    return text
