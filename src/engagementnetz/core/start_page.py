"""The start page is made of sections that the apps contribute through their ``home.py``.

Each such module has ``home_section(request) -> HomeSection | None``.
"""

from dataclasses import dataclass, field

from django.http import HttpRequest

from .discovery import platform_app_modules


@dataclass(frozen=True)
class HomeSection:
    template: str
    order: int = 100
    context: dict = field(default_factory=dict)


def home_sections(request: HttpRequest) -> list[HomeSection]:
    sections = []
    for module in platform_app_modules("home"):
        section = module.home_section(request)
        if section is not None:
            sections.append(section)
    return sorted(sections, key=lambda section: section.order)
