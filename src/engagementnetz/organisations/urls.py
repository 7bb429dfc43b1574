from django.urls import path

from .views import links, manage, office, projects, public

app_name = "organisations"

urlpatterns = [
    # Public directory
    path("organisationen/", public.directory, name="list"),
    path("organisationen/karte/", public.directory_map, name="map"),
    path("organisationen/karte.json", public.map_data, name="map_data"),
    path("organisationen/registrieren/", manage.register, name="register"),
    path("organisationen/einladung/<str:token>/", manage.invitation, name="invitation"),
    path("organisationen/aktuell/<str:token>/", manage.confirm_current, name="confirm_current"),
    path("organisationen/<slug:slug>/", public.detail, name="detail"),
    path("organisationen/<slug:slug>/kontakt/", public.contact, name="contact"),
    path("organisationen/<slug:slug>/melden/", public.report, name="report"),
    path("organisationen/<slug:slug>/uebernehmen/", manage.claim, name="claim"),
    # Keeping an entry
    path("organisationen/<slug:slug>/verwalten/", manage.manage, name="manage"),
    path("organisationen/<slug:slug>/bearbeiten/", manage.edit, name="edit"),
    path("organisationen/<slug:slug>/einreichen/", manage.submit, name="submit"),
    path("organisationen/<slug:slug>/bestaetigen/", manage.review, name="review"),
    path("organisationen/<slug:slug>/fotos/", manage.photos, name="photos"),
    path(
        "organisationen/<slug:slug>/fotos/<int:pk>/loeschen/",
        manage.photo_delete,
        name="photo_delete",
    ),
    path("organisationen/<slug:slug>/personen/", manage.people, name="people"),
    path(
        "organisationen/<slug:slug>/personen/<int:pk>/rolle/",
        manage.member_role,
        name="member_role",
    ),
    path(
        "organisationen/<slug:slug>/personen/<int:pk>/entfernen/",
        manage.member_remove,
        name="member_remove",
    ),
    path("organisationen/<slug:slug>/verlassen/", manage.leave, name="leave"),
    path(
        "organisationen/<slug:slug>/einladungen/<int:pk>/zurueckziehen/",
        manage.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "organisationen/<slug:slug>/projekte/neu/", projects.project_create, name="project_create"
    ),
    # Projects
    path("projekte/", projects.project_list, name="project_list"),
    path("projekte/<slug:slug>/", projects.project_detail, name="project_detail"),
    path("projekte/<slug:slug>/bearbeiten/", projects.project_edit, name="project_edit"),
    path("projekte/<slug:slug>/loeschen/", projects.project_delete, name="project_delete"),
    path("projekte/<slug:slug>/fotos/", projects.project_photos, name="project_photos"),
    path(
        "projekte/<slug:slug>/fotos/<int:pk>/loeschen/",
        projects.project_photo_delete,
        name="project_photo_delete",
    ),
    path("projekte/<slug:slug>/melden/", projects.project_report, name="project_report"),
    # Links to Verbände and Netzwerke
    path("links/", public.links, name="links"),
    # The network office's work area
    path("netzwerkbuero/verzeichnis/", office.queue, name="queue"),
    path(
        "netzwerkbuero/verzeichnis/registrierung/<int:pk>/",
        office.decide_registration,
        name="decide_registration",
    ),
    path(
        "netzwerkbuero/verzeichnis/uebernahme/<int:pk>/", office.decide_claim, name="decide_claim"
    ),
    path("netzwerkbuero/verzeichnis/meldung/<int:pk>/", office.decide_report, name="decide_report"),
    path("netzwerkbuero/verzeichnis/veraltet/<int:pk>/", office.decide_stale, name="decide_stale"),
    path(
        "netzwerkbuero/verzeichnis/eintraege/<int:pk>/zurueckziehen/",
        office.unpublish,
        name="unpublish",
    ),
    path(
        "netzwerkbuero/verzeichnis/eintraege/<int:pk>/veroeffentlichen/",
        office.republish,
        name="republish",
    ),
    path("netzwerkbuero/verzeichnis/entscheidungen/", office.decisions, name="decisions"),
    path("netzwerkbuero/verzeichnis/eintraege/", office.entries, name="entries"),
    path("netzwerkbuero/verzeichnis/neu/", office.office_create, name="office_create"),
    path("netzwerkbuero/verzeichnis/import/", office.import_upload, name="import"),
    path(
        "netzwerkbuero/verzeichnis/import/<int:pk>/", office.import_preview, name="import_preview"
    ),
    path("netzwerkbuero/verzeichnis/export.<str:file_format>", office.export, name="export"),
    path("netzwerkbuero/links/", links.link_manage, name="link_manage"),
    path("netzwerkbuero/links/neu/", links.link_edit, name="link_create"),
    path("netzwerkbuero/links/<int:pk>/", links.link_edit, name="link_edit"),
    path("netzwerkbuero/links/<int:pk>/loeschen/", links.link_delete, name="link_delete"),
    path("netzwerkbuero/links/<int:pk>/pruefen/", links.link_check, name="link_check"),
    path("netzwerkbuero/links/kategorien/neu/", links.category_edit, name="category_create"),
    path("netzwerkbuero/links/kategorien/<int:pk>/", links.category_edit, name="category_edit"),
    path(
        "netzwerkbuero/links/kategorien/<int:pk>/loeschen/",
        links.category_delete,
        name="category_delete",
    ),
]
