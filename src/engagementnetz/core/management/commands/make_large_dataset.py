import time

from django.core.management.base import BaseCommand

from engagementnetz.core.benchmark.large_dataset import (
    SIZES,
    analyse_database,
    build_large_dataset,
    dataset_present,
)


class Command(BaseCommand):
    help = "Build the benchmark's large data set (PRODUCT.md sizes), reproducibly from a seed."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data.")
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Fraction of the full sizes (1 = full)."
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds organisations.",
        )

    def handle(self, *args, **options):
        if dataset_present():
            if options["if_empty"]:
                self.stdout.write("The database already holds content; data set not built.")
                return
            self.stderr.write("The database already holds content; use an empty database.")
            return
        started = time.monotonic()
        built = build_large_dataset(seed=options["seed"], scale=options["scale"])
        analyse_database()
        self.stdout.write(
            self.style.SUCCESS(
                f"Large data set built (seed {options['seed']}, scale {options['scale']}) "
                f"in {time.monotonic() - started:.0f} s."
            )
        )
        for name, count in SIZES.items():
            self.stdout.write(f"  {name}: {max(1, round(count * options['scale']))}")
        self.stdout.write(f"  search documents: {sum(built.counts.values())}")
