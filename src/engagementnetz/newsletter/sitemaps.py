from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Issue


class NewsletterPagesSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return ["newsletter:subscribe", "newsletter:archive"]

    def location(self, item):
        return reverse(item)


class IssueArchiveSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.3

    def items(self):
        return Issue.objects.archived().only("pk", "sent_at", "send_started_at")

    def lastmod(self, item):
        return item.sent_at or item.send_started_at


SITEMAPS = {"newsletter": NewsletterPagesSitemap, "newsletter_archive": IssueArchiveSitemap}
