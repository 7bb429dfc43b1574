"""Messages of the contact form, relayed to the organisation and deleted after a while."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from engagementnetz.core.models import ContactMessageBase


class ContactMessage(ContactMessageBase):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="contact_messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisation_contact_messages",
    )

    class Meta(ContactMessageBase.Meta):
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self) -> str:
        return f"{self.sender_email} → {self.organisation}: {self.subject}"
