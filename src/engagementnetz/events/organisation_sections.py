"""The upcoming events of an organisation, shown on its page in the directory."""

from engagementnetz.core.start_page import HomeSection

from .selectors import upcoming_for_organisation


def organisation_section(request, organisation):
    dates = upcoming_for_organisation(organisation, limit=5)
    can_add = request.user.has_perm("events.plan_for_organisation", organisation)
    if not dates and not can_add:
        return None
    return HomeSection(
        template="events/organisation_section.html",
        order=20,
        context={"dates": dates, "organisation": organisation, "can_add": can_add},
    )
