"""The benchmark's parts at a tiny scale: data set, page list, hello-world view, budgets.

The benchmark itself (`make bench`) is not run here.
"""

import random

import pytest
from django.db import transaction
from django.test import RequestFactory

from engagementnetz.core import views
from engagementnetz.core.benchmark.budgets import verdicts
from engagementnetz.core.benchmark.large_dataset import (
    SERIES_LENGTH,
    build_large_dataset,
    organisation_names,
    sized,
)
from engagementnetz.core.benchmark.pages import benchmark_pages
from engagementnetz.core.benchmark.run import measure_in_process
from engagementnetz.events.models import Occurrence
from engagementnetz.news.models import Article
from engagementnetz.opportunities.models import Opportunity
from engagementnetz.organisations.models import Organisation, Project
from engagementnetz.participation.models import Contribution
from engagementnetz.search.models import SearchDocument

pytestmark = pytest.mark.django_db

TINY = 0.001  # 5 organisations, 2 projects, 50 dates, 5 opportunities, 10 articles, 20 ideas


def _names_after_build(seed: int) -> dict[str, list[str]]:
    with transaction.atomic():
        build_large_dataset(seed=seed, scale=TINY, index=False)
        names = {
            "organisations": list(
                Organisation.objects.order_by("pk").values_list("name", flat=True)
            ),
            "events": list(
                Occurrence.objects.order_by("pk").values_list("event__title", flat=True)
            ),
            "articles": list(Article.objects.order_by("pk").values_list("slug", flat=True)),
        }
        transaction.set_rollback(True)
    return names


def test_same_seed_builds_the_same_data_and_another_seed_other_data():
    first = _names_after_build(7)
    assert Organisation.objects.count() == 0  # rolled back between the builds
    assert _names_after_build(7) == first
    assert _names_after_build(8)["organisations"] != first["organisations"]


def test_the_sizes_at_full_scale_are_those_of_the_product_brief():
    size = sized(1)
    assert size["organisations"] == 5000
    assert size["projects"] == 2000
    assert size["series"] * SERIES_LENGTH + size["single_events"] == 50000
    assert size["opportunities"] == 5000
    assert size["articles"] == 10000
    assert size["contributions"] == 20000


def test_repeated_organisation_names_get_a_number():
    names = [name for _kind, name in organisation_names(random.Random(1), 3000)]
    assert len(set(names)) == 3000


@pytest.fixture
def tiny_dataset():
    build_large_dataset(seed=3, scale=TINY)


def test_a_tiny_build_writes_every_kind_and_fills_the_search_index(tiny_dataset):
    assert Organisation.objects.count() == 5
    assert Project.objects.count() == 2
    assert Occurrence.objects.count() == 4 * SERIES_LENGTH + 2
    assert Opportunity.objects.count() == 5
    assert Article.objects.count() == 10
    assert Contribution.objects.count() == 20
    public_organisations = Organisation.objects.public().count()
    assert SearchDocument.objects.filter(kind="organisation").count() == public_organisations
    assert SearchDocument.objects.filter(kind="news").count() == 10


def test_every_benchmarked_page_answers_within_the_query_budget(tiny_dataset, client):
    pages = benchmark_pages()
    names = [name for name, _path in pages]
    for kind in ("organisation", "project", "event (series)", "opportunity", "process"):
        assert kind in names
    assert pages[0] == ("static file (site.css)", "/static/css/site.css")
    dynamic = [path for _name, path in pages[1:]]
    for path in dynamic:
        response = client.get(path)
        assert response.status_code == 200, path
    measured = measure_in_process(dynamic)
    for path, (queries, sent, compressed, _render_ms, _kept_ms) in measured.items():
        assert queries <= 12, (path, queries)
        # Counted while building the page, not while answering from the kept page (the ICS
        # feed is kept by the events app itself, built once above).
        assert queries > 0 or path == "/termine/feed.ics", path
        assert 0 < compressed < sent, path


def test_hello_world_is_not_reachable_without_the_benchmark_setting(client, settings):
    assert settings.BENCHMARK is False
    assert client.get("/bench/hello").status_code == 404


def test_hello_world_view_answers_plain_text():
    response = views.bench_hello(RequestFactory().get("/bench/hello"))
    assert response.status_code == 200
    assert response.content == b"Hello, world"


def _row(name, path, *, ratio, p95, queries, size, requests=100):
    return {
        "name": name,
        "path": path,
        "requests": requests,
        "ratio_to_hello": ratio,
        "p95_ms": p95,
        "queries": queries,
        "bytes_gzip": size,
    }


def test_budgets_name_the_pages_that_fail():
    report = {
        "results": [
            _row("hello-world", "/bench/hello", ratio=1.0, p95=2.0, queries=None, size=None),
            _row(
                "static file (site.css)",
                "/static/x.css",
                ratio=0.9,
                p95=3.0,
                queries=None,
                size=None,
            ),
            _row("start page", "/", ratio=0.6, p95=40.0, queries=9, size=30 * 1024),
            _row("calendar", "/termine/", ratio=0.3, p95=80.0, queries=14, size=45 * 1024),
            # Not one answer within the run: no latency was measured, and that is no pass.
            _row(
                "project", "/projekte/x/", ratio=0.0, p95=0.0, queries=3, size=3 * 1024, requests=0
            ),
            # The subscribed calendar (MB for calendar programs) is reported, not judged as a page.
            _row(
                "feed.ics", "/termine/feed.ics", ratio=0.06, p95=245.0, queries=3, size=900 * 1024
            ),
        ],
        "first_visit_bytes": {"html": 30 * 1024, "/static/site.css": 200 * 1024},
        "search": {"page_median_ms": 9.5, "search_median_ms": 4.0, "search_cold_median_ms": 12.5},
        "web_worker_rss_mb": [120.0, 151.0],
    }
    by_name = {verdict["name"]: verdict for verdict in verdicts(report)}
    assert by_name["throughput ratio to hello-world"]["failing"] == ["calendar", "project"]
    assert by_name["p95 latency"]["failing"] == ["calendar", "project"]
    assert by_name["p95 latency"]["measured"] == "worst calendar: 80"
    assert by_name["queries per page"]["failing"] == ["calendar"]
    # The ICS feed is data, not a page a person reads: its size is no page weight.
    assert by_name["further pages"]["failing"] == ["calendar"]
    assert by_name["start page, first visit"] == {
        "name": "start page, first visit",
        "limit": "≤ 250 KB",
        "measured": "230.0 KB",
        "passed": True,
        "failing": [],
    }
    assert by_name["search median"]["passed"] is True
    assert by_name["search median, first asked"]["measured"] == "12.5 ms"
    assert by_name["search median, first asked"]["passed"] is False
    assert by_name["web worker memory"]["passed"] is False


def test_the_python_load_generator_counts_answers_and_errors():
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from engagementnetz.core.benchmark.run import python_load

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            status = 200 if self.path == "/ok" else 404
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        answered = python_load(f"{base}/ok", 1)
        missing = python_load(f"{base}/gibt-es-nicht", 1)
    finally:
        server.shutdown()
        server.server_close()
    assert answered["requests"] > 0
    assert answered["errors"] == 0
    assert 0 < answered["p50_us"] <= answered["p95_us"] <= answered["p99_us"]
    assert missing["errors"] == missing["requests"] > 0
