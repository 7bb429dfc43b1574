"""The projects an organisation leads or takes part in, on its detail page."""

from engagementnetz.core.start_page import HomeSection

from . import selectors


def organisation_section(request, organisation):
    projects = list(selectors.projects_of(organisation)[:12])
    if not projects:
        return None
    return HomeSection(
        template="organisations/sections/projects.html",
        order=300,
        context={"projects": projects, "organisation": organisation},
    )
