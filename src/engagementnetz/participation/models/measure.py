"""Maßnahmen of the engagement strategy and their dated progress updates."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class MeasureState(models.TextChoices):
    PLANNED = "planned", _("planned")
    IN_PROGRESS = "in_progress", _("being implemented")
    DONE = "done", _("implemented")
    DEFERRED = "deferred", _("postponed")


class MeasureQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_published=True)


class Measure(models.Model):
    """A Maßnahme: what the town and its partners do, traceable to the ideas it came from."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address on the site"), max_length=220, unique=True)
    summary = models.CharField(_("short description"), max_length=300)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown is allowed.")
    )
    process = models.ForeignKey(
        "participation.Process",
        verbose_name=_("participation process"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measures",
    )
    field = models.ForeignKey(
        "core.Field",
        verbose_name=_("field of engagement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_measures",
    )
    responsible_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("responsible organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_measures",
        help_text=_("Its admins and editors can post progress updates."),
    )
    responsible_person = models.CharField(
        _("responsible person"), max_length=200, blank=True, help_text=_("Name and role.")
    )
    state = models.CharField(
        _("state"), max_length=20, choices=MeasureState, default=MeasureState.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress in percent"), default=0, validators=[MaxValueValidator(100)]
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    contributions = models.ManyToManyField(
        "participation.Contribution",
        verbose_name=_("contributions it came from"),
        blank=True,
        related_name="measures",
    )
    events = models.ManyToManyField(
        "events.Event",
        verbose_name=_("events that carry it out"),
        blank=True,
        related_name="participation_measures",
    )
    projects = models.ManyToManyField(
        "organisations.Project",
        verbose_name=_("projects that carry it out"),
        blank=True,
        related_name="participation_measures",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        indexes = [
            models.Index(fields=["is_published", "state"]),
            models.Index(fields=["is_published", "field"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="participation_progress_at_most_100"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="participation_measure_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:measure_detail", kwargs={"slug": self.slug})


class MeasureUpdate(models.Model):
    """A dated note on how a measure is going, with the progress at that time."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    text = models.TextField(_("what happened"))
    progress = models.PositiveSmallIntegerField(
        _("progress in percent"), validators=[MaxValueValidator(100)]
    )
    state = models.CharField(_("state"), max_length=20, choices=MeasureState)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-created_at", "-pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{self.measure}: {self.date:%d.%m.%Y}"
