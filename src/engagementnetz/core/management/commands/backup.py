from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from engagementnetz.core.backup import backup_create


class Command(BaseCommand):
    help = "Write a consistent backup archive of the database and the media files."

    def add_arguments(self, parser):
        parser.add_argument(
            "target", nargs="?", help="Archive file (default: DATA_DIR/backups/<timestamp>.tar.gz)"
        )

    def handle(self, *args, **options):
        target = options["target"] or (
            Path(settings.DATA_DIR)
            / "backups"
            / f"engagementnetz-{datetime.now():%Y%m%d-%H%M%S}.tar.gz"
        )
        path = backup_create(target=Path(target))
        self.stdout.write(self.style.SUCCESS(f"Backup written: {path}"))
