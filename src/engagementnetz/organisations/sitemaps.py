from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Organisation, Project


class OrganisationSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Organisation.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, organisation):
        return organisation.updated_at


class ProjectSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Project.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, project):
        return project.updated_at


class DirectoryPagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.7

    def items(self):
        return ["organisations:list", "organisations:project_list", "organisations:links"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "organisations": OrganisationSitemap,
    "projects": ProjectSitemap,
    "directory": DirectoryPagesSitemap,
}
