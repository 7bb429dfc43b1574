"""Volunteer opportunities that organisations post (Gesuche für Engagierte)."""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagementnetz.organisations.models import OrganisationState

from .. import conf
from .choices import (
    OFFER_COLUMNS,
    SUITABILITY_COLUMNS,
    TIME_SLOT_COLUMNS,
    Commitment,
    HoursPeriod,
    OpportunityState,
    Skill,
)


class OpportunityQuerySet(models.QuerySet):
    def public(self):
        """Open opportunities of verified organisations: what the public list shows."""
        return self.filter(
            state=OpportunityState.OPEN, organisation__state=OrganisationState.VERIFIED
        )

    def visible(self):
        """Everything with a public detail page: also filled and expired ones, for old links."""
        return self.filter(organisation__state=OrganisationState.VERIFIED)

    def for_cards(self):
        return self.select_related("organisation", "district").prefetch_related("fields")

    def due_to_expire(self, *, today: date):
        fresh_since = timezone.now() - timedelta(days=conf.opportunity_fresh_days())
        return self.filter(state=OpportunityState.OPEN).filter(
            Q(end_date__lt=today) | Q(confirmed_at__lt=fresh_since)
        )


class Opportunity(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="opportunities",
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address on the site"), max_length=220, unique=True)
    summary = models.CharField(
        _("in one sentence"),
        max_length=300,
        help_text=_("Shown in lists and search results."),
    )
    tasks = models.TextField(
        _("what you do"),
        help_text=_("Describe the tasks in simple words. Markdown is allowed."),
    )

    offers_introduction = models.BooleanField(_("introduction"), default=False)
    offers_training = models.BooleanField(_("training"), default=False)
    offers_insurance = models.BooleanField(_("insurance"), default=False)
    offers_expenses = models.BooleanField(_("expenses paid"), default=False)
    offers_ehrenamtskarte = models.BooleanField(_("counts for the Ehrenamtskarte"), default=False)
    offers_note = models.TextField(_("what else we offer"), blank=True)

    commitment = models.CharField(
        _("time commitment"), max_length=20, choices=Commitment, default=Commitment.REGULAR
    )
    dates = models.JSONField(
        _("dates"),
        default=list,
        blank=True,
        help_text=_("For one-off engagements: the dates with an optional note on the time."),
    )
    hours = models.PositiveSmallIntegerField(_("hours"), null=True, blank=True)
    hours_period = models.CharField(_("hours per"), max_length=10, choices=HoursPeriod, blank=True)
    on_weekdays = models.BooleanField(_("on weekdays"), default=False)
    in_evenings = models.BooleanField(_("in the evening"), default=False)
    on_weekends = models.BooleanField(_("at the weekend"), default=False)

    place = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("Address or meeting point.")
    )
    district = models.ForeignKey(
        "core.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    is_remote = models.BooleanField(_("possible from home"), default=False)
    fields = models.ManyToManyField(
        "core.Field", verbose_name=_("fields of engagement"), related_name="+"
    )
    target_groups = models.ManyToManyField(
        "core.TargetGroup",
        verbose_name=_("with whom you work"),
        blank=True,
        related_name="+",
    )

    for_young_people = models.BooleanField(_("young people from 14"), default=False)
    for_seniors = models.BooleanField(_("seniors"), default=False)
    for_families = models.BooleanField(_("families"), default=False)
    for_little_german = models.BooleanField(_("people with little German"), default=False)
    for_disabilities = models.BooleanField(_("people with disabilities"), default=False)

    needs_police_certificate = models.BooleanField(
        _("extended police certificate (erweitertes Führungszeugnis)"), default=False
    )
    needs_driving_licence = models.BooleanField(_("driving licence"), default=False)
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    skills = models.CharField(_("helpful skills"), max_length=300, blank=True)
    skills_note = models.TextField(_("other requirements"), blank=True)

    people_needed = models.PositiveSmallIntegerField(_("number of people needed"), default=1)
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(
        _("until"),
        null=True,
        blank=True,
        help_text=_("The opportunity disappears from the list after this day."),
    )

    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_email = models.EmailField(
        _("e-mail of the contact person"),
        help_text=_("Messages of interested people go here; it is not shown publicly."),
    )
    contact_phone = models.CharField(
        _("phone of the contact person"),
        max_length=50,
        blank=True,
        help_text=_("Shown publicly if given."),
    )

    state = models.CharField(
        _("state"), max_length=20, choices=OpportunityState, default=OpportunityState.OPEN
    )
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    confirmed_at = models.DateTimeField(
        _("last confirmed as current"),
        default=timezone.now,
        help_text=_("Without a confirmation for three months the opportunity expires."),
    )
    freshness_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("volunteer opportunity")
        verbose_name_plural = _("volunteer opportunities")
        indexes = [
            models.Index(fields=["state", "-published_at"], name="opp_state_published"),
            models.Index(fields=["state", "start_date"], name="opp_state_start"),
            models.Index(fields=["state", "confirmed_at"], name="opp_state_confirmed"),
            models.Index(fields=["state", "end_date"], name="opp_state_end"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("opportunities:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return (
            self.state == OpportunityState.OPEN
            and self.organisation.state == OrganisationState.VERIFIED
        )

    @property
    def is_open(self) -> bool:
        return self.state == OpportunityState.OPEN

    @property
    def expires_on(self) -> date:
        """The day after which the opportunity expires unless someone confirms it."""
        stale = timezone.localdate(self.confirmed_at) + timedelta(
            days=conf.opportunity_fresh_days()
        )
        return min(stale, self.end_date) if self.end_date else stale

    @property
    def time_slots(self) -> list[str]:
        return [slot for slot, column in TIME_SLOT_COLUMNS.items() if getattr(self, column)]

    @property
    def time_slot_labels(self) -> list[str]:
        return [slot.label for slot in self.time_slots]

    @property
    def suitabilities(self) -> list[str]:
        return [value for value, column in SUITABILITY_COLUMNS.items() if getattr(self, column)]

    @property
    def suitability_labels(self) -> list[str]:
        return [value.label for value in self.suitabilities]

    @property
    def offers(self) -> list[str]:
        return [value for value, column in OFFER_COLUMNS.items() if getattr(self, column)]

    @property
    def offer_labels(self) -> list[str]:
        return [value.label for value in self.offers]

    @property
    def skill_codes(self) -> list[str]:
        return [code for code in self.skills.split(",") if code]

    @property
    def skill_labels(self) -> list[str]:
        valid = dict(Skill.choices)
        return [valid[code] for code in self.skill_codes if code in valid]

    @property
    def date_list(self) -> list[dict]:
        """The one-off dates as ``{"date": date, "note": str}``, in order."""
        items = []
        for item in self.dates or []:
            try:
                items.append(
                    {"date": date.fromisoformat(item["date"]), "note": item.get("note", "")}
                )
            except (KeyError, TypeError, ValueError):
                continue
        return sorted(items, key=lambda item: item["date"])

    @property
    def has_requirements(self) -> bool:
        return bool(
            self.needs_police_certificate
            or self.needs_driving_licence
            or self.languages
            or self.skills_note
        )


def skills_to_column(codes) -> str:
    """``["a", "b"]`` → ``",a,b,"`` so that ``skills__contains=",a,"`` matches exactly."""
    codes = [code for code in codes if code]
    return f",{','.join(codes)}," if codes else ""
