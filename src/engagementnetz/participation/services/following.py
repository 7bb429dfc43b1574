"""Following processes and measures, and the daily digest that tells followers what changed."""

import logging
from datetime import datetime
from itertools import groupby

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from ..mails import absolute, send_templated_mail
from ..models import Change, DigestMail, Follow, Measure, ModerationState, Phase, Process
from ..tokens import unsubscribe_token

logger = logging.getLogger(__name__)

# Digests leave from this hour (local time) on, so nobody gets one in the night.
DIGEST_EARLIEST_HOUR = 7


@transaction.atomic
def follow_start(
    *, target: Process | Measure, user=None, email: str = "", send_mail: bool = True
) -> Follow:
    """Follow a process or a measure. Accounts count at once; an address confirms by link.

    Following again is harmless: the existing follow is returned (and, if still unconfirmed,
    the link is sent again).
    """
    has_account = user is not None and user.is_authenticated
    address = (user.email if has_account else email).strip().lower()
    lookup = {"process": target} if isinstance(target, Process) else {"measure": target}
    follow = Follow.objects.filter(email=address, **lookup).first()
    now = timezone.now()
    if follow is None:
        try:
            with transaction.atomic():
                follow = Follow.objects.create(
                    email=address,
                    user=user if has_account else None,
                    confirmed_at=now if has_account else None,
                    notified_until=now,
                    **lookup,
                )
        except IntegrityError:  # followed a moment ago in another request
            follow = Follow.objects.get(email=address, **lookup)
    elif has_account and follow.confirmed_at is None:
        follow.user, follow.confirmed_at, follow.notified_until = user, now, now
        follow.save(update_fields=["user", "confirmed_at", "notified_until"])
    if follow.confirmed_at is None and send_mail:
        from ..tasks import send_confirmation_mail

        transaction.on_commit(
            lambda: send_confirmation_mail.enqueue(email=address, items=[["follow", follow.pk]])
        )
    return follow


def follow_confirm(*, follow: Follow) -> Follow:
    now = timezone.now()
    follow.confirmed_at = now
    follow.notified_until = now
    follow.save(update_fields=["confirmed_at", "notified_until"])
    return follow


@transaction.atomic
def follows_end(*, email: str, follow_id: int | None = None) -> int:
    """Unsubscribe: one follow, or every follow of the address. Returns how many ended."""
    follows = Follow.objects.filter(email=email.strip().lower())
    if follow_id is not None:
        follows = follows.filter(pk=follow_id)
    deleted, _detail = follows.delete()
    return deleted


# --- The daily digest --------------------------------------------------------------------------


def _public_changes():
    return Change.objects.filter(
        Q(process__isnull=True) | Q(process__is_published=True),
        Q(measure__isnull=True) | Q(measure__is_published=True),
        Q(contribution__isnull=True) | Q(contribution__moderation=ModerationState.PUBLISHED),
    ).select_related("measure", "process")


def _sections_for(follows: list[Follow], changes: list[Change], phases: list[Phase], now):
    """For one address: per followed item the changes since the follow was last told."""
    sections = []
    seen: set[int] = set()
    for follow in follows:
        items = []
        for change in changes:
            if change.pk in seen or not (follow.notified_until < change.created_at <= now):
                continue
            if (follow.process_id and change.process_id == follow.process_id) or (
                follow.measure_id and change.measure_id == follow.measure_id
            ):
                items.append({"change": change})
                seen.add(change.pk)
        if follow.process_id:
            since = timezone.localtime(follow.notified_until).date()
            today = timezone.localtime(now).date()
            items.extend(
                {"phase": phase}
                for phase in phases
                if phase.process_id == follow.process_id and since < phase.starts_on <= today
            )
        if items:
            items.sort(
                key=lambda item: (
                    item["change"].created_at
                    if "change" in item
                    else timezone.make_aware(
                        datetime.combine(item["phase"].starts_on, datetime.min.time())
                    )
                )
            )
            sections.append(
                {
                    "follow": follow,
                    "target": follow.target,
                    "url": absolute(follow.target.get_absolute_url()),
                    "items": items,
                    "unsubscribe_url": absolute(
                        reverse(
                            "participation:unsubscribe",
                            kwargs={
                                "token": unsubscribe_token(email=follow.email, follow_id=follow.pk)
                            },
                        )
                    ),
                }
            )
    return sections


def digests_send(*, now: datetime | None = None) -> int:
    """Send every follower at most one mail a day with what changed; returns the mails sent.

    A row per address and day (DigestMail) is written in the same transaction as the mail is
    sent: a failed send leaves no row, and a second run on the same day sends nothing twice.
    """
    now = now or timezone.now()
    local_now = timezone.localtime(now)
    if local_now.hour < DIGEST_EARLIEST_HOUR:
        return 0
    today = local_now.date()
    already = set(DigestMail.objects.filter(sent_on=today).values_list("email", flat=True))
    follows = [
        follow
        for follow in Follow.objects.filter(confirmed_at__isnull=False, notified_until__lt=now)
        .select_related("process", "measure")
        .order_by("email", "created_at", "pk")
        if follow.email not in already and (follow.process or follow.measure).is_published
    ]
    if not follows:
        return 0
    oldest = min(follow.notified_until for follow in follows)
    process_ids = {f.process_id for f in follows if f.process_id}
    measure_ids = {f.measure_id for f in follows if f.measure_id}
    changes = list(
        _public_changes()
        .filter(created_at__gt=oldest, created_at__lte=now)
        .filter(Q(process_id__in=process_ids) | Q(measure_id__in=measure_ids))
        .order_by("created_at", "pk")
    )
    phases = list(
        Phase.objects.filter(
            process_id__in=process_ids,
            starts_on__gt=timezone.localtime(oldest).date(),
            starts_on__lte=today,
        )
    )
    sent = 0
    for email, group in groupby(follows, key=lambda follow: follow.email):
        group = list(group)
        sections = _sections_for(group, changes, phases, now)
        if not sections:
            Follow.objects.filter(pk__in=[f.pk for f in group]).update(notified_until=now)
            continue
        count = sum(len(section["items"]) for section in sections)
        try:
            with transaction.atomic():
                DigestMail.objects.create(email=email, sent_on=today, change_count=count)
                Follow.objects.filter(pk__in=[f.pk for f in group]).update(notified_until=now)
                _send_digest(email=email, sections=sections, count=count, today=today)
        except IntegrityError:
            continue  # another worker sent this address its digest a moment ago
        except OSError:
            logger.exception("The digest to a follower could not be sent; it is tried again.")
            continue
        sent += 1
    return sent


def _send_digest(*, email: str, sections: list[dict], count: int, today) -> None:
    unsubscribe_all = absolute(
        reverse("participation:unsubscribe", kwargs={"token": unsubscribe_token(email=email)})
    )
    send_templated_mail(
        to=email,
        template="participation/mails/digest",
        context={
            "sections": sections,
            "count": count,
            "today": today,
            "unsubscribe_all_url": unsubscribe_all,
        },
        headers={
            "List-Unsubscribe": f"<{unsubscribe_all}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
