"""A worker process killed at the dangerous moments and at random, then restarted: every
recipient still gets exactly one mail from a real SMTP server.

The worker is a real process (``manage.py newsletter_outbox``) on the same database as the test
(the SQLite file or the PostgreSQL test database) and sends to an aiosmtpd server on 127.0.0.1.
"""

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from engagementnetz.newsletter.models import IssueState, OutboxMessage, OutboxState

from .factories import SubscriberFactory, issue_with_items

pytestmark = pytest.mark.django_db(transaction=True)

MANAGE = Path(__file__).resolve().parents[2] / "manage.py"
RECIPIENTS = 40


def database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    def __init__(self, smtp_server):
        self.env = {
            **os.environ,
            "ENGAGEMENTNETZ_TESTING": "1",
            "DATABASE_URL": database_url(),
            "EMAIL_HOST": smtp_server.host,
            "EMAIL_PORT": str(smtp_server.port),
            "EMAIL_USE_TLS": "false",
            "EMAIL_USE_SSL": "false",
            "LOG_LEVEL": "ERROR",
        }
        self.process = None

    def start(self) -> subprocess.Popen:
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(MANAGE),
                "newsletter_outbox",
                "--until-done",
                "--batch-size",
                "7",
                "--lease-seconds",
                "2",
            ],
            env=self.env,
            cwd=MANAGE.parent,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        return self.process

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)

    def wait(self, timeout: float = 90) -> int:
        self.process.wait(timeout=timeout)
        return self.process.returncode


@pytest.fixture
def issue(settings):
    # Nothing may be sent by this test process itself; the worker processes do it.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    issue = issue_with_items(subject="Newsletter August", state=IssueState.SENDING)
    now = timezone.now()
    for number in range(RECIPIENTS):
        subscriber = SubscriberFactory(email=f"leser{number:02d}@example.org")
        OutboxMessage.objects.create(
            issue=issue, subscriber=subscriber, email=subscriber.email, next_attempt_at=now
        )
    return issue


def test_killed_worker_restarted_sends_everyone_exactly_one_mail(smtp_server, issue):
    worker = Worker(smtp_server)

    # 1. Killed while the server receives the envelope of leser05: that mail was never
    #    complete, the server drops it, the row is sent again after the restart.
    def kill_on_rcpt(address):
        if address == "leser05@example.org":
            smtp_server.on_rcpt = None
            worker.kill()

    smtp_server.on_rcpt = kill_on_rcpt
    worker.start()
    assert worker.wait() == -signal.SIGKILL
    after_first = len(smtp_server.received)
    assert after_first == 5

    # 2. Killed after the server has the complete 9th mail of this run but before it
    #    answered: the hard case. The row was marked before the final dot, so no resend.
    def kill_on_data(count):
        if count == after_first + 9:
            smtp_server.on_data = None
            worker.kill()

    smtp_server.on_data = kill_on_data
    worker.start()
    assert worker.wait() == -signal.SIGKILL
    after_second = len(smtp_server.received)
    assert after_second == after_first + 9

    # 3. Killed at a random moment while it sends (the server is a little slow).
    smtp_server.delay = 0.02
    worker.start()
    while len(smtp_server.received) < after_second + 3:
        time.sleep(0.01)
    time.sleep(random.uniform(0, 0.1))
    worker.kill()
    assert worker.wait() == -signal.SIGKILL
    smtp_server.delay = 0.0

    # 4. Two workers at once finish the job, taking over the rows of the dead ones.
    other = Worker(smtp_server)
    worker.start()
    other.start()
    assert worker.wait() == 0, worker.process.stderr.read().decode()
    assert other.wait() == 0, other.process.stderr.read().decode()

    per_recipient = Counter(address for r in smtp_server.received for address in r.rcpt_tos)
    expected = {f"leser{number:02d}@example.org": 1 for number in range(RECIPIENTS)}
    assert dict(per_recipient) == expected
    message_ids = [r.message["Message-ID"] for r in smtp_server.received]
    assert len(set(message_ids)) == RECIPIENTS
    assert set(OutboxMessage.objects.values_list("state", flat=True)) == {OutboxState.SENT}
    issue.refresh_from_db()
    assert issue.state == IssueState.SENT
