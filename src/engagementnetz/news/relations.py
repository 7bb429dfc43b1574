"""Which content of other apps an article can point to (events, participation processes).

Those apps are optional for the news: a kind whose model is not installed is simply not offered.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class RelatableKind:
    field: str
    model_label: str
    label: str
    heading: str

    def model(self) -> type[models.Model] | None:
        try:
            return apps.get_model(self.model_label)
        except (LookupError, ValueError):
            return None

    def ids_in(self, relations) -> list[int]:
        """The object IDs of this kind among an article's relations (no extra queries)."""
        from django.contrib.contenttypes.models import ContentType

        model = self.model()
        return [
            rel.object_id
            for rel in relations
            if ContentType.objects.get_for_id(rel.content_type_id).model_class() is model
        ]

    def public_queryset(self) -> models.QuerySet | None:
        model = self.model()
        if model is None:
            return None
        manager = model._default_manager
        return manager.public() if hasattr(manager, "public") else manager.all()


RELATABLE_KINDS = [
    RelatableKind("related_events", "events.Event", _("Related events"), _("Events")),
    RelatableKind(
        "related_processes",
        "participation.Process",
        _("Related participation processes"),
        _("Participation"),
    ),
]
