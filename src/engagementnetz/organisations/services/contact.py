"""The contact form: messages are relayed by e-mail and deleted after a while."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .. import tasks
from ..models import ContactMessage, Organisation
from ._common import after_commit


@transaction.atomic
def contact_message_send(
    *,
    organisation: Organisation,
    sender,
    sender_name: str,
    sender_email: str,
    subject: str,
    message: str,
    consent_text: str,
) -> ContactMessage:
    """Store the message with the consent given and relay it once committed."""
    contact_message = ContactMessage.objects.create(
        organisation=organisation,
        sender=sender if getattr(sender, "is_authenticated", False) else None,
        sender_name=sender_name,
        sender_email=sender_email,
        subject=subject,
        message=message,
        consent_text=consent_text,
    )
    after_commit(tasks.relay_contact_message, contact_message.pk)
    return contact_message


def contact_messages_delete_expired(*, now=None) -> int:
    """Delete messages older than CONTACT_MESSAGE_RETENTION_DAYS; returns how many."""
    now = now or timezone.now()
    limit = now - timedelta(days=settings.CONTACT_MESSAGE_RETENTION_DAYS)
    deleted, _details = ContactMessage.objects.filter(created_at__lt=limit).delete()
    return deleted
