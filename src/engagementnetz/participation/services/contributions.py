"""Writes for contributions, comments and supports: from citizens, and by the network office."""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from engagementnetz.search.services import index_update

from ..models import (
    ChangeKind,
    Comment,
    Contribution,
    ContributionKind,
    ContributionSource,
    ContributionStatus,
    Follow,
    ModerationState,
    Process,
    Support,
    ThemeTable,
    Workshop,
)
from ..models.process import Phase
from ..tokens import CONFIRM_MAX_AGE
from .changes import change_record


class ParticipationClosed(Exception):
    """No phase of the process takes contributions at the moment."""


class AlreadySupported(Exception):
    """This person (account or e-mail address) supports the contribution already."""


class ReasonRequired(ValueError):
    """Hiding and "not feasible" need a reason that people can read."""


def process_is_open(process: Process, today: date | None = None) -> bool:
    return Phase.objects.filter(process=process).open_for_contributions(today).exists()


def _require_open(process: Process, today: date | None) -> None:
    if not process.is_published or not process_is_open(process, today):
        raise ParticipationClosed


def _enqueue_confirmation(email: str, items: list[tuple[str, int]]) -> None:
    from ..tasks import send_confirmation_mail

    transaction.on_commit(
        lambda: send_confirmation_mail.enqueue(email=email, items=[list(i) for i in items])
    )


def _publish(contribution: Contribution, *, by=None) -> None:
    """Make a contribution public and tell the process's followers."""
    now = timezone.now()
    contribution.moderation = ModerationState.PUBLISHED
    contribution.published_at = contribution.published_at or now
    if by is not None:
        contribution.moderated_at, contribution.moderated_by = now, by
    contribution.save()
    change_record(
        kind=ChangeKind.CONTRIBUTION_PUBLISHED,
        title=contribution.short_text,
        path=contribution.get_absolute_url(),
        process=contribution.process,
        contribution=contribution,
    )
    transaction.on_commit(lambda: index_update(contribution))


def _after_confirmation(contribution: Contribution) -> None:
    """Confirmed by the author: into the review queue, or public at once (post-moderation)."""
    if contribution.process.is_pre_moderated:
        contribution.moderation = ModerationState.PENDING
        contribution.save(update_fields=["moderation"])
    else:
        _publish(contribution)


@transaction.atomic
def contribution_submit(
    *,
    process: Process,
    kind: str,
    text: str,
    table: ThemeTable | None = None,
    author_name: str = "",
    user=None,
    email: str = "",
    follow: bool = False,
    today: date | None = None,
) -> Contribution:
    """A citizen brings in a contribution while a phase that allows it is open.

    With an account it counts at once; without, the person confirms by the link we mail to
    ``email``. ``follow`` also subscribes the person to the process's daily digest.
    """
    _require_open(process, today)
    if table is not None and table.process_id != process.pk:
        raise ValueError("The theme table belongs to another process.")
    has_account = user is not None and user.is_authenticated
    contribution = Contribution.objects.create(
        process=process,
        table=table,
        kind=ContributionKind(kind),
        text=text.strip(),
        author_name=author_name.strip(),
        user=user if has_account else None,
        email="" if has_account else email.strip().lower(),
        source=ContributionSource.ONLINE,
    )
    follow_obj = None
    if follow:
        from .following import follow_start

        follow_obj = follow_start(target=process, user=user, email=email, send_mail=False)
    if has_account:
        _after_confirmation(contribution)
    else:
        items = [("contribution", contribution.pk)]
        if follow_obj is not None and follow_obj.confirmed_at is None:
            items.append(("follow", follow_obj.pk))
        _enqueue_confirmation(contribution.email, items)
    return contribution


@transaction.atomic
def paper_cards_enter(
    *,
    process: Process,
    table: ThemeTable | None,
    kind: str,
    texts: list[str],
    workshop: Workshop,
    by,
) -> list[Contribution]:
    """The network office types in the paper cards of a workshop; they are public at once."""
    now = timezone.now()
    created = []
    for text in texts:
        if not text.strip():
            continue
        contribution = Contribution.objects.create(
            process=process,
            table=table,
            kind=ContributionKind(kind),
            text=text.strip(),
            source=ContributionSource.WORKSHOP,
            workshop=workshop,
            entered_by=by,
            moderation=ModerationState.PUBLISHED,
            published_at=now,
            moderated_at=now,
            moderated_by=by,
        )
        created.append(contribution)
    if created:
        transaction.on_commit(lambda: [index_update(c) for c in created])
    return created


@transaction.atomic
def contribution_moderate(
    *, contribution: Contribution, publish: bool, reason: str = "", by
) -> Contribution:
    """Publish a contribution, or hide it with a reason that stays visible in its place."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if publish:
        contribution.hidden_reason = ""
        _publish(contribution, by=by)
        return contribution
    if not reason.strip():
        raise ReasonRequired
    contribution.moderation = ModerationState.HIDDEN
    contribution.hidden_reason = reason.strip()
    contribution.moderated_at, contribution.moderated_by = timezone.now(), by
    contribution.save()
    transaction.on_commit(lambda: index_update(contribution))
    return contribution


@transaction.atomic
def contribution_set_status(
    *, contribution: Contribution, status: str, reason: str = "", by
) -> Contribution:
    """Say what became of a contribution; "not feasible" must say why."""
    status = ContributionStatus(status)
    if status == ContributionStatus.NOT_FEASIBLE and not reason.strip():
        raise ReasonRequired
    if status == contribution.status and reason.strip() == contribution.status_reason:
        return contribution
    contribution.status = status
    contribution.status_reason = reason.strip()
    contribution.status_changed_at = timezone.now()
    contribution.save(update_fields=["status", "status_reason", "status_changed_at"])
    change_record(
        kind=ChangeKind.CONTRIBUTION_STATUS,
        title=contribution.short_text,
        path=contribution.get_absolute_url(),
        process=contribution.process,
        contribution=contribution,
        state=status,
        detail=contribution.status_reason,
    )
    return contribution


@transaction.atomic
def contribution_answer(*, contribution: Contribution, answer: str, by) -> Contribution:
    """The network office's official answer, shown with the contribution."""
    contribution.official_answer = answer.strip()
    contribution.answered_at = timezone.now() if contribution.official_answer else None
    contribution.answered_by = by if contribution.official_answer else None
    contribution.save(update_fields=["official_answer", "answered_at", "answered_by"])
    if contribution.official_answer:
        change_record(
            kind=ChangeKind.CONTRIBUTION_ANSWERED,
            title=contribution.short_text,
            path=contribution.get_absolute_url(),
            process=contribution.process,
            contribution=contribution,
            detail=contribution.official_answer,
        )
    return contribution


# --- Comments ---------------------------------------------------------------------------------


def _comment_publish(comment: Comment, *, by=None) -> None:
    now = timezone.now()
    was_published = comment.moderation == ModerationState.PUBLISHED
    comment.moderation = ModerationState.PUBLISHED
    comment.published_at = comment.published_at or now
    if by is not None:
        comment.moderated_at, comment.moderated_by = now, by
    comment.save()
    if not was_published:
        Contribution.objects.filter(pk=comment.contribution_id).update(
            comment_count=F("comment_count") + 1
        )


@transaction.atomic
def comment_submit(
    *,
    contribution: Contribution,
    text: str,
    author_name: str = "",
    user=None,
    email: str = "",
    today: date | None = None,
) -> Comment:
    """Reply to a published contribution while the process takes contributions."""
    _require_open(contribution.process, today)
    if not contribution.is_published:
        raise ParticipationClosed
    has_account = user is not None and user.is_authenticated
    comment = Comment.objects.create(
        contribution=contribution,
        text=text.strip(),
        author_name=author_name.strip(),
        user=user if has_account else None,
        email="" if has_account else email.strip().lower(),
    )
    if has_account:
        _comment_after_confirmation(comment)
    else:
        _enqueue_confirmation(comment.email, [("comment", comment.pk)])
    return comment


def _comment_after_confirmation(comment: Comment) -> None:
    if comment.contribution.process.is_pre_moderated:
        comment.moderation = ModerationState.PENDING
        comment.save(update_fields=["moderation"])
    else:
        _comment_publish(comment)


@transaction.atomic
def comment_moderate(*, comment: Comment, publish: bool, reason: str = "", by) -> Comment:
    """Publish a comment, or hide it with a reason that stays visible."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if publish:
        comment.hidden_reason = ""
        _comment_publish(comment, by=by)
        return comment
    if not reason.strip():
        raise ReasonRequired
    if comment.moderation == ModerationState.PUBLISHED:
        Contribution.objects.filter(pk=comment.contribution_id).update(
            comment_count=F("comment_count") - 1
        )
    comment.moderation = ModerationState.HIDDEN
    comment.hidden_reason = reason.strip()
    comment.moderated_at, comment.moderated_by = timezone.now(), by
    comment.save()
    return comment


# --- Supports ---------------------------------------------------------------------------------


@transaction.atomic
def support_add(
    *, contribution: Contribution, user=None, email: str = "", today: date | None = None
) -> Support:
    """ "Unterstützen": once per person. With an account it counts at once, else after the link."""
    _require_open(contribution.process, today)
    if not contribution.is_published:
        raise ParticipationClosed
    has_account = user is not None and user.is_authenticated
    address = (user.email if has_account else email).strip().lower()
    existing = Support.objects.filter(contribution=contribution, email=address)
    if has_account:
        existing = Support.objects.filter(contribution=contribution, user=user) | existing
    existing = existing.first()
    if existing is not None:
        if existing.confirmed_at is None and not has_account:
            _enqueue_confirmation(address, [("support", existing.pk)])
            return existing
        if existing.confirmed_at is None and has_account:
            _support_confirm(existing, user=user)
            return existing
        raise AlreadySupported
    try:
        with transaction.atomic():
            support = Support.objects.create(
                contribution=contribution, email=address, user=user if has_account else None
            )
    except IntegrityError as exc:  # the same person, twice at the same moment
        raise AlreadySupported from exc
    if has_account:
        _support_confirm(support, user=user)
    else:
        _enqueue_confirmation(address, [("support", support.pk)])
    return support


def _support_confirm(support: Support, *, user=None) -> None:
    support.confirmed_at = timezone.now()
    if user is not None:
        support.user = user
    support.save(update_fields=["confirmed_at", "user"])
    Contribution.objects.filter(pk=support.contribution_id).update(
        support_count=F("support_count") + 1
    )


# --- Confirmation by e-mail link ------------------------------------------------------------


@transaction.atomic
def confirmations_apply(*, items: list[tuple[str, int]]) -> list[tuple[str, object]]:
    """Confirm what the link names; what is confirmed already or gone is skipped silently.

    Returns what was confirmed now, as (kind, object) pairs.
    """
    from .following import follow_confirm

    confirmed = []
    for kind, pk in items:
        if kind == "contribution":
            contribution = (
                Contribution.objects.select_for_update()
                .select_related("process")
                .filter(pk=pk, moderation=ModerationState.UNCONFIRMED)
                .first()
            )
            if contribution is not None:
                _after_confirmation(contribution)
                confirmed.append(("contribution", contribution))
        elif kind == "comment":
            comment = (
                Comment.objects.select_for_update()
                .select_related("contribution__process")
                .filter(pk=pk, moderation=ModerationState.UNCONFIRMED)
                .first()
            )
            if comment is not None:
                _comment_after_confirmation(comment)
                confirmed.append(("comment", comment))
        elif kind == "support":
            support = (
                Support.objects.select_for_update().filter(pk=pk, confirmed_at__isnull=True).first()
            )
            if support is not None:
                _support_confirm(support)
                confirmed.append(("support", support))
        elif kind == "follow":
            follow = Follow.objects.filter(pk=pk, confirmed_at__isnull=True).first()
            if follow is not None:
                follow_confirm(follow=follow)
                confirmed.append(("follow", follow))
    return confirmed


@transaction.atomic
def unconfirmed_delete(*, now=None) -> int:
    """Delete what was never confirmed once its link has expired: nothing is kept longer."""
    cutoff = (now or timezone.now()) - timedelta(seconds=CONFIRM_MAX_AGE)
    deleted = 0
    for queryset in (
        Contribution.objects.filter(moderation=ModerationState.UNCONFIRMED, created_at__lt=cutoff),
        Comment.objects.filter(moderation=ModerationState.UNCONFIRMED, created_at__lt=cutoff),
        Support.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff),
        Follow.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff),
    ):
        deleted += queryset.delete()[1].get(queryset.model._meta.label, 0)
    return deleted
