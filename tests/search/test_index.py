"""The index follows the content: services call index_update / index_remove; reindex rebuilds."""

import pytest
from django.core.management import call_command
from django.db import connection

from engagementnetz.pages.models import Page
from engagementnetz.search import selectors
from engagementnetz.search.models import SearchDocument, SearchText, SearchWord
from engagementnetz.search.services import index_prune, index_rebuild, index_remove, index_update

pytestmark = pytest.mark.django_db


def found(raw: str) -> list[str]:
    return [hit.document.title for hit in selectors.search(raw).hits]


@pytest.fixture
def page():
    page = Page.objects.create(
        slug="ehrenamtsboerse", title="Ehrenamtsbörse im Rathaus", body="Jeden **ersten** Montag."
    )
    index_update(page)
    return page


def test_a_new_public_object_is_found(page):
    assert found("Ehrenamtsbörse") == ["Ehrenamtsbörse im Rathaus"]
    document = SearchDocument.objects.get(model="pages.Page", object_id=page.pk)
    assert (document.kind, document.url) == ("page", "/seiten/ehrenamtsboerse/")
    assert SearchText.objects.get(document=document).text == "Jeden ersten Montag."


def test_an_edit_replaces_the_old_text(page):
    page.title = "Freiwilligenbörse im Rathaus"
    page.save()
    index_update(page)
    assert found("Ehrenamtsbörse") == []
    assert found("Freiwilligenbörse") == ["Freiwilligenbörse im Rathaus"]
    assert SearchDocument.objects.filter(model="pages.Page").count() == 1


def test_unpublishing_takes_it_out(page):
    page.is_published = False
    page.save()
    index_update(page)
    assert found("Ehrenamtsbörse") == []
    assert not SearchDocument.objects.filter(model="pages.Page", object_id=page.pk).exists()


def test_deleting_takes_it_out(page):
    index_remove(page)
    page.delete()
    assert found("Ehrenamtsbörse") == []


def test_objects_of_models_without_a_source_are_ignored(citizen):
    index_update(citizen)
    index_remove(citizen)
    assert SearchDocument.objects.count() == 0


def test_reindex_rebuilds_everything_from_the_content(page):
    Page.objects.filter(pk=page.pk).update(title="Sprechstunde im Rathaus")  # behind its back
    assert found("Sprechstunde") == []
    call_command("reindex", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert found("Sprechstunde") == ["Sprechstunde im Rathaus"]
    assert found("Ehrenamtsbörse") == []
    legal = ["Barrierefreiheit", "Datenschutz", "Impressum"]
    assert sorted(d.title for d in SearchDocument.objects.exclude(object_id=page.pk)) == sorted(
        Page.objects.exclude(pk=page.pk).values_list("title", flat=True)
    )
    assert all(found(title) for title in legal if Page.objects.filter(title=title).exists())
    assert SearchWord.objects.filter(word="sprechstunde").exists()
    assert not SearchWord.objects.filter(word="ehrenamtsboerse").exists()


def test_rebuild_reports_counts_per_model(page):
    counts = index_rebuild()
    assert counts["pages.Page"] == Page.objects.published().count()


def test_prune_drops_what_is_no_longer_public(page):
    Page.objects.filter(pk=page.pk).update(is_published=False)  # behind its back
    assert index_prune() == 1
    assert found("Ehrenamtsbörse") == []


def test_fulltext_rows_follow_the_documents(page):
    index_remove(page)
    index_update(page)
    index_update(page)
    assert found("Ehrenamtsbörse") == ["Ehrenamtsbörse im Rathaus"]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_fulltext")
            assert cursor.fetchone()[0] == SearchDocument.objects.count()


def test_news_articles_are_found_with_their_teaser_and_date():
    from django.utils import timezone

    from engagementnetz.news.models import Article, ArticleState, Category

    published = timezone.now() - timezone.timedelta(days=1)
    article = Article.objects.create(
        title="Neue Ehrenamtskarten überreicht",
        slug="ehrenamtskarten",
        teaser="Der Bürgermeister dankte zwölf Engagierten.",
        body="Im Rathaus wurden **zwölf** Karten überreicht.",
        state=ArticleState.PUBLISHED,
        publish_at=published,
        author_name="Netzwerkbüro",
    )
    article.categories.add(Category.objects.create(name="Aus dem Netzwerk", slug="netzwerk"))
    index_update(article)
    hit = selectors.search("Ehrenamtskarte Netzwerk").hits[0]
    assert hit.document.url == "/aktuelles/ehrenamtskarten/"
    assert (hit.document.kind, hit.document.date, hit.document.meta) == (
        "news",
        published,
        "Netzwerkbüro",
    )
    # Nothing of the query in the text: the teaser stands in for the excerpt.
    assert hit.excerpt == "Der Bürgermeister dankte zwölf Engagierten."

    article.state = ArticleState.DRAFT
    article.save()
    index_update(article)
    assert found("Ehrenamtskarte") == []


def test_contributions_follow_their_process():
    from tests.participation.factories import ContributionFactory, MeasureFactory, ProcessFactory

    process = ProcessFactory(title="Engagementstrategie Bitburg 2030", slug="strategie")
    contribution = ContributionFactory(
        process=process, text="Ein Treffpunkt für Ehrenamtliche in der Innenstadt wäre schön."
    )
    measure = MeasureFactory(title="Ehrenamtsbörse einrichten", slug="ehrenamtsboerse")
    for obj in (process, contribution, measure):
        index_update(obj)
    assert found("Treffpunkt") == ["Ein Treffpunkt für Ehrenamtliche in der Innenstadt wäre schön."]
    assert found("Engagementstrategie") == [
        "Engagementstrategie Bitburg 2030",
        "Ein Treffpunkt für Ehrenamtliche in der Innenstadt wäre schön.",
    ]
    assert found("Ehrenamtsbörse") == ["Ehrenamtsbörse einrichten"]

    process.is_published = False
    process.save()
    index_update(process)
    assert found("Treffpunkt") == []
    assert found("Engagementstrategie") == []
    process.is_published = True
    process.save()
    index_update(process)
    assert found("Treffpunkt") == ["Ein Treffpunkt für Ehrenamtliche in der Innenstadt wäre schön."]
