from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import task

from engagementnetz.core.models import PeriodicJobRun
from engagementnetz.core.periodic import PeriodicJob, enqueue_due_jobs

pytestmark = pytest.mark.django_db

CALLS: list[str] = []


@task()
def remember_call() -> None:
    CALLS.append("called")


def test_a_due_job_is_enqueued_once_per_interval():
    CALLS.clear()
    job = PeriodicJob(name="test.remember", task=remember_call, every=timedelta(hours=1))
    now = timezone.now()
    assert enqueue_due_jobs(now=now, jobs=[job]) == ["test.remember"]
    assert enqueue_due_jobs(now=now + timedelta(minutes=59), jobs=[job]) == []
    assert enqueue_due_jobs(now=now + timedelta(minutes=61), jobs=[job]) == ["test.remember"]
    assert CALLS == ["called", "called"]
    assert PeriodicJobRun.objects.get(name="test.remember").last_enqueued_at == now + timedelta(
        minutes=61
    )
