"""Every write of the newsletter: subscriptions with their consent, issues, sending, figures."""

from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from engagementnetz.core.models import SiteSettings

from .content import TOPIC_ORDER, collect_items
from .models import (
    ConsentEvent,
    ConsentRecord,
    ConsentText,
    Issue,
    IssueItem,
    IssueState,
    OutboxMessage,
    Subscriber,
    SubscriberState,
    TopicStatistic,
)

CONFIRMATION_VALID_DAYS = 7
FORGET_UNCONFIRMED_AFTER_DAYS = 30
FIRST_ISSUE_LOOKBACK_DAYS = 30
METHOD_FORM = "Formular /newsletter/ auf der Website (Double-Opt-in)"
METHOD_CONFIRM_LINK = "Bestätigungslink in der E-Mail"
METHOD_MANAGE_PAGE = "Persönlicher Link aus dem Newsletter"
METHOD_ONE_CLICK = "Ein-Klick-Abmeldung des E-Mail-Programms (RFC 8058)"
METHOD_UNSUBSCRIBE_PAGE = "Abmeldeseite über den persönlichen Link"


class ConfirmationExpired(Exception):
    """The confirmation link is older than CONFIRMATION_VALID_DAYS."""


def current_consent_text() -> ConsentText:
    text = ConsentText.current()
    if text is None:
        from .consent import DEFAULT_CONSENT_TEXT

        text, _created = ConsentText.objects.get_or_create(
            version=1, defaults={"text": DEFAULT_CONSENT_TEXT}
        )
    return text


def _record(subscriber, event, *, method, ip=None, text=None) -> ConsentRecord:
    return ConsentRecord.objects.create(
        subscriber=subscriber,
        event=event,
        text=text,
        topics=",".join(subscriber.topics),
        method=method,
        ip_address=ip or None,
    )


@transaction.atomic
def subscriber_subscribe(
    *, email: str, name: str, topics: list[str], consent_text: ConsentText, ip: str | None
) -> Subscriber:
    """First step of the double opt-in: note the request and mail a confirmation link.

    An address that is already subscribed is not changed; its owner gets a mail with the link
    to their settings instead (the form itself never tells whether an address is known).
    """
    from . import tasks

    email = email.strip().lower()
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    if subscriber is not None and subscriber.state == SubscriberState.CONFIRMED:
        transaction.on_commit(
            lambda: tasks.send_already_subscribed_mail.enqueue(subscriber_id=subscriber.pk)
        )
        return subscriber
    if subscriber is None:
        subscriber = Subscriber(email=email)
    subscriber.name = name.strip()
    subscriber.set_topics(topics)
    subscriber.state = SubscriberState.PENDING
    subscriber.confirmation_sent_at = timezone.now()
    subscriber.save()
    _record(subscriber, ConsentEvent.REQUESTED, method=METHOD_FORM, ip=ip, text=consent_text)
    transaction.on_commit(lambda: tasks.send_confirmation_mail.enqueue(subscriber_id=subscriber.pk))
    return subscriber


@transaction.atomic
def subscriber_confirm(*, subscriber: Subscriber, ip: str | None) -> Subscriber:
    """Second step of the double opt-in: the link in the mail was used."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.state == SubscriberState.CONFIRMED:
        return subscriber
    if subscriber.state != SubscriberState.PENDING or (
        subscriber.confirmation_sent_at
        and subscriber.confirmation_sent_at + timedelta(days=CONFIRMATION_VALID_DAYS)
        < timezone.now()
    ):
        raise ConfirmationExpired
    requested = subscriber.consents.filter(event=ConsentEvent.REQUESTED).last()
    subscriber.state = SubscriberState.CONFIRMED
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.save(update_fields=["state", "confirmed_at", "unsubscribed_at"])
    _record(
        subscriber,
        ConsentEvent.CONFIRMED,
        method=METHOD_CONFIRM_LINK,
        ip=ip,
        text=requested.text if requested else None,
    )
    return subscriber


@transaction.atomic
def subscriber_update(
    *, subscriber: Subscriber, topics: list[str], name: str, ip: str | None
) -> Subscriber:
    """Change topics and name through the personal link; the change is recorded."""
    before = subscriber.topics
    subscriber.set_topics(topics)
    subscriber.name = name.strip()
    subscriber.save(update_fields=[f"topic_{topic}" for topic in TOPIC_ORDER] + ["name"])
    if subscriber.topics != before:
        _record(subscriber, ConsentEvent.TOPICS_CHANGED, method=METHOD_MANAGE_PAGE, ip=ip)
    return subscriber


@transaction.atomic
def subscriber_unsubscribe(*, subscriber: Subscriber, method: str, ip: str | None = None) -> bool:
    """Withdraw the consent; mails waiting in the outbox are not sent any more.

    Returns False when the address was not subscribed (any more).
    """
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.state == SubscriberState.UNSUBSCRIBED:
        return False
    subscriber.state = SubscriberState.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["state", "unsubscribed_at"])
    _record(subscriber, ConsentEvent.WITHDRAWN, method=method, ip=ip)
    return True


def subscribers_forget_unconfirmed(*, now: datetime | None = None) -> int:
    """Delete requests that were never confirmed (nobody consented, so nothing is kept)."""
    cutoff = (now or timezone.now()) - timedelta(days=FORGET_UNCONFIRMED_AFTER_DAYS)
    stale = Subscriber.objects.filter(
        state=SubscriberState.PENDING, confirmation_sent_at__lt=cutoff
    )
    # People who were subscribed before keep their earlier records, as unsubscribed.
    stale.filter(confirmed_at__isnull=False).update(state=SubscriberState.UNSUBSCRIBED)
    deleted, _details = stale.filter(confirmed_at__isnull=True).delete()
    return deleted


@transaction.atomic
def consent_text_publish(*, text: str, by) -> ConsentText:
    """A new wording of the consent; records keep pointing to the version that was shown."""
    latest = ConsentText.objects.select_for_update().order_by("-version").first()
    return ConsentText.objects.create(
        version=(latest.version + 1) if latest else 1, text=text.strip(), created_by=by
    )


# --- Issues ---------------------------------------------------------------------------------------


def _last_period_end() -> datetime | None:
    last = (
        Issue.objects.exclude(state=IssueState.DRAFT)
        .order_by("-period_end")
        .values_list("period_end", flat=True)
        .first()
    )
    return last


def _store_items(issue: Issue) -> int:
    items = collect_items(since=issue.period_start, until=issue.period_end)
    order = {topic: index for index, topic in enumerate(TOPIC_ORDER)}
    items.sort(key=lambda item: order[item.topic])
    IssueItem.objects.bulk_create(
        [
            IssueItem(
                issue=issue,
                topic=item.topic,
                title=item.title[:300],
                url=item.url[:500],
                summary=item.summary,
                date=_as_datetime(item.date),
                is_all_day=isinstance(item.date, date) and not isinstance(item.date, datetime),
                position=position,
            )
            for position, item in enumerate(items)
        ]
    )
    return len(items)


def _as_datetime(value) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    return timezone.make_aware(datetime(value.year, value.month, value.day, 12))


@transaction.atomic
def issue_draft(*, by, now: datetime | None = None) -> Issue:
    """A new issue drafted from everything that is new since the last issue."""
    from django.utils import formats, translation

    now = now or timezone.now()
    since = _last_period_end() or now - timedelta(days=FIRST_ISSUE_LOOKBACK_DAYS)
    with translation.override("de"):
        month = formats.date_format(timezone.localtime(now), "F Y")
    issue = Issue.objects.create(
        subject=f"Newsletter {SiteSettings.current().name} – {month}",
        period_start=since,
        period_end=now,
        created_by=by,
    )
    _store_items(issue)
    return issue


@transaction.atomic
def issue_refresh_items(*, issue: Issue, now: datetime | None = None) -> int:
    """Draft the items again up to now (for a draft that waited a while)."""
    if issue.state != IssueState.DRAFT:
        raise ValueError("only drafts can be refreshed")
    issue.period_end = now or timezone.now()
    issue.save(update_fields=["period_end", "updated_at"])
    issue.items.all().delete()
    return _store_items(issue)


@transaction.atomic
def issue_update(*, issue: Issue, subject: str, intro: str, included_ids: set[int]) -> Issue:
    """The editor's subject, introduction and choice of items."""
    if issue.state != IssueState.DRAFT:
        raise ValueError("only drafts can be changed")
    issue.subject = subject
    issue.intro = intro
    issue.save(update_fields=["subject", "intro", "updated_at"])
    issue.items.filter(pk__in=included_ids).update(included=True)
    issue.items.exclude(pk__in=included_ids).update(included=False)
    return issue


def recipients_of(issue: Issue):
    """Confirmed subscribers who chose at least one topic that the issue has items for."""
    topics = set(issue.items.filter(included=True).values_list("topic", flat=True))
    if not topics:
        return Subscriber.objects.none()
    wanted = Q()
    for topic in topics:
        wanted |= Q(**{f"topic_{topic}": True})
    return Subscriber.objects.confirmed().filter(wanted)


def issue_send_test(*, issue: Issue, to: str, topics: list[str]) -> bool:
    """Send the issue as it would look for someone with ``topics`` to ``to`` (the editor)."""
    from django.core.mail import make_msgid

    from .rendering import IssueRenderer, list_id, sample_recipient

    renderer = IssueRenderer(issue)
    message = renderer.message(
        sample_recipient(email=to, topics=topics),
        message_id=make_msgid(domain=list_id()),
        subject_prefix="[Test] ",
    )
    if message is None:
        return False
    message.send()
    Issue.objects.filter(pk=issue.pk).update(test_sent_at=timezone.now())
    return True


@transaction.atomic
def issue_send(*, issue: Issue, by) -> int:
    """Put one outbox row per recipient and let the task worker send them.

    Safe against double clicks: only a draft can be sent, and there is at most one row per
    recipient and issue (a unique constraint).
    """
    from . import outbox, tasks

    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    if issue.state != IssueState.DRAFT:
        return 0
    now = timezone.now()
    rows = [
        OutboxMessage(issue=issue, subscriber_id=pk, email=email, next_attempt_at=now)
        for pk, email in recipients_of(issue).values_list("pk", "email")
    ]
    OutboxMessage.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    issue.state = IssueState.SENDING
    issue.send_started_at = now
    issue.recipients_count = len(rows)
    issue.save(update_fields=["state", "send_started_at", "recipients_count", "updated_at"])
    if not rows:
        transaction.on_commit(outbox.issues_complete_finished)
    transaction.on_commit(lambda: tasks.work_outbox.enqueue())
    return len(rows)


# --- Figures --------------------------------------------------------------------------------------


def statistics_snapshot(*, day: date | None = None) -> list[TopicStatistic]:
    """Note today's number of subscribers per topic (the figures' history)."""
    day = day or timezone.localdate()
    counts = Subscriber.objects.confirmed().aggregate(
        **{topic: Count("pk", filter=Q(**{f"topic_{topic}": True})) for topic in TOPIC_ORDER}
    )
    rows = []
    for topic in TOPIC_ORDER:
        row, _created = TopicStatistic.objects.update_or_create(
            day=day, topic=topic, defaults={"subscribers": counts[topic]}
        )
        rows.append(row)
    return rows
