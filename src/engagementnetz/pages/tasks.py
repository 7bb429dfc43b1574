"""Thin background tasks of the pages: they take IDs and call a mail function or service."""

from django_tasks import task

from . import mails
from .models import OfficeMessage


@task()
def relay_office_message(message_id: int) -> None:
    office_message = OfficeMessage.objects.filter(pk=message_id).first()
    if office_message is not None:
        mails.send_office_message(office_message)


@task()
def delete_expired_office_messages() -> int:
    from .services import office_messages_delete_expired

    return office_messages_delete_expired()
