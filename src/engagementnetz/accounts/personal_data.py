"""What the accounts app knows about a person, for export (Art. 15/20) and deletion (Art. 17).

Every app that stores personal data has a ``personal_data.py`` with ``export(user) -> dict``
and ``erase(user) -> None``; accounts.services calls them all.
"""

from allauth.account.models import EmailAddress


def export(user) -> dict:
    return {
        "konto": {
            "e_mail": user.email,
            "name": user.name,
            "telefon": user.phone,
            "geburtsdatum": user.birth_date.isoformat() if user.birth_date else None,
            "registriert_am": user.date_joined.isoformat(),
            "letzte_anmeldung": user.last_login.isoformat() if user.last_login else None,
            "e_mail_adressen": [
                {"adresse": address.email, "bestaetigt": address.verified}
                for address in EmailAddress.objects.filter(user=user).order_by("email")
            ],
        }
    }


def erase(user) -> None:
    # The user row itself is deleted last by accounts.services.account_delete.
    EmailAddress.objects.filter(user=user).delete()
