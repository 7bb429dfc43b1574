"""Periodic jobs: deleting registrants' personal data, reminders, and the own-data functions."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from engagementnetz.events import jobs, personal_data, services, tasks
from engagementnetz.events.models import Registration, RegistrationAnswer, RegistrationStatus

from .factories import (
    EventFactory,
    RegistrationFactory,
    RegistrationOptionFactory,
    RegistrationQuestionFactory,
    days_ahead,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def send_mails(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def past_course(days_ago: int):
    """A course whose only date ended ``days_ago`` days ago, with 3 registrations and answers."""
    event = EventFactory(
        title=f"Kurs vor {days_ago} Tagen",
        starts_at=days_ahead(-days_ago, 9),
        ends_at=days_ahead(-days_ago, 12),
        registration_enabled=True,
        capacity=2,
    )
    table = RegistrationOptionFactory(
        question=RegistrationQuestionFactory(event=event), label="Thementisch A"
    )
    note = RegistrationQuestionFactory(event=event, kind="text", label="Ernährung")
    people = [
        RegistrationFactory(event=event, name="Lena Berg", email=f"lena{days_ago}@example.org"),
        RegistrationFactory(
            event=event, name="Jonas Weber", email=f"jonas{days_ago}@example.org", attended=True
        ),
        RegistrationFactory(
            event=event,
            name="Mia Klein",
            email=f"mia{days_ago}@example.org",
            status=RegistrationStatus.WAITING,
        ),
    ]
    for person in people:
        RegistrationAnswer.objects.create(
            registration=person, question=table.question, option=table
        )
        RegistrationAnswer.objects.create(registration=person, question=note, value="vegetarisch")
    return event


def test_personal_data_is_deleted_after_the_configured_days_and_the_figures_stay(settings):
    settings.REGISTRATION_RETENTION_DAYS = 90
    old = past_course(91)
    recent = past_course(89)
    before = services.registration_figures(event=old)

    assert services.registrations_erase_expired() == 3

    erased = Registration.objects.filter(event=old)
    assert set(erased.values_list("name", "email", "user")) == {("", "", None)}
    assert all(r.anonymised_at is not None for r in erased)
    assert set(
        RegistrationAnswer.objects.filter(registration__event=old).values_list("value", flat=True)
    ) == {""}
    assert (
        RegistrationAnswer.objects.filter(
            registration__event=old, option__label="Thementisch A"
        ).count()
        == 3
    )
    assert services.registration_figures(event=old) == before
    assert (before["confirmed"], before["waiting"], before["attended"]) == (2, 1, 1)
    old.refresh_from_db()
    assert old.registrations_erased_at is not None
    kept = Registration.objects.filter(event=recent, anonymised_at__isnull=True)
    assert sorted(kept.values_list("name", flat=True)) == ["Jonas Weber", "Lena Berg", "Mia Klein"]
    # Nothing left to do the next day.
    assert services.registrations_erase_expired() == 0


def test_the_retention_is_configurable(settings):
    settings.REGISTRATION_RETENTION_DAYS = 10
    event = past_course(11)
    assert services.registrations_erase_expired() == 3
    assert not Registration.objects.filter(event=event).exclude(email="").exists()


def test_unconfirmed_sign_ups_are_deleted_after_a_week():
    event = EventFactory(registration_enabled=True, starts_at=days_ahead(30))
    stale = RegistrationFactory(event=event, status=RegistrationStatus.PENDING, queued_at=None)
    fresh = RegistrationFactory(event=event, status=RegistrationStatus.PENDING, queued_at=None)
    Registration.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=8))

    services.registrations_erase_expired()

    assert list(Registration.objects.values_list("pk", flat=True)) == [fresh.pk]


def test_reminders_go_once_a_day_before_to_those_with_a_place(send_mails):
    event = EventFactory(
        title="Erste-Hilfe-Kurs",
        starts_at=timezone.now() + timedelta(hours=20),
        ends_at=timezone.now() + timedelta(hours=23),
        registration_enabled=True,
    )
    queued = timezone.now() - timedelta(days=5)
    confirmed = RegistrationFactory(event=event, email="lena@example.org", queued_at=queued)
    RegistrationFactory(event=event, status=RegistrationStatus.WAITING, queued_at=queued)
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED, queued_at=queued)
    # Signed up only an hour ago: no reminder needed.
    RegistrationFactory(event=event, queued_at=timezone.now() - timedelta(hours=1))
    later = EventFactory(starts_at=days_ahead(3), registration_enabled=True)
    RegistrationFactory(event=later, queued_at=queued)

    with send_mails():
        assert services.reminders_send() == 1
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["lena@example.org"], "Erinnerung: Erste-Hilfe-Kurs")
    ]
    assert f"/termine/anmeldung/{confirmed.token}/abmelden/" in mail.outbox[0].body
    with send_mails():
        assert services.reminders_send() == 0
    assert len(mail.outbox) == 1


def test_the_periodic_jobs_of_the_app():
    assert {(job.name, job.every) for job in jobs.JOBS} == {
        ("events.send_reminders", timedelta(hours=1)),
        ("events.erase_expired_registrations", timedelta(days=1)),
        ("events.import_calendar_feeds", timedelta(hours=1)),
        ("events.extend_recurring_events", timedelta(days=1)),
    }
    past_course(120)
    assert tasks.erase_expired_registrations.call() == 3


def test_own_data_export_and_erasure(citizen, send_mails):
    course = EventFactory(title="Vereinsrecht kompakt", registration_enabled=True, capacity=1)
    mine = RegistrationFactory(event=course, user=citizen, email=citizen.email, name="Anna")
    waiting = RegistrationFactory(event=course, status=RegistrationStatus.WAITING)

    exported = personal_data.export(citizen)["anmeldungen_zu_terminen"]
    assert [(r["termin"], r["e_mail"], r["status"]) for r in exported] == [
        ("Vereinsrecht kompakt", "buergerin@example.org", "Bestätigt")
    ]

    with send_mails():
        personal_data.erase(citizen)
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert (mine.status, mine.name, mine.email, mine.user) == (
        RegistrationStatus.CANCELLED,
        "",
        "",
        None,
    )
    assert waiting.status == RegistrationStatus.CONFIRMED  # moved up into the freed place
    assert [m.to for m in mail.outbox] == [[waiting.email]]
    assert personal_data.export(citizen) == {"anmeldungen_zu_terminen": []}
