"""API tokens of organisations and the log of every use of one.

A token lets an organisation's own systems (a club's website, a calendar tool) push and update
that organisation's events and opportunities. Only a hash of the token is stored; the token
itself is shown once, when it is created.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("What the token is used for, e.g. “Website”.")
    )
    # The first characters of the token, shown in lists so that people can tell tokens apart.
    prefix = models.CharField(max_length=12, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ApiTokenUse(models.Model):
    """One request made with a token: what it did and whether it was allowed."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="uses")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=300)
    status_code = models.PositiveSmallIntegerField()
    object_kind = models.CharField(max_length=30, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("use of an API token")
        verbose_name_plural = _("uses of API tokens")

    def __str__(self) -> str:
        return f"{self.token} {self.method} {self.path} → {self.status_code}"
