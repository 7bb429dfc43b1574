from django.urls import path

from . import sitemaps_view, views

app_name = "search"

urlpatterns = [
    path("suche/", views.search_page, name="search"),
    path("suche/vorschlaege/", views.suggestions, name="suggestions"),
    path("sitemap.xml", sitemaps_view.index, name="sitemap_index"),
    path("sitemap-<slug:section>.xml", sitemaps_view.section, name="sitemap_section"),
]
