"""Capacity holds when many people register at the same instant (real threads, real database)."""

import threading

import pytest
from django.db import close_old_connections, connection

from engagementnetz.events import services
from engagementnetz.events.models import Registration, RegistrationStatus

from .factories import EventFactory, RegistrationOptionFactory, RegistrationQuestionFactory

pytestmark = pytest.mark.django_db(transaction=True)


# PostgreSQL allows 100 connections by default (shared with other test runs), so 40 threads
# with a connection each send the sign-ups, all released at the same instant.
THREADS = 40


def run_at_once(count: int, sign_up) -> list[BaseException]:
    """Sign up ``count`` times from THREADS threads that start together; return the errors."""
    numbers = list(range(count))
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def worker(first: int) -> None:
        try:
            barrier.wait(timeout=60)
            for number in numbers[first::THREADS]:
                sign_up(number)
        except BaseException as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    close_old_connections()
    return errors


def test_two_hundred_simultaneous_sign_ups_for_thirty_places():
    event = EventFactory(registration_enabled=True, capacity=30)

    def sign_up(number: int) -> None:
        registration = services.registration_create(
            event=event, name=f"Person {number}", email=f"person{number}@example.org"
        )
        services.registration_confirm_email(registration=registration)

    assert run_at_once(200, sign_up) == []
    counts = {
        status: Registration.objects.filter(event=event, status=status).count()
        for status in RegistrationStatus.values
    }
    assert counts == {"confirmed": 30, "waiting": 170, "pending": 0, "cancelled": 0}
    assert services.registration_figures(event=event)["free"] == 0


def test_option_capacities_hold_under_the_same_race():
    event = EventFactory(registration_enabled=True, capacity=100)
    question = RegistrationQuestionFactory(event=event)
    tables = [
        RegistrationOptionFactory(question=question, label=label, capacity=10)
        for label in ("Ehrenamt stärken", "Öffentlichkeitsarbeit", "Vernetzung")
    ]

    def sign_up(number: int) -> None:
        table = tables[number % 3]
        registration = services.registration_create(
            event=event,
            name=f"Person {number}",
            email=f"tisch{number}@example.org",
            answers={question.pk: table.pk},
        )
        services.registration_confirm_email(registration=registration)

    assert run_at_once(90, sign_up) == []
    for table in tables:
        confirmed = Registration.objects.filter(
            status=RegistrationStatus.CONFIRMED, answers__option=table
        ).count()
        waiting = Registration.objects.filter(
            status=RegistrationStatus.WAITING, answers__option=table
        ).count()
        assert (table.label, confirmed, waiting) == (table.label, 10, 20)
