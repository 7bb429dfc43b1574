"""Measure every public page type against a hello-world view served by the same server.

The server runs with the production settings (no DEBUG, WhiteNoise with hashed files) on
127.0.0.1; `wrk` (Debian's package) sends the load with 32 connections. Without `wrk` a
Python load generator stands in and the report says so. Queries per page, bytes per
response and the search time are measured in-process with Django's test client.
"""

import gzip
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from .budgets import BUDGETS, verdicts
from .pages import HELLO_PATH, SEARCH_QUERIES

HERE = Path(__file__).resolve().parent
PORT = 8765
CONNECTIONS = 32
# A page slower than this alone is not put under load: 32 connections would only queue up.
TOO_SLOW_MS = 2000


@dataclass
class Result:
    name: str
    path: str
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    requests: int = 0
    server_ms: float | None = None  # rendering the page
    kept_ms: float | None = None  # answering from the kept page
    queries: int | None = None
    bytes_sent: int | None = None
    bytes_gzip: int | None = None
    ratio_to_hello: float = 0.0


# --- load --------------------------------------------------------------------------------------


def wrk_load(wrk: str) -> Callable[[str, int], dict]:
    def load(url: str, seconds: int) -> dict:
        output = subprocess.run(  # noqa: S603
            [
                *(wrk, "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s"),
                *("-s", str(HERE / "p95.lua"), url),
            ],
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

    return load


def python_load(url: str, seconds: int) -> dict:
    """A stand-in for wrk: 32 threads with keep-alive connections (slower, less exact)."""
    host, _, rest = url.removeprefix("http://").partition("/")
    hostname, _, port = host.partition(":")
    path = "/" + rest
    deadline = time.monotonic() + seconds
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def client() -> None:
        connection = http.client.HTTPConnection(hostname, int(port or 80), timeout=10)
        mine, failed = [], 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection(hostname, int(port or 80), timeout=10)
                continue
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duration = time.monotonic() - started
    latencies.sort()

    def percentile(p: int) -> int:
        if not latencies:
            return 0
        return int(latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))] * 1e6)

    return {
        "requests": len(latencies),
        "duration_us": int(duration * 1e6),
        "errors": errors[0],
        "p50_us": percentile(50),
        "p95_us": percentile(95),
        "p99_us": percentile(99),
    }


def load_tool() -> tuple[str, Callable[[str, int], dict]]:
    wrk = shutil.which("wrk")
    if wrk:
        return "wrk", wrk_load(wrk)
    print(
        "wrk is not installed (Debian: `apt-get install wrk`); using the built-in Python load"
        " generator, whose figures are lower and less exact.",
        file=sys.stderr,
    )
    return "python", python_load


def drain(base: str, timeout: float = 60) -> None:
    """Wait until requests that a load run left queued in the server are done.

    The load tool closes its connections at the end of a run, but the server still answers
    what it has accepted; the next page's figures must not pay for that.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            with urllib.request.urlopen(base + HELLO_PATH, timeout=60):  # noqa: S310 - loopback
                pass
        except OSError:
            pass
        if time.monotonic() - started < 0.2:
            return
        time.sleep(0.2)


def wait_for(url: str, timeout: float = 300) -> None:
    """Until the server answers; the first request of a worker loads all URL patterns."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=60):  # noqa: S310 - loopback only
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server did not answer at {url}")


# --- in-process measurements -------------------------------------------------------------------


def measure_in_process(paths: list[str]) -> dict[str, tuple[int, int, int, float, float]]:
    """Per path: queries, bytes as sent, gzip-compressed bytes, and the median times in
    milliseconds of three renderings and of three answers from the kept page (anonymous
    visitor, one request at a time).

    Each path is requested once before, so that the site-wide caches (site settings, menu,
    counts) are warm as they are under load. Before each rendering the kept pages are
    forgotten: the queries counted are those of building the page, not of answering it from
    the cache.
    """
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from engagementnetz.core.page_cache import forget_public_pages

    client = Client(HTTP_HOST="127.0.0.1")
    measured = {}
    for path in paths:
        client.get(path)
        rendered, kept = [], []
        query_count, body = 0, b""
        while len(rendered) < 3 and (not rendered or rendered[0] < TOO_SLOW_MS):
            forget_public_pages()
            client.cookies.clear()
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            rendered.append((time.perf_counter() - started) * 1000)
            if len(rendered) == 1:
                # Counted now: the next request resets the connection's query log.
                query_count = len(queries)
                body = b"".join(response) if response.streaming else response.content
        for _ in range(3):
            client.cookies.clear()
            started = time.perf_counter()
            client.get(path)
            kept.append((time.perf_counter() - started) * 1000)
        measured[path] = (
            query_count,
            len(body),
            len(gzip.compress(body)),
            round(statistics.median(rendered), 1),
            round(statistics.median(kept), 2),
        )
    return measured


def measure_search(queries: list[str], *, repeat: int = 10, cold: int = 3) -> dict[str, float]:
    """Median times of the search page (whole request in the server) and of the search alone.

    Each query is asked ``repeat`` times as visitors ask it: the first time as right after a
    change to the content (cold: the index has a new token, so neither the search's kept
    results nor the kept pages answer; the site's menus and settings stay cached, as they do
    after an edit), then answered from what the server keeps. The cold askings are measured
    apart as well, ``cold`` times each after a change: the cost of a query nobody asked since
    the last change. The very first of them in the process also reads the query's part of the
    index from the disk cache into the database's own; it is reported on its own.
    """
    from django.test import Client

    from engagementnetz.search.selectors import search
    from engagementnetz.search.services import index_changed

    def timed(ask) -> float:
        started = time.perf_counter()
        ask()
        return (time.perf_counter() - started) * 1000

    client = Client(HTTP_HOST="127.0.0.1")
    page, selector, page_cold, selector_cold = [], [], [], []
    first_selector, first_page = {}, {}
    for query in queries:
        client.get("/suche/", {"q": "Aufwärmen"})  # templates and site caches warm
        for asking in range(cold):
            index_changed()
            selector_cold.append(timed(lambda query=query: search(query)))
            index_changed()
            page_cold.append(timed(lambda query=query: client.get("/suche/", {"q": query})))
            if asking == 0:
                first_selector[query] = round(selector_cold[-1], 1)
                first_page[query] = round(page_cold[-1], 1)
        page.append(page_cold[-1])
        selector.append(selector_cold[-1])
        for _ in range(repeat - 1):
            client.cookies.clear()
            page.append(timed(lambda query=query: client.get("/suche/", {"q": query})))
            selector.append(timed(lambda query=query: search(query)))
    return {
        "page_median_ms": round(statistics.median(page), 2),
        "search_median_ms": round(statistics.median(selector), 2),
        "page_cold_median_ms": round(statistics.median(page_cold), 2),
        "search_cold_median_ms": round(statistics.median(selector_cold), 2),
        "search_first_ms": first_selector,
        "page_first_ms": first_page,
    }


def _per_query(times: dict) -> str:
    return ", ".join(f"{query} {ms} ms" for query, ms in times.items()) or "-"


def first_visit_weight(base: str, html: bytes) -> dict[str, int]:
    """Bytes a first visit of the start page transfers: compressed HTML, CSS, JS and fonts."""
    assets = re.findall(rb'<link rel="stylesheet" href="([^"]+)"|<script src="([^"]+)"', html)
    urls = [(css or js).decode() for css, js in assets]
    sizes = {"html": len(gzip.compress(html))}
    for url in urls:
        body, size = fetch(base + url)
        sizes[url] = size
        if url.endswith(".css"):
            folder = url.rsplit("/", 1)[0]
            for font in re.findall(rb"url\('?([^')]+\.woff2)'?\)", body):
                sizes[f"{folder}/{font.decode()}"] = fetch(f"{base}{folder}/{font.decode()}")[1]
    return sizes


def fetch(url: str) -> tuple[bytes, int]:
    """The (decoded) body and the bytes transferred, asking for gzip as a browser does."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback
        raw = response.read()
        encoded = response.headers.get("Content-Encoding") == "gzip"
    return (gzip.decompress(raw) if encoded else raw), len(raw)


def server_compresses_html(base: str) -> bool:
    request = urllib.request.Request(base + "/", headers={"Accept-Encoding": "gzip"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback
        return response.headers.get("Content-Encoding") == "gzip"


# --- the run -----------------------------------------------------------------------------------


def run(pages: list[tuple[str, str]], *, seconds: int = 10, out_dir: Path) -> dict:
    tool, load = load_tool()
    env = {**os.environ, "WEB_WORKERS": "2", "WEB_THREADS": "4", "BIND": f"127.0.0.1:{PORT}"}
    env.pop("DEBUG", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "engagementnetz.cli", "serve"], env=env, start_new_session=True
    )
    base = f"http://127.0.0.1:{PORT}"
    results: list[Result] = []
    try:
        wait_for(base + "/healthz")
        print("Queries and bytes per page, search time …", flush=True)
        measured = measure_in_process([path for _name, path in pages])
        search_times = measure_search(SEARCH_QUERIES)
        start_html, _size = fetch(base + "/")
        weight = first_visit_weight(base, start_html)
        compressed = server_compresses_html(base)
        for name, path in [("hello-world", HELLO_PATH), *pages]:
            queries, sent, size, server_ms, kept_ms = measured.get(path, (None,) * 5)
            answered_ms = kept_ms if kept_ms is not None else server_ms
            if answered_ms is not None and answered_ms > TOO_SLOW_MS:
                print(f"Not under load: {name} ({path}) takes {answered_ms:.0f} ms alone.")
                values = dict.fromkeys(("requests", "errors", "p50_us", "p95_us", "p99_us"), 0)
                values["duration_us"] = 1
            else:
                print(f"Load on {name} ({path}) …", flush=True)
                load(base + path, min(2, seconds))  # warm-up
                drain(base)
                values = load(base + path, seconds)
                drain(base)
            results.append(
                Result(
                    name=name,
                    path=path,
                    requests_per_second=values["requests"] / (values["duration_us"] / 1e6),
                    p50_ms=values["p50_us"] / 1000,
                    p95_ms=values["p95_us"] / 1000,
                    p99_ms=values["p99_us"] / 1000,
                    errors=values["errors"],
                    requests=values["requests"],
                    server_ms=server_ms,
                    kept_ms=kept_ms,
                    queries=queries,
                    bytes_sent=sent,
                    bytes_gzip=size,
                )
            )
        rss = worker_rss_mb(server.pid)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    hello = results[0].requests_per_second or 1
    for result in results:
        result.ratio_to_hello = round(result.requests_per_second / hello, 3)
    report = {
        "when": datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": machine(),
        "database": database_vendor(),
        "load_tool": tool,
        "connections": CONNECTIONS,
        "seconds": seconds,
        "server_compresses_html": compressed,
        "first_visit_bytes": weight,
        "search": search_times,
        "web_worker_rss_mb": rss,
        "results": [asdict(result) for result in results],
    }
    report["budgets"] = verdicts(report)
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = f"{datetime.now():%Y%m%d-%H%M%S}-{report['database']}"
    target = out_dir / f"bench-{stamp}.json"
    target.write_text(json.dumps(report, indent=2), encoding="utf-8")
    markdown = render_markdown(report)
    (out_dir / f"bench-{stamp}.md").write_text(markdown, encoding="utf-8")
    print(markdown)
    print(f"results written to {target} and {target.with_suffix('.md')}")
    return report


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs, {model}".rstrip(", ")


def database_vendor() -> str:
    from django.db import connection

    return connection.vendor


def worker_rss_mb(master_pid: int) -> list[float]:
    children = subprocess.run(  # noqa: S603
        ["ps", "-o", "pid=,rss=", "--ppid", str(master_pid)],  # noqa: S607
        capture_output=True,
        text=True,
    ).stdout.split()
    return [round(int(rss) / 1024, 1) for rss in children[1::2]]


def render_markdown(report: dict) -> str:
    lines = [
        f"Benchmark of {report['when']} on {report['machine']}, database {report['database']},"
        f" load tool {report['load_tool']}, {report['connections']} connections,"
        f" {report['seconds']} s per page.",
        "",
        "| page | req/s | ratio | p50 ms | p95 ms | p99 ms | errors | render ms | kept ms | SQL"
        " | KB sent | KB gzip |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in report["results"]:
        queries = "-" if r["queries"] is None else r["queries"]
        sent = "-" if r["bytes_sent"] is None else f"{r['bytes_sent'] / 1024:.1f}"
        size = "-" if r["bytes_gzip"] is None else f"{r['bytes_gzip'] / 1024:.1f}"
        alone = "-" if r["server_ms"] is None else f"{r['server_ms']:.1f}"
        kept = "-" if r.get("kept_ms") is None else f"{r['kept_ms']:.2f}"
        lines.append(
            f"| {r['name']} | {r['requests_per_second']:.1f} | {r['ratio_to_hello']:.2f} |"
            f" {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r['errors']} |"
            f" {alone} | {kept} | {queries} | {sent} | {size} |"
        )
    search = report["search"]
    lines += [
        "",
        "render ms: median time of building the page in the server process (kept pages"
        " forgotten, one request at a time); kept ms: answering it from the kept page; SQL: the"
        f" queries of building it. Pages slower than {TOO_SLOW_MS} ms to build are not put under"
        " load (0 req/s); 0 req/s with 0 errors otherwise means no request ended within the run.",
        "",
        f"Search ({len(SEARCH_QUERIES)} queries × 10, the first time cold):"
        f" median {search['search_median_ms']} ms for the search itself,"
        f" {search['page_median_ms']} ms for the whole search page. Cold only (each query"
        f" three times, each right after a change): median"
        f" {search.get('search_cold_median_ms')} ms for the search,"
        f" {search.get('page_cold_median_ms')} ms for the page. The first of them in the"
        f" process, search: {_per_query(search.get('search_first_ms', {}))}; page:"
        f" {_per_query(search.get('page_first_ms', {}))}.",
        f"First visit of the start page: {sum(report['first_visit_bytes'].values()) / 1024:.1f} KB"
        " (HTML gzip-compressed, CSS, JS and fonts as served).",
        f"The server compresses HTML itself: {'yes' if report['server_compresses_html'] else 'no'}.",
        f"Web worker RSS after the run: {report['web_worker_rss_mb']} MB.",
        "",
        "| budget | limit | measured | verdict |",
        "|---|---|---|---|",
    ]
    for budget in report["budgets"]:
        verdict = "pass" if budget["passed"] else "FAIL"
        lines.append(f"| {budget['name']} | {budget['limit']} | {budget['measured']} | {verdict} |")
    lines.append("")
    lines.append("Budgets: " + "; ".join(f"{key} {value}" for key, value in BUDGETS.items()))
    return "\n".join(lines)
