from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "engagementnetz.news"
    label = "news"
