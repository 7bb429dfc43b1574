from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "engagementnetz.participation"
    label = "participation"
