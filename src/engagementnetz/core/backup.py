"""Consistent backups of the database and the uploaded media, and their restore.

An archive (tar.gz) holds ``manifest.json``, the database (``database.sqlite3`` made with
SQLite's online backup API, or ``database.pgdump`` made by pg_dump in its custom format) and
``media/``. The online backup and pg_dump both read a consistent snapshot while the platform
keeps running.
"""

import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

FORMAT_VERSION = 1


class BackupError(Exception):
    pass


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is needed for PostgreSQL backups (Debian: postgresql-client).")
    return path


def _pg_env_and_args() -> tuple[dict, list[str]]:
    db = connection.settings_dict
    env = {"PGPASSWORD": db.get("PASSWORD") or ""}
    args = ["-h", db.get("HOST") or "127.0.0.1", "-p", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["-U", db["USER"]]
    return env, args


def backup_create(*, target: Path) -> Path:
    """Write a backup archive to ``target`` (a file path) and return it."""
    import os

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        vendor = connection.vendor
        if vendor == "sqlite":
            source = sqlite3.connect(connection.settings_dict["NAME"])
            copy = sqlite3.connect(work / "database.sqlite3")
            with copy:
                source.backup(copy)
            copy.close()
            source.close()
        elif vendor == "postgresql":
            env, args = _pg_env_and_args()
            subprocess.run(  # noqa: S603
                [
                    _tool("pg_dump"),
                    "-Fc",
                    "--no-owner",
                    "-f",
                    str(work / "database.pgdump"),
                    *args,
                    connection.settings_dict["NAME"],
                ],
                env={**os.environ, **env},
                check=True,
                capture_output=True,
            )
        else:
            raise BackupError(f"Backups of {vendor} databases are not supported.")
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": datetime.now(UTC).isoformat(),
            "database": vendor,
        }
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        with tarfile.open(target, "w:gz") as archive:
            for item in sorted(work.iterdir()):
                archive.add(item, arcname=item.name)
            media = Path(settings.MEDIA_ROOT)
            if media.exists():
                archive.add(media, arcname="media")
    return target


def backup_restore(*, source: Path) -> dict:
    """Replace the database and media with the content of the archive ``source``."""
    import os

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with tarfile.open(source, "r:gz") as archive:
            archive.extractall(work, filter="data")
        manifest = json.loads((work / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError("This archive was written by an incompatible version.")
        if manifest["database"] != connection.vendor:
            raise BackupError(
                f"The archive holds a {manifest['database']} database, but the platform is "
                f"configured for {connection.vendor}."
            )
        connections.close_all()
        if connection.vendor == "sqlite":
            backup_db = sqlite3.connect(work / "database.sqlite3")
            live = sqlite3.connect(connection.settings_dict["NAME"])
            with live:
                backup_db.backup(live)
            live.close()
            backup_db.close()
        else:
            env, args = _pg_env_and_args()
            subprocess.run(  # noqa: S603
                [
                    _tool("pg_restore"),
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    "-d",
                    connection.settings_dict["NAME"],
                    *args,
                    str(work / "database.pgdump"),
                ],
                env={**os.environ, **env},
                check=True,
                capture_output=True,
            )
        media = Path(settings.MEDIA_ROOT)
        if (work / "media").exists():
            if media.exists():
                shutil.rmtree(media)
            shutil.copytree(work / "media", media)
    return manifest
