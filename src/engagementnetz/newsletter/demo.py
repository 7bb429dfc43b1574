"""Demo content of the newsletter: subscribers with their consent, three sent issues, a draft.

The issues are drafted by the newsletter's own service at past moments, so their items are what
the news had published then. Sending is recorded as finished (every outbox row sent), without
any mail leaving the machine.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from .models import (
    ConsentEvent,
    ConsentRecord,
    Issue,
    IssueState,
    OutboxMessage,
    OutboxState,
    Subscriber,
    SubscriberState,
)
from .outbox import message_id_for
from .services import METHOD_CONFIRM_LINK, METHOD_FORM, current_consent_text, issue_draft

SUBSCRIBERS = 60
# Every how-manieth subscriber left again, and who never confirmed the link (yet).
UNSUBSCRIBED = {7, 19, 33, 48}
PENDING = {58, 59}
# Topic choices that people typically make, in turn.
TOPIC_CHOICES = [
    ["news", "events"],
    ["news", "events", "courses"],
    ["events"],
    ["news", "opportunities"],
    ["news", "events", "courses", "opportunities", "participation"],
    ["courses"],
    ["news", "participation"],
    ["opportunities", "events"],
]
NAMES = [
    "Helga Thielen",
    "Rainer Densborn",
    "",
    "Sabine Hau",
    "Thomas Kootz",
    "",
    "Marion Schares",
    "Ali Yıldız",
]
# Sent issues: days before loading the demo, subject, introduction.
ISSUES = [
    (
        150,
        "Sommer im Engagement-Netz",
        "Liebe Engagierte,\n\nder Sommer war voller Feste und Mitmachaktionen. Hier lesen Sie, "
        "was die Vereine in den letzten Wochen erlebt haben.",
    ),
    (
        90,
        "Neu: die Engagement-Börse",
        "Liebe Engagierte,\n\nab sofort stellen Vereine ihre Gesuche selbst ein. Schauen Sie "
        "vorbei – vielleicht ist Ihre nächste Aufgabe schon dabei.",
    ),
    (
        30,
        "Herbstausgabe: Kurse und Jugendfeuerwehr",
        "Liebe Engagierte,\n\ndie Kurse der Ehrenamtsakademie füllen sich schnell – melden Sie "
        "sich rechtzeitig an. Außerdem sucht die Jugendfeuerwehr Verstärkung.",
    ),
]


def _at(demo, days_ago: float, hour: int = 10) -> datetime:
    day = demo.today - timedelta(days=int(days_ago))
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _subscribers(demo) -> list[Subscriber]:
    consent_text = current_consent_text()
    subscribers = []
    for number in range(SUBSCRIBERS):
        name = NAMES[number % len(NAMES)]
        # Spread over two years; the unconfirmed requests are recent (older ones are deleted).
        days_ago = (SUBSCRIBERS - number) if number in PENDING else 720 - number * 11
        requested = _at(demo, days_ago, 8 + number % 12)
        subscriber = Subscriber(
            email=f"abonnentin{number + 1:02d}@example.org",
            name=name,
            state=SubscriberState.PENDING,
            confirmation_sent_at=requested,
        )
        subscriber.set_topics(TOPIC_CHOICES[number % len(TOPIC_CHOICES)])
        if number not in PENDING:
            subscriber.state = SubscriberState.CONFIRMED
            subscriber.confirmed_at = requested + timedelta(minutes=20 + number)
        if number in UNSUBSCRIBED:
            subscriber.state = SubscriberState.UNSUBSCRIBED
            subscriber.unsubscribed_at = subscriber.confirmed_at + timedelta(days=60 + number)
        subscriber.save()
        Subscriber.objects.filter(pk=subscriber.pk).update(created_at=requested)
        topics = ",".join(subscriber.topics)
        ip = f"192.0.2.{number + 10}"  # documentation addresses (RFC 5737)
        records = [(ConsentEvent.REQUESTED, METHOD_FORM, consent_text, requested)]
        if subscriber.confirmed_at:
            records.append(
                (ConsentEvent.CONFIRMED, METHOD_CONFIRM_LINK, consent_text, subscriber.confirmed_at)
            )
        if subscriber.unsubscribed_at:
            records.append(
                (
                    ConsentEvent.WITHDRAWN,
                    "Abmeldeseite über den persönlichen Link",
                    None,
                    subscriber.unsubscribed_at,
                )
            )
        for event, method, text, at in records:
            record = ConsentRecord.objects.create(
                subscriber=subscriber,
                event=event,
                text=text,
                topics=topics,
                method=method,
                ip_address=ip,
            )
            ConsentRecord.objects.filter(pk=record.pk).update(at=at)
        subscribers.append(subscriber)
    return subscribers


def _was_subscribed(subscriber: Subscriber, moment: datetime) -> bool:
    return (
        subscriber.confirmed_at is not None
        and subscriber.confirmed_at <= moment
        and (subscriber.unsubscribed_at is None or subscriber.unsubscribed_at > moment)
    )


def _send_as_done(issue, subscribers: list[Subscriber], moment: datetime) -> None:
    """Record the issue as sent at ``moment`` to everyone subscribed then to one of its topics."""
    topics = set(issue.items.filter(included=True).values_list("topic", flat=True))
    recipients = [s for s in subscribers if _was_subscribed(s, moment) and topics & set(s.topics)]
    rows = OutboxMessage.objects.bulk_create(
        OutboxMessage(
            issue=issue,
            subscriber=subscriber,
            email=subscriber.email,
            state=OutboxState.SENT,
            attempts=1,
            next_attempt_at=moment,
            handed_over_at=moment + timedelta(seconds=index),
            accepted_at=moment + timedelta(seconds=index),
        )
        for index, subscriber in enumerate(recipients)
    )
    for row in rows:
        row.message_id = message_id_for(row)
    OutboxMessage.objects.bulk_update(rows, ["message_id"])
    issue.state = IssueState.SENT
    issue.send_started_at = moment
    issue.sent_at = moment + timedelta(minutes=2)
    issue.recipients_count = len(rows)
    issue.save(update_fields=["state", "send_started_at", "sent_at", "recipients_count"])
    Issue.objects.filter(pk=issue.pk).update(
        created_at=moment - timedelta(days=1), updated_at=issue.sent_at
    )


def load(demo) -> None:
    office = demo.users.get("network_office")
    subscribers = _subscribers(demo)
    for days_ago, subject, intro in ISSUES:
        moment = _at(demo, days_ago)
        issue = issue_draft(by=office, now=moment)
        issue.subject = subject
        issue.intro = intro
        issue.save(update_fields=["subject", "intro"])
        _send_as_done(issue, subscribers, moment)
    draft = issue_draft(by=office, now=timezone.now())
    draft.intro = (
        "Liebe Engagierte,\n\nzum Jahresende sagen wir Danke – und laden Sie zum "
        "Dankeschön-Abend und zum Ehrenamtstag ein."
    )
    draft.save(update_fields=["intro"])
