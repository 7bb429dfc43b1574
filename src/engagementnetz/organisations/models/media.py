"""Photos of organisations and projects, each in two renditions without metadata."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Photo(models.Model):
    """A photo with caption and copyright line; the thumbnail is what lists and cards show."""

    image = models.ImageField(_("photo"), upload_to="organisations/photos/")
    thumbnail = models.ImageField(
        upload_to="organisations/photos/small/",
        width_field="thumbnail_width",
        height_field="thumbnail_height",
    )
    thumbnail_width = models.PositiveIntegerField(default=0)
    thumbnail_height = models.PositiveIntegerField(default=0)
    caption = models.CharField(
        _("caption"),
        max_length=200,
        help_text=_("Describe what can be seen; people who cannot see the photo hear this text."),
    )
    copyright = models.CharField(
        _("copyright"), max_length=200, blank=True, help_text=_("For example: © Stadt Bitburg")
    )
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.caption


class OrganisationPhoto(Photo):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="photos"
    )

    class Meta(Photo.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class ProjectPhoto(Photo):
    project = models.ForeignKey(
        "organisations.Project", on_delete=models.CASCADE, related_name="photos"
    )

    class Meta(Photo.Meta):
        verbose_name = _("photo of a project")
        verbose_name_plural = _("photos of projects")
