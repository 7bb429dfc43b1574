from django.core.management.base import BaseCommand

from engagementnetz.newsletter import outbox


class Command(BaseCommand):
    help = (
        "Work off the newsletter outbox now (the task worker does this on its own; this is for "
        "operators and for sending a large issue with extra processes)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=outbox.BATCH_SIZE)
        parser.add_argument(
            "--lease-seconds",
            type=int,
            default=outbox.LEASE_SECONDS,
            help="How long a claimed batch belongs to this process before others may take it.",
        )
        parser.add_argument(
            "--until-done",
            action="store_true",
            help="Wait for rows of crashed workers and for retries until nothing is pending.",
        )
        parser.add_argument("--max-seconds", type=float, default=None)

    def handle(self, *args, **options):
        claimed = outbox.work(
            max_seconds=options["max_seconds"],
            batch_size=options["batch_size"],
            lease_seconds=options["lease_seconds"],
            until_done=options["until_done"],
            poll_seconds=0.2,
        )
        self.stdout.write(f"{claimed} outbox rows handled, {outbox.pending_count()} pending.")
