import os
import subprocess
import sys

import pytest
from django.db import connection
from django.urls import reverse

CLEAN_ENV = {
    key: value
    for key, value in os.environ.items()
    if key
    not in {
        "DEBUG",
        "SECRET_KEY",
        "ENGAGEMENTNETZ_TESTING",
        "DATABASE_URL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "DJANGO_SETTINGS_MODULE",
    }
}


def run_python(code: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**CLEAN_ENV, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_python("import engagementnetz.settings")
    assert result.returncode == 1
    assert "ImproperlyConfigured: SECRET_KEY is not set" in result.stderr


def test_debug_run_starts_without_secret_key():
    result = run_python("import engagementnetz.settings as s; print(s.DEBUG)", DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_check_deploy_reports_nothing_with_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "engagementnetz.cli", "check", "--deploy", "--fail-level", "DEBUG"],
        env={
            **CLEAN_ENV,
            "SECRET_KEY": "a-production-secret-key-that-is-long-and-random-0123456789-abcdefghij",
            "SITE_URL": "https://engagement.example.org",
            "ALLOWED_HOSTS": "engagement.example.org",
            "DATA_DIR": str(tmp_path),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_healthz_reports_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db(transaction=True)
def test_healthz_reports_503_when_the_database_is_unreachable(client, tmp_path):
    original = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = str(tmp_path / "missing-dir" / "db.sqlite3")
    else:
        connection.settings_dict["PORT"] = "1"  # nothing listens there
    try:
        response = client.get(reverse("core:healthz"))
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(original)
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}
