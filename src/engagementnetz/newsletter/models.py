"""Subscribers with their consent, issues with their items, and the outbox that sends them."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .content import TOPIC_ORDER, Topic


def new_token() -> str:
    return secrets.token_urlsafe(32)


class SubscriberState(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Subscribed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(state=SubscriberState.CONFIRMED)

    def wanting(self, topic: str):
        return self.filter(**{f"topic_{topic}": True})


class Subscriber(models.Model):
    """A person who subscribed without an account; identified by a secret token in every mail."""

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    topic_news = models.BooleanField(Topic.NEWS.label, default=False)
    topic_events = models.BooleanField(Topic.EVENTS.label, default=False)
    topic_courses = models.BooleanField(Topic.COURSES.label, default=False)
    topic_opportunities = models.BooleanField(Topic.OPPORTUNITIES.label, default=False)
    topic_participation = models.BooleanField(Topic.PARTICIPATION.label, default=False)
    state = models.CharField(
        _("state"), max_length=20, choices=SubscriberState, default=SubscriberState.PENDING
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(pgettext_lazy("newsletter", "registered"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        indexes = [models.Index(fields=["state", "confirmed_at"], name="newsletter_sub_state")]

    def __str__(self) -> str:
        return self.email

    @property
    def topics(self) -> list[str]:
        return [topic for topic in TOPIC_ORDER if getattr(self, f"topic_{topic}")]

    def set_topics(self, topics) -> None:
        chosen = set(topics)
        for topic in TOPIC_ORDER:
            setattr(self, f"topic_{topic}", topic in chosen)

    def get_topics_display(self) -> list[str]:
        return [str(Topic(topic).label) for topic in self.topics]

    def manage_url(self) -> str:
        return settings.SITE_URL + reverse("newsletter:manage", args=[self.token])

    def unsubscribe_url(self) -> str:
        return settings.SITE_URL + reverse("newsletter:unsubscribe", args=[self.token])

    def confirm_url(self) -> str:
        return settings.SITE_URL + reverse("newsletter:confirm", args=[self.token])


class ConsentText(models.Model):
    """The wording of the consent shown on the form; each change is a new version."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    text = models.TextField(_("text of the consent"))
    created_at = models.DateTimeField(_("valid from"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-version"]
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")

    def __str__(self) -> str:
        return f"{self.version}"

    @classmethod
    def current(cls) -> "ConsentText":
        return cls.objects.order_by("-version").first()


class ConsentEvent(models.TextChoices):
    REQUESTED = "requested", _("Subscription requested on the form")
    CONFIRMED = "confirmed", _("Confirmed with the link in the e-mail")
    TOPICS_CHANGED = "topics_changed", _("Topics changed")
    WITHDRAWN = "withdrawn", _("Unsubscribed")


class ConsentRecord(models.Model):
    """Proof of consent: what happened, when, with which text and how (Art. 7 (1) GDPR)."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    event = models.CharField(
        pgettext_lazy("newsletter", "event"), max_length=20, choices=ConsentEvent
    )
    text = models.ForeignKey(
        ConsentText,
        verbose_name=_("text shown"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    topics = models.CharField(_("topics"), max_length=200, blank=True)
    method = models.CharField(_("how"), max_length=200)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self) -> str:
        return f"{self.subscriber} {self.event} {self.at:%Y-%m-%d %H:%M}"

    def get_topics_display(self) -> list[str]:
        return [str(Topic(topic).label) for topic in self.topics.split(",") if topic in TOPIC_ORDER]


class IssueState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


class IssueQuerySet(models.QuerySet):
    def archived(self):
        return self.filter(state=IssueState.SENT).order_by("-send_started_at", "-pk")


class Issue(models.Model):
    """One newsletter: an introduction and the items drafted from what is new."""

    subject = models.CharField(_("subject"), max_length=200)
    intro = models.TextField(
        pgettext_lazy("newsletter", "introduction"), blank=True, help_text=_("Markdown is allowed.")
    )
    state = models.CharField(
        _("state"), max_length=20, choices=IssueState, default=IssueState.DRAFT
    )
    period_start = models.DateTimeField(_("new since"))
    period_end = models.DateTimeField(_("new until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    test_sent_at = models.DateTimeField(_("last test"), null=True, blank=True)
    send_started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sending finished"), null=True, blank=True)
    recipients_count = models.PositiveIntegerField(_("recipients"), default=0)

    objects = IssueQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("issue")
        verbose_name_plural = _("issues")

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("newsletter:archive_detail", args=[self.pk])


class IssueItem(models.Model):
    """An entry of an issue, copied from the contributing app when the issue was drafted."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="items")
    topic = models.CharField(_("topic"), max_length=20, choices=Topic)
    title = models.CharField(_("title"), max_length=300)
    url = models.CharField(_("address"), max_length=500)
    summary = models.TextField(pgettext_lazy("newsletter", "summary"), blank=True)
    date = models.DateTimeField(_("date"), null=True, blank=True)
    is_all_day = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)
    included = models.BooleanField(_("included"), default=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self) -> str:
        return self.title

    @property
    def absolute_url(self) -> str:
        if self.url.startswith(("http://", "https://")):
            return self.url
        return settings.SITE_URL + self.url


class OutboxState(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Not sent (unsubscribed meanwhile)")


class OutboxMessage(models.Model):
    """One recipient of one issue. See ``newsletter.outbox`` for how it is sent exactly once."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="outbox")
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="outbox"
    )
    email = models.EmailField()
    state = models.CharField(max_length=20, choices=OutboxState, default=OutboxState.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    claim_token = models.CharField(max_length=32, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    handed_over_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=200, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="one_mail_per_recipient")
        ]
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="newsletter_outbox_due"),
            models.Index(fields=["issue", "state"], name="newsletter_outbox_issue"),
        ]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.email} ({self.state})"


class TopicStatistic(models.Model):
    """How many confirmed subscribers wanted a topic on a day (written daily by a job)."""

    day = models.DateField()
    topic = models.CharField(max_length=20, choices=Topic)
    subscribers = models.PositiveIntegerField()

    class Meta:
        ordering = ["day", "topic"]
        constraints = [
            models.UniqueConstraint(fields=["day", "topic"], name="one_statistic_per_day_topic")
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.topic}: {self.subscribers}"
