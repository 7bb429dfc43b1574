from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from engagementnetz.core.benchmark.pages import benchmark_pages
from engagementnetz.core.benchmark.run import run


class Command(BaseCommand):
    help = "Benchmark every public page type against a hello-world view (production server)."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=10, help="Load per page in seconds.")
        parser.add_argument("--seed", type=int, default=1, help="Seed of the large data set.")

    def handle(self, *args, **options):
        if settings.DEBUG or not settings.BENCHMARK:
            raise CommandError("Run through `make bench` (production settings, BENCHMARK=1).")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("make_large_dataset", seed=options["seed"], if_empty=True)
        call_command("collectstatic", interactive=False, verbosity=0)
        run(
            benchmark_pages(),
            seconds=options["seconds"],
            out_dir=Path(settings.DATA_DIR) / "results",
        )
