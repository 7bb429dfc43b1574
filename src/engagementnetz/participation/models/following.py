"""Following a process or a measure: what changed, and the daily digest that tells followers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Follow(models.Model):
    """Someone follows a process or a measure, with an account or a confirmed e-mail address."""

    process = models.ForeignKey(
        "participation.Process",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    measure = models.ForeignKey(
        "participation.Measure",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    email = models.EmailField(_("e-mail address"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="participation_follows",
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Changes up to this moment have been told (or happened before the person followed).
    notified_until = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        indexes = [models.Index(fields=["email"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(process__isnull=False, measure__isnull=True)
                | Q(process__isnull=True, measure__isnull=False),
                name="participation_follow_one_target",
            ),
            models.UniqueConstraint(
                fields=["process", "email"],
                condition=Q(process__isnull=False),
                name="participation_follow_process_once",
            ),
            models.UniqueConstraint(
                fields=["measure", "email"],
                condition=Q(measure__isnull=False),
                name="participation_follow_measure_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.target}"

    @property
    def target(self):
        return self.process if self.process_id else self.measure


class ChangeKind(models.TextChoices):
    CONTRIBUTION_PUBLISHED = "contribution_published", _("New contribution")
    CONTRIBUTION_ANSWERED = "contribution_answered", _("Answer of the network office")
    CONTRIBUTION_STATUS = "contribution_status", _("Contribution assessed")
    CONTRIBUTION_LINKED = "contribution_linked", _("Contribution taken up in a measure")
    DOCUMENT_ADDED = "document_added", _("New document")
    RESULTS_UPDATED = "results_updated", _("Results updated")
    MEASURE_PUBLISHED = "measure_published", _("New measure")
    MEASURE_UPDATE = "measure_update", _("Progress of a measure")
    MEASURE_CHANGED = "measure_changed", _("Measure changed")


class Change(models.Model):
    """Something a follower of the process and/or the measure should hear about.

    Written by the services that make the change; read by the daily digest.
    """

    process = models.ForeignKey(
        "participation.Process",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="changes",
    )
    measure = models.ForeignKey(
        "participation.Measure",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="changes",
    )
    contribution = models.ForeignKey(
        "participation.Contribution",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(max_length=40, choices=ChangeKind)
    title = models.CharField(max_length=300)
    detail = models.TextField(blank=True)
    # The new state (of a contribution or a measure) and progress, where the change has one.
    state = models.CharField(max_length=20, blank=True)
    progress = models.PositiveSmallIntegerField(null=True, blank=True)
    path = models.CharField(max_length=300)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["process", "created_at"]),
            models.Index(fields=["measure", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def state_label(self) -> str:
        from .contribution import ContributionStatus
        from .measure import MeasureState

        choices = (
            ContributionStatus if self.kind == ChangeKind.CONTRIBUTION_STATUS else MeasureState
        )
        return str(dict(choices.choices).get(self.state, self.state))


class DigestMail(models.Model):
    """One row per address and day: the guard that keeps digests to one a day."""

    email = models.EmailField()
    sent_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    change_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["email", "sent_on"], name="participation_one_digest_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} {self.sent_on}"
