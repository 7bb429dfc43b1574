"""Volunteer hours that people log and their organisation confirms."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import HoursState


class HoursEntryQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(state=HoursState.CONFIRMED)

    def submitted(self):
        return self.filter(state=HoursState.SUBMITTED)


class HoursEntry(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteer_hours"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="volunteer_hours",
    )
    activity = models.CharField(_("activity"), max_length=200)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("until"))
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1)
    note = models.TextField(_("note for the organisation"), blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=HoursState, default=HoursState.SUBMITTED
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rejection_reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = HoursEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-created_at"]
        verbose_name = _("volunteer hours")
        verbose_name_plural = _("volunteer hours")
        indexes = [
            models.Index(fields=["organisation", "state"], name="hours_org_state"),
            models.Index(fields=["user", "state", "ended_on"], name="hours_user_state_end"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__gte=models.F("started_on")), name="hours_period_order"
            ),
            models.CheckConstraint(condition=models.Q(hours__gt=0), name="hours_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.activity} ({self.hours} h)"
