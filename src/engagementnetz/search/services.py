"""Keeping the search index current. The services that write content call these explicitly."""

import logging
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone, translation

from engagementnetz.core.page_cache import public_content_changed

from . import ranking, text, tokens
from .backends import fulltext
from .documents import TEXT_LIMIT, Document, Source, installed_sources, source_for
from .models import (
    ORDER_DATE_NONE,
    IndexState,
    SearchDocument,
    SearchText,
    SearchWord,
    SearchWordVariant,
)

logger = logging.getLogger(__name__)

MIN_TYPO_WORD = 4  # shorter words have too many neighbours one typo away


def index_update(obj: models.Model) -> None:
    """Put ``obj`` into the search index, or take it out if it is not public (any more).

    Objects whose documents depend on ``obj`` (the events of an organisation, …) follow.
    """
    source = source_for(obj)
    if source is None:
        return
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        before = (
            SearchDocument.objects.filter(model=source.model, object_id=obj.pk)
            .values_list("title", flat=True)
            .first()
        )
        fresh = source.public().filter(pk=obj.pk).first()
        if fresh is None:
            _remove(source.model, [obj.pk])
            after = None
        else:
            document = source.build(fresh)
            store_documents(source.model, {fresh.pk: document})
            after = document.title[:300]
        if source.dependents and before != after:
            for dependent in source.dependents(obj):
                index_update(dependent)


def index_remove(obj: models.Model) -> None:
    """Take ``obj`` out of the search index (before or after it is deleted)."""
    source = source_for(obj)
    if source is None or obj.pk is None:
        return
    with transaction.atomic():
        _remove(source.model, [obj.pk])
        # What hangs on a removed object (the events of a deleted organisation) goes as well;
        # after a deletion the periodic clean-up (index_prune) finds what is left.
        if source.dependents:
            for dependent in source.dependents(obj):
                dependent_source = source_for(dependent)
                if dependent_source is not None:
                    _remove(dependent_source.model, [dependent.pk])


@transaction.atomic
def index_prune() -> int:
    """Remove documents whose objects are gone or no longer public; returns how many."""
    removed = 0
    for source in installed_sources():
        public_ids = set(source.public().values_list("pk", flat=True))
        indexed = SearchDocument.objects.filter(model=source.model).values_list(
            "object_id", flat=True
        )
        stale = [object_id for object_id in indexed if object_id not in public_ids]
        if stale:
            _remove(source.model, stale)
            removed += len(stale)
    known = [source.model for source in installed_sources()]
    orphans = SearchDocument.objects.exclude(model__in=known)
    removed += orphans.count()
    _remove_documents(list(orphans.values_list("pk", flat=True)))
    return removed


@transaction.atomic
def index_rebuild(*, chunk_size: int = 500) -> dict[str, int]:
    """Empty the index and fill it again from every source; returns the count per model."""
    SearchDocument.objects.all().delete()
    SearchWordVariant.objects.all().delete()
    SearchWord.objects.all().delete()
    fulltext().clear()
    index_changed()
    counts = {}
    with translation.override(settings.LANGUAGE_CODE):
        for source in installed_sources():
            counts[source.model] = _store_all(source, source.public(), chunk_size=chunk_size)
    return counts


@transaction.atomic
def index_refresh_timely(*, chunk_size: int = 500) -> int:
    """Rebuild documents whose shown date has passed since they were built (events move on
    to their next date, or down the ranking as past events); returns how many."""
    count = 0
    with translation.override(settings.LANGUAGE_CODE):
        for source in installed_sources():
            if not source.changes_with_time:
                continue
            due = SearchDocument.objects.filter(
                model=source.model, ends_at__lt=timezone.now(), updated_at__lt=F("ends_at")
            ).values_list("object_id", flat=True)
            count += _store_all(
                source, source.public().filter(pk__in=list(due)), chunk_size=chunk_size
            )
    return count


@transaction.atomic
def index_refresh_ranks(*, now=None) -> int:
    """Move events and courses that have ended since their document was written down the
    ranking (their stored rank assumed them upcoming); returns how many."""
    now = now or timezone.now()
    changed = SearchDocument.objects.filter(
        kind__in=ranking.TIMED_KINDS, ends_at__lt=now, rank__gt=F("boost") + ranking.PAST
    ).update(rank=F("boost") + ranking.PAST)
    if changed:
        index_changed()
    return changed


def _store_all(source: Source, queryset: models.QuerySet, *, chunk_size: int) -> int:
    batch, count = [], 0
    for obj in queryset.iterator(chunk_size=chunk_size):
        batch.append(obj)
        if len(batch) >= chunk_size:
            _store(source, batch)
            count += len(batch)
            batch = []
    if batch:
        _store(source, batch)
        count += len(batch)
    return count


def _remove(model: str, object_ids: Iterable[int]) -> None:
    object_ids = list(object_ids)
    for start in range(0, len(object_ids), 900):
        documents = SearchDocument.objects.filter(
            model=model, object_id__in=object_ids[start : start + 900]
        )
        _remove_documents(list(documents.values_list("pk", flat=True)))


def index_changed() -> None:
    """Give the index a new token, so that no result kept in the cache is shown any more.

    What the index holds is what the public pages show: they are made new as well.
    """
    public_content_changed()
    token = uuid.uuid4().hex
    if not IndexState.objects.filter(pk=1).update(token=token):
        IndexState.objects.create(pk=1, token=token)


def _remove_documents(ids: list[int]) -> None:
    if ids:
        index_changed()
        fulltext().delete(ids)
        for start in range(0, len(ids), 900):
            SearchDocument.objects.filter(pk__in=ids[start : start + 900]).delete()


def _store(source: Source, objects: list[models.Model]) -> None:
    store_documents(source.model, {obj.pk: source.build(obj) for obj in objects})


def store_documents(model: str, built: dict[int, Document]) -> None:
    """Write documents (object id → document of a public object of ``model``): their row,
    fields, full-text terms and the words for typo tolerance."""
    existing = {
        document.object_id: document
        for document in SearchDocument.objects.filter(model=model, object_id__in=list(built))
    }
    to_create, to_update = [], []
    vocabulary: dict[str, str] = {}
    terms: dict[int, str] = {}
    for object_id, doc in built.items():
        document = existing.get(object_id) or SearchDocument(model=model, object_id=object_id)
        _fill(document, doc, vocabulary)
        (to_update if document.pk else to_create).append(document)
        terms[object_id] = tokens.document_tokens(
            document.title_terms,
            text.term_string(f"{doc.body} {doc.extra}"),
            kind=doc.kind,
            field_ids=sorted(set(doc.field_ids)),
            district_id=doc.district_id,
        )

    if to_create:
        SearchDocument.objects.bulk_create(to_create)
    if to_update:
        SearchDocument.objects.bulk_update(to_update, _UPDATE_FIELDS)
    documents = to_create + to_update
    updated_ids = [document.pk for document in to_update]

    SearchText.objects.filter(document_id__in=updated_ids).delete()
    SearchText.objects.bulk_create(
        [
            SearchText(
                document_id=document.pk,
                summary=built[document.object_id].summary or "",
                text=built[document.object_id].body[:TEXT_LIMIT],
            )
            for document in documents
        ]
    )
    through = SearchDocument.fields.through
    through.objects.filter(searchdocument_id__in=updated_ids).delete()
    through.objects.bulk_create(
        [
            through(searchdocument_id=document.pk, field_id=field_id)
            for document in documents
            for field_id in sorted(set(built[document.object_id].field_ids))
        ]
    )
    fulltext().write(
        (document.pk, terms[document.object_id].words, terms[document.object_id].marked)
        for document in documents
    )
    _add_words(vocabulary)
    index_changed()


_UPDATE_FIELDS = [
    "kind",
    "title",
    "url",
    "title_terms",
    "sort_title",
    "district",
    "boost",
    "starts_at",
    "ends_at",
    "rank",
    "order_date",
    "date",
    "meta",
    "updated_at",
]


def _fill(document: SearchDocument, doc: Document, vocabulary: dict[str, str]) -> None:
    document.kind = doc.kind
    document.title = doc.title[:300]
    document.url = doc.url
    document.title_terms = text.term_string(doc.title)
    document.sort_title = text.fold(doc.title)[:300]
    document.district_id = doc.district_id
    document.boost = doc.boost
    document.starts_at = doc.starts_at
    document.ends_at = doc.ends_at
    document.rank = ranking.rank(
        boost=doc.boost, kind=doc.kind, ends_at=doc.ends_at, now=timezone.now()
    )
    document.order_date = doc.starts_at or ORDER_DATE_NONE
    document.date = doc.date
    document.meta = doc.meta[:300]
    document.updated_at = timezone.now()
    for word in text.words(f"{doc.title} {doc.body} {doc.extra}"):
        if len(word) >= MIN_TYPO_WORD - 1 and not word.isdigit() and word not in vocabulary:
            word_stem = text.stem(word)
            vocabulary[word] = word_stem
            # The stem is a word of its own: "Fuerwehr" is one typo from "feuerwehr",
            # even where only "Feuerwehren" occurs.
            if len(word_stem) >= MIN_TYPO_WORD - 1:
                vocabulary.setdefault(word_stem, word_stem)


def _add_words(vocabulary: dict[str, str]) -> None:
    """Add new words and their one-letter-less variants (the typo lookup)."""
    if not vocabulary:
        return
    known: set[str] = set()
    candidates = list(vocabulary)
    for start in range(0, len(candidates), 900):
        known.update(
            SearchWord.objects.filter(word__in=candidates[start : start + 900]).values_list(
                "word", flat=True
            )
        )
    new = [word for word in candidates if word not in known]
    if not new:
        return
    SearchWord.objects.bulk_create(
        [SearchWord(word=word, stem=vocabulary[word]) for word in new], ignore_conflicts=True
    )
    variants = []
    for start in range(0, len(new), 900):
        for pk, word in SearchWord.objects.filter(word__in=new[start : start + 900]).values_list(
            "pk", "word"
        ):
            keys = {word}
            if len(word) >= MIN_TYPO_WORD:
                keys |= text.deletions(word)
            variants.extend(SearchWordVariant(key=key, word_id=pk) for key in keys)
    SearchWordVariant.objects.bulk_create(variants, batch_size=2000, ignore_conflicts=True)
