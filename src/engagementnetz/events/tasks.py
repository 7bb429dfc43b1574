"""Background work of the events app: thin tasks that take IDs and call the services."""

from django_tasks import task


@task()
def send_registration_mail(
    registration_id: int, kind: str, occurrence_id: int | None = None, message_id: int | None = None
) -> bool:
    from .mails import send_registration_mail as send

    return send(
        registration_id=registration_id,
        kind=kind,
        occurrence_id=occurrence_id,
        message_id=message_id,
    )


@task()
def send_reminders() -> int:
    from .services import reminders_send

    return reminders_send()


@task()
def erase_expired_registrations() -> int:
    from .services import registrations_erase_expired

    return registrations_erase_expired()


@task()
def import_calendar_feeds() -> int:
    from .services import feeds_import_all

    return feeds_import_all()


@task()
def extend_recurring_events() -> int:
    from .services import occurrences_extend_all

    return occurrences_extend_all()


@task()
def rebuild_feed(kind: str, organisation: str, field_slug: str, language: str) -> None:
    from django.utils import translation

    from .feed_cache import feed_rebuild

    with translation.override(language):
        feed_rebuild(kind=kind, organisation=organisation, field_slug=field_slug)


@task()
def import_calendar_feed(feed_id: int) -> bool:
    from .models import CalendarFeed
    from .services import feed_refresh

    feed = CalendarFeed.objects.filter(pk=feed_id).first()
    return feed is not None and feed_refresh(feed=feed) is not None
