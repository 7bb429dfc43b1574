from django.urls import path

from .views import contributions, following, measures, moderation, processes, workarea
from .views import workarea_measures as wm

app_name = "participation"

urlpatterns = [
    # Public pages.
    path("beteiligung/", processes.process_list, name="process_list"),
    path("beteiligung/bestaetigen/<str:token>/", following.confirm, name="confirm"),
    path("beteiligung/abbestellen/<str:token>/", following.unsubscribe, name="unsubscribe"),
    path("beteiligung/<slug:slug>/", processes.process_detail, name="process_detail"),
    path("beteiligung/<slug:slug>/folgen/", following.follow_process, name="follow_process"),
    path(
        "beteiligung/<slug:slug>/beitraege/", processes.contribution_list, name="contribution_list"
    ),
    path(
        "beteiligung/<slug:slug>/beitraege/neu/",
        processes.contribution_create,
        name="contribution_create",
    ),
    path(
        "beteiligung/<slug:slug>/beitraege/<int:pk>/",
        contributions.contribution_detail,
        name="contribution_detail",
    ),
    path(
        "beteiligung/<slug:slug>/beitraege/<int:pk>/kommentieren/",
        contributions.comment_create,
        name="comment_create",
    ),
    path(
        "beteiligung/<slug:slug>/beitraege/<int:pk>/unterstuetzen/",
        contributions.support_create,
        name="support_create",
    ),
    path(
        "beteiligung/<slug:slug>/tische/<slug:table>/", processes.table_detail, name="table_detail"
    ),
    path(
        "beteiligung/<slug:slug>/werkstatt/<slug:workshop>/",
        processes.workshop_detail,
        name="workshop_detail",
    ),
    path("massnahmen/", measures.measure_list, name="measure_list"),
    path("massnahmen/<slug:slug>/", measures.measure_detail, name="measure_detail"),
    path("massnahmen/<slug:slug>/folgen/", following.follow_measure, name="follow_measure"),
    path("massnahmen/<slug:slug>/fortschritt/", measures.measure_progress, name="measure_progress"),
    # Work area of the network office.
    path("netzwerkbuero/beteiligung/", workarea.manage, name="manage"),
    path("netzwerkbuero/beteiligung/neu/", workarea.process_edit, name="manage_process_create"),
    path(
        "netzwerkbuero/beteiligung/moderation/", workarea.moderation_queue, name="moderation_queue"
    ),
    path(
        "netzwerkbuero/beteiligung/beitraege/<int:pk>/",
        moderation.contribution_moderate,
        name="moderate_contribution",
    ),
    path(
        "netzwerkbuero/beteiligung/kommentare/<int:pk>/",
        moderation.comment_moderate,
        name="moderate_comment",
    ),
    path("netzwerkbuero/beteiligung/<int:pk>/", workarea.process_dashboard, name="manage_process"),
    path(
        "netzwerkbuero/beteiligung/<int:pk>/bearbeiten/",
        workarea.process_edit,
        name="manage_process_edit",
    ),
    path(
        "netzwerkbuero/beteiligung/<int:pk>/phasen/neu/",
        workarea.phase_edit,
        name="manage_phase_create",
    ),
    path(
        "netzwerkbuero/beteiligung/<int:pk>/phasen/<int:phase_pk>/",
        workarea.phase_edit,
        name="manage_phase",
    ),
    path(
        "netzwerkbuero/beteiligung/<int:pk>/tische/neu/",
        workarea.table_edit,
        name="manage_table_create",
    ),
    path(
        "netzwerkbuero/beteiligung/<int:pk>/tische/<int:table_pk>/",
        workarea.table_edit,
        name="manage_table",
    ),
    path(
        "netzwerkbuero/beteiligung/<int:pk>/werkstaetten/neu/",
        workarea.workshop_edit,
        name="manage_workshop_create",
    ),
    path(
        "netzwerkbuero/beteiligung/<int:pk>/werkstaetten/<int:workshop_pk>/",
        workarea.workshop_edit,
        name="manage_workshop",
    ),
    path(
        "netzwerkbuero/beteiligung/<int:pk>/werkstaetten/<int:workshop_pk>/fotos/",
        workarea.photo_add,
        name="manage_photo_add",
    ),
    path(
        "netzwerkbuero/beteiligung/<int:pk>/fotos/<int:photo_pk>/loeschen/",
        workarea.photo_delete,
        name="manage_photo_delete",
    ),
    path(
        "netzwerkbuero/beteiligung/<int:pk>/dokumente/",
        workarea.document_add,
        name="manage_document_add",
    ),
    path(
        "netzwerkbuero/beteiligung/<int:pk>/dokumente/<int:document_pk>/loeschen/",
        workarea.document_delete,
        name="manage_document_delete",
    ),
    path("netzwerkbuero/beteiligung/<int:pk>/karten/", workarea.paper_cards, name="paper_cards"),
    path("netzwerkbuero/beteiligung/<int:pk>/beitraege.<str:fmt>", workarea.export, name="export"),
    path("netzwerkbuero/massnahmen/", wm.measure_manage_list, name="manage_measures"),
    path("netzwerkbuero/massnahmen/neu/", wm.measure_edit, name="manage_measure_create"),
    path("netzwerkbuero/massnahmen/<int:pk>/", wm.measure_edit, name="manage_measure"),
    path(
        "netzwerkbuero/massnahmen/<int:pk>/verknuepfen/",
        wm.measure_link,
        name="manage_measure_link",
    ),
    path(
        "netzwerkbuero/massnahmen/<int:pk>/beitraege/<int:contribution_pk>/loesen/",
        wm.measure_unlink,
        name="manage_measure_unlink",
    ),
    path(
        "netzwerkbuero/massnahmen/<int:pk>/fortschritt/<int:update_pk>/loeschen/",
        wm.update_delete,
        name="manage_update_delete",
    ),
]
