"""Find the optional modules that each of the platform's apps contributes.

An app takes part in a cross-cutting feature by having a module of a known name, e.g.
``demo.py`` (demo content), ``jobs.py`` (periodic jobs), ``workarea.py`` (sections of the
network office's work area) or ``home.py`` (sections of the start page). This is the one place
that finds them, in the order of INSTALLED_APPS, so that the flow stays visible.
"""

from collections.abc import Iterator
from importlib import import_module
from importlib.util import find_spec
from types import ModuleType

from django.apps import apps


def platform_app_modules(name: str) -> Iterator[ModuleType]:
    """Yield ``<app>.<name>`` for every platform app that has such a module."""
    for config in apps.get_app_configs():
        if not config.name.startswith("engagementnetz."):
            continue
        dotted = f"{config.name}.{name}"
        if find_spec(dotted) is not None:
            yield import_module(dotted)
