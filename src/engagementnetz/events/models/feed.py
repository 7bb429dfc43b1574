"""Calendars that clubs already keep elsewhere, imported periodically from their ICS address."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .event import EventKind


class CalendarFeed(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
    )
    url = models.URLField(
        _("address of the calendar (ICS)"),
        max_length=500,
        help_text=_("The subscription address of your calendar, usually ending in .ics."),
    )
    kind = models.CharField(
        _("imported dates are"),
        max_length=20,
        choices=EventKind,
        default=EventKind.TERMIN,
    )
    is_active = models.BooleanField(_("import regularly"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_checked_at = models.DateTimeField(
        pgettext_lazy("events", "last checked"), null=True, blank=True
    )
    last_success_at = models.DateTimeField(_("last imported"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    last_result = models.CharField(_("last result"), max_length=300, blank=True)

    class Meta:
        ordering = ["organisation__name", "url"]
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "url"], name="events_unique_feed_url")
        ]

    def __str__(self) -> str:
        return self.url
