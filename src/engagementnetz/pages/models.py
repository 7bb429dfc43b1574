from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from engagementnetz.core.models import ContactMessageBase

LEGAL_PAGES = {
    "impressum": "pages:impressum",
    "datenschutz": "pages:datenschutz",
    "barrierefreiheit": "pages:barrierefreiheit",
}


class MenuPlace(models.TextChoices):
    NONE = "none", _("not in a menu")
    MAIN = "main", _("main navigation (after the fixed entries)")
    FOOTER = "footer", _("footer")


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def in_menu(self, place: str):
        return self.published().filter(menu=place).order_by("menu_position", "title")


class Page(models.Model):
    """An editable page: the legal pages and pages such as "Über uns"."""

    slug = models.SlugField(_("address on the site"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Markdown is allowed."))
    menu = models.CharField(
        _("place in the menu"), max_length=10, choices=MenuPlace, default=MenuPlace.NONE
    )
    menu_position = models.PositiveSmallIntegerField(_("position in the menu"), default=0)
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if self.slug in LEGAL_PAGES:
            return reverse(LEGAL_PAGES[self.slug])
        return reverse("pages:detail", kwargs={"slug": self.slug})

    @property
    def is_legal(self) -> bool:
        return self.slug in LEGAL_PAGES


class OfficeMessageKind(models.TextChoices):
    IDEA = "idea", _("I would like to bring in an idea")
    QUESTION = "question", _("I have a question")


class OfficeMessage(ContactMessageBase):
    """A message to the network office through the general contact form.

    Kept with the consent text that was shown, and deleted after CONTACT_MESSAGE_RETENTION_DAYS.
    """

    kind = models.CharField(
        _("what it is about"),
        max_length=10,
        choices=OfficeMessageKind,
        default=OfficeMessageKind.IDEA,
    )

    class Meta(ContactMessageBase.Meta):
        verbose_name = _("message to the network office")
        verbose_name_plural = _("messages to the network office")

    def __str__(self) -> str:
        return f"{self.sender_email}: {self.subject}"
