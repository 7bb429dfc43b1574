from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "engagementnetz.core"
    label = "core"
    verbose_name = _("Platform")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .page_cache import NOT_ON_PUBLIC_PAGES, forget_on_change

        for model in apps.get_models(include_auto_created=True):
            # The platform's own models, with the tables of their many-to-many fields.
            meta = model._meta
            if not model.__module__.startswith("engagementnetz."):
                continue
            if meta.label_lower in NOT_ON_PUBLIC_PAGES:
                continue
            for signal in (post_save, post_delete, m2m_changed):
                signal.connect(forget_on_change, sender=model, dispatch_uid=f"pages-{meta.label}")
