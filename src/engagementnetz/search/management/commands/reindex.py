from django.core.management.base import BaseCommand

from engagementnetz.search.backends import fulltext
from engagementnetz.search.services import index_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from all public content."

    def handle(self, *args, **options):
        counts = index_rebuild()
        fulltext().tidy()
        for model, count in counts.items():
            self.stdout.write(f"{model}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {sum(counts.values())}"))
