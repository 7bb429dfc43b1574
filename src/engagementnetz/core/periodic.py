"""Periodic jobs without cron.

Apps list their jobs in ``jobs.py`` as ``JOBS = [PeriodicJob(...)]``. The worker process calls
:func:`enqueue_due_jobs` every minute; a row per job, locked while it is checked, makes sure that
several worker processes enqueue each due job once.
"""

import contextlib
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from .discovery import platform_app_modules
from .models import PeriodicJobRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task: object  # a django_tasks Task taking no arguments
    every: timedelta


def all_jobs() -> list[PeriodicJob]:
    jobs = []
    for module in platform_app_modules("jobs"):
        jobs.extend(module.JOBS)
    return jobs


def enqueue_due_jobs(*, now=None, jobs: list[PeriodicJob] | None = None) -> list[str]:
    """Enqueue every job whose interval has passed; return the names enqueued."""
    now = now or timezone.now()
    enqueued = []
    for job in all_jobs() if jobs is None else jobs:
        with contextlib.suppress(IntegrityError):  # another worker created it a moment ago
            PeriodicJobRun.objects.get_or_create(name=job.name)
        with transaction.atomic():
            run = PeriodicJobRun.objects.select_for_update().get(name=job.name)
            if run.last_enqueued_at and run.last_enqueued_at + job.every > now:
                continue
            run.last_enqueued_at = now
            run.save(update_fields=["last_enqueued_at"])
            job.task.enqueue()
            enqueued.append(job.name)
    if enqueued:
        logger.info("Enqueued periodic jobs: %s", ", ".join(enqueued))
    return enqueued
