"""An upload of the club list: previewed first, imported on confirmation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DirectoryImport(models.Model):
    file_name = models.CharField(_("file"), max_length=255)
    file_format = models.CharField(max_length=10)  # "csv" or "xlsx"
    # The upload waits here between preview and confirmation; emptied after the import.
    content = models.BinaryField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)
    summary = models.JSONField(default=dict)  # {"new": n, "update": n, "skip": n, "invalid": n}

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return self.file_name
