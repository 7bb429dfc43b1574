from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("aktuelles/", views.article_list, name="list"),
    path("aktuelles/feed/", feeds.RssArticlesFeed(), name="feed"),
    path("aktuelles/feed/atom/", feeds.AtomArticlesFeed(), name="feed_atom"),
    path(
        "aktuelles/kategorie/<slug:slug>/feed/",
        feeds.RssArticlesFeed(),
        name="category_feed",
    ),
    path(
        "aktuelles/kategorie/<slug:slug>/feed/atom/",
        feeds.AtomArticlesFeed(),
        name="category_feed_atom",
    ),
    path("aktuelles/meine-beitraege/", views.club_articles, name="club_articles"),
    path("aktuelles/einreichen/", views.club_submit, name="club_submit"),
    path("aktuelles/meine-beitraege/<int:pk>/", views.club_edit, name="club_edit"),
    path("aktuelles/artikel/<int:pk>/bilder/", views.image_add, name="image_add"),
    path(
        "aktuelles/artikel/<int:pk>/bilder/<int:image_pk>/loeschen/",
        views.image_delete,
        name="image_delete",
    ),
    path("aktuelles/<slug:slug>/", views.article_detail, name="detail"),
    path("netzwerkbuero/aktuelles/", views.manage_list, name="manage_list"),
    path("netzwerkbuero/aktuelles/neu/", views.manage_edit, name="manage_create"),
    path("netzwerkbuero/aktuelles/<int:pk>/", views.manage_edit, name="manage_edit"),
    path(
        "netzwerkbuero/aktuelles/<int:pk>/veroeffentlichen/",
        views.manage_publish,
        name="manage_publish",
    ),
    path(
        "netzwerkbuero/aktuelles/<int:pk>/zurueckgeben/",
        views.manage_reject,
        name="manage_reject",
    ),
    path(
        "netzwerkbuero/aktuelles/<int:pk>/zurueckziehen/",
        views.manage_unpublish,
        name="manage_unpublish",
    ),
    path("netzwerkbuero/aktuelles/kategorien/", views.category_list, name="categories"),
    path(
        "netzwerkbuero/aktuelles/kategorien/<int:pk>/",
        views.category_list,
        name="category_edit",
    ),
]
