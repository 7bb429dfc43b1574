"""Registrations for events: custom questions, options with their own capacity, the sign-ups."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    CHOICE = "choice", _("Choice of one option")
    CHECKBOX = "checkbox", _("Yes/no")


class RegistrationQuestion(models.Model):
    """A question the organiser asks everyone who registers."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("hint"), max_length=300, blank=True)
    kind = models.CharField(
        _("kind of answer"), max_length=20, choices=QuestionKind, default=QuestionKind.TEXT
    )
    required = models.BooleanField(_("answer required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")

    def __str__(self) -> str:
        return self.label


class RegistrationOption(models.Model):
    """One option of a choice question, e.g. a theme table, optionally with its own capacity."""

    question = models.ForeignKey(
        RegistrationQuestion, on_delete=models.CASCADE, related_name="options"
    )
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="registration_options"
    )
    label = models.CharField(_("option"), max_length=200)
    description = models.CharField(_("description"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no limit of its own.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self) -> str:
        return self.label


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for e-mail confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("Waiting list")
    CANCELLED = "cancelled", _("Withdrawn")


ACTIVE_STATUSES = (
    RegistrationStatus.PENDING,
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITING,
)


def new_token() -> str:
    return secrets.token_urlsafe(32)


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waiting(self):
        return self.filter(status=RegistrationStatus.WAITING).order_by("queued_at", "pk")

    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)


class Registration(models.Model):
    """A sign-up of one person (possibly for several persons) for an event.

    Without an account it starts as *pending* until the e-mail address is confirmed; only then
    does it take a place (confirmed) or join the waiting list. The token is the secret of the
    links in the mails (confirm, cancel, certificate).
    """

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    persons = models.PositiveSmallIntegerField(_("number of persons"), default=1)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RegistrationStatus,
        default=RegistrationStatus.PENDING,
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    consent_given_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    # When the registration took its place or joined the waiting list: the order of the list.
    queued_at = models.DateTimeField(null=True, blank=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False)
    attended_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [
            models.Index(fields=["event", "status"]),
            models.Index(fields=["email"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=ACTIVE_STATUSES) & ~Q(email=""),
                name="events_one_active_registration_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name or _('(deleted)')} – {self.event}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None


class RegistrationAnswer(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        RegistrationQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    value = models.TextField(blank=True)
    option = models.ForeignKey(
        RegistrationOption,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="answers",
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "question"], name="events_one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return self.option.label if self.option_id else self.value

    @property
    def display(self) -> str:
        if self.option_id:
            return self.option.label
        if self.question.kind == QuestionKind.CHECKBOX:
            return str(_("yes")) if self.value == "1" else str(_("no"))
        return self.value


class RegistrantMessage(models.Model):
    """A message an organiser wrote to everyone registered for an event (kept as a record)."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="registrant_messages"
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    include_waiting = models.BooleanField(_("also to the waiting list"), default=False)
    recipient_count = models.PositiveIntegerField(default=0)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("message to registrants")
        verbose_name_plural = _("messages to registrants")

    def __str__(self) -> str:
        return self.subject
