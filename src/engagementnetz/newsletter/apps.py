from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "engagementnetz.newsletter"
    label = "newsletter"
