"""The start page's section: the newest open opportunities."""

from django.http import HttpRequest

from engagementnetz.core.start_page import HomeSection

from .models import Opportunity

HOME_COUNT = 6


def home_section(request: HttpRequest) -> HomeSection | None:
    opportunities = list(
        Opportunity.objects.public()
        .select_related("organisation", "district")
        .order_by("-published_at")[:HOME_COUNT]
    )
    if not opportunities:
        return None
    return HomeSection(
        template="opportunities/_home_section.html",
        order=30,
        context={"opportunities": opportunities},
    )
