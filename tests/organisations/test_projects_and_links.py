"""Projects (list, detail, partners) and the links to Verbände and Netzwerke with their check."""

import html
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from engagementnetz.organisations import services
from engagementnetz.organisations.models import Link, OrganisationState, ProjectStatus
from tests.conftest import login
from tests.factories import FieldFactory, OrganisationFactory

from .factories import LinkCategoryFactory, LinkFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def page(response) -> str:
    return html.unescape(response.content.decode())


def titles(response) -> list[str]:
    return re.findall(
        r'<h3 class="kern-title"><a class="kern-link" href="[^"]+"[^>]*>([^<]+?)(?:<span|</a>)',
        page(response),
    )


@pytest.fixture
def projects(organisation, other_organisation):
    kultur = FieldFactory(name="Kultur")
    sommer = ProjectFactory(
        title="Sommerkonzert im Park",
        slug="sommerkonzert",
        organisation=organisation,
        field=kultur,
        summary="Open Air am Stadtweiher.",
    )
    sommer.partners.set([other_organisation])
    ProjectFactory(
        title="Vereinsheim renovieren",
        slug="vereinsheim",
        organisation=other_organisation,
        status=ProjectStatus.COMPLETED,
    )
    ProjectFactory(
        title="Entwurfsprojekt", slug="entwurf", organisation=organisation, is_published=False
    )
    hidden_club = OrganisationFactory(name="Neuer Verein", state=OrganisationState.SUBMITTED)
    ProjectFactory(
        title="Projekt eines ungeprüften Vereins", slug="ungeprueft", organisation=hidden_club
    )
    return sommer


def test_project_list_shows_published_projects_of_public_organisations(client, projects):
    assert titles(client.get("/projekte/")) == ["Sommerkonzert im Park", "Vereinsheim renovieren"]
    assert titles(client.get("/projekte/?bereich=kultur")) == ["Sommerkonzert im Park"]
    assert titles(client.get("/projekte/?status=completed")) == ["Vereinsheim renovieren"]
    assert titles(client.get("/projekte/?q=stadtweiher")) == ["Sommerkonzert im Park"]
    assert titles(client.get("/projekte/?q=m%C3%B6tsch")) == ["Vereinsheim renovieren"]


def test_project_list_query_count_does_not_grow(client, projects, organisation):
    client.get("/projekte/")
    with CaptureQueriesContext(connection) as at_two:
        client.get("/projekte/")
    for number in range(20):
        ProjectFactory(title=f"Projekt {number:02d}", organisation=organisation)
    with CaptureQueriesContext(connection) as at_twenty_two:
        response = client.get("/projekte/")
    assert "22 Projekte gefunden" in page(response)
    assert len(at_two) == len(at_twenty_two) <= 12


@pytest.mark.parametrize("slug", ["entwurf", "ungeprueft", "gibt-es-nicht"])
def test_hidden_projects_are_not_found(client, projects, slug):
    assert client.get(f"/projekte/{slug}/").status_code == 404


def test_unpublished_project_is_visible_to_its_organisation(client, projects, club_editor):
    login(client, club_editor)
    assert client.get("/projekte/entwurf/").status_code == 200


def test_project_detail_and_the_organisations_pages(client, projects):
    text = page(client.get("/projekte/sommerkonzert/"))
    assert "<h1" in text and "Sommerkonzert im Park" in text
    assert 'href="/organisationen/musikverein-bitburg/"' in text
    assert 'href="/organisationen/sportfreunde-moetsch/"' in text  # the partner
    # Both the lead and the partner show the project on their pages.
    assert 'href="/projekte/sommerkonzert/"' in page(
        client.get("/organisationen/musikverein-bitburg/")
    )
    assert 'href="/projekte/sommerkonzert/"' in page(
        client.get("/organisationen/sportfreunde-moetsch/")
    )
    assert 'href="/projekte/entwurf/"' not in page(
        client.get("/organisationen/musikverein-bitburg/")
    )


def test_club_creates_a_project(client, club_editor, organisation):
    login(client, club_editor)
    response = client.post(
        "/organisationen/musikverein-bitburg/projekte/neu/",
        {"title": "", "summary": "Proben für das Herbstkonzert.", "status": "planned"},
    )
    assert response.status_code == 200
    assert "Proben für das Herbstkonzert." in page(response)
    assert organisation.projects.count() == 0
    response = client.post(
        "/organisationen/musikverein-bitburg/projekte/neu/",
        {"title": "Herbstkonzert", "summary": "Proben für das Herbstkonzert.", "status": "planned"},
    )
    project = organisation.projects.get()
    assert response["Location"] == project.get_absolute_url()
    assert (project.title, project.status) == ("Herbstkonzert", ProjectStatus.PLANNED)


def test_links_page_lists_published_links_by_category(client):
    netze = LinkCategoryFactory(name="Netzwerke", position=1)
    sport = LinkCategoryFactory(name="Sportverbände", position=2)
    LinkCategoryFactory(name="Leere Kategorie", position=3)
    LinkFactory(category=netze, title="Landesnetzwerk Bürgerschaftliches Engagement", position=1)
    LinkFactory(
        category=netze, title="Engagierte Stadt", position=0, url="https://www.engagiertestadt.de/"
    )
    LinkFactory(category=sport, title="Sportbund Rheinland")
    LinkFactory(category=sport, title="Nicht veröffentlicht", is_published=False)
    response = client.get("/links/")
    text = page(response)
    assert titles(response) == [
        "Engagierte Stadt",
        "Landesnetzwerk Bürgerschaftliches Engagement",
        "Sportbund Rheinland",
    ]
    assert text.index("Netzwerke</h2>") < text.index("Sportverbände</h2>")
    assert "Leere Kategorie" not in text
    assert 'href="https://www.engagiertestadt.de/" rel="noopener"' in text


class _Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response(200 if self.path == "/da" else 404)
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


@pytest.fixture
def web_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_link_check_shows_broken_links_to_the_office(client, office_user, web_server):
    good = LinkFactory(title="Erreichbar", url=f"{web_server}/da")
    broken = LinkFactory(title="Umgezogen", url=f"{web_server}/weg")
    assert services.links_check() == {"ok": 1, "broken": 1}
    good.refresh_from_db()
    broken.refresh_from_db()
    assert (good.last_check_ok, good.last_status_code, good.failing_since) == (True, 200, None)
    assert (broken.last_check_ok, broken.last_status_code) == (False, 404)
    assert broken.failing_since is not None
    login(client, office_user)
    text = page(client.get("/netzwerkbuero/links/"))
    section = text[
        text.index('id="broken-heading"') : text.index(
            "</section>", text.index('id="broken-heading"')
        )
    ]
    assert f"Umgezogen</a> – {web_server}/weg: Status 404" in section
    assert "Erreichbar" not in section
    assert list(Link.objects.broken()) == [broken]


def test_links_page_query_count_does_not_grow(client):
    category = LinkCategoryFactory(name="Netzwerke")
    LinkFactory(category=category)
    client.get("/links/")
    with CaptureQueriesContext(connection) as at_one:
        client.get("/links/")
    for number in range(15):
        LinkFactory(category=LinkCategoryFactory(name=f"Kategorie {number}"))
    with CaptureQueriesContext(connection) as at_sixteen:
        response = client.get("/links/")
    assert len(titles(response)) == 16
    assert len(at_one) == len(at_sixteen) <= 12


def test_detail_query_count_does_not_grow_with_projects_and_fields(client, organisation):
    ProjectFactory(organisation=organisation)
    organisation.fields.set([FieldFactory(name="Musik")])
    client.get("/organisationen/musikverein-bitburg/")
    with CaptureQueriesContext(connection) as few:
        client.get("/organisationen/musikverein-bitburg/")
    for number in range(8):
        ProjectFactory(organisation=organisation)
        organisation.fields.add(FieldFactory(name=f"Bereich {number}"))
    with CaptureQueriesContext(connection) as many:
        response = client.get("/organisationen/musikverein-bitburg/")
    assert page(response).count('href="/projekte/projekt-') == 9
    assert len(few) == len(many)
