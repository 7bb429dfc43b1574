"""The people who keep an entry: invitations, roles, removal. An entry keeps an admin."""

import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import tasks
from ..models import Invitation, Membership, MembershipRole, Organisation
from ._common import after_commit

INVITATION_VALID_FOR = timedelta(days=14)


def _other_admins(membership: Membership) -> int:
    return (
        Membership.objects.filter(
            organisation_id=membership.organisation_id, role=MembershipRole.ADMIN
        )
        .exclude(pk=membership.pk)
        .count()
    )


@transaction.atomic
def invitation_send(*, organisation: Organisation, email: str, role: str, by) -> Invitation:
    """Invite a person by e-mail; a newer invitation to the same address replaces the older."""
    email = email.strip().lower()
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError(_("This person already keeps the entry."))
    organisation.invitations.filter(email__iexact=email, accepted_at__isnull=True).delete()
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        token=secrets.token_urlsafe(32),
        invited_by=by,
        expires_at=timezone.now() + INVITATION_VALID_FOR,
    )
    after_commit(tasks.send_invitation, invitation.pk)
    return invitation


def addresses_of(user) -> set[str]:
    verified = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {user.email.lower(), *(address.lower() for address in verified)}


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    """The invited person joins; an existing admin is never demoted by an invitation."""
    if not invitation.is_pending:
        raise ValidationError(_("This invitation has expired or has already been used."))
    if invitation.email.lower() not in addresses_of(user):
        raise ValidationError(
            _(
                "This invitation was sent to another e-mail address. Please log in with the "
                "account of that address."
            )
        )
    membership, created = Membership.objects.get_or_create(
        organisation=invitation.organisation, user=user, defaults={"role": invitation.role}
    )
    if not created and invitation.role == MembershipRole.ADMIN:
        membership.role = MembershipRole.ADMIN
        membership.save(update_fields=["role"])
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by) -> None:
    invitation.delete()


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, by) -> Membership:
    """Change a person's role; the last admin cannot become an editor."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if (
        membership.role == MembershipRole.ADMIN
        and role != MembershipRole.ADMIN
        and _other_admins(membership) == 0
    ):
        raise ValidationError(
            _("The entry needs at least one administrator. Make someone else administrator first.")
        )
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, by) -> None:
    """Remove a person from the entry (or leave it); never the last admin."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == MembershipRole.ADMIN and _other_admins(membership) == 0:
        raise ValidationError(
            _("The entry needs at least one administrator. Make someone else administrator first.")
        )
    membership.delete()
