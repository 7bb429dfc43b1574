"""The article page: lead photo with caption and copyright, sanitised Markdown, OpenGraph and
schema.org data that stay intact whatever the title contains."""

import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from engagementnetz.core.models import SiteSettings
from engagementnetz.core.site_cache import forget_site_cache

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

SITE = "https://engagement.example"


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = SITE
    current = SiteSettings.current()
    current.name = "Engagierte Stadt Musterstadt"
    current.save()
    forget_site_cache()


def jpeg(name="aufmacher.jpg", size=(160, 90)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_lead_photo_with_caption_and_copyright(client):
    article = ArticleFactory(
        title="Ehrenamtspreis 2026",
        slug="ehrenamtspreis-2026",
        teaser="Zwölf Engagierte wurden geehrt.",
        lead_image=jpeg(),
        lead_image_alt="Die Geehrten auf der Bühne der Stadthalle",
        lead_image_caption="Die Preisträgerinnen und Preisträger mit dem Bürgermeister",
        lead_image_copyright="© Stadt Musterstadt / K. Müller",
    )
    html = client.get("/aktuelles/ehrenamtspreis-2026/").content.decode()
    url = article.lead_image.url
    assert (
        f'<img src="{url}" alt="Die Geehrten auf der Bühne der Stadthalle" width="160" height="90">'
    ) in html
    assert (
        '<figcaption class="kern-body kern-body--small">Die Preisträgerinnen und Preisträger mit '
        'dem Bürgermeister – <span class="news-figure__copyright">© Stadt Musterstadt / '
        "K. Müller</span></figcaption>"
    ) in html
    assert f'<meta property="og:image" content="{SITE}{url}">' in html
    assert (
        '<meta property="og:image:alt" content="Die Geehrten auf der Bühne der Stadthalle">'
    ) in html
    assert '<meta property="og:image:width" content="160">' in html
    assert '<meta property="og:image:height" content="90">' in html
    assert '<meta property="og:description" content="Zwölf Engagierte wurden geehrt.">' in html
    assert '<meta property="og:site_name" content="Engagierte Stadt Musterstadt">' in html
    data = json_ld(html)
    assert data["image"] == [f"{SITE}{url}"]
    assert data["publisher"] == {"@type": "Organization", "name": "Engagierte Stadt Musterstadt"}
    assert data["description"] == "Zwölf Engagierte wurden geehrt."
    assert data["inLanguage"] == "de"


def test_copyright_alone_is_shown_without_a_dash(client):
    ArticleFactory(
        slug="nur-rechte",
        lead_image=jpeg(),
        lead_image_alt="Ein Foto",
        lead_image_copyright="© Verein",
    )
    html = client.get("/aktuelles/nur-rechte/").content.decode()
    assert (
        '<figcaption class="kern-body kern-body--small"><span class="news-figure__copyright">'
        "© Verein</span></figcaption>"
    ) in html


def test_article_without_photo_has_no_image_tags(client):
    ArticleFactory(slug="ohne-foto")
    html = client.get("/aktuelles/ohne-foto/").content.decode()
    assert "og:image" not in html
    assert "<figure" not in html
    assert "image" not in json_ld(html)


def test_markdown_of_the_body_is_sanitised(client):
    ArticleFactory(
        slug="markdown",
        body=(
            "## Rückblick\n\n"
            "Ein **schöner** Tag mit [Fotos](https://verein.example/fotos).\n\n"
            "![Kinder beim Pflanzen](/media/news/pflanzen.jpg)\n\n"
            "<script>alert(1)</script>\n\n"
            '<img src="x" onerror="alert(2)">\n\n'
            "[Klick](javascript:alert(3))"
        ),
    )
    html = client.get("/aktuelles/markdown/").content.decode()
    body = html[html.index('<div class="prose">') : html.index("</div>", html.index('"prose"'))]
    assert "<h2>Rückblick</h2>" in body
    assert (
        '<p>Ein <strong>schöner</strong> Tag mit <a href="https://verein.example/fotos" '
        'rel="noopener noreferrer nofollow">Fotos</a>.</p>'
    ) in body
    assert '<p><img src="/media/news/pflanzen.jpg" alt="Kinder beim Pflanzen"></p>' in body
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" in body
    assert '<p>&lt;img src="x" onerror="alert(2)"&gt;</p>' in body  # text, not an element
    assert "<p>[Klick](javascript:alert(3))</p>" in body  # no link with a foreign scheme
    assert "<script" not in body
    assert '<img src="x"' not in body


def test_title_cannot_break_out_of_the_json_ld(client):
    title = 'Sommerfest </script><script>alert("x")</script> & mehr'
    ArticleFactory(title=title, slug="sommerfest")
    html = client.get("/aktuelles/sommerfest/").content.decode()
    assert '<script>alert("x")</script>' not in html
    assert json_ld(html)["headline"] == title
    assert (
        '<meta property="og:title" content="Sommerfest &lt;/script&gt;&lt;script&gt;'
        'alert(&quot;x&quot;)&lt;/script&gt; &amp; mehr">'
    ) in html


def relate(article, *targets):
    from django.contrib.contenttypes.models import ContentType

    from engagementnetz.news.models import ArticleRelation

    for target in targets:
        ArticleRelation.objects.create(
            article=article,
            content_type=ContentType.objects.get_for_model(target),
            object_id=target.pk,
        )


def test_related_organisations_events_and_processes_that_are_public(client):
    from engagementnetz.organisations.models import OrganisationState
    from tests.events.factories import EventFactory
    from tests.factories import OrganisationFactory
    from tests.participation.factories import ProcessFactory

    article = ArticleFactory(slug="zukunftswerkstatt")
    club = OrganisationFactory(name="Musikverein Bitburg", slug="musikverein")
    waiting = OrganisationFactory(
        name="Noch nicht geprüft", slug="ungeprueft", state=OrganisationState.SUBMITTED
    )
    article.organisations.set([club, waiting])
    relate(
        article,
        EventFactory(title="Zukunftswerkstatt", slug="werkstatt", organiser=club),
        EventFactory(title="Entwurfstermin", slug="entwurfstermin", is_published=False),
        ProcessFactory(title="Engagementstrategie Bitburg", slug="strategie"),
    )
    html = client.get("/aktuelles/zukunftswerkstatt/").content.decode()
    section = html[html.index('<section class="news-related"') : html.index("</section>")]
    assert (
        '<h2 class="kern-heading-medium" id="news-related-heading">Mehr zum Thema</h2>' in section
    )
    links = re.findall(
        r'<h3 class="kern-heading-small">([^<]+)</h3>|<a class="kern-link" href="([^"]+)">([^<]+)</a>',
        section,
    )
    assert [tuple(part for part in link if part) for link in links] == [
        ("Organisationen",),
        ("/organisationen/musikverein/", "Musikverein Bitburg"),
        ("Termine",),
        ("/termine/werkstatt/", "Zukunftswerkstatt"),
        ("Beteiligung",),
        ("/beteiligung/strategie/", "Engagementstrategie Bitburg"),
    ]


def test_article_queries_do_not_grow_with_its_relations(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.events.factories import EventFactory
    from tests.factories import OrganisationFactory

    counts = []
    for size in (1, 4):
        article = ArticleFactory(slug=f"artikel-{size}")
        article.organisations.set(
            [OrganisationFactory(slug=f"verein-{size}-{n}") for n in range(size)]
        )
        relate(article, *[EventFactory(slug=f"termin-{size}-{n}") for n in range(size)])
        client.get(f"/aktuelles/artikel-{size}/")
        with CaptureQueriesContext(connection) as queries:
            html = client.get(f"/aktuelles/artikel-{size}/").content.decode()
        assert html.count('href="/termine/termin-') == size
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 12
