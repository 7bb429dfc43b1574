"""The search index: one row per public thing, with its text already normalised in Python.

The full-text part lives beside these tables and is made by migrations 0002 and 0004: on SQLite
an FTS5 table ``search_fulltext`` (rowid = document id), on PostgreSQL the ``tsvector`` columns
``search_vector`` and ``marked_vector`` of ``search_searchdocument`` with GIN indexes. Both hold
the same tokens (see ``text.py`` and ``tokens.py``) and are written by ``backends.py``. The rows
of ``SearchDocument`` stay narrow (what ranking and filtering read); the text shown in results
lives in ``SearchText``.
"""

from datetime import UTC, datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

# ``order_date`` of documents without a start: after every dated one.
ORDER_DATE_NONE = datetime(9999, 1, 1, tzinfo=UTC)


class DocumentKind(models.TextChoices):
    """What a search result is; the order is the order of the filter on the search page."""

    ORGANISATION = "organisation", _("Organisations")
    PROJECT = "project", _("Projects")
    EVENT = "event", _("Events")
    COURSE = "course", _("Training courses")
    OPPORTUNITY = "opportunity", _("Volunteering opportunities")
    PROCESS = "process", _("Participation")
    CONTRIBUTION = "contribution", _("Contributions")
    MEASURE = "measure", _("Measures")
    NEWS = "news", _("News")
    PAGE = "page", _("Pages")
    LINK = "link", _("Associations and networks")


class SearchDocument(models.Model):
    """What the search knows about one public object."""

    model = models.CharField(max_length=100)  # "app_label.modelname" of the object
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20, choices=DocumentKind)
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=500)
    title_terms = models.TextField(blank=True)  # " term term " (text.term_string)
    sort_title = models.CharField(max_length=300)  # folded title, for a stable order
    district = models.ForeignKey(
        "core.District", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    fields = models.ManyToManyField("core.Field", blank=True, related_name="+")
    boost = models.SmallIntegerField(default=0)
    # Events: the next (or last) date, so that upcoming ones come first.
    starts_at = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True)
    # The part of the ranking that does not depend on the query: the boost, plus 5 for an
    # upcoming event or course, minus 20 for a past one (made anew when it ends, see
    # services.index_refresh_ranks). Results of equal score follow ``order_date`` (the start,
    # or the far future for what has none), then ``sort_title``, then the id; one index
    # (migration 0004) holds the documents in this order.
    rank = models.SmallIntegerField(default=0)
    order_date = models.DateTimeField(default=ORDER_DATE_NONE)
    # A date shown with the result (publication of news, start of an event).
    date = models.DateTimeField(null=True, blank=True)
    meta = models.CharField(max_length=300, blank=True)  # e.g. "Musikverein Bitburg · Irsch"
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model", "object_id"], name="search_document_object")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"


class SearchText(models.Model):
    """The text of a document that results show: its summary and an excerpt of its body."""

    document = models.OneToOneField(
        SearchDocument, primary_key=True, on_delete=models.CASCADE, related_name="content"
    )
    summary = models.TextField(blank=True)  # shown when nothing matched in the text
    text = models.TextField(blank=True)  # plain text, for the excerpt around a match

    def __str__(self) -> str:
        return str(self.document_id)


class SearchWord(models.Model):
    """A folded word that occurs in the index, and its stem."""

    word = models.CharField(max_length=64, unique=True)
    stem = models.CharField(max_length=64, db_index=True)

    def __str__(self) -> str:
        return self.word


class SearchWordVariant(models.Model):
    """A word with one character left out, pointing to the word (typo tolerance).

    Two words that are one typo apart (a letter wrong, missing, added or two letters swapped)
    share a variant, so a misspelt query word finds its word with one indexed lookup.
    """

    key = models.CharField(max_length=64)
    word = models.ForeignKey(SearchWord, on_delete=models.CASCADE, related_name="variants")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "word"], name="search_word_variant_unique")
        ]

    def __str__(self) -> str:
        return f"{self.key} → {self.word_id}"


class IndexState(models.Model):
    """One row whose token changes with every write to the index.

    Search results may be kept in the cache under the token: a new token makes every kept
    result unreachable, so nothing is ever shown that the index would not give now.
    """

    # The token a migration leaves when what the index holds has changed: after the
    # migration the index is built again (see apps.py).
    REBUILD = "rebuild"

    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return self.token
