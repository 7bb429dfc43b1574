"""Dates and times in the way German calendars write them."""

from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def when(starts_at: datetime, ends_at: datetime | None = None, *, all_day: bool = False) -> str:
    """E.g. "Mittwoch, 10. April 2019, 18:00–21:00 Uhr" or "Samstag, 3. Mai 2025 (ganztägig)"."""
    start = timezone.localtime(starts_at)
    end = timezone.localtime(ends_at) if ends_at else None
    day = date_format(start, "l, j. F Y")
    if all_day:
        last_day = (end - timedelta(days=1)) if end else start
        if last_day.date() > start.date():
            return _("%(first)s to %(last)s") % {
                "first": day,
                "last": date_format(last_day, "l, j. F Y"),
            }
        return _("%(day)s (all day)") % {"day": day}
    if end is None:
        return _("%(day)s, %(time)s") % {"day": day, "time": clock(start)}
    if end.date() == start.date():
        return _("%(day)s, %(start)s–%(end)s") % {
            "day": day,
            "start": date_format(start, "H:i"),
            "end": clock(end),
        }
    return _("%(day)s, %(start)s to %(end)s") % {
        "day": day,
        "start": clock(start),
        "end": f"{date_format(end, 'l, j. F Y')}, {clock(end)}",
    }


def clock(moment: datetime) -> str:
    return _("%(time)s h") % {"time": date_format(timezone.localtime(moment), "H:i")}


def short_day(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "D., j. b.")
