"""Keep the German catalogues of the apps up to date and compile them.

    python scripts/messages.py extract   update <app>/locale/de/LC_MESSAGES/django.po (needs gettext)
    python scripts/messages.py compile   write the .mo files (pure Python, no gettext needed)

Every app keeps its own catalogue, so work on one app never touches another's file.
"""

import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "engagementnetz"


def app_dirs() -> list[Path]:
    return sorted(path.parent for path in PACKAGE.glob("*/apps.py"))


def extract(apps: list[Path]) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "engagementnetz.settings", "DEBUG": "1"}
    for app in apps:
        (app / "locale").mkdir(exist_ok=True)
        subprocess.run(  # noqa: S603
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "makemessages",
                "-l",
                "de",
                "--no-location",
                "--no-obsolete",
                "--ignore",
                "migrations/*",
                "--ignore",
                "static/*",
            ],
            cwd=app,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def compile_all() -> int:
    count = 0
    for po_path in PACKAGE.glob("*/locale/*/LC_MESSAGES/django.po"):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        count += 1
    return count


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if command == "extract":
        selected = [PACKAGE / name for name in sys.argv[2:]] or app_dirs()
        extract(selected)
        print("Catalogues updated:", ", ".join(app.name for app in selected))
    count = compile_all()
    print(f"{count} catalogues compiled.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
