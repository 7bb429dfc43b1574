from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Event


class EventSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def items(self):
        return Event.objects.public().only("slug", "updated_at").order_by("-starts_at", "pk")

    def lastmod(self, event):
        return event.updated_at


class CalendarSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.7

    def items(self):
        return ["events:calendar", "events:courses", "events:archive"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"events": EventSitemap, "calendar": CalendarSitemap}
