"""Thin background tasks of the newsletter: they take IDs and call a service or mail function."""

from django_tasks import task

from . import mails, outbox, services
from .models import Subscriber

# A task of the worker stops after this long and leaves the rest to the next run, so that other
# tasks are not held up by a large issue.
TASK_SECONDS = 50


@task()
def send_confirmation_mail(subscriber_id: int) -> None:
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is not None:
        mails.send_confirmation(subscriber=subscriber)


@task()
def send_already_subscribed_mail(subscriber_id: int) -> None:
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is not None:
        mails.send_already_subscribed(subscriber=subscriber)


@task()
def work_outbox() -> int:
    """Send due outbox rows; if some are left when the time is up, continue in a new task."""
    claimed = outbox.work(max_seconds=TASK_SECONDS)
    if outbox.due_count() and claimed:
        work_outbox.enqueue()
    return claimed


@task()
def snapshot_statistics() -> None:
    services.statistics_snapshot()


@task()
def forget_unconfirmed() -> int:
    return services.subscribers_forget_unconfirmed()
