"""The curated list of Verbände and Netzwerke on /links/, checked periodically."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkCategory(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("link category")
        verbose_name_plural = _("link categories")

    def __str__(self) -> str:
        return self.name


class LinkQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_published=True)

    def broken(self):
        return self.filter(is_published=True, last_check_ok=False)


class Link(models.Model):
    category = models.ForeignKey(
        LinkCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="links"
    )
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address (URL)"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_published = models.BooleanField(_("published"), default=True)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    last_check_ok = models.BooleanField(null=True, blank=True)  # None: not checked yet
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    failing_since = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LinkQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("link")
        verbose_name_plural = _("links")
        indexes = [models.Index(fields=["is_published", "last_check_ok"], name="link_check_state")]

    def __str__(self) -> str:
        return self.title
