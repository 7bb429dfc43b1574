"""„Ich möchte mitmachen“: a person's message to the organisation behind an opportunity."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import InterestState


def new_token() -> str:
    return secrets.token_urlsafe(24)


class InterestQuerySet(models.QuerySet):
    def confirmed(self):
        return self.exclude(state=InterestState.UNCONFIRMED)

    def unanswered(self, *, before):
        """Confirmed before ``before`` and still untouched by the organisation."""
        return self.filter(state=InterestState.NEW, confirmed_at__lt=before)


class Interest(models.Model):
    opportunity = models.ForeignKey(
        "opportunities.Opportunity", on_delete=models.CASCADE, related_name="interests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opportunity_interests",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    message = models.TextField(_("message"), blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=InterestState, default=InterestState.UNCONFIRMED
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    decline_note = models.TextField(_("personal note in the reply"), blank=True)
    consent_at = models.DateTimeField(_("consent to pass on the details"))
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    state_changed_at = models.DateTimeField(null=True, blank=True)
    state_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    objects = InterestQuerySet.as_manager()

    class Meta:
        ordering = ["-confirmed_at", "-created_at"]
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        indexes = [
            models.Index(fields=["state", "confirmed_at"], name="interest_state_confirmed"),
            models.Index(fields=["email"], name="interest_email"),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.opportunity}"

    @property
    def organisation(self):
        return self.opportunity.organisation

    @property
    def is_confirmed(self) -> bool:
        return self.state != InterestState.UNCONFIRMED
