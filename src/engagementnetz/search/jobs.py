from datetime import timedelta

from engagementnetz.core.periodic import PeriodicJob

from .tasks import refresh_search_index, refresh_search_ranks

JOBS = [
    PeriodicJob("search.refresh_search_index", refresh_search_index, timedelta(hours=1)),
    PeriodicJob("search.refresh_search_ranks", refresh_search_ranks, timedelta(minutes=5)),
]
