from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from engagementnetz.core.site_cache import forget_site_cache

from . import tasks
from .models import OfficeMessage, Page


@transaction.atomic
def page_save(*, form, by) -> Page:
    """Create or change a page; remembers who changed it last."""
    page = form.save(commit=False)
    page.updated_by = by
    page.save()
    transaction.on_commit(forget_site_cache)
    return page


def office_message_send(
    *,
    kind: str,
    sender_name: str,
    sender_email: str,
    subject: str,
    message: str,
    consent_text: str,
) -> OfficeMessage:
    """Store a message to the network office with the consent given; mail it once committed."""
    office_message = OfficeMessage.objects.create(
        kind=kind,
        sender_name=sender_name,
        sender_email=sender_email,
        subject=subject,
        message=message,
        consent_text=consent_text,
    )
    transaction.on_commit(lambda: tasks.relay_office_message.enqueue(office_message.pk))
    return office_message


def office_messages_delete_expired(*, now=None) -> int:
    """Delete messages older than CONTACT_MESSAGE_RETENTION_DAYS; returns how many."""
    now = now or timezone.now()
    limit = now - timedelta(days=settings.CONTACT_MESSAGE_RETENTION_DAYS)
    deleted, _details = OfficeMessage.objects.filter(created_at__lt=limit).delete()
    return deleted
