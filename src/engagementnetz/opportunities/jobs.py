"""Periodic jobs of the Engagement-Börse, enqueued by the worker's scheduler."""

from datetime import timedelta

from engagementnetz.core.periodic import PeriodicJob

from . import tasks

JOBS = [
    PeriodicJob("opportunities.expire", tasks.expire_opportunities, timedelta(hours=1)),
    PeriodicJob(
        "opportunities.freshness_reminders", tasks.send_freshness_reminders, timedelta(hours=6)
    ),
    PeriodicJob(
        "opportunities.interest_reminders", tasks.send_interest_reminders, timedelta(hours=6)
    ),
    PeriodicJob("opportunities.finder_digests", tasks.send_finder_digests, timedelta(hours=6)),
    PeriodicJob("opportunities.delete_old_entries", tasks.delete_old_entries, timedelta(hours=6)),
]
