from datetime import timedelta

from engagementnetz.core.periodic import PeriodicJob

from . import tasks

JOBS = [
    PeriodicJob("organisations.review_reminders", tasks.send_review_reminders, timedelta(days=1)),
    PeriodicJob(
        "organisations.delete_contact_messages",
        tasks.delete_expired_contact_messages,
        timedelta(hours=6),
    ),
    PeriodicJob("organisations.check_links", tasks.check_links, timedelta(days=1)),
]
