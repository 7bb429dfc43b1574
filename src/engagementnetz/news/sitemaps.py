from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6
    limit = 5000

    def items(self):
        return Article.objects.public().only("slug", "updated_at", "publish_at")

    def lastmod(self, item):
        return item.updated_at


class NewsListSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.7

    def items(self):
        return ["news:list"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"news": NewsListSitemap, "articles": ArticleSitemap}
