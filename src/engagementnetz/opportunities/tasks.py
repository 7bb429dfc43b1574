"""Background work of the Engagement-Börse: thin tasks that take IDs and call a service or mail."""

from django_tasks import task

from . import mails, services
from .models import FinderSubscription, HelpContact, HelpPost, Interest


@task()
def send_interest_confirmation_request(interest_id: int) -> None:
    interest = Interest.objects.select_related("opportunity").filter(pk=interest_id).first()
    if interest is not None:
        mails.interest_confirmation_request(interest)


@task()
def send_interest_confirmed_mails(interest_id: int) -> None:
    """The organisation gets the message, the person a confirmation."""
    interest = (
        Interest.objects.select_related("opportunity__organisation").filter(pk=interest_id).first()
    )
    if interest is not None:
        mails.interest_to_organisation(interest)
        mails.interest_received(interest)


@task()
def send_interest_declined_mail(interest_id: int) -> None:
    interest = (
        Interest.objects.select_related("opportunity__organisation").filter(pk=interest_id).first()
    )
    if interest is not None:
        mails.interest_declined(interest)


@task()
def send_finder_confirmation_request(subscription_id: int) -> None:
    subscription = FinderSubscription.objects.filter(pk=subscription_id).first()
    if subscription is not None:
        mails.finder_confirmation_request(subscription)


@task()
def send_help_confirmation_request(post_id: int) -> None:
    post = HelpPost.objects.filter(pk=post_id).first()
    if post is not None:
        mails.help_confirmation_request(post)


@task()
def send_help_moderation_result(post_id: int) -> None:
    post = HelpPost.objects.filter(pk=post_id).first()
    if post is not None:
        mails.help_moderated(post)


@task()
def send_help_contact(contact_id: int) -> None:
    contact = HelpContact.objects.select_related("post").filter(pk=contact_id).first()
    if contact is not None:
        mails.help_contact(contact)


# --- Periodic (listed in jobs.py) ---------------------------------------------------------------


@task()
def expire_opportunities() -> int:
    return services.opportunities_expire()


@task()
def send_freshness_reminders() -> int:
    return services.opportunities_remind_freshness()


@task()
def send_interest_reminders() -> int:
    return services.interests_remind_organisations()


@task()
def send_finder_digests() -> int:
    return services.finder_send_digests()


@task()
def delete_old_entries() -> int:
    """Data minimisation: unconfirmed, finished and expired entries with personal data go."""
    return (
        services.interests_delete_stale()
        + services.finder_subscriptions_delete_unconfirmed()
        + services.help_posts_remove_expired()
    )
