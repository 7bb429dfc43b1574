"""The start page and the editable pages (legal notice, privacy, …) for /sitemap.xml."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from engagementnetz.pages.models import Page


class StartSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["core:home"]

    def location(self, item):
        return reverse(item)


class PageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return Page.objects.published().order_by("pk")

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {"start": StartSitemap, "seiten": PageSitemap}
