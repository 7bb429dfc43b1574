"""Registrations for events in the own-data export, and their erasure with the account."""

from django.db.models import Q

from .models import Registration
from .services import registrations_erase_for_person


def export(user) -> dict:
    registrations = (
        Registration.objects.filter(Q(user=user) | Q(email__iexact=user.email))
        .filter(anonymised_at__isnull=True)
        .select_related("event")
        .prefetch_related("answers__question", "answers__option")
        .order_by("created_at")
    )
    return {
        "anmeldungen_zu_terminen": [
            {
                "termin": registration.event.title,
                "beginn": registration.event.starts_at.isoformat(),
                "name": registration.name,
                "e_mail": registration.email,
                "personen": registration.persons,
                "status": registration.get_status_display(),
                "angemeldet_am": registration.created_at.isoformat(),
                "einwilligung_am": registration.consent_given_at.isoformat()
                if registration.consent_given_at
                else None,
                "teilgenommen": registration.attended,
                "antworten": {
                    answer.question.label: answer.display for answer in registration.answers.all()
                },
            }
            for registration in registrations
        ]
    }


def erase(user) -> None:
    registrations_erase_for_person(user=user)
