"""The mails to people who registered: plain text with an HTML alternative, always in German.

Every mail carries the link to the person's registration, where it can be cancelled.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from engagementnetz.core.site_cache import cached_site_settings

from .formatting import when
from .models import Occurrence, RegistrantMessage, Registration, RegistrationStatus


class Plain(str):
    """Text someone typed (a note, a message): put into the mail as it is."""


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def registration_links(registration: Registration) -> dict[str, str]:
    token = registration.token
    return {
        "confirm": absolute(reverse("events:registration_confirm", args=[token])),
        "manage": absolute(reverse("events:registration", args=[token])),
        "cancel": absolute(reverse("events:registration_cancel", args=[token])),
        "certificate": absolute(reverse("events:certificate", args=[token])),
        "event": absolute(registration.event.get_absolute_url()),
        "ics": absolute(reverse("events:event_ics", args=[registration.event.slug])),
    }


def _content(registration, kind, occurrence, message) -> tuple[str, list[str], str | None]:
    """Subject, paragraphs and the main action (a key of the links) of each kind of mail."""
    event = registration.event
    title = event.title
    date = (
        when(occurrence.starts_at, occurrence.ends_at, all_day=event.all_day) if occurrence else ""
    )
    position = None
    if kind == "waiting":
        position = (
            Registration.objects.filter(
                event=event,
                status=RegistrationStatus.WAITING,
                queued_at__lte=registration.queued_at,
            ).count()
            if registration.queued_at
            else None
        )
    table = {
        "confirm_email": (
            _("Please confirm your registration: %(title)s"),
            [
                _("thank you for registering for “%(title)s”."),
                _(
                    "Please confirm your e-mail address with the link below. Only then is your "
                    "registration valid and we can give you a place or put you on the waiting list."
                ),
                _("If you did not register, simply ignore this mail; nothing more will happen."),
            ],
            "confirm",
        ),
        "confirmed": (
            _("Your place is confirmed: %(title)s"),
            [
                _("your registration for “%(title)s” is confirmed – we have a place for you."),
                _(
                    "If you cannot come after all, please cancel so that someone else can take the place."
                ),
            ],
            "manage",
        ),
        "waiting": (
            _("You are on the waiting list: %(title)s"),
            [
                _("“%(title)s” is fully booked at the moment. You are on the waiting list."),
                _("You are number %(position)s on the waiting list.") if position else "",
                _(
                    "As soon as a place becomes free you move up automatically and we tell you by mail."
                ),
            ],
            "manage",
        ),
        "promoted": (
            _("A place has become free for you: %(title)s"),
            [
                _(
                    "good news: a place has become free and you have moved up from the waiting list."
                ),
                _("Your place for “%(title)s” is now confirmed."),
                _(
                    "If you cannot come after all, please cancel so that the next person can move up."
                ),
            ],
            "manage",
        ),
        "not_admitted": (
            _("Fully booked: %(title)s"),
            [
                _(
                    "thank you for confirming your address. Unfortunately “%(title)s” is now fully booked and there is no waiting list."
                ),
            ],
            "event",
        ),
        "withdrawn": (
            _("Your registration is cancelled: %(title)s"),
            [
                _(
                    "you have cancelled your registration for “%(title)s”. Thank you for letting us know."
                )
            ],
            "event",
        ),
        "removed": (
            _("Your registration was cancelled by the organiser: %(title)s"),
            [
                _("the organiser has cancelled your registration for “%(title)s”."),
                _(
                    "If you have questions, please reply to the organiser's contact given on the event page."
                ),
            ],
            "event",
        ),
        "status": (
            _("Your registration: %(title)s"),
            [
                _("you (or someone else) tried to register this address again for “%(title)s”."),
                _("Your existing registration stays as it is; you find it with the link below."),
            ],
            "manage",
        ),
        "reminder": (
            _("Reminder: %(title)s"),
            [_("we are looking forward to seeing you at “%(title)s”.")],
            "manage",
        ),
        "event_cancelled": (
            _("Cancelled: %(title)s"),
            [_("unfortunately “%(title)s” has been cancelled."), Plain(event.state_note)],
            "event",
        ),
        "event_postponed": (
            _("Postponed: %(title)s"),
            [
                _("“%(title)s” has been postponed."),
                Plain(event.state_note),
                _("Your registration stays valid for the new date unless you cancel it."),
            ],
            "manage",
        ),
        "date_cancelled": (
            _("A date is cancelled: %(title)s"),
            [
                _("the date on %(date)s of “%(title)s” does not take place."),
                Plain(occurrence.note if occurrence else ""),
                _("Your registration for the other dates stays valid."),
            ],
            "manage",
        ),
        "date_moved": (
            _("A date has changed: %(title)s"),
            [
                _("a date of “%(title)s” has changed. It now takes place on %(date)s."),
                Plain(occurrence.note if occurrence else ""),
            ],
            "manage",
        ),
    }
    if kind == "message":
        paragraphs = [Plain(p.strip()) for p in message.body.split("\n\n") if p.strip()]
        return message.subject, paragraphs, "manage"
    subject, paragraphs, action = table[kind]
    values = {"title": title, "date": date, "position": position}
    return (
        subject % values,
        [str(p) if isinstance(p, Plain) else str(p) % values for p in paragraphs if p],
        action,
    )


def build_registration_mail(
    registration: Registration,
    kind: str,
    *,
    occurrence: Occurrence | None = None,
    message: RegistrantMessage | None = None,
) -> EmailMultiAlternatives | None:
    """The mail of ``kind`` for one registration, or None when its address was deleted."""
    if not registration.email:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        subject, paragraphs, action = _content(registration, kind, occurrence, message)
        event = registration.event
        dates = list(event.occurrences.filter(is_cancelled=False).order_by("starts_at")[:6])
        context = {
            "registration": registration,
            "event": event,
            "kind": kind,
            "paragraphs": paragraphs,
            "action": action,
            "links": registration_links(registration),
            "dates": [when(d.starts_at, d.ends_at, all_day=event.all_day) for d in dates],
            "network": cached_site_settings(),
            "greeting": greeting(registration),
            "shows_cancel": registration.status
            in (
                RegistrationStatus.CONFIRMED,
                RegistrationStatus.WAITING,
                RegistrationStatus.PENDING,
            ),
        }
        text = render_to_string("events/mails/registration.txt", context)
        html = render_to_string("events/mails/registration.html", context)
    reply_to = [event.contact_email] if event.contact_email else None
    mail = EmailMultiAlternatives(
        subject=subject, body=text, to=[registration.email], reply_to=reply_to
    )
    mail.attach_alternative(html, "text/html")
    return mail


def send_registration_mail(
    *,
    registration_id: int,
    kind: str,
    occurrence_id: int | None = None,
    message_id: int | None = None,
) -> bool:
    """Send one mail; False when the registration or its address is gone meanwhile."""
    registration = (
        Registration.objects.select_related("event", "event__venue", "event__organiser")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:
        return False
    occurrence = Occurrence.objects.filter(pk=occurrence_id).first() if occurrence_id else None
    message = RegistrantMessage.objects.filter(pk=message_id).first() if message_id else None
    mail = build_registration_mail(registration, kind, occurrence=occurrence, message=message)
    if mail is None:
        return False
    mail.send()
    return True


def send_all(messages: list) -> None:
    messages = [m for m in messages if m is not None]
    if messages:
        get_connection().send_messages(messages)


def greeting(registration: Registration) -> str:
    return (
        _("Dear %(name)s,") % {"name": registration.name} if registration.name else _("Good day,")
    )
