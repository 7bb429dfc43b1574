"""Termine and Fortbildungen, their venues and their dates (occurrences)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventKind(models.TextChoices):
    TERMIN = "termin", _("Event")
    FORTBILDUNG = "fortbildung", _("Training course")


class EventState(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("events", "Planned")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")


class Recurrence(models.TextChoices):
    NONE = "none", _("Does not repeat")
    WEEKLY = "weekly", _("Weekly on chosen days")
    MONTHLY = "monthly", _("Monthly on the n-th weekday")


class Weekday(models.TextChoices):
    """Two-letter weekday codes as in RFC 5545, in the order of Python's weekday()."""

    MO = "MO", _("Monday")
    TU = "TU", _("Tuesday")
    WE = "WE", _("Wednesday")
    TH = "TH", _("Thursday")
    FR = "FR", _("Friday")
    SA = "SA", _("Saturday")
    SU = "SU", _("Sunday")


class Venue(models.Model):
    """A place where events happen; kept by an organisation or (without one) by the network office."""

    name = models.CharField(_("name of the venue"), max_length=200)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("town"), max_length=100, blank=True)
    district = models.ForeignKey(
        "core.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="venues",
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    step_free = models.BooleanField(_("step-free access"), default=False)
    accessible_wc = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    accessibility_notes = models.TextField(_("notes on accessibility"), blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("kept by"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="venues",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self) -> str:
        return f"{self.name}, {self.city}" if self.city else self.name

    @property
    def address(self) -> str:
        town = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (self.street, town) if part)

    @property
    def is_barrier_free(self) -> bool:
        return self.step_free and self.accessible_wc


class EventQuerySet(models.QuerySet):
    def public(self):
        """Published events of verified organisations or of the network office."""
        return self.filter(is_published=True).filter(
            Q(organiser__isnull=True) | Q(organiser__state="verified")
        )

    def courses(self):
        return self.filter(kind=EventKind.FORTBILDUNG)

    def editable_by(self, user):
        """Events the person may edit: their organisations' ones; everything for the office."""
        from engagementnetz.accounts.rules import is_network_office

        if is_network_office(user):
            return self
        if not getattr(user, "is_authenticated", False):
            return self.none()
        from engagementnetz.organisations.models import Membership

        return self.filter(
            organiser_id__in=Membership.objects.filter(user=user).values("organisation_id")
        )


class Event(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address on the site"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind, default=EventKind.TERMIN)
    organiser = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
        help_text=_("Empty: organised by the network office."),
    )
    short_description = models.CharField(_("short description"), max_length=300, blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown is allowed.")
    )

    # The first date; further dates come from the recurrence or are added as sessions.
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    recurrence = models.CharField(
        _("repeats"), max_length=10, choices=Recurrence, default=Recurrence.NONE
    )
    recurrence_interval = models.PositiveSmallIntegerField(_("every n weeks or months"), default=1)
    recurrence_weekdays = models.CharField(
        _("on weekdays"), max_length=30, blank=True, help_text=_("e.g. MO,TH")
    )
    recurrence_week_of_month = models.SmallIntegerField(
        _("week of the month"), null=True, blank=True, help_text=_("1 to 4, or -1 for the last")
    )
    recurrence_until = models.DateField(_("repeats until"), null=True, blank=True)
    recurrence_count = models.PositiveSmallIntegerField(_("number of dates"), null=True, blank=True)
    # Dates are kept as rows up to this moment; a periodic job extends open-ended series.
    occurrences_until = models.DateTimeField(null=True, blank=True, editable=False)
    # End of the last date; empty for series without end. Drives the archive and data deletion.
    last_ends_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)

    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    online_url = models.URLField(_("online link"), max_length=500, blank=True)
    is_free = models.BooleanField(_("free of charge"), default=True)
    cost = models.CharField(
        _("cost"), max_length=200, blank=True, help_text=_("e.g. 5 € including materials")
    )
    fields = models.ManyToManyField(
        "core.Field", verbose_name=_("fields of engagement"), blank=True, related_name="events"
    )
    target_groups = models.ManyToManyField(
        "core.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="events"
    )
    photo = models.ImageField(_("photo"), upload_to="events/", blank=True)
    photo_alt = models.CharField(_("description of the photo"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)

    state = models.CharField(
        _("state"), max_length=20, choices=EventState, default=EventState.PLANNED
    )
    state_note = models.TextField(
        _("note on the state"), blank=True, help_text=_("Shown to everyone, e.g. the new date.")
    )
    is_published = models.BooleanField(_("published"), default=True)

    # Training courses.
    provider = models.CharField(
        _("provider"), max_length=200, blank=True, help_text=_("e.g. Ehrenamtsakademie")
    )
    learning_goals = models.TextField(_("learning goals"), blank=True)
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    course_scope = models.CharField(
        _("scope"),
        max_length=200,
        blank=True,
        help_text=_("e.g. 3 evenings of 3 hours (12 teaching units)"),
    )
    certificate_signatory = models.CharField(
        _("signed by"),
        max_length=200,
        blank=True,
        help_text=_("Name and role printed on the certificate."),
    )
    certificate_enabled = models.BooleanField(
        _("certificate of attendance"),
        default=False,
        help_text=_("People marked as attended can download a certificate (PDF)."),
    )

    # Registration.
    registration_enabled = models.BooleanField(_("registration required"), default=False)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    max_persons_per_registration = models.PositiveSmallIntegerField(
        _("persons per registration (at most)"), default=1
    )
    waiting_list_enabled = models.BooleanField(_("waiting list when full"), default=True)
    consent_text = models.TextField(
        _("consent text"),
        blank=True,
        help_text=_("Registrants must agree to this text, e.g. on photos taken at the event."),
    )
    registrations_erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    # Events imported from a club's calendar feed.
    feed = models.ForeignKey(
        "events.CalendarFeed",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        editable=False,
    )
    source_uid = models.CharField(max_length=500, blank=True, editable=False)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["is_published", "kind"]),
            models.Index(fields=["organiser", "starts_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["feed", "source_uid"],
                condition=Q(feed__isnull=False),
                name="events_unique_source_uid_per_feed",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def is_course(self) -> bool:
        return self.kind == EventKind.FORTBILDUNG

    @property
    def is_cancelled(self) -> bool:
        return self.state == EventState.CANCELLED

    @property
    def is_recurring(self) -> bool:
        return self.recurrence != Recurrence.NONE

    @property
    def weekday_codes(self) -> list[str]:
        return [code for code in self.recurrence_weekdays.split(",") if code]

    @property
    def organiser_name(self) -> str:
        if self.organiser_id:
            return self.organiser.name
        from engagementnetz.core.site_cache import cached_site_settings

        site = cached_site_settings()
        return site.contact_name or site.name

    @property
    def organiser_url(self) -> str:
        """The organiser's page in the directory ("" for the network office)."""
        if not self.organiser_id:
            return ""
        try:
            return self.organiser.get_absolute_url()
        except NoReverseMatch:  # the directory's pages are not installed
            return ""

    def registration_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        if not self.registration_enabled or self.state == EventState.CANCELLED:
            return False
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        closes = self.registration_closes_at or self.starts_at
        return now < closes


class OccurrenceQuerySet(models.QuerySet):
    def public(self):
        return self.filter(event__is_published=True).filter(
            Q(event__organiser__isnull=True) | Q(event__organiser__state="verified")
        )

    def upcoming(self, now=None):
        """Dates that have not ended yet (those without an end: not started before today)."""
        now = now or timezone.now()
        return self.filter(Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now))

    def past(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(ends_at__lt=now) | Q(ends_at__isnull=True, starts_at__lt=now))

    def with_event(self):
        return self.select_related(
            "event", "event__organiser", "event__venue", "event__venue__district"
        )


class Occurrence(models.Model):
    """One date of an event: from its recurrence (``original_start`` set) or an added session."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="occurrences")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    # The start the recurrence rule gave this date (RECURRENCE-ID); empty for added sessions.
    original_start = models.DateTimeField(null=True, blank=True)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    # Moved or given a note: exported as an override (RECURRENCE-ID) of the series.
    is_modified = models.BooleanField(default=False, editable=False)
    note = models.CharField(
        pgettext_lazy("events", "note"),
        max_length=300,
        blank=True,
        help_text=_("e.g. Takes place in the small hall."),
    )

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        indexes = [
            models.Index(fields=["starts_at"]),
            models.Index(fields=["event", "starts_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "original_start"],
                condition=Q(original_start__isnull=False),
                name="events_unique_occurrence_per_rule_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.event} – {timezone.localtime(self.starts_at):%d.%m.%Y %H:%M}"

    @property
    def is_session(self) -> bool:
        return self.original_start is None

    @property
    def is_moved(self) -> bool:
        return self.original_start is not None and self.original_start != self.starts_at
