"""What the network office decides on: claims, reports, and the history of its decisions."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ClaimState(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class ClaimRequest(models.Model):
    """ "That is our organisation": a person asks to keep an entry nobody keeps yet."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="claims"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_claims"
    )
    function = models.CharField(
        _("your function in the organisation"),
        max_length=200,
        help_text=_("For example: chair, treasurer, head of the institution."),
    )
    message = models.TextField(_("message to the network office"), blank=True)
    entitlement_confirmed_at = models.DateTimeField()
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=ClaimState,
        default=ClaimState.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=models.Q(state="pending"),
                name="one_pending_claim_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation}"


class ReportReason(models.TextChoices):
    WRONG = "wrong", _("The information is wrong or out of date")
    OFFENSIVE = "offensive", _("Offensive or unlawful content")
    SPAM = "spam", _("Advertising or spam")
    RIGHTS = "rights", _("Copyright or personal rights are violated")
    OTHER = "other", _("Something else")


class ReportState(models.TextChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Resolved")
    DISMISSED = "dismissed", _("Dismissed")


class Report(models.Model):
    """ "Inhalt melden": someone points the network office to a problem with an entry."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    project = models.ForeignKey(
        "organisations.Project",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    reason = models.CharField(_("what is the problem?"), max_length=20, choices=ReportReason)
    message = models.TextField(_("description"))
    reporter_email = models.EmailField(
        _("your e-mail address"),
        blank=True,
        help_text=_("Only if the network office may ask you about it."),
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=ReportState,
        default=ReportState.OPEN,
        db_index=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.target}"

    @property
    def target(self):
        return self.project or self.organisation


class DecisionKind(models.TextChoices):
    REGISTRATION = "registration", _("Registration")
    CLAIM = "claim", _("Claim")
    REPORT = "report", _("Report")
    FRESHNESS = "freshness", _("Out-of-date entry")
    PUBLICATION = "publication", _("Publication")


class DecisionOutcome(models.TextChoices):
    VERIFIED = "verified", _("Verified and published")
    REJECTED = "rejected", _("Rejected")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")
    RESOLVED = "resolved", _("Resolved")
    DISMISSED = "dismissed", _("Dismissed")
    UNPUBLISHED = "unpublished", _("Unpublished")
    CONFIRMED = "confirmed", _("Confirmed as current")
    REMINDED = "reminded", _("Admins reminded")


class Decision(models.Model):
    """One decision of the network office, kept as history with its note."""

    kind = models.CharField(_("kind"), max_length=20, choices=DecisionKind)
    outcome = models.CharField(_("decision"), max_length=20, choices=DecisionOutcome)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
    )
    subject = models.CharField(_("entry"), max_length=250)
    claim = models.ForeignKey(
        ClaimRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    note = models.TextField(_("note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided on"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject} – {self.get_outcome_display()}"


class ChangeRecord(models.Model):
    """Who changed what in an entry, and when (edits of verified entries publish at once)."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="change_records"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now, db_index=True)
    changes = models.JSONField(default=list)  # [{"field": label, "old": text, "new": text}]

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("change")
        verbose_name_plural = _("changes")

    def __str__(self) -> str:
        return f"{self.organisation} {self.changed_at:%Y-%m-%d %H:%M}"
