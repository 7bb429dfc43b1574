"""The documentation page of the open data API for /sitemap.xml (the JSON itself is no page)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class ApiDocumentationSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return ["api:docs"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"offene-daten": ApiDocumentationSitemap}
