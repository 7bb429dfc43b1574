"""Background work: thin tasks that take IDs and call a service."""

from django_tasks import task

from . import selectors, services
from .mails import send_templated_mail


@task()
def send_confirmation_mail(*, email: str, items: list[list]) -> int:
    """Mail the link with which someone without an account confirms what they did."""
    context = selectors.confirmation_mail_context(
        email=email, items=[(kind, pk) for kind, pk in items]
    )
    if context is None:  # everything was confirmed or deleted in the meantime
        return 0
    send_templated_mail(to=email, template="participation/mails/confirm", context=context)
    return 1


@task()
def send_digests() -> int:
    return services.digests_send()


@task()
def delete_unconfirmed() -> int:
    return services.unconfirmed_delete()
