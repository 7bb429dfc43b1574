"""Demo logins: one citizen, one club contact and one person of the network office."""

from functools import cache

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from engagementnetz.core.demo_loader import DEMO_PASSWORD

from .models import User
from .rules import NETWORK_OFFICE_GROUP

# Shown by `make run` so the demo's network-office login can add it to an authenticator app.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 - demo content only


@cache
def _demo_password_hash() -> str:
    # Hashing is slow on purpose; the demo's many logins share one hash of the same password.
    return make_password(DEMO_PASSWORD)


def make_user(email: str, name: str, **extra) -> User:
    user = User.objects.create(email=email, name=name, password=_demo_password_hash(), **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def load(demo) -> None:
    office_group, _created = Group.objects.get_or_create(name=NETWORK_OFFICE_GROUP)
    demo.users["citizen"] = make_user("buergerin@example.org", "Anna Schmitz")
    demo.users["club_contact"] = make_user("verein@example.org", "Peter Hoffmann")
    office = make_user("netzwerkbuero@example.org", "Monika Weber", is_staff=True)
    office.groups.add(office_group)
    TOTP.activate(office, DEMO_TOTP_SECRET)
    demo.users["network_office"] = office
