"""Registrations: double opt-in, places, waiting list and promotion, options, attendance."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from engagementnetz.events import services
from engagementnetz.events.models import Registration, RegistrationStatus
from tests.conftest import mail_links

from .factories import EventFactory, RegistrationOptionFactory, RegistrationQuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def send_mails(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks (mails) of the block at its end, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def sign_up(event, name, email, send_mails, **kwargs):
    with send_mails():
        registration = services.registration_create(event=event, name=name, email=email, **kwargs)
    return registration


def confirm(registration, send_mails):
    with send_mails():
        return services.registration_confirm_email(registration=registration)


def link_path(message, kind: str) -> str:
    pattern = {
        "confirm": r"/termine/anmeldung/[^/\s]+/bestaetigen/",
        "cancel": r"/termine/anmeldung/[^/\s]+/abmelden/",
    }[kind]
    return next(
        re.search(pattern, link).group(0)
        for link in mail_links(message)
        if re.search(pattern, link)
    )


def test_without_an_account_a_registration_waits_for_the_confirmation_link(send_mails):
    event = EventFactory(title="Erste Hilfe am Kind", registration_enabled=True, capacity=10)
    registration = sign_up(event, "Lena Berg", "Lena@Example.org", send_mails)

    assert registration.status == RegistrationStatus.PENDING
    assert registration.email == "lena@example.org"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lena@example.org"]
    assert message.subject == "Bitte bestätigen Sie Ihre Anmeldung: Erste Hilfe am Kind"
    assert "Guten Tag Lena Berg," in message.body
    assert f"/termine/anmeldung/{registration.token}/bestaetigen/" in message.body
    assert f"/termine/anmeldung/{registration.token}/abmelden/" in message.body
    assert message.alternatives[0][1] == "text/html"
    assert services.registration_figures(event=event)["pending"] == 1

    registration = confirm(registration, send_mails)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert mail.outbox[1].subject == "Ihr Platz ist bestätigt: Erste Hilfe am Kind"
    assert f"/termine/anmeldung/{registration.token}/abmelden/" in mail.outbox[1].body
    # Confirming twice changes nothing and sends nothing.
    assert confirm(registration, send_mails).status == RegistrationStatus.CONFIRMED
    assert len(mail.outbox) == 2


def test_with_an_account_there_is_no_confirmation_step(citizen, send_mails):
    event = EventFactory(registration_enabled=True, capacity=5)
    registration = sign_up(event, citizen.name, citizen.email, send_mails, user=citizen)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.user == citizen
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Ihr Platz ist bestätigt"]


def test_a_full_event_puts_people_on_the_waiting_list_in_order(send_mails):
    event = EventFactory(registration_enabled=True, capacity=2)
    people = [
        confirm(sign_up(event, f"Person {n}", f"p{n}@example.org", send_mails), send_mails)
        for n in range(4)
    ]
    assert [p.status for p in people] == ["confirmed", "confirmed", "waiting", "waiting"]
    waiting_mail = mail.outbox[-1]
    assert waiting_mail.subject.startswith("Sie stehen auf der Warteliste")
    assert "Sie stehen auf Platz 2 der Warteliste." in waiting_mail.body


def test_cancelling_moves_the_first_on_the_waiting_list_up_and_tells_them(send_mails):
    event = EventFactory(title="Kochkurs", registration_enabled=True, capacity=1)
    first = confirm(sign_up(event, "Erste", "erste@example.org", send_mails), send_mails)
    second = confirm(sign_up(event, "Zweite", "zweite@example.org", send_mails), send_mails)
    third = confirm(sign_up(event, "Dritte", "dritte@example.org", send_mails), send_mails)
    mail.outbox.clear()

    with send_mails():
        services.registration_cancel(registration=first)

    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "erste@example.org": "cancelled",
        "zweite@example.org": "confirmed",
        "dritte@example.org": "waiting",
    }
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("erste@example.org", "Ihre Abmeldung ist eingegangen: Kochkurs"),
        ("zweite@example.org", "Ein Platz ist für Sie frei geworden: Kochkurs"),
    ]
    promoted = next(m for m in mail.outbox if m.to == ["zweite@example.org"])
    second.refresh_from_db()
    assert f"/termine/anmeldung/{second.token}/abmelden/" in promoted.body
    assert second.promoted_at is not None
    third.refresh_from_db()
    assert third.status == RegistrationStatus.WAITING


def test_a_group_that_does_not_fit_lets_a_smaller_one_behind_it_move_up(send_mails):
    event = EventFactory(registration_enabled=True, capacity=3, max_persons_per_registration=4)
    holder = confirm(sign_up(event, "Gruppe A", "a@example.org", send_mails, persons=2), send_mails)
    big = confirm(sign_up(event, "Gruppe B", "b@example.org", send_mails, persons=4), send_mails)
    single = confirm(sign_up(event, "Einzeln", "c@example.org", send_mails), send_mails)
    assert [holder.status, big.status, single.status] == ["confirmed", "waiting", "confirmed"]
    late = confirm(sign_up(event, "Spät", "d@example.org", send_mails), send_mails)
    assert late.status == "waiting"
    with send_mails():
        services.registration_cancel(registration=holder)
    big.refresh_from_db()
    late.refresh_from_db()
    assert big.status == "waiting"  # 4 persons still do not fit into 2 free places
    assert late.status == "confirmed"


def test_more_places_move_the_waiting_list_up(send_mails):
    event = EventFactory(registration_enabled=True, capacity=1)
    confirm(sign_up(event, "A", "a@example.org", send_mails), send_mails)
    waiting = confirm(sign_up(event, "B", "b@example.org", send_mails), send_mails)
    event.capacity = 2
    event.save()
    with send_mails():
        services.waiting_list_promote(event=event)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_option_capacity_sends_people_to_the_waiting_list_per_option(send_mails):
    event = EventFactory(registration_enabled=True, capacity=30)
    question = RegistrationQuestionFactory(event=event)
    table_a = RegistrationOptionFactory(question=question, label="Ehrenamt stärken", capacity=1)
    table_b = RegistrationOptionFactory(question=question, label="Vernetzung", capacity=None)
    first = confirm(
        sign_up(event, "A", "a@example.org", send_mails, answers={question.pk: table_a.pk}),
        send_mails,
    )
    second = confirm(
        sign_up(event, "B", "b@example.org", send_mails, answers={question.pk: table_a.pk}),
        send_mails,
    )
    third = confirm(
        sign_up(event, "C", "c@example.org", send_mails, answers={question.pk: table_b.pk}),
        send_mails,
    )
    assert [first.status, second.status, third.status] == ["confirmed", "waiting", "confirmed"]
    assert second.answers.get().option == table_a
    with send_mails():
        services.registration_cancel(registration=first)
    second.refresh_from_db()
    assert second.status == RegistrationStatus.CONFIRMED


def test_closed_registration_duplicates_and_consent_are_refused(send_mails):
    closed = EventFactory(
        registration_enabled=True, registration_closes_at=timezone.now() - timedelta(hours=1)
    )
    with pytest.raises(services.RegistrationClosed):
        services.registration_create(event=closed, name="A", email="a@example.org")
    cancelled = EventFactory(registration_enabled=True, state="cancelled")
    with pytest.raises(services.RegistrationClosed):
        services.registration_create(event=cancelled, name="A", email="a@example.org")

    event = EventFactory(registration_enabled=True, consent_text="Fotos dürfen gemacht werden.")
    with pytest.raises(services.RegistrationError) as error:
        services.registration_create(event=event, name="A", email="a@example.org")
    assert str(error.value.message) == "Bitte stimmen Sie den Teilnahmebedingungen zu."
    first = sign_up(event, "A", "a@example.org", send_mails, consent=True)
    assert first.consent_given_at is not None
    with pytest.raises(services.AlreadyRegistered) as duplicate:
        services.registration_create(event=event, name="A", email="A@example.org ", consent=True)
    assert duplicate.value.registration == first


def test_no_waiting_list_turns_a_late_confirmation_down(send_mails):
    event = EventFactory(registration_enabled=True, capacity=1, waiting_list_enabled=False)
    confirm(sign_up(event, "A", "a@example.org", send_mails), send_mails)
    late = confirm(sign_up(event, "B", "b@example.org", send_mails), send_mails)
    assert late.status == RegistrationStatus.CANCELLED
    assert mail.outbox[-1].subject == f"Ausgebucht: {event.title}"


def test_attendance_and_figures(send_mails):
    event = EventFactory(registration_enabled=True, capacity=2)
    people = [
        confirm(sign_up(event, f"P{n}", f"p{n}@example.org", send_mails), send_mails)
        for n in range(4)
    ]
    services.registration_cancel(registration=people[3])
    services.registration_set_attended(registration=people[0], attended=True)
    with pytest.raises(services.RegistrationError):
        services.registration_set_attended(registration=people[2], attended=True)
    assert services.registration_figures(event=event) == {
        "confirmed": 2,
        "confirmed_persons": 2,
        "waiting": 1,
        "waiting_persons": 1,
        "pending": 0,
        "cancelled": 1,
        "attended": 1,
        "attended_persons": 1,
        "free": 0,
    }


def test_organisers_message_reaches_everyone_with_a_place(send_mails):
    event = EventFactory(title="Zukunftswerkstatt", registration_enabled=True, capacity=1)
    confirm(sign_up(event, "A", "a@example.org", send_mails), send_mails)
    confirm(sign_up(event, "B", "b@example.org", send_mails), send_mails)
    mail.outbox.clear()
    with send_mails():
        message = services.registrants_message(
            event=event,
            subject="Bitte Stifte mitbringen",
            body="Liebe Teilnehmende,\n\nbitte bringen Sie Stifte mit.",
        )
    assert message.recipient_count == 1
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["a@example.org"], "Bitte Stifte mitbringen")
    ]
    assert "bitte bringen Sie Stifte mit." in mail.outbox[0].body
    assert "/abmelden/" in mail.outbox[0].body


def test_cancelling_the_event_tells_everyone_registered(send_mails):
    event = EventFactory(title="Sommerfest", registration_enabled=True)
    confirm(sign_up(event, "A", "a@example.org", send_mails), send_mails)
    mail.outbox.clear()
    with send_mails():
        services.event_change_state(event=event, state="cancelled", note="Unwetterwarnung.")
    assert [m.subject for m in mail.outbox] == ["Abgesagt: Sommerfest"]
    assert "Unwetterwarnung." in mail.outbox[0].body
