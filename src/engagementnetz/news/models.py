"""News articles of the network office and the clubs, with categories and related content."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Category(models.Model):
    """Rubrik of the news, e.g. "Aus dem Netzwerk", "Aus den Vereinen", "Beteiligung"."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name"), max_length=100, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    position = models.PositiveIntegerField(pgettext_lazy("news", "position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = pgettext_lazy("news", "category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{reverse('news:list')}?kategorie={self.slug}"


class ArticleState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Returned to the club")


class ArticleQuerySet(models.QuerySet):
    def public(self, *, now=None):
        """Published articles whose publication date has come."""
        return self.filter(
            state=ArticleState.PUBLISHED, publish_at__lte=now or timezone.now()
        ).order_by("-publish_at", "-pk")

    def for_list(self):
        return self.select_related("organisation").prefetch_related("categories")

    def due_for_publication(self, *, now):
        return self.filter(state=ArticleState.SCHEDULED, publish_at__lte=now)

    def of_organisations(self, organisation_ids):
        return self.filter(organisation_id__in=organisation_ids)


class Article(models.Model):
    """A news article. The network office publishes; clubs submit theirs for approval."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address on the site"), max_length=220, unique=True)
    teaser = models.CharField(
        _("teaser"),
        max_length=300,
        help_text=_("One or two sentences shown in lists, feeds and the newsletter."),
    )
    body = models.TextField(
        _("text"),
        help_text=_(
            "Markdown is allowed: ## for a subheading, **bold**, [link text](https://…), "
            "![description](image address) for an image uploaded below."
        ),
    )
    lead_image = models.ImageField(
        _("lead photo"),
        upload_to="news/lead/",
        blank=True,
        width_field="lead_image_width",
        height_field="lead_image_height",
    )
    lead_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    lead_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    lead_image_alt = models.CharField(
        _("description of the photo"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    lead_image_caption = models.CharField(_("caption"), max_length=250, blank=True)
    lead_image_copyright = models.CharField(
        pgettext_lazy("news", "copyright"),
        max_length=150,
        blank=True,
        help_text=_("For example: © Stadt Bitburg"),
    )
    categories = models.ManyToManyField(
        Category, verbose_name=_("categories"), blank=True, related_name="articles"
    )
    organisations = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("related organisations"),
        blank=True,
        related_name="news_articles",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_articles",
        help_text=_("The club that wrote the article; empty for the network office."),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=ArticleState, default=ArticleState.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("A date in the future publishes the article automatically at that time."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_articles",
    )
    author_name = models.CharField(
        _("author shown"),
        max_length=150,
        blank=True,
        help_text=_("Shown below the article, e.g. the name of the club or the office."),
    )
    review_note = models.TextField(_("note to the club"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["state", "-publish_at"], name="news_article_state_pub"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return (
            self.state == ArticleState.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def byline(self) -> str:
        if self.author_name:
            return self.author_name
        if self.organisation_id:
            return self.organisation.name
        return ""


class ArticleImage(models.Model):
    """A photo for the text of an article, placed with Markdown: ![description](address)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(_("photo"), upload_to="news/inline/")
    alt = models.CharField(
        _("description of the photo"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("photo in the text")
        verbose_name_plural = _("photos in the text")

    def __str__(self) -> str:
        return self.alt

    @property
    def markdown(self) -> str:
        return f"![{self.alt}]({self.image.url})"


class ArticleRelation(models.Model):
    """An event or participation process the article is about (apps written independently)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="relations")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "content_type", "object_id"], name="unique_article_relation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article} → {self.content_type.model} {self.object_id}"
