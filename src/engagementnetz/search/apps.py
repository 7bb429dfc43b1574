from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "engagementnetz.search"
    label = "search"

    def ready(self):
        post_migrate.connect(rebuild_when_asked, sender=self)


def rebuild_when_asked(sender, using="default", **kwargs):
    """After a migration that changed what the index holds (it leaves the token
    ``IndexState.REBUILD``), build the index again with the code of this version."""
    from .backends import fulltext
    from .models import IndexState
    from .services import index_rebuild

    if IndexState.objects.using(using).filter(pk=1, token=IndexState.REBUILD).exists():
        index_rebuild()
        fulltext().tidy()
