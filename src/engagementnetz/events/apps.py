from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class EventsConfig(AppConfig):
    name = "engagementnetz.events"
    label = "events"

    def ready(self):
        from .feed_cache import forget_feeds
        from .models import Event, Occurrence, Venue

        for model in (Event, Occurrence, Venue):
            post_save.connect(forget_feeds, sender=model, dispatch_uid=f"ics-{model.__name__}")
            post_delete.connect(
                forget_feeds, sender=model, dispatch_uid=f"ics-del-{model.__name__}"
            )
