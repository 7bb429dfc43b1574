"""Writing, submitting, approving, scheduling and taking articles off the site."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from engagementnetz.core.models import SiteSettings
from engagementnetz.news.models import Article, ArticleImage, ArticleState
from engagementnetz.news.services import articles_publish_due
from tests.conftest import login
from tests.factories import OrganisationFactory

from .factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

CONTENT = {
    "title": "Sommerfest des Musikvereins",
    "teaser": "Am Samstag spielt der Musikverein im Stadtpark.",
    "body": "## Programm\n\nAb 15 Uhr Blasmusik.",
    "lead_image_alt": "",
    "lead_image_caption": "",
    "lead_image_copyright": "",
}


def jpeg(name="foto.jpg", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "JPEG")
    buffer.seek(0)
    buffer.name = name
    return buffer


@pytest.fixture(autouse=True)
def office_address():
    site = SiteSettings.current()
    site.contact_email = "netzwerkbuero@bitburg.example"
    site.save()


def test_network_office_writes_and_publishes_an_article(office_client):
    category = CategoryFactory(name="Aus dem Netzwerk", slug="aus-dem-netzwerk")
    response = office_client.post(
        "/netzwerkbuero/aktuelles/neu/",
        {**CONTENT, "author_name": "Netzwerkbüro", "categories": [category.pk]},
    )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/netzwerkbuero/aktuelles/{article.pk}/"
    assert article.state == ArticleState.DRAFT
    assert article.slug == "sommerfest-des-musikvereins"
    assert Client().get("/aktuelles/sommerfest-des-musikvereins/").status_code == 404

    office_client.post(
        f"/netzwerkbuero/aktuelles/{article.pk}/veroeffentlichen/", {"publish_at": ""}
    )
    article.refresh_from_db()
    assert article.state == ArticleState.PUBLISHED
    html = Client().get("/aktuelles/sommerfest-des-musikvereins/").content.decode()
    assert "<h2>Programm</h2>" in html
    assert "Aus dem Netzwerk" in html


def test_scheduled_article_appears_when_its_time_has_come(office_client):
    article = ArticleFactory(
        title="Vorankündigung", slug="vorankuendigung", state=ArticleState.DRAFT, publish_at=None
    )
    later = timezone.localtime() + timedelta(days=2)
    office_client.post(
        f"/netzwerkbuero/aktuelles/{article.pk}/veroeffentlichen/",
        {"publish_at": later.strftime("%Y-%m-%dT%H:%M")},
    )
    article.refresh_from_db()
    assert article.state == ArticleState.SCHEDULED
    assert article.publish_at == later.replace(second=0, microsecond=0)
    assert Client().get("/aktuelles/vorankuendigung/").status_code == 404

    assert articles_publish_due(now=timezone.now() + timedelta(days=1)) == 0
    assert articles_publish_due(now=later + timedelta(minutes=1)) == 1
    article.refresh_from_db()
    assert article.state == ArticleState.PUBLISHED
    assert articles_publish_due(now=later + timedelta(minutes=2)) == 0


def test_publishing_job_runs_through_the_task(settings):
    from engagementnetz.news.jobs import JOBS

    ArticleFactory(
        title="Fällig",
        state=ArticleState.SCHEDULED,
        publish_at=timezone.now() - timedelta(minutes=1),
    )
    (job,) = JOBS
    assert job.name == "news.publish_scheduled"
    job.task.enqueue()
    assert Article.objects.get(title="Fällig").state == ArticleState.PUBLISHED


def test_club_submits_office_returns_club_changes_office_approves(
    client, club_editor, organisation, office_user, django_capture_on_commit_callbacks
):
    login(client, club_editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/aktuelles/einreichen/", {**CONTENT, "organisation": organisation.pk}
        )
    article = Article.objects.get()
    assert response.status_code == 302
    assert article.state == ArticleState.SUBMITTED
    assert article.organisation == organisation
    assert article.author == club_editor
    assert article.author_name == "Musikverein Bitburg"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["netzwerkbuero@bitburg.example"]
    assert mail.outbox[0].subject == "Neuer Beitrag zur Freigabe: Sommerfest des Musikvereins"
    assert f"/netzwerkbuero/aktuelles/{article.pk}/" in mail.outbox[0].body

    office = login(Client(), office_user)
    with django_capture_on_commit_callbacks(execute=True):
        office.post(
            f"/netzwerkbuero/aktuelles/{article.pk}/zurueckgeben/",
            {"note": "Bitte nennen Sie die Uhrzeit."},
        )
    article.refresh_from_db()
    assert article.state == ArticleState.REJECTED
    assert mail.outbox[1].to == [club_editor.email]
    assert (
        mail.outbox[1].subject == "Ihr Beitrag braucht noch Änderungen: Sommerfest des Musikvereins"
    )
    assert "Bitte nennen Sie die Uhrzeit." in mail.outbox[1].body

    page = client.get(f"/aktuelles/meine-beitraege/{article.pk}/").content.decode()
    assert "Bitte nennen Sie die Uhrzeit." in page
    client.post(
        f"/aktuelles/meine-beitraege/{article.pk}/",
        {
            **CONTENT,
            "teaser": "Am Samstag ab 15 Uhr im Stadtpark.",
            "organisation": organisation.pk,
        },
    )
    article.refresh_from_db()
    assert article.state == ArticleState.SUBMITTED
    assert article.teaser == "Am Samstag ab 15 Uhr im Stadtpark."

    with django_capture_on_commit_callbacks(execute=True):
        office.post(f"/netzwerkbuero/aktuelles/{article.pk}/veroeffentlichen/", {"publish_at": ""})
    article.refresh_from_db()
    assert article.state == ArticleState.PUBLISHED
    assert mail.outbox[-1].subject == "Ihr Beitrag wurde freigegeben: Sommerfest des Musikvereins"
    assert "/aktuelles/sommerfest-des-musikvereins/" in mail.outbox[-1].body

    # Published: the club can no longer change it.
    response = client.post(
        f"/aktuelles/meine-beitraege/{article.pk}/",
        {**CONTENT, "title": "Geändert", "organisation": organisation.pk},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Sommerfest des Musikvereins"


def test_club_cannot_submit_for_an_organisation_it_does_not_belong_to(
    client, club_admin, other_organisation
):
    login(client, club_admin)
    response = client.post(
        "/aktuelles/einreichen/", {**CONTENT, "organisation": other_organisation.pk}
    )
    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen." in response.content.decode()
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("citizen", 403),
        ("club_admin", 200),
        ("club_editor", 200),
        ("other_club_admin", 403),
        ("office_user", 200),
    ],
)
def test_who_may_change_a_submitted_club_article(client, request, organisation, role, expected):
    article = ArticleFactory(
        organisation=organisation, state=ArticleState.SUBMITTED, publish_at=None
    )
    if role != "anonymous":
        login(client, request.getfixturevalue(role))
    url = (
        f"/netzwerkbuero/aktuelles/{article.pk}/"
        if role == "office_user"
        else f"/aktuelles/meine-beitraege/{article.pk}/"
    )
    assert client.get(url).status_code == expected
    post = client.post(url, {**CONTENT, "title": "Übernommen", "organisation": organisation.pk})
    article.refresh_from_db()
    assert (article.title == "Übernommen") == (expected == 200)
    if expected != 200:
        assert post.status_code == expected


@pytest.mark.parametrize("role", ["anonymous", "citizen", "club_admin", "other_club_admin"])
def test_only_the_network_office_publishes(client, request, role, organisation):
    article = ArticleFactory(
        organisation=organisation, state=ArticleState.SUBMITTED, publish_at=None
    )
    if role != "anonymous":
        login(client, request.getfixturevalue(role))
    for action in ("veroeffentlichen", "zurueckgeben", "zurueckziehen"):
        response = client.post(f"/netzwerkbuero/aktuelles/{article.pk}/{action}/", {"note": "x"})
        assert response.status_code in (302, 403)
        if role == "anonymous":
            assert response["Location"].startswith("/konto/login/")
    article.refresh_from_db()
    assert article.state == ArticleState.SUBMITTED


def test_citizen_without_organisation_cannot_submit(citizen_client):
    assert citizen_client.get("/aktuelles/einreichen/").status_code == 403


def test_unverified_club_cannot_submit(client):
    from tests.factories import MembershipFactory

    member = MembershipFactory(organisation=OrganisationFactory(state="submitted")).user
    login(client, member)
    assert client.get("/aktuelles/einreichen/").status_code == 403


def test_photo_upload_for_the_text_and_lead_photo_without_metadata(office_client):
    article = ArticleFactory(state=ArticleState.DRAFT, publish_at=None)
    response = office_client.post(
        f"/aktuelles/artikel/{article.pk}/bilder/", {"image": jpeg(), "alt": "Blaskapelle im Park"}
    )
    assert response.status_code == 302
    image = ArticleImage.objects.get()
    assert image.markdown == f"![Blaskapelle im Park]({image.image.url})"

    response = office_client.post(
        f"/netzwerkbuero/aktuelles/{article.pk}/",
        {**CONTENT, "lead_image": jpeg("aufmacher.jpg", (120, 80)), "lead_image_alt": ""},
    )
    assert response.status_code == 200
    assert (
        "Bitte beschreiben Sie das Foto für Menschen, die es nicht sehen können."
        in response.content.decode()
    )
    office_client.post(
        f"/netzwerkbuero/aktuelles/{article.pk}/",
        {
            **CONTENT,
            "lead_image": jpeg("aufmacher.jpg", (120, 80)),
            "lead_image_alt": "Die Kapelle spielt",
            "lead_image_copyright": "© Musikverein",
        },
    )
    article.refresh_from_db()
    assert (article.lead_image_width, article.lead_image_height) == (120, 80)

    office_client.post(f"/aktuelles/artikel/{article.pk}/bilder/{image.pk}/loeschen/")
    assert ArticleImage.objects.count() == 0


def test_a_refused_photo_is_explained_next_to_the_field_and_the_alt_text_kept(office_client):
    article = ArticleFactory(title="Sommerkonzert", state=ArticleState.DRAFT, publish_at=None)
    response = office_client.post(
        f"/aktuelles/artikel/{article.pk}/bilder/",
        {
            "image": SimpleUploadedFile("foto.jpg", b"%PDF-1.4 kein Foto"),
            "alt": "Blaskapelle im Park",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Blaskapelle im Park"' in html
    assert 'value="Sommerkonzert"' in html  # the article's own form is there as well
    assert 'aria-invalid="true"' in html
    assert ArticleImage.objects.count() == 0


def test_other_club_cannot_add_photos(client, other_club_admin, organisation):
    article = ArticleFactory(
        organisation=organisation, state=ArticleState.SUBMITTED, publish_at=None
    )
    login(client, other_club_admin)
    response = client.post(
        f"/aktuelles/artikel/{article.pk}/bilder/", {"image": jpeg(), "alt": "x"}
    )
    assert response.status_code == 403
    assert ArticleImage.objects.count() == 0


def test_unpublish_takes_the_article_off_the_site(office_client):
    article = ArticleFactory(slug="zurueck")
    office_client.post(f"/netzwerkbuero/aktuelles/{article.pk}/zurueckziehen/")
    article.refresh_from_db()
    assert article.state == ArticleState.DRAFT
    assert Client().get("/aktuelles/zurueck/").status_code == 404


def test_work_area_lists_submitted_articles_first_with_counts(office_client, organisation):
    ArticleFactory(
        title="Wartet", organisation=organisation, state=ArticleState.SUBMITTED, publish_at=None
    )
    ArticleFactory(title="Schon online")
    html = office_client.get("/netzwerkbuero/aktuelles/?status=eingereicht").content.decode()
    assert "Wartet" in html
    assert "Schon online" not in html
    assert "Zur Freigabe eingereicht (1)" in html
    dashboard = office_client.get("/netzwerkbuero/").content.decode()
    assert "1 offen" in dashboard


def test_slugs_are_unique_and_avoid_reserved_paths(office_client):
    for _ in range(2):
        office_client.post("/netzwerkbuero/aktuelles/neu/", {**CONTENT, "title": "Feed"})
    assert sorted(Article.objects.values_list("slug", flat=True)) == ["feed-2", "feed-3"]


def test_categories_are_managed_by_the_office(office_client, citizen):
    from engagementnetz.news.models import Category

    office_client.post(
        "/netzwerkbuero/aktuelles/kategorien/",
        {"name": "Aus den Vereinen", "slug": "", "position": "1"},
    )
    assert Category.objects.get().slug == "aus-den-vereinen"
    citizen_client = login(Client(), citizen)
    assert citizen_client.get("/netzwerkbuero/aktuelles/kategorien/").status_code == 403
