import pytest

from tests.conftest import login

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Engagiertes Musterstadt",
    "town": "Musterstadt",
    "tagline": "Gemeinsam mehr bewegen",
    "logo_alt": "",
    "colour_scheme": "green",
    "contact_name": "Netzwerkbüro",
    "contact_email": "buero@musterstadt.example",
    "contact_phone": "01234 5678",
    "contact_address": "Marktplatz 1\n12345 Musterstadt",
    "footer_text": "Ein Angebot der Stadt Musterstadt.",
    "intro": "Willkommen!",
}


def test_network_office_changes_the_identity_of_the_site(office_client):
    response = office_client.post("/netzwerkbuero/einstellungen/", VALID)
    assert response.status_code == 302
    html = office_client.get("/").content.decode()
    assert '<span class="site-brand__name">Engagiertes Musterstadt</span>' in html
    assert 'class="scheme-green"' in html
    assert "Ein Angebot der Stadt Musterstadt." in html
    assert "<title>Start – Engagiertes Musterstadt</title>" in html


def test_bad_input_keeps_what_was_typed_and_says_what_is_wrong(office_client):
    response = office_client.post(
        "/netzwerkbuero/einstellungen/", {**VALID, "contact_email": "kein-mail"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte gültige E-Mail-Adresse eingeben." in html
    assert 'value="kein-mail"' in html
    assert 'value="Engagiertes Musterstadt"' in html
    assert 'aria-invalid="true"' in html


@pytest.mark.parametrize("role", ["anonymous", "citizen", "club_admin"])
def test_only_the_network_office_may_change_settings(client, role, request):
    if role != "anonymous":
        login(client, request.getfixturevalue(role))
    response = client.post("/netzwerkbuero/einstellungen/", VALID)
    assert response.status_code in (302, 403)
    if role == "anonymous":
        assert response["Location"].startswith("/konto/login/")
    html = client.get("/").content.decode()
    assert "Engagiertes Musterstadt" not in html


def test_network_office_edits_a_legal_page(office_client, client):
    from engagementnetz.pages.models import Page

    page = Page.objects.get(slug="impressum")
    response = office_client.post(
        f"/netzwerkbuero/seiten/{page.pk}/",
        {
            "title": "Impressum",
            "slug": "impressum",
            "body": "## Anbieter\n\nStadt Musterstadt",
            "menu": "none",
            "menu_position": "0",
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    html = client.get("/impressum/").content.decode()
    assert "<h2>Anbieter</h2>" in html
    assert "<p>Stadt Musterstadt</p>" in html


def test_legal_page_cannot_be_unpublished(office_client):
    from engagementnetz.pages.models import Page

    page = Page.objects.get(slug="datenschutz")
    response = office_client.post(
        f"/netzwerkbuero/seiten/{page.pk}/",
        {
            "title": "Datenschutz",
            "slug": "datenschutz",
            "body": "Text",
            "menu": "none",
            "menu_position": "0",
        },
    )
    assert response.status_code == 200
    assert "Pflichtseiten müssen veröffentlicht bleiben." in response.content.decode()


def test_citizen_cannot_edit_pages(citizen_client):
    from engagementnetz.pages.models import Page

    page = Page.objects.get(slug="impressum")
    response = citizen_client.post(
        f"/netzwerkbuero/seiten/{page.pk}/",
        {
            "title": "Gehackt",
            "slug": "impressum",
            "body": "x",
            "menu": "none",
            "menu_position": "0",
            "is_published": "on",
        },
    )
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.title == "Impressum"


def test_markdown_is_sanitised():
    from engagementnetz.core.markdown import render_markdown

    html = render_markdown(
        "# Titel\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) **fett**"
    )
    assert "<script>" not in html
    assert 'href="javascript' not in html
    assert "<h2>Titel</h2>" in html
    assert "<strong>fett</strong>" in html
