"""The German catalogue is complete: no string of the code is missing or left fuzzy."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import gettext, pgettext

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "engagementnetz"
APPS = sorted(path.parent.name for path in PACKAGE.glob("*/apps.py"))


@pytest.mark.parametrize("app", APPS)
def test_every_german_msgstr_is_there(app):
    po_path = PACKAGE / app / "locale" / "de" / "LC_MESSAGES" / "django.po"
    if not po_path.exists():
        sources = [p for p in (PACKAGE / app).rglob("*") if p.suffix in {".py", ".html", ".txt"}]
        uses_gettext = any(
            "translate" in p.read_text(encoding="utf-8")
            or "gettext" in p.read_text(encoding="utf-8")
            for p in sources
            if "migrations" not in p.parts
        )
        assert not uses_gettext, f"{app} has translatable strings but no German catalogue"
        return
    catalogue = polib.pofile(str(po_path))
    missing = [entry.msgid for entry in catalogue if not entry.translated()]
    fuzzy = [entry.msgid for entry in catalogue if "fuzzy" in entry.flags]
    assert missing == [], f"untranslated in {app}: {missing}"
    assert fuzzy == [], f"fuzzy in {app}: {fuzzy}"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs gettext's xgettext")
@pytest.mark.parametrize("app", APPS)
def test_catalogue_contains_every_string_of_the_code(app, tmp_path):
    copy = tmp_path / app
    shutil.copytree(PACKAGE / app, copy, ignore=shutil.ignore_patterns("locale", "__pycache__"))
    (copy / "locale").mkdir()
    manage = Path(__file__).resolve().parents[2] / "manage.py"
    subprocess.run(
        [
            sys.executable,
            str(manage),
            "makemessages",
            "-l",
            "de",
            "--no-location",
            "--ignore",
            "migrations/*",
            "--ignore",
            "static/*",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    fresh_path = copy / "locale" / "de" / "LC_MESSAGES" / "django.po"
    if not fresh_path.exists():
        return
    fresh = {entry.msgid for entry in polib.pofile(str(fresh_path))}
    po_path = PACKAGE / app / "locale" / "de" / "LC_MESSAGES" / "django.po"
    known = {entry.msgid for entry in polib.pofile(str(po_path))} if po_path.exists() else set()
    assert sorted(fresh - known) == [], (
        f"run `make messages` and translate the new strings of {app}"
    )


@pytest.mark.parametrize("app", APPS)
def test_no_translation_is_shadowed_by_another_app(app):
    """Django merges the catalogues of all apps; for a msgid found in several, the app listed
    first in INSTALLED_APPS wins. A string another app translates differently needs a context
    (pgettext), or this app's own translation is silently never shown."""
    po_path = PACKAGE / app / "locale" / "de" / "LC_MESSAGES" / "django.po"
    if not po_path.exists():
        return
    shadowed = {}
    with translation.override("de"):
        for entry in polib.pofile(str(po_path)):
            if entry.msgid_plural or not entry.msgstr:
                continue
            context = entry.msgctxt
            shown = pgettext(context, entry.msgid) if context else gettext(entry.msgid)
            if shown != entry.msgstr:
                shadowed[entry.msgid] = (shown, entry.msgstr)
    assert shadowed == {}
