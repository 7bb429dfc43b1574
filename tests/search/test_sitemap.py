import defusedxml.ElementTree as ET
import pytest

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_index_lists_the_sections_and_each_section_parses(client, settings):
    settings.SITE_URL = "https://engagement.example.org"
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    index = ET.fromstring(response.content)
    locations = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]
    assert "https://engagement.example.org/sitemap-start.xml" in locations
    assert "https://engagement.example.org/sitemap-seiten.xml" in locations
    urls = []
    for location in locations:
        section = client.get(location.removeprefix("https://engagement.example.org"))
        assert section.status_code == 200
        urls += [loc.text for loc in ET.fromstring(section.content).findall("sm:url/sm:loc", NS)]
    assert "https://engagement.example.org/" in urls
    assert "https://engagement.example.org/impressum/" in urls
    assert "https://engagement.example.org/datenschutz/" in urls
    assert all(url.startswith("https://engagement.example.org/") for url in urls)


def test_unknown_sections_and_pages_are_not_found(client):
    assert client.get("/sitemap-gibtsnicht.xml").status_code == 404
    assert client.get("/sitemap-seiten.xml?p=99").status_code == 404


def test_robots_txt_points_to_the_sitemap(client, settings):
    settings.SITE_URL = "https://engagement.example.org"
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://engagement.example.org/sitemap.xml" in text
    assert "Disallow: /konto/" in text
