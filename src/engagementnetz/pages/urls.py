from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("impressum/", views.page_detail, {"slug": "impressum"}, name="impressum"),
    path("datenschutz/", views.page_detail, {"slug": "datenschutz"}, name="datenschutz"),
    path(
        "barrierefreiheit/",
        views.page_detail,
        {"slug": "barrierefreiheit"},
        name="barrierefreiheit",
    ),
    path("kontakt/", views.contact, name="contact"),
    path("seiten/<slug:slug>/", views.page_detail, name="detail"),
    path("netzwerkbuero/seiten/", views.page_list, name="manage"),
    path("netzwerkbuero/seiten/neu/", views.page_edit, name="create"),
    path("netzwerkbuero/seiten/<int:pk>/", views.page_edit, name="edit"),
]
