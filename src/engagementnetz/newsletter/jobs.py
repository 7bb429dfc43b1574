from datetime import timedelta

from engagementnetz.core.periodic import PeriodicJob

from . import tasks

JOBS = [
    # Picks up retries after their back-off and rows of a worker that died.
    PeriodicJob(name="newsletter.outbox", task=tasks.work_outbox, every=timedelta(minutes=1)),
    PeriodicJob(
        name="newsletter.statistics", task=tasks.snapshot_statistics, every=timedelta(days=1)
    ),
    PeriodicJob(
        name="newsletter.forget_unconfirmed",
        task=tasks.forget_unconfirmed,
        every=timedelta(days=1),
    ),
]
