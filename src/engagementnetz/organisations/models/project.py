"""Projects of one or more organisations: a lead organisation and its partners."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .organisation import OrganisationState


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")


class ProjectQuerySet(models.QuerySet):
    def public(self):
        """Published projects whose lead organisation is public."""
        return self.filter(is_published=True, organisation__state=OrganisationState.VERIFIED)

    def involving(self, organisation):
        """Projects the organisation leads or takes part in."""
        return self.filter(
            models.Q(organisation=organisation) | models.Q(partners=organisation)
        ).distinct()


class Project(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address on the site"), max_length=220, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown is allowed.")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("responsible organisation"),
        on_delete=models.CASCADE,
        related_name="projects",
    )
    partners = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="partner_projects",
    )
    field = models.ForeignKey(
        "core.Field",
        verbose_name=_("field of engagement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus, default=ProjectStatus.RUNNING
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        indexes = [models.Index(fields=["is_published", "status"], name="project_published_status")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("organisations:project_detail", kwargs={"slug": self.slug})
