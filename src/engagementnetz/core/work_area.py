"""The network office's work area gathers sections from the apps' ``workarea.py`` modules.

Each such module has ``workarea_sections(request) -> list[WorkareaSection]``.
"""

from dataclasses import dataclass

from django.http import HttpRequest

from .discovery import platform_app_modules


@dataclass(frozen=True)
class WorkareaSection:
    title: str
    url: str
    description: str = ""
    pending: int | None = None  # items waiting for a decision, shown as a badge
    order: int = 100


def sections(request: HttpRequest) -> list[WorkareaSection]:
    found = []
    for module in platform_app_modules("workarea"):
        found.extend(module.workarea_sections(request))
    return sorted(found, key=lambda section: (section.order, section.title))
