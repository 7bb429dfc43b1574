from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("profil/", views.profile_edit, name="profile"),
    path("daten.json", views.data_export, name="export"),
    path("loeschen/", views.delete_account, name="delete"),
]
