"""Messages a person sent to the network office, for the own-data export and the deletion.

The contact form needs no account, so the messages are found by the account's e-mail address.
"""

from .models import OfficeMessage


def _messages(user):
    return OfficeMessage.objects.filter(sender_email__iexact=user.email)


def export(user) -> dict:
    return {
        "nachrichten_an_das_netzwerkbuero": [
            {
                "anliegen": message.get_kind_display(),
                "name": message.sender_name,
                "e_mail": message.sender_email,
                "betreff": message.subject,
                "nachricht": message.message,
                "einwilligung": message.consent_text,
                "gesendet_am": message.created_at.isoformat(),
            }
            for message in _messages(user).order_by("created_at", "pk")
        ]
    }


def erase(user) -> None:
    _messages(user).delete()
