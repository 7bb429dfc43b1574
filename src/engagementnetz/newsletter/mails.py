"""The newsletter's own mails around the subscription (the issues are in ``rendering``)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from engagementnetz.core.models import SiteSettings

from .models import Subscriber
from .services import CONFIRMATION_VALID_DAYS


def _send(*, to: str, subject: str, template: str, context: dict) -> None:
    site = SiteSettings.current()
    context = {**context, "network": site, "SITE_URL": settings.SITE_URL}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"newsletter/mails/{template}.txt", context),
        to=[to],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(
        render_to_string(f"newsletter/mails/{template}.html", context), "text/html"
    )
    message.send()


def send_confirmation(*, subscriber: Subscriber) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        _send(
            to=subscriber.email,
            subject=_("Please confirm your newsletter subscription"),
            template="confirm",
            context={
                "confirm_url": subscriber.confirm_url(),
                "valid_days": CONFIRMATION_VALID_DAYS,
            },
        )


def send_already_subscribed(*, subscriber: Subscriber) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        _send(
            to=subscriber.email,
            subject=_("You already receive our newsletter"),
            template="already_subscribed",
            context={"manage_url": subscriber.manage_url()},
        )
