"""Every upload form of the site, found by walking all pages, refuses what is not a clean photo.

tests/core/test_uploads.py checks the site logo in depth; this walk makes the same guarantees
hold for every form with a file field, including forms added later: image fields accept only
JPEG, PNG and WebP by their content (not their name), refuse SVG, GIF, decompression bombs and
huge files with a German message next to the field, keep what was typed, and store photos
without EXIF. PDF fields accept only PDFs by content.
"""

import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from PIL import Image

from tests.conftest import login

from .walk import gettable_urls, is_html, request_as
from .world import build_world

pytestmark = pytest.mark.django_db

NOT_A_PHOTO = "Bitte laden Sie ein Foto als JPEG, PNG oder WebP hoch."
TOO_MANY_PIXELS = "Das Bild hat zu viele Pixel"
TOO_LARGE = "Die Datei ist zu groß (höchstens 8 MB)."
NOT_A_PDF = "Bitte laden Sie eine PDF-Datei hoch."
TYPED = "Text bleibt erhalten"

# Forms that are the same as an edit form probed too, but need a whole new entry to succeed.
SAME_AS_EDIT = {
    "/netzwerkbuero/verzeichnis/neu/": "organisations:edit (logo)",
    "/termine/verwaltung/neu/": "events:manage_edit (photo)",
}
CLUB_OWN = "/aktuelles/meine-beitraege/"


class _UploadForms(HTMLParser):
    """The forms with a file field: action, file field, its accept, and what a browser sends."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: str | None = None
        self._required = False
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        form = self._form
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self._form = {"action": a.get("action") or "", "data": {}, "files": [], "first": {}}
            self.forms.append(self._form)
        elif form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind == "file":
                form["files"].append((a["name"], a.get("accept") or ""))
            elif kind in {"checkbox", "radio"}:
                if "checked" in a:
                    form["data"].setdefault(a["name"], []).append(a.get("value") or "on")
            elif kind not in {"submit", "button", "image", "reset"}:
                value = a.get("value") or ""
                if not value and kind == "text" and ("required" in a or "alt" in a["name"]):
                    value = TYPED  # what a person types; the alt text is needed with a photo
                form["data"][a["name"]] = value
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self._required = "required" in a
        elif tag == "option" and self._select:
            if a.get("value") or not self._required:  # a person picks something required
                form["first"].setdefault(self._select, a.get("value") or "")
            if "selected" in a:
                form["data"].setdefault(self._select, []).append(a.get("value") or "")
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            form["data"][a["name"]] = TYPED if "required" in a else ""

    def handle_data(self, data):
        if self._form is not None and self._textarea and data.strip():
            self._form["data"][self._textarea] = data

    def handle_endtag(self, tag):
        if tag == "form" and self._form is not None:
            for name, value in self._form.pop("first").items():
                self._form["data"].setdefault(name, value)
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def upload_forms(html: str, page: str) -> list[tuple[str, str, str, dict]]:
    """(action, file field, accept, other data) of each upload form of ``html``."""
    parser = _UploadForms()
    parser.feed(html)
    found = []
    for form in parser.forms:
        for name, accept in form["files"]:
            found.append((form["action"] or page, name, accept, form["data"]))
    return found


def image_bytes(fmt: str, size=(120, 90), mode="RGB", exif: bool = False) -> bytes:
    buffer = io.BytesIO()
    image = Image.new(mode, size, 1 if mode == "1" else (30, 90, 160))
    if exif:
        data = Image.Exif()
        data[0x010F] = "Telefonhersteller"  # Make
        data[0x8825] = {1: "N", 2: (49.0, 58.0, 1.0)}  # GPS position
        image.save(buffer, format=fmt, exif=data)
    else:
        image.save(buffer, format=fmt)
    return buffer.getvalue()


def refused_images() -> list[tuple[str, str, bytes, str]]:
    """(what, file name, content, expected German message) of uploads that must be refused."""
    return [
        ("PDF named .jpg", "foto.jpg", b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n", NOT_A_PHOTO),
        ("HTML named .jpg", "foto.jpg", b"<html><script>alert(1)</script></html>", NOT_A_PHOTO),
        (
            "SVG",
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
            NOT_A_PHOTO,
        ),
        ("GIF", "bild.gif", image_bytes("GIF"), NOT_A_PHOTO),
        ("bomb", "bombe.png", image_bytes("PNG", size=(9000, 9000), mode="1"), TOO_MANY_PIXELS),
        ("huge", "riesig.jpg", b"\xff\xd8\xff\xe0" + b"0" * (9 * 1024 * 1024), TOO_LARGE),
    ]


def media_files(settings) -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def uploader(world, action: str):
    """The office may act for every club, but a club's own article form offers only own clubs."""
    return world.owner if action.startswith(CLUB_OWN) else world.users["office"]


def post(client, user, action: str, data: dict, field: str, name: str, content: bytes):
    login(client, user)
    upload = SimpleUploadedFile(name, content)
    with transaction.atomic():
        response = client.post(action, {**data, field: upload})
        transaction.set_rollback(True)
    return response


def test_every_upload_form_takes_only_clean_photos_or_pdfs(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = build_world()
    office = world.users["office"]
    client = Client()
    forms = {}
    for _name, _access, url in gettable_urls(world):
        response = request_as(client, office, "get", url)
        if response.status_code == 200 and is_html(response):
            for action, field, accept, data in upload_forms(response.content.decode(), url):
                forms.setdefault((action, field), (accept, data))
    images = {
        key: data
        for key, (accept, data) in forms.items()
        if accept.startswith("image/") and key[0] not in SAME_AS_EDIT
    }
    pdfs = {key: data for key, (accept, data) in forms.items() if accept == "application/pdf"}
    others = sorted(
        key
        for key, (accept, _data) in forms.items()
        if key not in images | pdfs and key[0] not in SAME_AS_EDIT
    )
    # Logo and photos of organisations and projects, event photo, article lead and inline
    # images, workshop photos, the site logo: each found by the walk.
    assert len(images) >= 8, sorted(images)
    assert len(pdfs) == 1, sorted(pdfs)
    # The CSV import of the club list is parsed as text, never stored as a file for anyone.
    assert others == [("/netzwerkbuero/verzeichnis/import/", "file")]

    problems = []
    bad = refused_images()
    for (action, field), data in images.items():
        where = f"{action} [{field}]"
        user = uploader(world, action)
        if user != office:  # the form as the club's own person sees it
            page = request_as(client, user, "get", action).content.decode()
            data = {(a, f): d for a, f, _accept, d in upload_forms(page, action)}[action, field]
        before = media_files(settings)
        response = post(
            client, user, action, data, field, "handy.jpg", image_bytes("JPEG", exif=True)
        )
        new = media_files(settings) - before
        if response.status_code != 302 or not new:
            problems.append(f"{where}: a clean JPEG → {response.status_code}, {len(new)} files")
        for path in new:
            with Image.open(path) as stored:
                if dict(stored.getexif()):
                    problems.append(f"{where}: {path.name} keeps EXIF")
        for what, name, content, message in bad:
            before = media_files(settings)
            response = post(client, user, action, data, field, name, content)
            typed = TYPED in str(data)
            html = response.content.decode()
            if response.status_code != 200 or message not in html:
                problems.append(f"{where}: {what} → {response.status_code} without the message")
            elif typed and TYPED not in html:
                problems.append(f"{where}: {what} loses what was typed")
            if media_files(settings) - before:
                problems.append(f"{where}: {what} was stored")
    for (action, field), data in pdfs.items():
        for name, content in (
            ("protokoll.pdf", b"<html><script>alert(1)</script></html>"),
            ("protokoll.pdf", image_bytes("JPEG")),
            ("protokoll.html", b"%PDF-1.4\n<script>alert(1)</script>"),
        ):
            response = post(client, office, action, data, field, name, content)
            if response.status_code != 200 or NOT_A_PDF not in response.content.decode():
                problems.append(f"{action} [{field}]: {name} → {response.status_code}")
    assert problems == [], "\n".join(problems)
