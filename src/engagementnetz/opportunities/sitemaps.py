from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import HelpPost, Opportunity


class OpportunitySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7
    limit = 5000

    def items(self):
        return Opportunity.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class HelpPostSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.4

    def items(self):
        return HelpPost.objects.public().only("pk", "published_at").order_by("pk")

    def lastmod(self, item):
        return item.published_at


class StaticSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["opportunities:list", "opportunities:finder", "opportunities:help_list"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "engagement": StaticSitemap,
    "engagement-angebote": OpportunitySitemap,
    "nachbarschaftshilfe": HelpPostSitemap,
}
