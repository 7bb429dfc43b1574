from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "engagementnetz.api"
    label = "api"
