"""The record of what changed, written by the services for the followers' digest."""

from django.utils import timezone

from ..models import Change, ChangeKind, Contribution, Measure, Process


def change_record(
    *,
    kind: ChangeKind,
    title: str,
    path: str,
    process: Process | None = None,
    measure: Measure | None = None,
    contribution: Contribution | None = None,
    detail: str = "",
    state: str = "",
    progress: int | None = None,
) -> Change:
    """Note one change; followers of ``process`` and of ``measure`` hear about it."""
    if process is None and measure is not None:
        process = measure.process
    return Change.objects.create(
        kind=kind,
        title=title[:300],
        path=path,
        process=process,
        measure=measure,
        contribution=contribution,
        detail=detail,
        state=state,
        progress=progress,
        created_at=timezone.now(),
    )
