from datetime import timedelta

from engagementnetz.core.periodic import PeriodicJob

from .tasks import publish_scheduled_articles

JOBS = [
    PeriodicJob(
        name="news.publish_scheduled", task=publish_scheduled_articles, every=timedelta(minutes=1)
    )
]
