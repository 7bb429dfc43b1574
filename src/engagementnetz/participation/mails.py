"""Mails of the participation app: plain text with an HTML alternative, in German."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from engagementnetz.core.site_cache import cached_site_settings


def send_templated_mail(
    *, to: str, template: str, context: dict, headers: dict | None = None
) -> None:
    """Render ``<template>_subject.txt``, ``<template>.txt`` and ``<template>.html``; send them."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {**context, "site_url": settings.SITE_URL, "network": cached_site_settings()}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to], headers=headers or {})
    message.attach_alternative(html, "text/html")
    message.send()


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"
