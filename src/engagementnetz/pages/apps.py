from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "engagementnetz.pages"
    label = "pages"
