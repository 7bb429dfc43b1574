"""RSS 2.0 and Atom feeds of the news: all articles and per category."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from engagementnetz.core.site_cache import cached_site_settings

from . import selectors
from .models import Category

FEED_LENGTH = 20


class ArticlesFeed(Feed):
    def get_object(self, request, slug: str | None = None):
        return get_object_or_404(Category, slug=slug) if slug else None

    def title(self, category):
        site = cached_site_settings().name
        if category:
            return _("%(site)s – News: %(category)s") % {"site": site, "category": category.name}
        return _("%(site)s – News") % {"site": site}

    def link(self, category):
        return category.get_absolute_url() if category else reverse("news:list")

    def description(self, category):
        if category and category.description:
            return category.description
        return _("News of the volunteering network in %(town)s.") % {
            "town": cached_site_settings().town or cached_site_settings().name
        }

    def feed_url(self, category):
        if category:
            return reverse(self.category_url_name, kwargs={"slug": category.slug})
        return reverse(self.url_name)

    def items(self, category):
        return selectors.public_articles(category=category)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        return [category.name for category in item.categories.all()]

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = "de"
        return feed


class RssArticlesFeed(ArticlesFeed):
    url_name = "news:feed"
    category_url_name = "news:category_feed"


class AtomArticlesFeed(ArticlesFeed):
    feed_type = Atom1Feed
    url_name = "news:feed_atom"
    category_url_name = "news:category_feed_atom"

    def subtitle(self, category):
        return self.description(category)
