"""Measure every public page type against a hello-world view served by the same server.

The server runs with the production settings (no DEBUG, WhiteNoise with hashed files) on
127.0.0.1; `wrk` (Debian's package, installed when missing) sends the load with 32
connections. Queries per page and bytes per response are measured in-process with Django's
test client.
"""

import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
PORT = 8765
CONNECTIONS = 32


@dataclass
class Result:
    name: str
    path: str
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    queries: int | None
    bytes_gzip: int | None
    ratio_to_hello: float = 0.0


def ensure_wrk() -> str:
    path = shutil.which("wrk")
    if path:
        return path
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)  # noqa: S607
    return shutil.which("wrk") or "wrk"


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback only
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server did not answer at {url}")


def load(wrk: str, url: str, seconds: int) -> dict:
    output = subprocess.run(  # noqa: S603
        [wrk, "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "-s", str(HERE / "p95.lua"), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    values: dict[str, int] = {}
    for line in output.splitlines():
        if line.startswith("BENCH "):
            for key, value in re.findall(r"(\w+)=(\d+)", line):
                values[key] = int(value)
    return values


def measure_in_process(paths: list[str]) -> dict[str, tuple[int, int]]:
    """Queries and compressed bytes per path, with the test client (anonymous visitor)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    measured = {}
    for path in paths:
        client.get(path)  # warm the caches as the load run does
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        body = b"".join(response) if response.streaming else response.content
        measured[path] = (len(queries), len(gzip.compress(body)))
    return measured


def run(pages: list[tuple[str, str]], *, seconds: int = 10, out_dir: Path) -> list[Result]:
    wrk = ensure_wrk()
    env = {**os.environ, "WEB_WORKERS": "2", "WEB_THREADS": "4", "BIND": f"127.0.0.1:{PORT}"}
    env.pop("DEBUG", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "engagementnetz.cli", "serve"], env=env, start_new_session=True
    )
    base = f"http://127.0.0.1:{PORT}"
    results: list[Result] = []
    try:
        wait_for(base + "/healthz")
        measured = measure_in_process([path for _name, path in pages])
        for name, path in [("hello-world", "/bench/hello"), *pages]:
            load(wrk, base + path, 2)  # warm-up
            values = load(wrk, base + path, seconds)
            queries, size = measured.get(path, (None, None))
            results.append(
                Result(
                    name=name,
                    path=path,
                    requests_per_second=values["requests"] / (values["duration_us"] / 1e6),
                    p50_ms=values["p50_us"] / 1000,
                    p95_ms=values["p95_us"] / 1000,
                    p99_ms=values["p99_us"] / 1000,
                    errors=values["errors"],
                    queries=queries,
                    bytes_gzip=size,
                )
            )
        rss = worker_rss_mb(server.pid)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    hello = results[0].requests_per_second
    for result in results:
        result.ratio_to_hello = result.requests_per_second / hello
    out_dir.mkdir(parents=True, exist_ok=True)
    report = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "connections": CONNECTIONS,
        "seconds": seconds,
        "web_worker_rss_mb": rss,
        "results": [asdict(result) for result in results],
    }
    target = out_dir / f"bench-{datetime.now():%Y%m%d-%H%M%S}.json"
    target.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print_table(results, rss, target)
    return results


def worker_rss_mb(master_pid: int) -> list[float]:
    children = subprocess.run(  # noqa: S603
        ["ps", "-o", "pid=,rss=", "--ppid", str(master_pid)],  # noqa: S607
        capture_output=True,
        text=True,
    ).stdout.split()
    return [round(int(rss) / 1024, 1) for rss in children[1::2]]


def print_table(results: list[Result], rss: list[float], target: Path) -> None:
    header = f"{'page':<28} {'req/s':>8} {'ratio':>6} {'p50':>7} {'p95':>7} {'p99':>7} {'err':>4} {'SQL':>4} {'KB gz':>7}"
    print(header)
    print("-" * len(header))
    for r in results:
        size = f"{r.bytes_gzip / 1024:.1f}" if r.bytes_gzip is not None else "-"
        queries = r.queries if r.queries is not None else "-"
        print(
            f"{r.name:<28} {r.requests_per_second:>8.0f} {r.ratio_to_hello:>6.2f} "
            f"{r.p50_ms:>6.1f}ms {r.p95_ms:>6.1f}ms {r.p99_ms:>6.1f}ms {r.errors:>4} "
            f"{queries!s:>4} {size:>7}"
        )
    print(f"\nweb worker RSS after the run: {rss} MB")
    print(f"results written to {target}")
