"""Writes for measures: keeping them, their progress updates, and where they came from."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from engagementnetz.search.services import index_remove, index_update

from ..models import (
    ChangeKind,
    Contribution,
    ContributionStatus,
    Measure,
    MeasureState,
    MeasureUpdate,
)
from .changes import change_record


@transaction.atomic
def measure_save(*, form, by) -> Measure:
    """Create or change a measure (a bound, valid ModelForm); followers hear what changed."""
    before = Measure.objects.filter(pk=form.instance.pk).values("is_published", "state", "progress")
    before = before[0] if form.instance.pk and before else None
    measure = form.save()
    if measure.is_published and (before is None or not before["is_published"]):
        if measure.process_id:
            change_record(
                kind=ChangeKind.MEASURE_PUBLISHED,
                title=measure.title,
                path=measure.get_absolute_url(),
                measure=measure,
                state=measure.state,
                progress=measure.progress,
            )
    elif measure.is_published and (
        before["state"] != measure.state or before["progress"] != measure.progress
    ):
        change_record(
            kind=ChangeKind.MEASURE_CHANGED,
            title=measure.title,
            path=measure.get_absolute_url(),
            measure=measure,
            state=measure.state,
            progress=measure.progress,
        )
    transaction.on_commit(lambda: index_update(measure))
    return measure


@transaction.atomic
def measure_delete(*, measure: Measure) -> None:
    index_remove(measure)
    contribution_ids = list(measure.contributions.values_list("pk", flat=True))
    measure.delete()
    _review_again_if_orphaned(contribution_ids)


@transaction.atomic
def measure_update_post(
    *,
    measure: Measure,
    date: date,
    text: str,
    progress: int,
    state: str,
    by,
) -> MeasureUpdate:
    """A dated progress report; the measure takes over its progress and state."""
    update = MeasureUpdate.objects.create(
        measure=measure,
        date=date,
        text=text.strip(),
        progress=progress,
        state=MeasureState(state),
        author=by,
    )
    latest = measure.updates.order_by("-date", "-created_at", "-pk").first()
    if latest.pk == update.pk:
        measure.progress, measure.state = progress, MeasureState(state)
        measure.save(update_fields=["progress", "state", "updated_at"])
    if measure.is_published:
        change_record(
            kind=ChangeKind.MEASURE_UPDATE,
            title=measure.title,
            path=measure.get_absolute_url() + f"#fortschritt-{update.pk}",
            measure=measure,
            detail=update.text,
            state=update.state,
            progress=update.progress,
        )
        transaction.on_commit(lambda: index_update(measure))
    return update


@transaction.atomic
def measure_update_delete(*, update: MeasureUpdate) -> None:
    """Remove a progress report; the measure falls back to the latest remaining one."""
    measure = update.measure
    update.delete()
    latest = measure.updates.order_by("-date", "-created_at", "-pk").first()
    if latest is not None:
        measure.progress, measure.state = latest.progress, latest.state
        measure.save(update_fields=["progress", "state", "updated_at"])


@transaction.atomic
def measure_link_contribution(*, measure: Measure, contribution: Contribution, by) -> bool:
    """Note that a measure came from a contribution; the contribution is "taken up".

    Returns False when the two were linked already.
    """
    if measure.contributions.filter(pk=contribution.pk).exists():
        return False
    measure.contributions.add(contribution)
    contribution.status = ContributionStatus.ADOPTED
    contribution.status_reason = ""
    contribution.status_changed_at = timezone.now()
    contribution.save(update_fields=["status", "status_reason", "status_changed_at"])
    if measure.is_published:
        change_record(
            kind=ChangeKind.CONTRIBUTION_LINKED,
            title=contribution.short_text,
            path=contribution.get_absolute_url(),
            process=contribution.process,
            measure=measure,
            contribution=contribution,
            state=measure.state,
            progress=measure.progress,
        )
    transaction.on_commit(lambda: index_update(contribution))
    return True


@transaction.atomic
def measure_unlink_contribution(*, measure: Measure, contribution: Contribution) -> None:
    measure.contributions.remove(contribution)
    _review_again_if_orphaned([contribution.pk])


def _review_again_if_orphaned(contribution_ids: list[int]) -> None:
    """A contribution "taken up" in no measure any more goes back to "under review"."""
    Contribution.objects.filter(
        pk__in=contribution_ids, status=ContributionStatus.ADOPTED, measures__isnull=True
    ).update(status=ContributionStatus.IN_REVIEW, status_changed_at=timezone.now())
