"""Own-data export and account deletion."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from engagementnetz.core.discovery import platform_app_modules

from .models import User


def account_export(*, user: User) -> dict[str, Any]:
    """Everything the platform stores about ``user``, gathered from every app."""
    data: dict[str, Any] = {"exportiert_am": timezone.now().isoformat()}
    for module in platform_app_modules("personal_data"):
        data.update(module.export(user))
    return data


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete the person and their personal data; content that belongs to clubs stays.

    Each app erases or anonymises what it holds first (e.g. registrations, hours), then the
    account goes. Organisations keep their entries even when their last admin leaves.
    """
    for module in platform_app_modules("personal_data"):
        module.erase(user)
    user.delete()
