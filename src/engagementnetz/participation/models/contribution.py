"""Contributions of citizens (online and from the workshop's paper cards), comments, supports."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _


class ContributionKind(models.TextChoices):
    GOING_WELL = "going_well", _("What is going well?")
    POTENTIAL = "potential", _("Opportunities and potential")
    IDEA = "idea", _("Ideas")


class ContributionSource(models.TextChoices):
    ONLINE = "online", _("online")
    WORKSHOP = "workshop", _("paper card of a workshop")


class ModerationState(models.TextChoices):
    """Whether a contribution or comment can be seen, independent of what became of it."""

    UNCONFIRMED = "unconfirmed", _("waiting for the e-mail confirmation")
    PENDING = "pending", _("waiting for review")
    PUBLISHED = "published", _("published")
    HIDDEN = "hidden", _("hidden")


class ContributionStatus(models.TextChoices):
    """What became of a contribution."""

    RECEIVED = "received", _("received")
    IN_REVIEW = "in_review", _("under review")
    ADOPTED = "adopted", _("taken up in a measure")
    NOT_FEASIBLE = "not_feasible", _("not feasible")


# Shown to the public: published ones, and hidden ones in place with the reason.
VISIBLE_STATES = (ModerationState.PUBLISHED, ModerationState.HIDDEN)


class ContributionQuerySet(models.QuerySet):
    def visible(self):
        """What the public sees in lists: published and (with their reason) hidden ones."""
        return self.filter(moderation__in=VISIBLE_STATES)

    def published(self):
        return self.filter(moderation=ModerationState.PUBLISHED)

    def awaiting_review(self):
        return self.filter(moderation=ModerationState.PENDING)


class Contribution(models.Model):
    process = models.ForeignKey(
        "participation.Process", on_delete=models.CASCADE, related_name="contributions"
    )
    table = models.ForeignKey(
        "participation.ThemeTable",
        verbose_name=_("theme table"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ContributionKind)
    text = models.TextField(_("your contribution"))
    author_name = models.CharField(
        _("name or pseudonym"),
        max_length=80,
        blank=True,
        help_text=_("Shown with your contribution. Leave it empty to contribute anonymously."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_contributions",
    )
    # Only for people without an account: where the confirmation link goes. Never shown.
    email = models.EmailField(_("e-mail address"), blank=True)
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=ContributionSource,
        default=ContributionSource.ONLINE,
    )
    workshop = models.ForeignKey(
        "participation.Workshop",
        verbose_name=_("from the workshop"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    moderation = models.CharField(
        _("visibility"),
        max_length=20,
        choices=ModerationState,
        default=ModerationState.UNCONFIRMED,
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    status = models.CharField(
        _("state"),
        max_length=20,
        choices=ContributionStatus,
        default=ContributionStatus.RECEIVED,
    )
    status_reason = models.TextField(_("reason"), blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)

    official_answer = models.TextField(_("answer of the network office"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # Kept by the services so that lists need no counting queries.
    support_count = models.PositiveIntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)

    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        indexes = [
            models.Index(fields=["process", "moderation", "created_at"]),
            models.Index(fields=["table", "kind", "moderation"]),
            models.Index(fields=["moderation", "created_at"]),
            models.Index(fields=["status"]),
        ]

    def __str__(self) -> str:
        return Truncator(self.text).chars(60)

    def get_absolute_url(self) -> str:
        return reverse(
            "participation:contribution_detail",
            kwargs={"slug": self.process.slug, "pk": self.pk},
        )

    @property
    def short_text(self) -> str:
        return Truncator(self.text).chars(80)

    @property
    def is_published(self) -> bool:
        return self.moderation == ModerationState.PUBLISHED

    @property
    def is_hidden(self) -> bool:
        return self.moderation == ModerationState.HIDDEN

    @property
    def is_from_workshop(self) -> bool:
        return self.source == ContributionSource.WORKSHOP


class Comment(models.Model):
    """A reply to a contribution; comments are one level deep."""

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="comments"
    )
    text = models.TextField(_("your comment"))
    author_name = models.CharField(
        _("name or pseudonym"),
        max_length=80,
        blank=True,
        help_text=_("Shown with your comment. Leave it empty to comment anonymously."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_comments",
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    moderation = models.CharField(
        _("visibility"),
        max_length=20,
        choices=ModerationState,
        default=ModerationState.UNCONFIRMED,
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["moderation", "created_at"])]

    def __str__(self) -> str:
        return Truncator(self.text).chars(60)

    @property
    def is_hidden(self) -> bool:
        return self.moderation == ModerationState.HIDDEN


class Support(models.Model):
    """ "Unterstützen": once per person, by account or by confirmed e-mail address.

    Account holders are stored with their address too, so one address counts once however
    the person comes.
    """

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="supports"
    )
    email = models.EmailField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="participation_supports",
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "email"], name="participation_one_support_per_email"
            ),
            models.UniqueConstraint(
                fields=["contribution", "user"],
                condition=Q(user__isnull=False),
                name="participation_one_support_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contribution_id}: {self.email}"
