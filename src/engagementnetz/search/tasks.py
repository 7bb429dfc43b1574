from django_tasks import task

from . import services


@task()
def refresh_search_index() -> None:
    """Drop documents of what is no longer public; move events on to their next date."""
    services.index_prune()
    services.index_refresh_timely()


@task()
def refresh_search_ranks() -> None:
    """Rank events and courses that have just ended as past ones."""
    services.index_refresh_ranks()
