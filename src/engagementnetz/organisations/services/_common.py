from django.db import transaction

from ..models import Decision, DecisionKind, DecisionOutcome, Organisation


def after_commit(task, *args) -> None:
    """Enqueue ``task`` once the current transaction has been committed."""
    transaction.on_commit(lambda: task.enqueue(*args))


def record_decision(
    *,
    kind: DecisionKind,
    outcome: DecisionOutcome,
    by,
    note: str = "",
    organisation: Organisation | None = None,
    subject: str = "",
    claim=None,
    report=None,
) -> Decision:
    return Decision.objects.create(
        kind=kind,
        outcome=outcome,
        organisation=organisation,
        subject=(subject or (organisation.name if organisation else ""))[:250],
        claim=claim,
        report=report,
        note=note,
        decided_by=by,
    )
