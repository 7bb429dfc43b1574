"""The network office's decisions: verification, rejection, unpublishing, claims, reports."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from engagementnetz.search.services import index_update

from .. import mails, tasks
from ..models import (
    ClaimRequest,
    ClaimState,
    DecisionKind,
    DecisionOutcome,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationState,
    Project,
    Report,
    ReportState,
)
from ._common import after_commit, record_decision


@transaction.atomic
def organisation_verify(*, organisation: Organisation, by, note: str = "") -> Organisation:
    """Verify an entry: it becomes public with the badge "geprüft vom Netzwerkbüro"."""
    if organisation.state == OrganisationState.VERIFIED:
        raise ValidationError(_("This entry has already been verified."))
    kind = (
        DecisionKind.PUBLICATION
        if organisation.state == OrganisationState.UNPUBLISHED
        else DecisionKind.REGISTRATION
    )
    now = timezone.now()
    organisation.state = OrganisationState.VERIFIED
    organisation.verified_at = now
    organisation.verified_by = by
    organisation.reviewed_at = now
    organisation.rejection_reason = ""
    organisation.unpublished_reason = ""
    organisation.save()
    record_decision(
        kind=kind, outcome=DecisionOutcome.VERIFIED, by=by, note=note, organisation=organisation
    )
    index_update(organisation)
    after_commit(tasks.send_organisation_mail, "verified", organisation.pk)
    return organisation


@transaction.atomic
def organisation_reject(*, organisation: Organisation, by, reason: str) -> Organisation:
    """Reject a submitted entry; the reason is mailed to its admins."""
    if organisation.state != OrganisationState.SUBMITTED:
        raise ValidationError(_("Only submitted entries can be rejected."))
    if not reason.strip():
        raise ValidationError(_("Please give a reason; it is sent to the organisation."))
    organisation.state = OrganisationState.REJECTED
    organisation.rejection_reason = reason.strip()
    organisation.save(update_fields=["state", "rejection_reason", "updated_at"])
    record_decision(
        kind=DecisionKind.REGISTRATION,
        outcome=DecisionOutcome.REJECTED,
        by=by,
        note=organisation.rejection_reason,
        organisation=organisation,
    )
    after_commit(tasks.send_organisation_mail, "rejected", organisation.pk)
    return organisation


@transaction.atomic
def organisation_unpublish(
    *, organisation: Organisation, by, reason: str, kind: DecisionKind = DecisionKind.PUBLICATION
) -> Organisation:
    """Take a verified entry offline; the reason is mailed to its admins."""
    if organisation.state != OrganisationState.VERIFIED:
        raise ValidationError(_("Only public entries can be unpublished."))
    if not reason.strip():
        raise ValidationError(_("Please give a reason; it is sent to the organisation."))
    organisation.state = OrganisationState.UNPUBLISHED
    organisation.unpublished_reason = reason.strip()
    organisation.save(update_fields=["state", "unpublished_reason", "updated_at"])
    record_decision(
        kind=kind,
        outcome=DecisionOutcome.UNPUBLISHED,
        by=by,
        note=organisation.unpublished_reason,
        organisation=organisation,
    )
    index_update(organisation)
    after_commit(tasks.send_organisation_mail, "unpublished", organisation.pk)
    return organisation


def is_claimable(organisation: Organisation) -> bool:
    """Public entries that nobody keeps can be claimed by the organisation's people."""
    return (
        organisation.is_public
        and not organisation.memberships.filter(role=MembershipRole.ADMIN).exists()
    )


@transaction.atomic
def claim_request(*, organisation: Organisation, user, function: str, message: str) -> ClaimRequest:
    """ "Das ist unsere Organisation": ask the network office to hand over an entry."""
    if not is_claimable(organisation):
        raise ValidationError(_("This entry already has an administrator and cannot be claimed."))
    if organisation.claims.filter(user=user, state=ClaimState.PENDING).exists():
        raise ValidationError(
            _("You have already asked for this entry; the network office will reply.")
        )
    claim = ClaimRequest.objects.create(
        organisation=organisation,
        user=user,
        function=function,
        message=message,
        entitlement_confirmed_at=timezone.now(),
    )
    after_commit(tasks.send_claim_mail, claim.pk)
    return claim


@transaction.atomic
def claim_approve(*, claim: ClaimRequest, by, note: str = "") -> Membership:
    """The person becomes an admin of the entry."""
    if claim.state != ClaimState.PENDING:
        raise ValidationError(_("This request has already been decided."))
    membership, _created = Membership.objects.update_or_create(
        organisation=claim.organisation, user=claim.user, defaults={"role": MembershipRole.ADMIN}
    )
    _close_claim(claim, ClaimState.APPROVED, by, note)
    record_decision(
        kind=DecisionKind.CLAIM,
        outcome=DecisionOutcome.APPROVED,
        by=by,
        note=note,
        organisation=claim.organisation,
        claim=claim,
    )
    after_commit(tasks.send_claim_mail, claim.pk)
    return membership


@transaction.atomic
def claim_decline(*, claim: ClaimRequest, by, note: str) -> ClaimRequest:
    if claim.state != ClaimState.PENDING:
        raise ValidationError(_("This request has already been decided."))
    if not note.strip():
        raise ValidationError(_("Please give a reason; it is sent to the person."))
    _close_claim(claim, ClaimState.DECLINED, by, note)
    record_decision(
        kind=DecisionKind.CLAIM,
        outcome=DecisionOutcome.DECLINED,
        by=by,
        note=note,
        organisation=claim.organisation,
        claim=claim,
    )
    after_commit(tasks.send_claim_mail, claim.pk)
    return claim


def _close_claim(claim: ClaimRequest, state: ClaimState, by, note: str) -> None:
    claim.state = state
    claim.decided_at = timezone.now()
    claim.decided_by = by
    claim.decision_note = note.strip()
    claim.save(update_fields=["state", "decided_at", "decided_by", "decision_note"])


@transaction.atomic
def report_create(
    *,
    organisation: Organisation | None = None,
    project: Project | None = None,
    reason: str,
    message: str,
    reporter_email: str = "",
    reporter=None,
) -> Report:
    """ "Inhalt melden": a report goes into the network office's queue."""
    report = Report.objects.create(
        organisation=organisation if project is None else project.organisation,
        project=project,
        reason=reason,
        message=message,
        reporter_email=reporter_email,
        reporter=reporter if getattr(reporter, "is_authenticated", False) else None,
    )
    after_commit(tasks.send_report_notice, report.pk)
    return report


@transaction.atomic
def report_decide(*, report: Report, by, outcome: DecisionOutcome, note: str = "") -> Report:
    """Close a report as resolved (something was done) or dismissed (nothing to do)."""
    if report.state != ReportState.OPEN:
        raise ValidationError(_("This report has already been decided."))
    report.state = (
        ReportState.RESOLVED if outcome == DecisionOutcome.RESOLVED else ReportState.DISMISSED
    )
    report.decided_at = timezone.now()
    report.decided_by = by
    report.decision_note = note.strip()
    report.save(update_fields=["state", "decided_at", "decided_by", "decision_note"])
    record_decision(
        kind=DecisionKind.REPORT,
        outcome=outcome,
        by=by,
        note=report.decision_note,
        organisation=report.organisation,
        subject=str(report.target),
        report=report,
    )
    return report


@transaction.atomic
def stale_confirm(*, organisation: Organisation, by, note: str = "") -> Organisation:
    """The network office knows the details are current (e.g. after a phone call)."""
    organisation.reviewed_at = timezone.now()
    organisation.save(update_fields=["reviewed_at", "updated_at"])
    record_decision(
        kind=DecisionKind.FRESHNESS,
        outcome=DecisionOutcome.CONFIRMED,
        by=by,
        note=note,
        organisation=organisation,
    )
    return organisation


@transaction.atomic
def stale_remind(*, organisation: Organisation, by, note: str = "") -> Organisation:
    """Send the admins the freshness reminder once more."""
    if not mails.admin_addresses(organisation):
        raise ValidationError(_("This entry has no administrator who could be reminded."))
    organisation.review_reminder_sent_at = timezone.now()
    organisation.save(update_fields=["review_reminder_sent_at"])
    record_decision(
        kind=DecisionKind.FRESHNESS,
        outcome=DecisionOutcome.REMINDED,
        by=by,
        note=note,
        organisation=organisation,
    )
    after_commit(tasks.send_organisation_mail, "review_reminder", organisation.pk)
    return organisation
