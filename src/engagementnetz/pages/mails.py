"""The mails of the general contact form: to the network office, and a copy to the sender."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from engagementnetz.core.site_cache import cached_site_settings
from engagementnetz.organisations.mails import Mail, absolute, office_addresses

from .models import OfficeMessage, OfficeMessageKind


def _subject(office_message: OfficeMessage, *, site_name: str) -> str:
    values = {"site": site_name, "subject": office_message.subject}
    if office_message.kind == OfficeMessageKind.QUESTION:
        return _("Question via %(site)s: %(subject)s") % values
    return _("Idea via %(site)s: %(subject)s") % values


def send_office_message(office_message: OfficeMessage) -> None:
    """Pass the message to the office (reply goes to the sender) and send the sender a copy."""
    site = cached_site_settings()
    with translation.override(settings.LANGUAGE_CODE):
        kind = office_message.get_kind_display()
        Mail(
            to=office_addresses(),
            reply_to=[office_message.sender_email],
            subject=_subject(office_message, site_name=site.name),
            paragraphs=[
                _(
                    "%(name)s (%(email)s) has written to the network office through the contact "
                    "form of %(site)s (“%(kind)s”). Reply to this e-mail to answer them directly."
                )
                % {
                    "name": office_message.sender_name,
                    "email": office_message.sender_email,
                    "site": site.name,
                    "kind": kind,
                }
            ],
            quote=office_message.message,
        ).send()
        Mail(
            to=[office_message.sender_email],
            subject=_("Your message to the network office: %(subject)s")
            % {"subject": office_message.subject},
            paragraphs=[
                _(
                    "Thank you for your message. The network office of %(site)s will reply to "
                    "you by e-mail. This is your copy."
                )
                % {"site": site.name}
            ],
            quote=office_message.message,
            action=(_("Write another message"), absolute(reverse("pages:contact"))),
        ).send()
