"""Periodic jobs of the events app (run by the worker's scheduler)."""

from datetime import timedelta

from engagementnetz.core.periodic import PeriodicJob

from . import tasks

JOBS = [
    PeriodicJob("events.send_reminders", tasks.send_reminders, timedelta(hours=1)),
    PeriodicJob(
        "events.erase_expired_registrations", tasks.erase_expired_registrations, timedelta(days=1)
    ),
    PeriodicJob("events.import_calendar_feeds", tasks.import_calendar_feeds, timedelta(hours=1)),
    PeriodicJob("events.extend_recurring_events", tasks.extend_recurring_events, timedelta(days=1)),
]
