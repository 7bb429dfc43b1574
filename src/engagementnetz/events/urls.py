from django.urls import path

from .views import feeds, manage, public, registration, registrations

app_name = "events"

urlpatterns = [
    path("termine/", public.calendar, name="calendar"),
    path("fortbildungen/", public.courses, name="courses"),
    path("termine/feed.ics", public.feed_ics, name="feed"),
    path("termine/archiv/", public.archive, name="archive"),
    path("termine/monat/", public.month_current, name="month_current"),
    path("termine/monat/<int:year>/<int:month>/", public.month, name="month"),
    path("termine/meine-anmeldungen/", registration.my_registrations, name="my_registrations"),
    # Registrations, reached by the secret token in the mails.
    path("termine/anmeldung/<str:token>/", registration.registration_detail, name="registration"),
    path(
        "termine/anmeldung/<str:token>/bestaetigen/",
        registration.registration_confirm,
        name="registration_confirm",
    ),
    path(
        "termine/anmeldung/<str:token>/abmelden/",
        registration.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "termine/anmeldung/<str:token>/bescheinigung.pdf",
        registration.certificate,
        name="certificate",
    ),
    # The organisers' pages.
    path("termine/verwaltung/", manage.event_list, name="manage"),
    path("termine/verwaltung/neu/", manage.event_create, name="manage_create"),
    path("termine/verwaltung/kalender/", feeds.feed_list, name="manage_feeds"),
    path("termine/verwaltung/kalender/<int:pk>/abrufen/", feeds.feed_refresh, name="feed_refresh"),
    path("termine/verwaltung/kalender/<int:pk>/entfernen/", feeds.feed_delete, name="feed_delete"),
    path("termine/verwaltung/<int:pk>/", manage.event_overview, name="manage_event"),
    path("termine/verwaltung/<int:pk>/bearbeiten/", manage.event_edit, name="manage_edit"),
    path("termine/verwaltung/<int:pk>/daten/", manage.event_dates, name="manage_dates"),
    path(
        "termine/verwaltung/<int:pk>/daten/<int:occurrence_pk>/",
        manage.occurrence_edit,
        name="manage_occurrence",
    ),
    path("termine/verwaltung/<int:pk>/stand/", manage.event_state, name="manage_state"),
    path("termine/verwaltung/<int:pk>/loeschen/", manage.event_delete, name="manage_delete"),
    path("termine/verwaltung/<int:pk>/fragen/", manage.questions, name="manage_questions"),
    path(
        "termine/verwaltung/<int:pk>/fragen/<int:question_pk>/",
        manage.question_edit,
        name="manage_question",
    ),
    path(
        "termine/verwaltung/<int:pk>/fragen/<int:question_pk>/loeschen/",
        manage.question_delete,
        name="manage_question_delete",
    ),
    path(
        "termine/verwaltung/<int:pk>/optionen/<int:option_pk>/",
        manage.option_edit,
        name="manage_option",
    ),
    path(
        "termine/verwaltung/<int:pk>/anmeldungen/",
        registrations.registration_list,
        name="manage_registrations",
    ),
    path(
        "termine/verwaltung/<int:pk>/anmeldungen/<int:registration_pk>/teilnahme/",
        registrations.registration_attended,
        name="manage_attended",
    ),
    path(
        "termine/verwaltung/<int:pk>/anmeldungen/<int:registration_pk>/abmelden/",
        registrations.registration_remove,
        name="manage_remove_registration",
    ),
    path(
        "termine/verwaltung/<int:pk>/anmeldungen.<str:fmt>",
        registrations.registration_export,
        name="manage_export",
    ),
    path(
        "termine/verwaltung/<int:pk>/anwesenheitsliste/",
        registrations.attendance_list,
        name="manage_attendance",
    ),
    path(
        "termine/verwaltung/<int:pk>/nachricht/",
        registrations.registrants_message,
        name="manage_message",
    ),
    path(
        "termine/verwaltung/<int:pk>/bescheinigungen.pdf",
        registrations.certificates_all,
        name="manage_certificates",
    ),
    # Last, so that the fixed paths above win over slugs.
    path("termine/<slug:slug>/", public.detail, name="detail"),
    path("termine/<slug:slug>/kalender.ics", public.event_ics, name="event_ics"),
    path("termine/<slug:slug>/anmeldung/", registration.register, name="register"),
    path(
        "termine/<slug:slug>/anmeldung/gesendet/",
        registration.registration_sent,
        name="registration_sent",
    ),
]
