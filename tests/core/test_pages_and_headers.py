import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_start_page_is_german_with_navigation_and_footer(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de"' in html
    for label in ("Organisationen", "Termine", "Engagement", "Beteiligung", "Aktuelles"):
        assert f">{label}</a>" in html
    assert 'href="#main">Zum Inhalt springen</a>' in html
    for href in ('href="/impressum/"', 'href="/datenschutz/"', 'href="/barrierefreiheit/"'):
        assert href in html


def test_english_is_the_second_language(client):
    response = client.post("/sprache/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en"' in html
    assert ">Organisations</a>" in html
    client.post("/sprache/", {"language": "de", "next": "/"})
    assert ">Organisationen</a>" in client.get("/").content.decode()


def test_browser_language_does_not_switch_the_site(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="de"' in html


def test_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_no_inline_script_or_style_in_the_layout(client):
    html = client.get("/").content.decode()
    assert "<script>" not in html
    assert "<style" not in html
    assert " style=" not in html


def test_404_page_is_german_in_the_site_layout(client):
    response = client.get("/gibt-es-nicht/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Seite nicht gefunden" in html
    assert "Zum Inhalt springen" in html


def test_403_page_is_german(client, citizen):
    client.force_login(citizen)
    response = client.get("/netzwerkbuero/")
    assert response.status_code == 403
    assert "Zugriff verweigert" in response.content.decode()


def test_csrf_failure_page_is_german(citizen):
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    response = client.post("/konto/profil/", {"name": "X"})
    assert response.status_code == 403
    assert "Das Formular ist abgelaufen" in response.content.decode()


def test_500_page_is_german():
    from django.test import RequestFactory

    from engagementnetz.core.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Ein Fehler ist aufgetreten" in response.content.decode()


def test_legal_pages_exist_after_installation(client):
    for path, title in (
        ("/impressum/", "Impressum"),
        ("/datenschutz/", "Datenschutzerklärung"),
        ("/barrierefreiheit/", "Erklärung zur Barrierefreiheit"),
    ):
        response = client.get(path)
        assert response.status_code == 200
        assert f'<h1 class="kern-heading-large">{title}</h1>' in response.content.decode()
