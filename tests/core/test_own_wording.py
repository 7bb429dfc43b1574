"""The German words of every app are the ones shown.

Django merges the catalogues of all apps, and for a msgid found in several of them the app
listed first in INSTALLED_APPS wins. A string that another app already translates differently
needs a context (pgettext), or the app's own translation is silently never shown.
"""

from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import gettext, pgettext

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "engagementnetz"


APPS = [
    "core",
    "accounts",
    "pages",
    "organisations",
    "events",
    "opportunities",
    "participation",
    "news",
    "newsletter",
    "search",
    "api",
]


@pytest.mark.parametrize("app", APPS)
def test_no_translation_is_shadowed_by_another_app(app):
    catalogue = polib.pofile(str(PACKAGE / app / "locale" / "de" / "LC_MESSAGES" / "django.po"))
    shadowed = {}
    with translation.override("de"):
        for entry in catalogue:
            if entry.msgid_plural or not entry.msgstr:
                continue
            context = entry.msgctxt
            shown = pgettext(context, entry.msgid) if context else gettext(entry.msgid)
            if shown != entry.msgstr:
                shadowed[entry.msgid] = (shown, entry.msgstr)
    assert shadowed == {}
