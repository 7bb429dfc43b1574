import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.management.base import BaseCommand

from engagementnetz.accounts.demo import DEMO_TOTP_SECRET


def current_code(secret: str) -> str:
    counter = int(time.time()) // app_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


class Command(BaseCommand):
    help = "Print the current TOTP code of the demo network-office login (demo content only)."

    def handle(self, *args, **options):
        self.stdout.write(
            f"TOTP-Code für netzwerkbuero@example.org: {current_code(DEMO_TOTP_SECRET)}"
        )
        self.stdout.write(f"(Geheimnis für eine Authenticator-App: {DEMO_TOTP_SECRET})")
