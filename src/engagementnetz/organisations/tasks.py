"""Background work of the directory: thin tasks that take IDs and call a service or mail."""

from django_tasks import task

from . import mails
from .models import ClaimRequest, ContactMessage, Invitation, Organisation, Report


@task()
def send_organisation_mail(kind: str, organisation_id: int) -> None:
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is not None:
        mails.send_organisation_mail(kind, organisation)


@task()
def send_claim_mail(claim_id: int) -> None:
    claim = ClaimRequest.objects.select_related("organisation", "user").filter(pk=claim_id).first()
    if claim is not None:
        mails.send_claim_mail(claim)


@task()
def send_report_notice(report_id: int) -> None:
    report = Report.objects.select_related("organisation", "project").filter(pk=report_id).first()
    if report is not None:
        mails.send_report_notice(report)


@task()
def send_invitation(invitation_id: int) -> None:
    invitation = (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is not None:
        mails.send_invitation(invitation)


@task()
def relay_contact_message(message_id: int) -> None:
    message = ContactMessage.objects.select_related("organisation").filter(pk=message_id).first()
    if message is not None:
        mails.send_contact_message(message)


@task()
def send_review_reminders() -> None:
    from .services import review_reminders_send

    review_reminders_send()


@task()
def delete_expired_contact_messages() -> None:
    from .services import contact_messages_delete_expired

    contact_messages_delete_expired()


@task()
def check_links() -> None:
    from .services import links_check

    links_check()
