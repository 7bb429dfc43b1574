"""Subscriptions to „neue passende Angebote“ of the Engagement-Finder."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .interest import new_token


class FinderSubscription(models.Model):
    """An e-mail address and the finder's answers; active once the address is confirmed."""

    email = models.EmailField(_("e-mail address"))
    query = models.CharField(_("answers of the finder"), max_length=2000)
    token = models.CharField(max_length=64, unique=True, default=new_token)
    consent_at = models.DateTimeField(_("consent given"))
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    checked_until = models.DateTimeField(
        null=True, blank=True, help_text="Opportunities published up to here were looked at."
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("finder subscription")
        verbose_name_plural = _("finder subscriptions")
        indexes = [models.Index(fields=["email"], name="finder_sub_email")]

    def __str__(self) -> str:
        return self.email
