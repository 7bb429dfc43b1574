"""Editable pages: their place in the menus, who may edit them."""

import pytest

from engagementnetz.pages.models import Page
from tests.conftest import login

pytestmark = pytest.mark.django_db


def page_data(**overrides):
    return {
        "title": "Über uns",
        "slug": "ueber-uns",
        "body": "Wir sind das **Netzwerk**.",
        "menu": "main",
        "menu_position": "2",
        "is_published": "on",
        **overrides,
    }


def main_menu(html: str) -> str:
    start = html.index('<nav class="site-nav"')
    return html[start : html.index("</nav>", start)]


def test_office_creates_pages_and_the_menus_show_them_in_order(office_client, client):
    for data in (
        page_data(),
        page_data(title="Engagierte Stadt", slug="engagierte-stadt", menu_position="1"),
        page_data(title="Ehrenamtskarte", slug="ehrenamtskarte", menu="footer", menu_position="1"),
        page_data(title="Versteckt", slug="versteckt", menu="none"),
    ):
        response = office_client.post("/netzwerkbuero/seiten/neu/", data)
        assert response.status_code == 302, response.content.decode()
    assert Page.objects.get(slug="ueber-uns").updated_by.email == "buero@example.org"

    html = client.get("/").content.decode()
    menu = main_menu(html)
    first = menu.index('<li><a href="/seiten/engagierte-stadt/">Engagierte Stadt</a></li>')
    second = menu.index('<li><a href="/seiten/ueber-uns/">Über uns</a></li>')
    assert first < second
    assert "Ehrenamtskarte" not in menu
    assert '<a class="kern-link" href="/seiten/ehrenamtskarte/">Ehrenamtskarte</a>' in html
    assert "/seiten/versteckt/" not in html

    hidden = client.get("/seiten/versteckt/")
    assert hidden.status_code == 200
    assert '<h1 class="kern-heading-large">Versteckt</h1>' in hidden.content.decode()
    page = client.get("/seiten/ueber-uns/").content.decode()
    assert "<p>Wir sind das <strong>Netzwerk</strong>.</p>" in page
    assert 'aria-current="page"' in page


def test_moving_a_page_changes_the_cached_menu_at_once(
    office_client, client, django_capture_on_commit_callbacks
):
    office_client.post("/netzwerkbuero/seiten/neu/", page_data())
    assert "/seiten/ueber-uns/" in client.get("/").content.decode()  # now cached
    page = Page.objects.get(slug="ueber-uns")
    with django_capture_on_commit_callbacks(execute=True):
        response = office_client.post(f"/netzwerkbuero/seiten/{page.pk}/", page_data(menu="none"))
    assert response.status_code == 302
    assert "/seiten/ueber-uns/" not in client.get("/").content.decode()


def test_unpublished_page_is_neither_in_the_menu_nor_reachable(office_client, client):
    office_client.post("/netzwerkbuero/seiten/neu/", page_data(is_published=""))
    assert "/seiten/ueber-uns/" not in client.get("/").content.decode()
    assert client.get("/seiten/ueber-uns/").status_code == 404


def test_bad_input_is_explained_and_kept(office_client):
    Page.objects.create(slug="ueber-uns", title="Über uns", body="x")
    response = office_client.post(
        "/netzwerkbuero/seiten/neu/",
        page_data(title="Über uns, neu", body="", menu_position="zwei"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Eine andere Seite hat schon diese Adresse. Bitte wählen Sie eine andere." in html
    assert 'value="Über uns, neu"' in html
    assert Page.objects.count() == 4  # the three legal pages and the first "Über uns"


def test_the_address_of_a_legal_page_is_fixed(office_client):
    page = Page.objects.get(slug="impressum")
    response = office_client.post(
        f"/netzwerkbuero/seiten/{page.pk}/",
        page_data(title="Impressum", slug="anbieter", menu="footer"),
    )
    assert response.status_code == 200
    assert "Die Adresse einer Pflichtseite lässt sich nicht ändern." in response.content.decode()
    page.refresh_from_db()
    assert page.slug == "impressum"


@pytest.mark.parametrize("role", ["anonymous", "citizen", "club_admin", "office_user"])
def test_only_the_network_office_edits_pages(client, request, role):
    page = Page.objects.get(slug="impressum")
    if role != "anonymous":
        login(client, request.getfixturevalue(role))
    responses = [
        client.get("/netzwerkbuero/seiten/"),
        client.get("/netzwerkbuero/seiten/neu/"),
        client.post("/netzwerkbuero/seiten/neu/", page_data()),
        client.post(
            f"/netzwerkbuero/seiten/{page.pk}/", page_data(title="Geändert", slug="impressum")
        ),
    ]
    codes = [response.status_code for response in responses]
    if role == "office_user":
        assert codes == [200, 200, 302, 302]
        assert Page.objects.get(pk=page.pk).title == "Geändert"
        return
    if role == "anonymous":
        assert codes == [302, 302, 302, 302]
        assert all(r["Location"].startswith("/konto/login/") for r in responses)
    else:
        assert codes == [403, 403, 403, 403]
    assert not Page.objects.filter(slug="ueber-uns").exists()
    assert Page.objects.get(pk=page.pk).title == "Impressum"


@pytest.mark.parametrize("count", [1, 6])
def test_page_queries_do_not_grow_with_the_menu(client, count, django_assert_num_queries):
    for number in range(count):
        Page.objects.create(
            slug=f"seite-{number}", title=f"Seite {number}", body="Text", menu="main"
        )
    Page.objects.create(slug="hier", title="Hier", body="Text")
    client.get("/seiten/hier/")  # fills the cache of settings and menus
    with django_assert_num_queries(1):  # the page itself
        html = client.get("/seiten/hier/").content.decode()
    assert f'<li><a href="/seiten/seite-{count - 1}/">Seite {count - 1}</a></li>' in html
