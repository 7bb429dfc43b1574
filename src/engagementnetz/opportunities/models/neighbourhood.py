"""Nachbarschaftshilfe: small offers and requests of citizens, moderated and short-lived."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .choices import HelpCategory, HelpKind, HelpState
from .interest import new_token


class HelpPostQuerySet(models.QuerySet):
    def public(self):
        return self.filter(state=HelpState.PUBLISHED)


class HelpPost(models.Model):
    kind = models.CharField(_("offer or request"), max_length=20, choices=HelpKind)
    category = models.CharField(_("kind of help"), max_length=20, choices=HelpCategory)
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("description"))
    district = models.ForeignKey(
        "core.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    name = models.CharField(
        _("name shown"),
        max_length=60,
        help_text=_("Your first name or a short name; it is shown publicly."),
    )
    email = models.EmailField(
        _("e-mail address"),
        help_text=_("Never shown. Replies reach you through the platform."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="help_posts",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=HelpState, default=HelpState.UNCONFIRMED
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    consent_at = models.DateTimeField(_("consent given"))
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(_("visible until"), null=True, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rejection_reason = models.TextField(_("reason"), blank=True)

    objects = HelpPostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("neighbourhood help entry")
        verbose_name_plural = _("neighbourhood help entries")
        indexes = [models.Index(fields=["state", "-published_at"], name="help_state_published")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("opportunities:help_detail", kwargs={"pk": self.pk})


class HelpContact(models.Model):
    """A message relayed to a poster; kept briefly so the mail can be sent in the background."""

    post = models.ForeignKey(HelpPost, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("your name"), max_length=150)
    email = models.EmailField(_("your e-mail address"))
    message = models.TextField(_("your message"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message to a neighbourhood help entry")
        verbose_name_plural = _("messages to neighbourhood help entries")

    def __str__(self) -> str:
        return f"{self.name} → {self.post}"
