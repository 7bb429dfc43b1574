from datetime import timedelta

from engagementnetz.core.periodic import PeriodicJob

from .tasks import delete_unconfirmed, send_digests

JOBS = [
    # Hourly, but each address gets at most one digest a day (see services.digests_send).
    PeriodicJob("participation.send_digests", send_digests, timedelta(hours=1)),
    PeriodicJob("participation.delete_unconfirmed", delete_unconfirmed, timedelta(hours=6)),
]
