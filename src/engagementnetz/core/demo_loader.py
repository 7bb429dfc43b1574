"""Loads the demo content of every app (their ``demo.py``) into an empty database."""

import random
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from .discovery import platform_app_modules
from .models import SiteSettings

DEMO_PASSWORD = "engagement-demo"  # noqa: S105 - documented demo login, demo content only


@dataclass
class DemoContext:
    """What the apps' demo loaders share: the random source, today, and the objects made so far."""

    rng: random.Random
    today: date
    users: dict = field(default_factory=dict)
    fields: dict = field(default_factory=dict)
    target_groups: dict = field(default_factory=dict)
    districts: dict = field(default_factory=dict)
    organisations: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)


def demo_loaded() -> bool:
    return SiteSettings.objects.filter(pk=1, town__gt="").exists()


@transaction.atomic
def load_demo(*, seed: int = 2019) -> DemoContext:
    demo = DemoContext(rng=random.Random(seed), today=timezone.localdate())
    for module in platform_app_modules("demo"):
        module.load(demo)
    if apps.is_installed("engagementnetz.search"):
        # One rebuild instead of indexing each object as the apps' loaders create them.
        from engagementnetz.search.services import index_rebuild

        index_rebuild()
    return demo
