"""Details of entries: photos without metadata, sanitised Markdown, map without a tile server,
sorting and pages of the list, the sitemap, and the deletion of old contact messages."""

import html
from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image

from engagementnetz.organisations import services
from engagementnetz.organisations.models import ContactMessage, OrganisationState
from tests.conftest import login
from tests.factories import OrganisationFactory

from .conftest import card_names
from .factories import ContactMessageFactory, image_upload

pytestmark = pytest.mark.django_db


def page(response) -> str:
    return html.unescape(response.content.decode())


def test_photo_is_stored_without_location_and_in_two_sizes(client, club_editor, organisation):
    login(client, club_editor)
    response = client.post(
        "/organisationen/musikverein-bitburg/fotos/",
        {
            "image": image_upload(size=(3000, 2000), exif=True),
            "caption": "Konzert im Haus Beda",
            "copyright": "© Stadt Bitburg",
        },
    )
    assert response.status_code == 302
    photo = organisation.photos.get()
    with Image.open(photo.image.path) as stored:
        assert max(stored.size) == 1600
        assert dict(stored.getexif()) == {}
    with Image.open(photo.thumbnail.path) as thumbnail:
        assert max(thumbnail.size) == 640
    detail = page(client.get("/organisationen/musikverein-bitburg/"))
    assert 'alt="Konzert im Haus Beda"' in detail
    assert '<span class="photo-copyright">© Stadt Bitburg</span>' in detail
    [record] = organisation.change_records.all()
    assert record.changes == [{"field": "photos", "old": "", "new": "Konzert im Haus Beda"}]


def test_a_file_that_is_no_image_is_refused(client, club_editor, organisation):
    from django.core.files.uploadedfile import SimpleUploadedFile

    login(client, club_editor)
    response = client.post(
        "/organisationen/musikverein-bitburg/fotos/",
        {"image": SimpleUploadedFile("foto.jpg", b"kein Bild"), "caption": "Probe"},
    )
    assert response.status_code == 200
    assert "Bitte laden Sie ein Foto als JPEG, PNG oder WebP hoch." in page(response)
    assert organisation.photos.count() == 0


def test_description_markdown_is_sanitised(client):
    OrganisationFactory(
        name="Kulturverein",
        description=(
            "**Herzlich willkommen!**\n\n"
            '<script>alert("x")</script>\n\n'
            '[Programm](javascript:alert%281%29) <img src=x onerror="alert(2)">'
        ),
    )
    text = client.get("/organisationen/kulturverein/").content.decode()
    assert "<strong>Herzlich willkommen!</strong>" in text
    assert '<script>alert("x")</script>' not in text
    assert 'href="javascript:' not in text
    assert "<img src=x" not in text


def test_map_view_without_a_tile_server_explains_itself(client, settings):
    settings.MAP_TILE_URL = ""
    OrganisationFactory(name="Kulturverein", latitude="49.967", longitude="6.526")
    text = page(client.get("/organisationen/karte/"))
    assert "Die Kartenansicht ist auf dieser Website nicht verfügbar" in text
    assert "leaflet" not in text
    assert "Kulturverein" in text


def test_map_data_holds_only_public_entries(client):
    OrganisationFactory(name="Kulturverein", latitude="49.967", longitude="6.526")
    OrganisationFactory(
        name="Entwurf", latitude="49.9", longitude="6.5", state=OrganisationState.DRAFT
    )
    data = client.get("/organisationen/karte.json").json()
    assert data == {
        "organisations": [
            {
                "name": "Kulturverein",
                "url": "/organisationen/kulturverein/",
                "lat": 49.967,
                "lng": 6.526,
                "text": "Wir machen Musik für alle Generationen.",
            }
        ]
    }


def test_sort_and_pages(client):
    now = timezone.now()
    for number in range(23):
        OrganisationFactory(name=f"Verein {number:02d}", verified_at=now - timedelta(days=number))
    assert card_names(client.get("/organisationen/"))[:2] == ["Verein 00", "Verein 01"]
    assert card_names(client.get("/organisationen/?seite=2")) == [
        "Verein 20",
        "Verein 21",
        "Verein 22",
    ]
    newest = card_names(client.get("/organisationen/?sortierung=neu"))
    assert newest[:3] == ["Verein 00", "Verein 01", "Verein 02"]
    # A page number that does not exist shows a page, not an error.
    assert client.get("/organisationen/?seite=abc").status_code == 200
    assert card_names(client.get("/organisationen/?seite=99")) == [
        "Verein 20",
        "Verein 21",
        "Verein 22",
    ]
    # The pages keep the filters in their links.
    text = page(client.get("/organisationen/?sortierung=neu"))
    assert 'href="?seite=2&sortierung=neu"' in text


def test_sitemap_lists_only_public_entries(client):
    OrganisationFactory(name="Kulturverein")
    OrganisationFactory(name="Noch ungeprüft", state=OrganisationState.SUBMITTED)
    text = client.get("/sitemap-organisations.xml").content.decode()
    assert "/organisationen/kulturverein/" in text
    assert "/organisationen/noch-ungepruft/" not in text


def test_old_contact_messages_are_deleted(settings):
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 30
    old = ContactMessageFactory()
    ContactMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    recent = ContactMessageFactory(organisation=old.organisation)
    assert services.contact_messages_delete_expired() == 1
    assert list(ContactMessage.objects.all()) == [recent]
