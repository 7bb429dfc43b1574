"""Participation processes, their phases and documents, workshops and theme tables."""

from datetime import date

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class ModerationMode(models.TextChoices):
    PRE = "pre", _("Pre-moderation: contributions appear after the network office has read them")
    POST = "post", _("Post-moderation: contributions appear at once and are reviewed afterwards")


class ProcessQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_published=True)


class Process(models.Model):
    """A participation process such as the town's engagement strategy."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address on the site"), max_length=220, unique=True)
    summary = models.CharField(_("short description"), max_length=300)
    description = models.TextField(_("description"), help_text=_("Markdown is allowed."))
    results = models.TextField(
        _("results"),
        blank=True,
        help_text=_("What came out of the process so far. Markdown is allowed."),
    )
    moderation = models.CharField(
        _("moderation"), max_length=10, choices=ModerationMode, default=ModerationMode.POST
    )
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProcessQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("participation process")
        verbose_name_plural = _("participation processes")
        indexes = [models.Index(fields=["is_published", "created_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:process_detail", kwargs={"slug": self.slug})

    @property
    def is_pre_moderated(self) -> bool:
        return self.moderation == ModerationMode.PRE


class PhaseQuerySet(models.QuerySet):
    def open_for_contributions(self, today: date | None = None):
        today = today or timezone.localdate()
        return self.filter(allows_contributions=True, starts_on__lte=today, ends_on__gte=today)


class Phase(models.Model):
    """A step of a process with dates; only some phases take contributions."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="phases")
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    allows_contributions = models.BooleanField(
        _("contributions possible"),
        default=False,
        help_text=_("Citizens can bring in contributions while this phase is running."),
    )

    objects = PhaseQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "ends_on", "pk"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="participation_phase_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def is_running(self, today: date) -> bool:
        return self.starts_on <= today <= self.ends_on

    def is_open_for_contributions(self, today: date) -> bool:
        return self.allows_contributions and self.is_running(today)


def current_phase(phases: list[Phase], today: date) -> Phase | None:
    """The running phase; between phases the one that ended last; before all, none."""
    running = [phase for phase in phases if phase.is_running(today)]
    if running:
        return running[-1]
    past = [phase for phase in phases if phase.ends_on < today]
    return max(past, key=lambda phase: phase.ends_on) if past else None


class ProcessDocument(models.Model):
    """A PDF that belongs to a process (invitation, minutes, draft strategy, decision)."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file (PDF)"), upload_to="participation/documents/")
    size = models.PositiveIntegerField(default=0, editable=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title


class Workshop(models.Model):
    """A Zukunftswerkstatt: an event of the process where people work at theme tables.

    Registered and present people come from the linked event's registrations; for workshops
    held before the platform existed the network office enters the figures itself.
    """

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="workshops")
    title = models.CharField(_("title"), max_length=200, default="Zukunftswerkstatt")
    slug = models.SlugField(_("address on the site"), max_length=120)
    held_on = models.DateField(_("date"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    facilitation = models.CharField(
        _("facilitated by"), max_length=200, blank=True, help_text=_("Who facilitated the evening.")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown is allowed.")
    )
    documentation = models.TextField(
        _("documentation"),
        blank=True,
        help_text=_("How the workshop went and what was agreed. Markdown is allowed."),
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event with registration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_workshops",
        help_text=_("The event people register for; attendance is counted from it."),
    )
    registered_count = models.PositiveIntegerField(
        _("registered (entered by hand)"),
        null=True,
        blank=True,
        help_text=_("Only needed when the workshop has no event with registrations."),
    )
    present_count = models.PositiveIntegerField(
        _("present (entered by hand)"),
        null=True,
        blank=True,
        help_text=_("Only needed when the workshop has no event with registrations."),
    )

    class Meta:
        ordering = ["held_on", "pk"]
        verbose_name = _("Zukunftswerkstatt")
        verbose_name_plural = _("Zukunftswerkstätten")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "slug"], name="participation_unique_workshop_slug"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({date_format(self.held_on, 'd.m.Y')})"

    def get_absolute_url(self) -> str:
        return reverse(
            "participation:workshop_detail",
            kwargs={"slug": self.process.slug, "workshop": self.slug},
        )

    @property
    def source_label(self) -> str:
        return gettext("from the %(title)s on %(date)s") % {
            "title": self.title,
            "date": date_format(self.held_on, "d.m.Y"),
        }


class WorkshopPhoto(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="participation/photos/")
    alt_text = models.CharField(
        _("description for people who cannot see the photo"), max_length=250
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    copyright = models.CharField(
        _("copyright"), max_length=150, help_text=_("e.g. © Stadt Bitburg")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.caption or self.alt_text


class ThemeTable(models.Model):
    """A topic of a process with a guiding question, worked on at a workshop and online."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="tables")
    workshop = models.ForeignKey(
        Workshop,
        verbose_name=_("Zukunftswerkstatt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tables",
    )
    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(_("address on the site"), max_length=120)
    question = models.TextField(_("guiding question"))
    moderators = models.CharField(
        _("moderated by"), max_length=300, blank=True, help_text=_("Names, separated by commas.")
    )
    registration_option = models.ForeignKey(
        "events.RegistrationOption",
        verbose_name=_("option in the registration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_tables",
        help_text=_("The choice of this table in the workshop's registration, with its places."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("theme table")
        verbose_name_plural = _("theme tables")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "slug"], name="participation_unique_table_slug"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "participation:table_detail", kwargs={"slug": self.process.slug, "table": self.slug}
        )
