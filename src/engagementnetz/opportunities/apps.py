from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "engagementnetz.opportunities"
    label = "opportunities"
