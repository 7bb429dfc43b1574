"""The `engagementnetz` command, so that a host does not need manage.py.

engagementnetz run        web server and worker together (what `make run` starts)
engagementnetz serve      the web server (gunicorn)
engagementnetz worker     the task worker with the scheduler of periodic jobs
engagementnetz demo       load the demo content (once)
engagementnetz backup     write a backup archive;  engagementnetz restore ARCHIVE
engagementnetz <django management command> …
"""

import os
import signal
import subprocess
import sys
import time


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "engagementnetz.settings")
    import django

    django.setup()


def serve(argv: list[str]) -> int:
    bind = os.environ.get("BIND", "127.0.0.1:8000")
    workers = os.environ.get("WEB_WORKERS", "2")
    threads = os.environ.get("WEB_THREADS", "4")
    # A process takes at most this many connections at a time and leaves the rest to the
    # others: without a limit one process could hold every kept-alive connection and the
    # other cores would idle (see docs/decisions/0002-gunicorn.md).
    connections = os.environ.get("WEB_CONNECTIONS", str(int(threads) * 4))
    args = [
        sys.executable,
        "-m",
        "gunicorn",
        "engagementnetz.wsgi:application",
        "--bind",
        bind,
        "--workers",
        workers,
        "--threads",
        threads,
        "--worker-class",
        "gthread",
        "--worker-connections",
        connections,
        "--access-logfile",
        "-" if os.environ.get("ACCESS_LOG") else "/dev/null",
        "--graceful-timeout",
        "10",
        *(
            ["--reload"]
            if os.environ.get("DEBUG", "").lower() in {"1", "true", "yes", "on"}
            else []
        ),
        *argv,
    ]
    os.execv(sys.executable, args)  # noqa: S606 - replaces this process with gunicorn
    return 0


def run(argv: list[str]) -> int:
    """Start web server and worker; Ctrl-C (or SIGTERM) stops both cleanly."""
    me = [sys.executable, "-m", "engagementnetz.cli"]
    processes = [
        subprocess.Popen([*me, "serve", *argv]),  # noqa: S603
        subprocess.Popen([*me, "worker"]),  # noqa: S603
    ]
    stopping = False

    def stop(signum, frame):
        nonlocal stopping
        stopping = True
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        while not stopping:
            for process in processes:
                if process.poll() is not None:
                    stop(None, None)
                    break
            else:
                time.sleep(0.5)
    finally:
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
    print("Web server and worker stopped.")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv else "help"
    if command in {"help", "-h", "--help"}:
        print(__doc__)
        return 0
    if command == "serve":
        return serve(argv[1:])
    if command == "run":
        return run(argv[1:])
    _django_setup()
    from django.core.management import execute_from_command_line

    aliases = {"worker": "run_worker", "demo": "load_demo"}
    execute_from_command_line(["engagementnetz", aliases.get(command, command), *argv[1:]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
