from django.contrib.sitemaps import Sitemap

from .models import Measure, Process, ThemeTable


class ProcessSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Process.objects.public().order_by("pk")

    def lastmod(self, process):
        return process.updated_at


class ThemeTableSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return (
            ThemeTable.objects.filter(process__is_published=True)
            .select_related("process")
            .order_by("pk")
        )


class MeasureSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Measure.objects.public().order_by("pk")

    def lastmod(self, measure):
        return measure.updated_at


SITEMAPS = {
    "beteiligung": ProcessSitemap,
    "thementische": ThemeTableSitemap,
    "massnahmen": MeasureSitemap,
}
