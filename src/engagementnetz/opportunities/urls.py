from django.urls import path

from .views import finder, hours, manage, neighbourhood, public, workarea

app_name = "opportunities"

urlpatterns = [
    path("engagement/", public.opportunity_list, name="list"),
    # Finder
    path("engagement/finder/", finder.finder, name="finder"),
    path("engagement/finder/abonnieren/", finder.finder_subscribe, name="finder_subscribe"),
    path(
        "engagement/finder/abonnieren/danke/",
        finder.finder_subscribed,
        name="finder_subscribed",
    ),
    path(
        "engagement/finder/bestaetigen/<str:token>/", finder.finder_confirm, name="finder_confirm"
    ),
    path(
        "engagement/finder/abmelden/<str:token>/",
        finder.finder_unsubscribe,
        name="finder_unsubscribe",
    ),
    # Nachbarschaftshilfe
    path("engagement/nachbarschaftshilfe/", neighbourhood.help_list, name="help_list"),
    path("engagement/nachbarschaftshilfe/neu/", neighbourhood.help_create, name="help_create"),
    path("engagement/nachbarschaftshilfe/neu/danke/", neighbourhood.help_sent, name="help_sent"),
    path(
        "engagement/nachbarschaftshilfe/bestaetigen/<str:token>/",
        neighbourhood.help_confirm,
        name="help_confirm",
    ),
    path(
        "engagement/nachbarschaftshilfe/eintrag/<str:token>/",
        neighbourhood.help_manage,
        name="help_manage",
    ),
    path("engagement/nachbarschaftshilfe/<int:pk>/", neighbourhood.help_detail, name="help_detail"),
    # Interest confirmation
    path(
        "engagement/interesse/bestaetigen/<str:token>/",
        public.interest_confirm,
        name="interest_confirm",
    ),
    # Hours
    path("engagement/stunden/", hours.my_hours, name="my_hours"),
    path("engagement/stunden/<int:pk>/loeschen/", hours.hours_delete, name="hours_delete"),
    path("engagement/stunden/ehrenamtsnachweis.pdf", hours.certificate, name="certificate"),
    # Organisations
    path("engagement/verwalten/", manage.manage_overview, name="manage"),
    path(
        "engagement/verwalten/<slug:organisation_slug>/",
        manage.organisation_manage,
        name="organisation_manage",
    ),
    path(
        "engagement/verwalten/<slug:organisation_slug>/neu/",
        manage.opportunity_create,
        name="create",
    ),
    path(
        "engagement/verwalten/<slug:organisation_slug>/stunden/",
        hours.organisation_hours,
        name="organisation_hours",
    ),
    path(
        "engagement/verwalten/<slug:organisation_slug>/stunden/<int:pk>/",
        hours.hours_decide,
        name="hours_decide",
    ),
    # One opportunity
    path("engagement/<slug:slug>/", public.opportunity_detail, name="detail"),
    path("engagement/<slug:slug>/mitmachen/", public.interest_create, name="interest"),
    path("engagement/<slug:slug>/mitmachen/danke/", public.interest_sent, name="interest_sent"),
    path("engagement/<slug:slug>/bearbeiten/", manage.opportunity_edit, name="edit"),
    path("engagement/<slug:slug>/status/", manage.opportunity_state, name="state"),
    path(
        "engagement/<slug:slug>/noch-aktuell/<str:token>/",
        manage.still_current,
        name="still_current",
    ),
    path("engagement/<slug:slug>/interessen/", manage.interest_list, name="interests"),
    path(
        "engagement/<slug:slug>/interessen/<int:pk>/",
        manage.interest_update,
        name="interest_update",
    ),
    # Work area of the network office
    path(
        "netzwerkbuero/engagement/interessen/",
        workarea.unanswered_interests,
        name="unanswered_interests",
    ),
    path(
        "netzwerkbuero/engagement/nachbarschaftshilfe/",
        neighbourhood.help_moderation,
        name="help_moderation",
    ),
    path(
        "netzwerkbuero/engagement/nachbarschaftshilfe/<int:pk>/",
        neighbourhood.help_moderate,
        name="help_moderate",
    ),
    path(
        "netzwerkbuero/engagement/nachbarschaftshilfe/<int:pk>/entfernen/",
        neighbourhood.help_remove,
        name="help_remove",
    ),
]
