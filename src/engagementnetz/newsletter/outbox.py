"""Sending an issue: one outbox row per recipient, worked off in batches, each mail exactly once.

How a row travels
-----------------
``pending`` → claimed (a random ``claim_token`` and a lease ``claimed_until``, one UPDATE for the
whole batch, so two workers never hold the same row) → ``sent`` → (``accepted_at`` noted).
Failures before the hand-over put the row back to ``pending`` with ``attempts + 1`` and a growing
``next_attempt_at`` (back-off); a permanent refusal (5xx) or too many attempts make it ``failed``.
A row whose worker died keeps its claim until the lease runs out; then any worker takes it again.

Why exactly once, also when the worker is killed
------------------------------------------------
SMTP has no two-phase commit, so no ordering of "tell the server" and "note it in the database"
is safe at every instant by itself. The dangerous moment of the obvious order (send, then mark the
row) is a kill after the server accepted the mail and before the row is marked: the restarted
worker sends the mail a second time. The reverse order (mark, then send) loses the mail when the
kill comes between the two.

We use the one point of the SMTP dialogue where the server has the complete message but has not
taken responsibility for it: before the end-of-data line (``<CRLF>.<CRLF>``, RFC 5321 4.1.1.4).
A server that loses the connection before that line discards the message. So, per recipient:

1. ``MAIL FROM``, ``RCPT TO``, ``DATA`` and the whole message are sent, but not the final dot.
   A kill here closes the connection; the server throws the message away; the row is still
   ``pending`` and is sent again later: exactly one mail.
2. The row is marked ``sent`` in its own committed transaction, *on condition* that it still
   carries this worker's claim (``UPDATE … WHERE claim_token = mine AND state = 'pending'``).
   If another worker took over meanwhile (our lease ran out), nothing is updated and we drop
   the connection without the dot, so that mail is never delivered by us.
3. The final dot is written, and the server's reply is read. A kill after the dot (while the
   server works or replies) leaves a row that is ``sent`` and a server that has the mail: exactly
   one mail.

What remains is the time between the commit of step 2 and the write of step 3: two system calls
in a row on this machine, with nothing (no network round trip, no server work) between them.
A kill exactly there would lose one mail rather than send it twice; we chose that side because a
double newsletter annoys every recipient who gets it and harms the sender's reputation, while the
window is microseconds wide. The same holds when the server refuses *after* the dot and the
worker dies before it can put the row back to ``pending`` (it is rare, and the mail was not
delivered twice). If the connection breaks after the dot before any reply, the mail is treated as
delivered (RFC 5321 6.1 allows a server to have accepted it), again preferring "never twice".

The test ``tests/newsletter/test_outbox_kill.py`` kills a real worker process at the dangerous
points (while the server is receiving the recipient; after the server has the whole mail but
before it answered) and at a random moment, restarts it, and checks that every recipient got
exactly one mail from a real SMTP server.

Non-SMTP mail backends (files in development, memory in tests) have no such dialogue: there the
row is marked ``sent`` just before the backend is called.
"""

import contextlib
import logging
import re
import secrets
import smtplib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.message import sanitize_address
from django.db.models import Q
from django.utils import timezone

from .models import Issue, IssueState, OutboxMessage, OutboxState, SubscriberState

logger = logging.getLogger(__name__)

BATCH_SIZE = 50
LEASE_SECONDS = 300
MAX_ATTEMPTS = 6
MAX_BACKOFF_SECONDS = 6 * 3600


def backoff(attempts: int) -> timedelta:
    """1, 4, 16, 64 minutes … at most six hours between attempts."""
    return timedelta(seconds=min(60 * 4 ** max(attempts - 1, 0), MAX_BACKOFF_SECONDS))


# --- Transports -------------------------------------------------------------------------------


class Outcome(Enum):
    ACCEPTED = "accepted"  # handed over and the server said 250
    NOT_HANDED_OVER = "not_handed_over"  # our claim was gone; nothing delivered
    REFUSED_AFTER_HAND_OVER = "refused"  # handed over, but the server refused it
    NO_REPLY = "no_reply"  # handed over, connection lost before the reply


@dataclass
class Delivery:
    outcome: Outcome
    code: int = 0
    detail: str = ""


class DeliveryFailed(Exception):
    """The mail was not handed over. ``permanent`` for a 5xx refusal of sender or recipient."""

    def __init__(self, detail: str, *, permanent: bool = False, connection: bool = False):
        super().__init__(detail)
        self.permanent = permanent
        self.connection = connection  # the server could not be reached at all


def _smtp_failure(code: int, response: bytes | str) -> DeliveryFailed:
    text = response.decode(errors="replace") if isinstance(response, bytes) else str(response)
    return DeliveryFailed(f"{code} {text}", permanent=500 <= code < 600)


_LINE_ENDINGS = re.compile(rb"\r\n|\n|\r(?!\n)")
_LEADING_DOT = re.compile(rb"(?m)^\.")


def _data_without_end_marker(data: bytes) -> bytes:
    """The DATA payload as smtplib would send it (CRLF, dot-stuffed), without the final dot."""
    data = _LEADING_DOT.sub(b"..", _LINE_ENDINGS.sub(b"\r\n", data))
    return data if data.endswith(b"\r\n") else data + b"\r\n"


class SMTPTransport:
    """Speaks SMTP itself so that the row can be marked between the message and its final dot."""

    def __init__(self, backend: SMTPBackend):
        self.backend = backend

    def _drop(self) -> None:
        """Close the socket without QUIT: a message without its final dot is discarded."""
        connection = self.backend.connection
        self.backend.connection = None
        if connection is not None:
            with contextlib.suppress(OSError):
                connection.close()

    def _reset(self) -> None:
        try:
            self.backend.connection.rset()
        except (smtplib.SMTPException, OSError):
            self._drop()

    def close(self) -> None:
        try:
            self.backend.close()
        except (smtplib.SMTPException, OSError):
            self._drop()

    def deliver(self, message: EmailMessage, hand_over: Callable[[], bool]) -> Delivery:
        if self.backend.connection is None:
            try:
                self.backend.open()
            except (smtplib.SMTPException, OSError) as exc:
                self._drop()
                raise DeliveryFailed(f"connection failed: {exc}", connection=True) from exc
        smtp = self.backend.connection
        encoding = message.encoding or settings.DEFAULT_CHARSET
        sender = sanitize_address(message.from_email, encoding)
        recipients = [sanitize_address(address, encoding) for address in message.recipients()]
        data = message.message().as_bytes(linesep="\r\n")
        try:
            smtp.ehlo_or_helo_if_needed()
            options = [f"size={len(data)}"] if smtp.does_esmtp and smtp.has_extn("size") else []
            code, response = smtp.mail(sender, options)
            if code != 250:
                self._reset()
                raise _smtp_failure(code, response)
            for recipient in recipients:
                code, response = smtp.rcpt(recipient)
                if code not in (250, 251):
                    self._reset()
                    raise _smtp_failure(code, response)
            code, response = smtp.docmd("data")
            if code != 354:
                self._reset()
                raise _smtp_failure(code, response)
            smtp.send(_data_without_end_marker(data))
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            self._drop()
            raise DeliveryFailed(f"connection lost: {exc}") from exc
        # The server holds the whole message but has not accepted it yet: the commit point.
        if not hand_over():
            self._drop()
            return Delivery(Outcome.NOT_HANDED_OVER)
        try:
            smtp.send(b".\r\n")
            code, response = smtp.getreply()
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            self._drop()
            return Delivery(Outcome.NO_REPLY, detail=str(exc))
        text = response.decode(errors="replace") if isinstance(response, bytes) else str(response)
        if code == 250:
            return Delivery(Outcome.ACCEPTED, code=code, detail=text)
        return Delivery(Outcome.REFUSED_AFTER_HAND_OVER, code=code, detail=text)


class BackendTransport:
    """Any other Django mail backend (files, memory, console): mark, then hand over."""

    def __init__(self, backend):
        self.backend = backend

    def close(self) -> None:
        self.backend.close()

    def deliver(self, message: EmailMessage, hand_over: Callable[[], bool]) -> Delivery:
        if not hand_over():
            return Delivery(Outcome.NOT_HANDED_OVER)
        try:
            self.backend.send_messages([message])
        except Exception as exc:  # the backend's own failure; retried later
            return Delivery(Outcome.REFUSED_AFTER_HAND_OVER, code=451, detail=str(exc)[:400])
        return Delivery(Outcome.ACCEPTED, code=250)


def open_transport():
    backend = get_connection(fail_silently=False)
    if isinstance(backend, SMTPBackend):
        return SMTPTransport(backend)
    return BackendTransport(backend)


# --- Working off the outbox ---------------------------------------------------------------------


def _due(now: datetime):
    return OutboxMessage.objects.filter(state=OutboxState.PENDING, next_attempt_at__lte=now).filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    )


def claim_batch(*, batch_size: int, lease_seconds: int, now: datetime) -> tuple[str, list]:
    """Take up to ``batch_size`` due rows for this worker (one UPDATE, safe between workers)."""
    token = secrets.token_hex(16)
    ids = list(
        _due(now).order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:batch_size]
    )
    if not ids:
        return token, []
    _due(now).filter(pk__in=ids).update(
        claim_token=token, claimed_until=now + timedelta(seconds=lease_seconds)
    )
    rows = list(
        OutboxMessage.objects.filter(claim_token=token, state=OutboxState.PENDING)
        .select_related("subscriber")
        .order_by("pk")
    )
    return token, rows


def _mine(row: OutboxMessage, token: str):
    return OutboxMessage.objects.filter(pk=row.pk, claim_token=token, state=OutboxState.PENDING)


def _retry_later(row: OutboxMessage, token: str, error: str, *, now: datetime) -> None:
    attempts = row.attempts + 1
    if attempts >= MAX_ATTEMPTS:
        _mine(row, token).update(
            state=OutboxState.FAILED, attempts=attempts, last_error=error[:500], claim_token=""
        )
        return
    _mine(row, token).update(
        attempts=attempts,
        next_attempt_at=now + backoff(attempts),
        last_error=error[:500],
        claim_token="",
        claimed_until=None,
    )


def _after_hand_over(row: OutboxMessage, delivery: Delivery, *, now: datetime) -> None:
    sent = OutboxMessage.objects.filter(pk=row.pk, state=OutboxState.SENT)
    if delivery.outcome == Outcome.ACCEPTED:
        sent.update(accepted_at=now, last_error="")
    elif delivery.outcome == Outcome.NO_REPLY:
        sent.update(
            last_error=f"no reply after the end of data, treated as delivered: {delivery.detail}"[
                :500
            ]
        )
    elif delivery.outcome == Outcome.REFUSED_AFTER_HAND_OVER:
        attempts = row.attempts + 1
        error = f"{delivery.code} {delivery.detail}"[:500]
        if 500 <= delivery.code < 600 or attempts >= MAX_ATTEMPTS:
            sent.update(state=OutboxState.FAILED, attempts=attempts, last_error=error)
        else:
            sent.update(
                state=OutboxState.PENDING,
                attempts=attempts,
                next_attempt_at=now + backoff(attempts),
                last_error=error,
                claim_token="",
                claimed_until=None,
                handed_over_at=None,
            )


def message_id_for(row: OutboxMessage) -> str:
    from urllib.parse import urlparse

    domain = urlparse(settings.SITE_URL).hostname or "localhost"
    return f"<newsletter-{row.issue_id}-{row.pk}@{domain}>"


def work_batch(
    *,
    batch_size: int = BATCH_SIZE,
    lease_seconds: int = LEASE_SECONDS,
    transport_factory=open_transport,
) -> int:
    """Claim one batch of due rows and send them; returns how many rows were claimed.

    Must run outside a transaction: each row's hand-over is committed on its own.
    """
    from .rendering import IssueRenderer

    now = timezone.now()
    token, rows = claim_batch(batch_size=batch_size, lease_seconds=lease_seconds, now=now)
    if not rows:
        return 0
    renderers: dict[int, IssueRenderer] = {}
    transport = transport_factory()
    try:
        for index, row in enumerate(rows):
            subscriber = row.subscriber
            if subscriber is None or subscriber.state != SubscriberState.CONFIRMED:
                _mine(row, token).update(state=OutboxState.SKIPPED, claim_token="")
                continue
            if row.issue_id not in renderers:
                renderers[row.issue_id] = IssueRenderer(Issue.objects.get(pk=row.issue_id))
            message_id = message_id_for(row)
            message = renderers[row.issue_id].message(subscriber, message_id=message_id)
            if message is None:  # the subscriber changed topics; nothing left for them
                _mine(row, token).update(state=OutboxState.SKIPPED, claim_token="")
                continue

            def hand_over(row=row, message_id=message_id, subscriber=subscriber) -> bool:
                return (
                    _mine(row, token).update(
                        state=OutboxState.SENT,
                        handed_over_at=timezone.now(),
                        message_id=message_id,
                        email=subscriber.email,
                    )
                    == 1
                )

            try:
                delivery = transport.deliver(message, hand_over)
            except DeliveryFailed as failure:
                now = timezone.now()
                if failure.permanent:
                    _mine(row, token).update(
                        state=OutboxState.FAILED,
                        attempts=row.attempts + 1,
                        last_error=str(failure)[:500],
                        claim_token="",
                    )
                elif failure.connection:
                    # The server is unreachable: the rest of the batch waits as well.
                    for waiting in rows[index:]:
                        _retry_later(waiting, token, str(failure), now=now)
                    logger.warning("Newsletter outbox: mail server unreachable: %s", failure)
                    break
                else:
                    _retry_later(row, token, str(failure), now=now)
                continue
            _after_hand_over(row, delivery, now=timezone.now())
    finally:
        transport.close()
    issues_complete_finished()
    return len(rows)


def issues_complete_finished() -> int:
    """Mark issues as sent once none of their rows waits any more."""
    finished = 0
    for issue in Issue.objects.filter(state=IssueState.SENDING):
        if not issue.outbox.filter(state=OutboxState.PENDING).exists():
            finished += Issue.objects.filter(pk=issue.pk, state=IssueState.SENDING).update(
                state=IssueState.SENT, sent_at=timezone.now()
            )
    return finished


def pending_count() -> int:
    return OutboxMessage.objects.filter(state=OutboxState.PENDING).count()


def due_count() -> int:
    return _due(timezone.now()).count()


def work(
    *,
    max_seconds: float | None = None,
    batch_size: int = BATCH_SIZE,
    lease_seconds: int = LEASE_SECONDS,
    until_done: bool = False,
    poll_seconds: float = 0.5,
) -> int:
    """Work off due batches until none is left (or the time is up); returns rows claimed.

    With ``until_done`` it also waits for rows claimed by a dead worker (their lease) and for
    rows in back-off, until no row is pending at all.
    """
    deadline = None if max_seconds is None else time.monotonic() + max_seconds
    total = 0
    while deadline is None or time.monotonic() < deadline:
        claimed = work_batch(batch_size=batch_size, lease_seconds=lease_seconds)
        total += claimed
        if claimed:
            continue
        if not until_done or pending_count() == 0:
            break
        time.sleep(poll_seconds)
    issues_complete_finished()
    return total
