"""The next dates on the start page."""

from engagementnetz.core.start_page import HomeSection

from .selectors import next_public_dates


def home_section(request):
    dates = next_public_dates(limit=4)
    if not dates:
        return None
    return HomeSection(template="events/home_section.html", order=20, context={"dates": dates})
