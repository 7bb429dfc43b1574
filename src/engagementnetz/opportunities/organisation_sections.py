"""The opportunities section of an organisation's page (included by the directory)."""

from django.http import HttpRequest

from engagementnetz.core.start_page import HomeSection

from .models import Opportunity


def organisation_section(request: HttpRequest, organisation) -> HomeSection | None:
    opportunities = list(
        Opportunity.objects.public()
        .filter(organisation=organisation)
        .order_by("-published_at")
        .only("title", "slug", "commitment", "hours", "hours_period", "dates", "organisation")
    )
    can_manage = request.user.has_perm("opportunities.view_interests", organisation)
    if not opportunities and not can_manage:
        return None
    return HomeSection(
        template="opportunities/_organisation_section.html",
        order=100,
        context={
            "organisation": organisation,
            "opportunities": opportunities,
            "can_manage": can_manage,
        },
    )
