"""Reads of the newsletter for the network office: progress of sending, subscribers, figures."""

from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .content import TOPIC_ORDER, Topic
from .models import (
    Issue,
    IssueItem,
    OutboxMessage,
    OutboxState,
    Subscriber,
    SubscriberState,
    TopicStatistic,
)


def _progress_annotations(prefix: str = "outbox__") -> dict:
    return {
        state: Count("outbox", filter=Q(**{f"{prefix}state": state}))
        for state in OutboxState.values
    }


def issues_with_progress() -> QuerySet[Issue]:
    return Issue.objects.annotate(**_progress_annotations()).order_by("-created_at", "-pk")


def issue_progress(issue: Issue) -> dict:
    counts = dict.fromkeys(OutboxState.values, 0)
    for row in OutboxMessage.objects.filter(issue=issue).values("state").annotate(n=Count("pk")):
        counts[row["state"]] = row["n"]
    total = sum(counts.values())
    done = total - counts[OutboxState.PENDING]
    return {
        **counts,
        "total": total,
        "done": done,
        "percent": round(100 * done / total) if total else 100,
    }


def issue_failures(issue: Issue, *, limit: int = 100) -> list[OutboxMessage]:
    return list(
        OutboxMessage.objects.filter(issue=issue)
        .filter(Q(state=OutboxState.FAILED) | (Q(state=OutboxState.PENDING) & ~Q(last_error="")))
        .order_by("state", "email")[:limit]
    )


def items_by_topic(items: list[IssueItem]) -> list[tuple[str, str, list[IssueItem]]]:
    return [
        (topic, str(Topic(topic).label), [item for item in items if item.topic == topic])
        for topic in TOPIC_ORDER
        if any(item.topic == topic for item in items)
    ]


def subscriber_counts() -> dict:
    counts = Subscriber.objects.aggregate(
        **{state: Count("pk", filter=Q(state=state)) for state in SubscriberState.values},
        **{
            f"topic_{topic}": Count(
                "pk",
                filter=Q(state=SubscriberState.CONFIRMED) & Q(**{f"topic_{topic}": True}),
            )
            for topic in TOPIC_ORDER
        },
    )
    counts["topics"] = [
        (str(Topic(topic).label), counts[f"topic_{topic}"]) for topic in TOPIC_ORDER
    ]
    return counts


def _month_starts(months: int, today: date) -> list[date]:
    first = today.replace(day=1)
    starts = []
    for _ in range(months):
        starts.append(first)
        first = (first - timedelta(days=1)).replace(day=1)
    return list(reversed(starts))


def figures(*, months: int = 12) -> dict:
    """Subscribers per topic over time, new subscriptions, unsubscribes, and every issue's mails."""
    today = timezone.localdate()
    starts = _month_starts(months, today)
    snapshots: dict[date, dict[str, int]] = {}
    for stat in TopicStatistic.objects.filter(day__gte=starts[0]).order_by("day"):
        month = stat.day.replace(day=1)
        # Later days of a month overwrite earlier ones: the month's last snapshot counts.
        snapshots.setdefault(month, {})[stat.topic] = stat.subscribers

    def per_month(field: str) -> dict[date, int]:
        rows = (
            Subscriber.objects.filter(**{f"{field}__date__gte": starts[0]})
            .annotate(month=TruncMonth(field))
            .values("month")
            .annotate(n=Count("pk"))
        )
        return {timezone.localtime(row["month"]).date(): row["n"] for row in rows}

    confirmed = per_month("confirmed_at")
    unsubscribed = per_month("unsubscribed_at")
    history = [
        {
            "month": start,
            "topics": [snapshots.get(start, {}).get(topic) for topic in TOPIC_ORDER],
            "confirmed": confirmed.get(start, 0),
            "unsubscribed": unsubscribed.get(start, 0),
        }
        for start in starts
    ]
    issues = list(issues_with_progress().exclude(state="draft")[:24])
    return {
        "topic_labels": [str(Topic(topic).label) for topic in TOPIC_ORDER],
        "history": history,
        "issues": issues,
        "counts": subscriber_counts(),
        "totals": {
            "sent": sum(issue.sent for issue in issues),
            "failed": sum(issue.failed for issue in issues),
        },
    }
