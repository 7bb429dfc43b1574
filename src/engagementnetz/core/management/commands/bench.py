from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError, connection

from engagementnetz.core.benchmark.pages import benchmark_pages
from engagementnetz.core.benchmark.run import run


def ensure_postgres_database() -> None:
    """Create the PostgreSQL database named in DATABASE_URL if it does not exist yet."""
    import psycopg
    from psycopg import sql

    params = settings.DATABASES["default"]
    try:
        connection.ensure_connection()
        return
    except OperationalError as exc:
        if "does not exist" not in str(exc):
            raise
    with psycopg.connect(
        dbname="postgres",
        user=params["USER"],
        password=params["PASSWORD"] or None,
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        autocommit=True,
    ) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(params["NAME"])))


class Command(BaseCommand):
    help = "Benchmark every public page type against a hello-world view (production server)."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=10, help="Load per page in seconds.")
        parser.add_argument("--seed", type=int, default=1, help="Seed of the large data set.")
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Size of the data set (1 = PRODUCT.md)."
        )

    def handle(self, *args, **options):
        if settings.DEBUG or not settings.BENCHMARK:
            raise CommandError("Run through `make bench` (production settings, BENCHMARK=1).")
        if connection.vendor == "postgresql":
            ensure_postgres_database()
        call_command("migrate", interactive=False, verbosity=0)
        call_command(
            "make_large_dataset", seed=options["seed"], scale=options["scale"], if_empty=True
        )
        call_command("collectstatic", interactive=False, verbosity=0)
        # The benchmark's cache is its own (DATA_DIR=var/bench) but shared by the runs on
        # SQLite and PostgreSQL: nothing kept by one run may answer in the other.
        cache.clear()
        run(
            benchmark_pages(),
            seconds=options["seconds"],
            out_dir=Path(settings.DATA_DIR) / "results",
        )
