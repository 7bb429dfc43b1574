import re

import pytest


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://engagement.example"


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what services leave for after the commit (mails) right away, as in production."""

    def run(callable_, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return callable_(*args, **kwargs)

    return run


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)
