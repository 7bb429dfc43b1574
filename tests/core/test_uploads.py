import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from engagementnetz.core.models import SiteSettings

from .test_site_settings import VALID

pytestmark = pytest.mark.django_db


def jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (64, 64), "navy")
    exif = Image.Exif()
    exif[0x010F] = "Kamerahersteller"  # Make
    exif[0x0131] = "Bildbearbeitung 1.0"  # Software
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def post_logo(client, name, content, content_type):
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(
        "/netzwerkbuero/einstellungen/", {**VALID, "logo": upload, "logo_alt": "Logo des Netzes"}
    )


def test_logo_is_stored_without_exif(office_client):
    raw = jpeg_with_exif()
    assert Image.open(io.BytesIO(raw)).getexif()
    response = post_logo(office_client, "logo.jpg", raw, "image/jpeg")
    assert response.status_code == 302
    logo = SiteSettings.current().logo
    with Image.open(logo.path) as stored:
        assert dict(stored.getexif()) == {}
        assert stored.size == (64, 64)


def test_svg_is_refused_with_a_clear_message(office_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = post_logo(office_client, "logo.svg", svg, "image/svg+xml")
    assert response.status_code == 200
    assert "Bitte laden Sie ein Foto als JPEG, PNG oder WebP hoch." in response.content.decode()
    assert not SiteSettings.current().logo


def test_a_fake_image_is_refused_by_its_content(office_client):
    response = post_logo(office_client, "logo.png", b"not really a png", "image/png")
    assert response.status_code == 200
    assert not SiteSettings.current().logo


def test_decompression_bomb_is_refused(office_client):
    buffer = io.BytesIO()
    Image.new("1", (9000, 9000)).save(buffer, format="PNG")  # 81 megapixels, tiny file
    response = post_logo(office_client, "bombe.png", buffer.getvalue(), "image/png")
    assert response.status_code == 200
    assert "Das Bild hat zu viele Pixel" in response.content.decode()


def test_huge_file_is_refused(office_client):
    huge = b"\xff\xd8" + b"0" * (9 * 1024 * 1024)
    response = post_logo(office_client, "riesig.jpg", huge, "image/jpeg")
    assert response.status_code == 200
    assert "Die Datei ist zu groß (höchstens 8 MB)." in response.content.decode()
