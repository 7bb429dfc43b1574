from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from engagementnetz.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore database and media from a backup archive (replaces the current content)."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, **options):
        archive = Path(options["archive"])
        if not archive.exists():
            raise CommandError(f"No such archive: {archive}")
        if not options["yes"]:
            answer = input("This replaces the database and all media files. Continue? [y/N] ")
            if answer.strip().lower() not in {"y", "yes", "j", "ja"}:
                raise CommandError("Restore cancelled.")
        try:
            manifest = backup_restore(source=archive)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created_at']}. Run `migrate` next."
            )
        )
