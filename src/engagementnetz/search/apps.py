from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "engagementnetz.search"
    label = "search"
