"""What the directory stores about a person, for export (Art. 15/20) and deletion (Art. 17).

Entries of organisations stay when a person leaves; only the link to the person goes.
"""

from django.db.models import Q

from .models import (
    ChangeRecord,
    ClaimRequest,
    ContactMessage,
    Invitation,
    Membership,
    Organisation,
    Report,
)


def _contact_messages(user):
    return ContactMessage.objects.filter(Q(sender=user) | Q(sender_email__iexact=user.email))


def export(user) -> dict:
    return {
        "verzeichnis": {
            "mitwirkungen": [
                {
                    "organisation": membership.organisation.name,
                    "rolle": membership.get_role_display(),
                    "seit": membership.created_at.isoformat(),
                }
                for membership in Membership.objects.filter(user=user)
                .select_related("organisation")
                .order_by("organisation__name")
            ],
            "eingereichte_registrierungen": [
                {
                    "organisation": name,
                    "eingereicht_am": submitted.isoformat() if submitted else None,
                }
                for name, submitted in Organisation.objects.filter(submitted_by=user)
                .order_by("name")
                .values_list("name", "submitted_at")
            ],
            "uebernahmeanfragen": [
                {
                    "organisation": claim.organisation.name,
                    "funktion": claim.function,
                    "nachricht": claim.message,
                    "status": claim.get_state_display(),
                    "gestellt_am": claim.created_at.isoformat(),
                }
                for claim in ClaimRequest.objects.filter(user=user).select_related("organisation")
            ],
            "kontaktnachrichten": [
                {
                    "an": message.organisation.name,
                    "name": message.sender_name,
                    "e_mail": message.sender_email,
                    "betreff": message.subject,
                    "nachricht": message.message,
                    "einwilligung": message.consent_text,
                    "gesendet_am": message.created_at.isoformat(),
                }
                for message in _contact_messages(user).select_related("organisation")
            ],
            "meldungen": [
                {
                    "eintrag": str(report.target),
                    "grund": report.get_reason_display(),
                    "beschreibung": report.message,
                    "e_mail": report.reporter_email,
                    "gemeldet_am": report.created_at.isoformat(),
                }
                for report in Report.objects.filter(reporter=user).select_related(
                    "organisation", "project"
                )
            ],
            "einladungen": [
                {
                    "organisation": invitation.organisation.name,
                    "rolle": invitation.get_role_display(),
                    "eingeladen_am": invitation.created_at.isoformat(),
                    "angenommen_am": invitation.accepted_at.isoformat()
                    if invitation.accepted_at
                    else None,
                }
                for invitation in Invitation.objects.filter(
                    email__iexact=user.email
                ).select_related("organisation")
            ],
            "aenderungen": [
                {
                    "organisation": record.organisation.name,
                    "am": record.changed_at.isoformat(),
                    "felder": [change["field"] for change in record.changes],
                }
                for record in ChangeRecord.objects.filter(changed_by=user).select_related(
                    "organisation"
                )
            ],
        }
    }


def erase(user) -> None:
    Membership.objects.filter(user=user).delete()
    ClaimRequest.objects.filter(user=user).delete()
    _contact_messages(user).delete()
    Invitation.objects.filter(email__iexact=user.email).delete()
    Report.objects.filter(Q(reporter=user) | Q(reporter_email__iexact=user.email)).update(
        reporter=None, reporter_email=""
    )
