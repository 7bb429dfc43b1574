"""Organisations of the directory and the people who keep their entries."""

import unicodedata

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def initial_of(name: str) -> str:
    """The letter under which a name is found in the A–Z jump ("#" for digits and the like)."""
    for char in unicodedata.normalize("NFKD", name.strip()):
        if char.isalnum():
            letter = char.upper()
            return letter if "A" <= letter <= "Z" else "#"
    return "#"


class OrganisationKind(models.TextChoices):
    VEREIN = "verein", _("Club (Verein)")
    INITIATIVE = "initiative", _("Initiative")
    EINRICHTUNG = "einrichtung", _("Institution")
    VERBAND = "verband", _("Association or network")
    KIRCHENGEMEINDE = "kirchengemeinde", _("Parish")
    SCHULE = "schule", _("School or day care")
    BEHOERDE = "behoerde", _("Town or authority")
    UNTERNEHMEN = "unternehmen", _("Company")


class OrganisationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")
    UNPUBLISHED = "unpublished", _("Unpublished")


class OrganisationQuerySet(models.QuerySet):
    def public(self):
        """Only verified entries are public; nothing unverified is ever shown."""
        return self.filter(state=OrganisationState.VERIFIED)

    def without_admin(self):
        """Entries nobody keeps (e.g. imported by the network office): they can be claimed."""
        return self.exclude(memberships__role=MembershipRole.ADMIN)


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address on the site"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=OrganisationState,
        default=OrganisationState.DRAFT,
        db_index=True,
    )
    short_description = models.CharField(_("short description"), max_length=300, blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown is allowed.")
    )
    fields = models.ManyToManyField(
        "core.Field", verbose_name=_("fields of engagement"), blank=True
    )
    target_groups = models.ManyToManyField(
        "core.TargetGroup", verbose_name=_("target groups"), blank=True
    )
    logo = models.ImageField(_("logo"), upload_to="organisations/logos/", blank=True)
    logo_thumbnail = models.ImageField(upload_to="organisations/logos/small/", blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("town"), max_length=100, blank=True)
    district = models.ForeignKey(
        "core.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    meeting_times = models.TextField(_("meeting times"), blank=True)
    website = models.URLField(_("website"), blank=True)
    social_links = models.TextField(
        _("social media links"), blank=True, help_text=_("One address per line.")
    )
    email = models.EmailField(_("public e-mail"), blank=True)
    show_email = models.BooleanField(_("show e-mail address publicly"), default=False)
    phone = models.CharField(_("public phone"), max_length=50, blank=True)
    show_phone = models.BooleanField(_("show phone number publicly"), default=False)
    register_number = models.CharField(
        _("register number (Vereinsregister)"), max_length=50, blank=True
    )
    founded_year = models.PositiveSmallIntegerField(_("founding year"), null=True, blank=True)
    seeks_members = models.BooleanField(_("looking for new members"), default=False)
    seeks_volunteers = models.BooleanField(_("looking for volunteers"), default=False)
    barrier_free = models.BooleanField(_("premises are barrier-free"), default=False)
    accessibility_notes = models.TextField(_("accessibility of the premises"), blank=True)
    languages = models.CharField(_("languages spoken"), max_length=200, blank=True)

    external_key = models.CharField(
        _("key"),
        max_length=100,
        blank=True,
        help_text=_("Identifier in the network office's club list; the import updates by it."),
    )
    initial = models.CharField(max_length=1, default="#", editable=False)
    submitted_at = models.DateTimeField(_("submitted on"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entitlement_confirmed_at = models.DateTimeField(
        _("entitlement to represent confirmed on"), null=True, blank=True
    )
    rejection_reason = models.TextField(_("reason for the rejection"), blank=True)
    unpublished_reason = models.TextField(_("reason for unpublishing"), blank=True)
    review_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    verified_at = models.DateTimeField(_("verified on"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(
        _("details last confirmed"),
        null=True,
        blank=True,
        help_text=_("When an admin last confirmed that the details are current."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organisations"
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [
            models.Index(fields=["state", "name"]),
            models.Index(fields=["state", "initial"], name="organisation_state_initial"),
            models.Index(fields=["state", "kind"], name="organisation_state_kind"),
            models.Index(fields=["state", "verified_at"], name="organisation_state_verified"),
            models.Index(fields=["external_key"], name="organisation_external_key"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["external_key"],
                condition=~models.Q(external_key=""),
                name="unique_organisation_external_key",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # Derived from the name, kept in a column so the A–Z jump can use an index.
        self.initial = initial_of(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "initial"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.state == OrganisationState.VERIFIED

    @property
    def public_email(self) -> str:
        return self.email if self.show_email else ""

    @property
    def public_phone(self) -> str:
        return self.phone if self.show_phone else ""

    @property
    def social_link_list(self) -> list[str]:
        return [line.strip() for line in self.social_links.splitlines() if line.strip()]

    @property
    def language_list(self) -> list[str]:
        return [part.strip() for part in self.languages.split(",") if part.strip()]

    @property
    def address_lines(self) -> list[str]:
        town = " ".join(part for part in (self.postcode, self.city) if part)
        return [line for line in (self.street, town) if line]

    @property
    def has_position(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def last_reviewed_at(self):
        """When the details were last known to be current (confirmed, edited or verified)."""
        return self.reviewed_at or self.verified_at or self.created_at

    @property
    def can_be_submitted(self) -> bool:
        return self.state in {
            OrganisationState.DRAFT,
            OrganisationState.REJECTED,
            OrganisationState.UNPUBLISHED,
        }


class MembershipRole(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    EDITOR = "editor", _("Editor")


class Membership(models.Model):
    """A person keeps an organisation's entry: admins manage people, editors edit content."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MembershipRole, default=MembershipRole.EDITOR
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"
