"""The detail page of an organisation is extended by the apps' ``organisation_sections.py``.

Each such module has ``organisation_section(request, organisation) -> HomeSection | None``
(template and context, like the start page): events list upcoming events, the Engagement-Börse
open opportunities, this app the projects. No app edits the detail page's template.
"""

from django.http import HttpRequest

from engagementnetz.core.discovery import platform_app_modules
from engagementnetz.core.start_page import HomeSection

from .models import Organisation


def organisation_sections(request: HttpRequest, organisation: Organisation) -> list[HomeSection]:
    sections = []
    for module in platform_app_modules("organisation_sections"):
        section = module.organisation_section(request, organisation)
        if section is not None:
            sections.append(section)
    return sorted(sections, key=lambda section: section.order)
