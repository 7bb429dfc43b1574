"""Site-wide settings and the shared vocabularies every part of the directory uses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ColourScheme(models.TextChoices):
    """Accent palettes built from the design system's tokens (see static/css/site.css)."""

    BLUE = "blue", _("Blue (design system default)")
    GREEN = "green", _("Green")
    RED = "red", _("Red")
    PURPLE = "purple", _("Purple")
    PETROL = "petrol", _("Petrol")


class SiteSettings(models.Model):
    """The instance's identity: one row, edited by the network office."""

    name = models.CharField(_("name of the network"), max_length=120, default="Engagement-Netz")
    town = models.CharField(_("town"), max_length=120, default="")
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    logo = models.ImageField(_("logo"), upload_to="site/", blank=True)
    logo_alt = models.CharField(_("alternative text of the logo"), max_length=200, blank=True)
    colour_scheme = models.CharField(
        _("colour scheme"), max_length=20, choices=ColourScheme, default=ColourScheme.BLUE
    )
    contact_name = models.CharField(_("contact (office)"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    contact_address = models.TextField(_("postal address"), blank=True)
    footer_text = models.TextField(_("footer text"), blank=True)
    intro = models.TextField(
        _("introduction on the start page"), blank=True, help_text=_("Markdown is allowed.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> "SiteSettings":
        settings, _created = cls.objects.get_or_create(pk=1)
        return settings


class VocabularyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Vocabulary(models.Model):
    """A term of a list the network office keeps (fields, target groups, districts)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name"), max_length=100, unique=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    objects = VocabularyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Field(Vocabulary):
    """Engagementbereich: Sport, Kultur, Soziales, …"""

    class Meta(Vocabulary.Meta):
        verbose_name = _("field of engagement")
        verbose_name_plural = _("fields of engagement")


class TargetGroup(Vocabulary):
    """Zielgruppe: Kinder, Jugendliche, Senioren, Familien, …"""

    class Meta(Vocabulary.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class District(Vocabulary):
    """Stadtteil of the town."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class PeriodicJobRun(models.Model):
    """When a periodic job was last enqueued; the row lock keeps several workers from doubling it."""

    name = models.CharField(max_length=200, unique=True)
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name


class ContactMessageBase(models.Model):
    """What every contact form keeps of a message: who wrote what, and the consent shown."""

    sender_name = models.CharField(_("your name"), max_length=150)
    sender_email = models.EmailField(_("your e-mail address"))
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("your message"))
    consent_text = models.TextField()  # what the person agreed to, as shown to them
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]
