from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "engagementnetz.events"
    label = "events"
