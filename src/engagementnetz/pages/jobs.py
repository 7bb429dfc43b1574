from datetime import timedelta

from engagementnetz.core.periodic import PeriodicJob

from .tasks import delete_expired_office_messages

JOBS = [
    PeriodicJob(
        name="pages.delete_expired_office_messages",
        task=delete_expired_office_messages,
        every=timedelta(days=1),
    )
]
