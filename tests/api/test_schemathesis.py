"""Schemathesis sends generated requests to every operation of the OpenAPI document.

No answer may be a server error, and every answer must match the schema it documents for its
status code. Runs in-process over WSGI, inside the test's transaction, on the small town.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 8


@pytest.fixture
def wsgi_app():
    """The project's WSGI application, keeping the test's database connection open.

    Like Django's test client: a finished request would otherwise close the connection that
    holds the test's transaction.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_generated_requests_get_documented_answers(town, settings, wsgi_app):
    settings.API_RATE_LIMIT_PER_MINUTE = 100_000
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 22

    checks = [not_a_server_error, status_code_conformance, response_schema_conformance]
    statuses: set[int] = set()
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            response = case.call_and_validate(checks=checks)
            statuses.add(response.status_code)

        run()

    # Reads answered with data and with refusals; pushes without a token with 401.
    assert {200, 401} <= statuses
