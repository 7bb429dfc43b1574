import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

MAX_QUERIES = 12


@pytest.fixture
def queries_of(client):
    """Queries of a GET once the site caches are warm; asserts the page's budget of 12."""

    def run(url: str, *, headers: dict | None = None) -> int:
        client.get(url, headers=headers or {})  # fill the site settings and menu caches
        with CaptureQueriesContext(connection) as context:
            response = client.get(url, headers=headers or {})
        assert response.status_code == 200
        count = len(context.captured_queries)
        assert count <= MAX_QUERIES, [q["sql"] for q in context.captured_queries]
        return count

    return run
