from django import template

from ..formatting import clock, when
from ..recurrence import describe

register = template.Library()


@register.simple_tag
def event_when(starts_at, ends_at=None, all_day=False) -> str:
    return when(starts_at, ends_at, all_day=all_day)


@register.filter
def event_clock(moment) -> str:
    return clock(moment) if moment else ""


@register.filter
def recurrence_text(event) -> str:
    return describe(event)
