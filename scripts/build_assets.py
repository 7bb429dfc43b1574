"""Build the front-end packages from node_modules into the package's static files.

Copies the KERN design system, htmx and Leaflet, and subsets the Fira Sans fonts to the Latin
characters a German site needs so the first visit stays small. Run by `make` after `npm ci`.
"""

import logging
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE = ROOT / "node_modules"
OUT = ROOT / "src" / "engagementnetz" / "static" / "vendor"

FONTS = {  # file name -> (weight, style)
    "FiraSans-Regular": (400, "normal"),
    "FiraSans-Italic": (400, "italic"),
    "FiraSans-SemiBold": (600, "normal"),
    "FiraSans-Bold": (700, "normal"),
}
# Basic Latin, Latin-1 supplement, Latin Extended-A (names of neighbours), typographic marks.
UNICODES = "U+0020-007E,U+00A0-00FF,U+0100-017F,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2192"


def subset_font(source: Path, target: Path) -> None:
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "calt", "tnum", "lnum"]
    options.desubroutinize = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def main() -> int:
    if not NODE.exists():
        print("node_modules is missing: run `npm ci` first.", file=sys.stderr)
        return 1
    if OUT.exists():
        shutil.rmtree(OUT)
    (OUT / "fonts").mkdir(parents=True)
    kern = NODE / "@kern-ux" / "native" / "dist"
    shutil.copy(kern / "kern.min.css", OUT / "kern.min.css")
    faces = []
    for name, (weight, style) in FONTS.items():
        subset_font(kern / "fonts" / "fira-sans" / f"{name}.woff2", OUT / "fonts" / f"{name}.woff2")
        faces.append(
            "@font-face{font-family:'Fira Sans';"
            f"src:url('fonts/{name}.woff2') format('woff2');"
            f"font-weight:{weight};font-style:{style};font-display:swap}}"
        )
    (OUT / "fonts.css").write_text("\n".join(faces) + "\n", encoding="utf-8")
    shutil.copy(NODE / "htmx.org" / "dist" / "htmx.min.js", OUT / "htmx.min.js")
    leaflet = NODE / "leaflet" / "dist"
    (OUT / "leaflet").mkdir()
    shutil.copy(leaflet / "leaflet.js", OUT / "leaflet" / "leaflet.js")
    # leaflet.js names its source map; collectstatic (hashed files) fails without it.
    shutil.copy(leaflet / "leaflet.js.map", OUT / "leaflet" / "leaflet.js.map")
    shutil.copy(leaflet / "leaflet.css", OUT / "leaflet" / "leaflet.css")
    shutil.copytree(leaflet / "images", OUT / "leaflet" / "images")
    print(f"Front-end assets built into {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
