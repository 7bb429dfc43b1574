"""A newsletter subscription has no account; it is found by the account's e-mail address."""

from .models import OutboxMessage, Subscriber


def export(user) -> dict:
    subscriber = (
        Subscriber.objects.filter(email__iexact=user.email)
        .prefetch_related("consents__text")
        .first()
    )
    if subscriber is None:
        return {"newsletter": None}
    return {
        "newsletter": {
            "e_mail": subscriber.email,
            "name": subscriber.name,
            "status": subscriber.state,
            "themen": subscriber.topics,
            "angemeldet_am": subscriber.created_at.isoformat(),
            "bestaetigt_am": subscriber.confirmed_at.isoformat()
            if subscriber.confirmed_at
            else None,
            "abgemeldet_am": (
                subscriber.unsubscribed_at.isoformat() if subscriber.unsubscribed_at else None
            ),
            "einwilligungen": [
                {
                    "ereignis": record.event,
                    "zeitpunkt": record.at.isoformat(),
                    "weg": record.method,
                    "ip_adresse": record.ip_address,
                    "themen": record.topics.split(",") if record.topics else [],
                    "text_version": record.text.version if record.text else None,
                    "text": record.text.text if record.text else None,
                }
                for record in subscriber.consents.all()
            ],
        }
    }


def erase(user) -> None:
    subscribers = Subscriber.objects.filter(email__iexact=user.email)
    # The figures of sent issues keep their counts, without the address.
    OutboxMessage.objects.filter(subscriber__in=subscribers).update(email="", subscriber=None)
    subscribers.delete()
