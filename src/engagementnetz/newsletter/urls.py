from django.urls import path

from . import office_views, views

app_name = "newsletter"

urlpatterns = [
    path("newsletter/", views.subscribe, name="subscribe"),
    path("newsletter/danke/", views.thanks, name="thanks"),
    path("newsletter/bestaetigen/<slug:token>/", views.confirm, name="confirm"),
    path("newsletter/abo/<slug:token>/", views.manage, name="manage"),
    path("newsletter/abmelden/<slug:token>/", views.unsubscribe, name="unsubscribe"),
    path("newsletter/archiv/", views.archive, name="archive"),
    path("newsletter/archiv/<int:pk>/", views.archive_detail, name="archive_detail"),
    path("netzwerkbuero/newsletter/", office_views.dashboard, name="dashboard"),
    path("netzwerkbuero/newsletter/neu/", office_views.issue_create, name="issue_create"),
    path("netzwerkbuero/newsletter/<int:pk>/", office_views.issue_edit, name="issue_edit"),
    path(
        "netzwerkbuero/newsletter/<int:pk>/neu-zusammenstellen/",
        office_views.issue_refresh,
        name="issue_refresh",
    ),
    path(
        "netzwerkbuero/newsletter/<int:pk>/vorschau/",
        office_views.issue_preview,
        name="issue_preview",
    ),
    path(
        "netzwerkbuero/newsletter/<int:pk>/vorschau.html",
        office_views.issue_preview_html,
        name="issue_preview_html",
    ),
    path("netzwerkbuero/newsletter/<int:pk>/test/", office_views.issue_test, name="issue_test"),
    path("netzwerkbuero/newsletter/<int:pk>/senden/", office_views.issue_send, name="issue_send"),
    path(
        "netzwerkbuero/newsletter/<int:pk>/versand/",
        office_views.issue_status,
        name="issue_status",
    ),
    path(
        "netzwerkbuero/newsletter/abonnenten/",
        office_views.subscriber_list,
        name="subscribers",
    ),
    path(
        "netzwerkbuero/newsletter/abonnenten/<int:pk>/",
        office_views.subscriber_detail,
        name="subscriber_detail",
    ),
    path("netzwerkbuero/newsletter/zahlen/", office_views.figures, name="figures"),
    path(
        "netzwerkbuero/newsletter/einwilligung/",
        office_views.consent_texts,
        name="consent_texts",
    ),
]
