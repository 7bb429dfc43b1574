import threading
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from engagementnetz.core.periodic import enqueue_due_jobs


class Command(BaseCommand):
    help = "Work off background tasks and enqueue periodic jobs when they are due (no cron needed)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls.")
        parser.add_argument(
            "--no-scheduler", action="store_true", help="Only work off tasks (extra workers)."
        )

    def handle(self, *args, **options):
        if not options["no_scheduler"]:
            threading.Thread(target=self.schedule, daemon=True, name="scheduler").start()
        call_command("db_worker", interval=options["interval"])

    def schedule(self):
        while True:
            try:
                close_old_connections()
                enqueue_due_jobs()
            except Exception:  # keep the scheduler alive; the error is logged
                self.stderr.write("Scheduling periodic jobs failed; retrying in a minute.")
                import logging

                logging.getLogger(__name__).exception("periodic scheduling failed")
            finally:
                close_old_connections()
            time.sleep(60)
