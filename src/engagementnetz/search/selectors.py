"""Searching: from the words someone typed to ranked, highlighted results.

The ranking is portable SQL over the stored terms, so SQLite and PostgreSQL agree exactly:
each query word found at the start of a title word counts 10 (inside a compound of the
title: 4), the whole title matching counts 20 more, plus
the document's boost (verified organisations), plus 5 for upcoming events and minus 20 for
past ones. Ties go to the earlier date, then the title in byte order, then the id.
"""

import hashlib
import math
import pickle
from dataclasses import dataclass, field
from datetime import datetime

from django.core.cache import cache
from django.db.models import Case, Count, F, Max, Min, Q, QuerySet, Value, When
from django.db.models.functions import Collate
from django.utils import timezone

from . import text
from .backends import TermGroup, fulltext, groups_with_matches, match_filter
from .highlight import Highlighter
from .models import DocumentKind, IndexState, SearchDocument, SearchWordVariant
from .services import MIN_TYPO_WORD

MAX_QUERY_WORDS = 8
MIN_PREFIX_WORD = 3
MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20
CACHE_SECONDS = 600
CACHE_FORMAT = 4  # raise when the kept classes change
TIMED_KINDS = (DocumentKind.EVENT, DocumentKind.COURSE)


@dataclass
class QueryWord:
    word: str  # folded, as typed
    group: TermGroup
    corrected_to: tuple[str, ...] = ()  # words of the index one typo away


@dataclass
class ParsedQuery:
    text: str
    words: list[QueryWord] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # words found nowhere

    @property
    def groups(self) -> list[TermGroup]:
        return [word.group for word in self.words]

    def __bool__(self) -> bool:
        return bool(self.words)


def parse_query(raw: str) -> ParsedQuery:
    """Turn what someone typed into term groups: prefix of the stem, or words one typo away.

    Words that match nothing, not even with a typo corrected, are left out and reported.
    """
    raw = " ".join((raw or "").split())[:MAX_QUERY_LENGTH]
    parsed = ParsedQuery(text=raw)
    seen: set[str] = set()
    candidates: list[QueryWord] = []
    for word in text.words(raw):
        stem = text.stem(word)
        if len(word) < 2 or not stem or stem in seen:
            continue
        seen.add(stem)
        # Very short words are taken whole: as prefixes they would match half the index.
        group = TermGroup(stem=stem, prefix=len(word) >= MIN_PREFIX_WORD)
        candidates.append(QueryWord(word=word, group=group))
        if len(candidates) == MAX_QUERY_WORDS:
            break
    if not candidates:
        return parsed
    found = groups_with_matches([candidate.group for candidate in candidates])
    missing = [c for c, ok in zip(candidates, found, strict=True) if not ok]
    corrections = _typo_corrections([c.word for c in missing])
    for candidate, ok in zip(candidates, found, strict=True):
        if ok:
            parsed.words.append(candidate)
            continue
        near = corrections.get(candidate.word, {})
        if near:
            stems = tuple(sorted(set(near.values())))
            parsed.words.append(
                QueryWord(
                    word=candidate.word,
                    group=TermGroup(
                        stem=candidate.group.stem,
                        alternatives=stems,
                        prefix=candidate.group.prefix,
                    ),
                    corrected_to=tuple(sorted(near)),
                )
            )
        else:
            parsed.ignored.append(candidate.word)
    return parsed


def _typo_corrections(words: list[str]) -> dict[str, dict[str, str]]:
    """For each word, the index words one typo away from it, mapped to their stems."""
    words = [word for word in words if len(word) >= MIN_TYPO_WORD and not word.isdigit()]
    if not words:
        return {}
    keys: dict[str, set[str]] = {}
    for word in words:
        for key in {word} | text.deletions(word):
            keys.setdefault(key, set()).add(word)
    rows = SearchWordVariant.objects.filter(key__in=list(keys)).values_list(
        "key", "word__word", "word__stem"
    )
    corrections: dict[str, dict[str, str]] = {}
    for key, candidate, candidate_stem in rows:
        for word in keys[key]:
            if candidate != word and text.edit_distance(word, candidate, limit=1) <= 1:
                corrections.setdefault(word, {})[candidate] = candidate_stem
    return corrections


@dataclass
class Hit:
    document: SearchDocument
    title: str  # HTML with <mark>
    excerpt: str  # HTML with <mark>

    @property
    def kind_label(self) -> str:
        return _kind_label(self.document.kind)


@dataclass
class KindCount:
    kind: str
    count: int

    @property
    def label(self) -> str:
        return _kind_label(self.kind)


def _kind_label(kind: str) -> str:
    # Looked up when shown (not stored with a kept result), in the language of the request.
    return dict(DocumentKind.choices).get(kind, kind)


@dataclass
class SearchResults:
    query: ParsedQuery
    hits: list[Hit]
    total: int
    page: int
    pages: int
    kind_counts: list[KindCount]
    page_size: int = PAGE_SIZE

    @property
    def total_all(self) -> int:
        return sum(entry.count for entry in self.kind_counts)

    @property
    def first_number(self) -> int:
        return (self.page - 1) * self.page_size + 1

    @property
    def previous_page(self) -> int:
        return self.page - 1

    @property
    def next_page(self) -> int:
        return self.page + 1

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def _matching(query: ParsedQuery, *, field=None, district=None) -> QuerySet:
    documents = SearchDocument.objects.filter(match_filter(query.groups))
    if field is not None:
        documents = documents.filter(fields=field)
    if district is not None:
        documents = documents.filter(district=district)
    return documents


def _ranked(documents: QuerySet, query: ParsedQuery, *, now: datetime | None = None) -> QuerySet:
    score = F("boost")
    for word in query.words:
        in_title = Q()
        for pattern in word.group.title_patterns():
            in_title |= Q(title_terms__contains=pattern)
        # Inside a compound of the title ("Verein" in "Musikverein") counts a little.
        inside_title = Q(title_terms__contains=word.group.stem)
        score += Case(
            When(in_title, then=Value(10)),
            When(inside_title, then=Value(4)),
            default=Value(0),
        )
    if not any(word.group.alternatives for word in query.words):
        whole = " " + " ".join(word.group.stem for word in query.words) + " "
        score += Case(When(title_terms=whole, then=Value(20)), default=Value(0))
    now = now or timezone.now()
    score += Case(
        When(Q(kind__in=TIMED_KINDS, ends_at__gte=now), then=Value(5)),
        When(Q(kind__in=TIMED_KINDS, ends_at__lt=now), then=Value(-20)),
        default=Value(0),
    )
    return documents.annotate(score=score).order_by(
        F("score").desc(),
        F("starts_at").asc(nulls_last=True),
        Collate("sort_title", fulltext().collation),
        "id",
    )


def search(
    raw: str,
    *,
    kind: str = "",
    field=None,
    district=None,
    page: int = 1,
    page_size: int = PAGE_SIZE,
) -> SearchResults:
    """One page of results for ``raw``, with the number of results per kind.

    Results are kept in the cache under the token of the index, which every write to the
    index replaces, and are only used again while the moment of the search cannot change the
    order (see ``_Counted``): what comes from the cache is exactly what the database would
    give. The counts are kept apart from the pages, so that the next page or a kind of
    results only needs its ranking.
    """
    token = IndexState.objects.filter(pk=1).values_list("token", flat=True).first()
    where = (raw, getattr(field, "pk", None), getattr(district, "pk", None))
    now = timezone.now()
    page_key = _cache_key(token, "page", *where, kind, page, page_size)
    kept = _kept(page_key, now)
    if kept is not None:
        return kept.results
    counts_key = _cache_key(token, "counts", *where)
    counted = _kept(counts_key, now)
    if counted is None:
        counted = _count(raw, field=field, district=district)
        _keep(counts_key, counted)
    kept = _page(counted, kind=kind, field=field, district=district, page=page, size=page_size)
    _keep(page_key, kept)
    return kept.results


def _cache_key(token: str | None, *parts) -> str | None:
    if not token:
        return None
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"search:{CACHE_FORMAT}:{token}:{digest}"


def _kept(key: str | None, now: datetime):
    if key is None:
        return None
    try:
        kept = cache.get(key)
    except (AttributeError, ImportError, pickle.UnpicklingError):
        return None  # kept by a version of this module whose classes are gone
    return kept if kept is not None and kept.still_exact(now) else None


def _keep(key: str | None, value) -> None:
    if key is not None:
        cache.set(key, value, CACHE_SECONDS)


@dataclass
class _Counted:
    query: ParsedQuery
    counts: dict[str, int] = field(default_factory=dict)
    # The ranking stays exact while no matching event or course passes its end between the
    # moment it was made and now (upcoming ones rank above past ones).
    last_end_before: datetime | None = None
    next_end_from: datetime | None = None

    def still_exact(self, now: datetime) -> bool:
        if self.last_end_before is not None and now <= self.last_end_before:
            return False
        return self.next_end_from is None or now <= self.next_end_from


@dataclass
class _Kept:
    results: SearchResults
    counted: _Counted

    def still_exact(self, now: datetime) -> bool:
        return self.counted.still_exact(now)


def _count(raw: str, *, field, district) -> _Counted:
    """The words found (one or two queries) and the matches per kind (one query)."""
    query = parse_query(raw)
    if not query:
        return _Counted(query=query)
    now = timezone.now()
    timed = Q(kind__in=TIMED_KINDS)
    grouped = (
        _matching(query, field=field, district=district)
        .order_by()
        .values_list("kind")
        .annotate(
            n=Count("id"),
            last_end=Max("ends_at", filter=timed & Q(ends_at__lt=now)),
            next_end=Min("ends_at", filter=timed & Q(ends_at__gte=now)),
        )
    )
    counts, last_ends, next_ends = {}, [], []
    for value, n, last_end, next_end in grouped:
        counts[value] = n
        last_ends += [last_end] if last_end is not None else []
        next_ends += [next_end] if next_end is not None else []
    return _Counted(
        query=query,
        counts=counts,
        last_end_before=max(last_ends, default=None),
        next_end_from=min(next_ends, default=None),
    )


def _page(counted: _Counted, *, kind: str, field, district, page: int, size: int) -> _Kept:
    """One page of ranked results (two queries: the ids in order, then their rows)."""
    query, counts = counted.query, counted.counts
    if not query:
        empty = SearchResults(query=query, hits=[], total=0, page=1, pages=0, kind_counts=[])
        return _Kept(empty, counted)
    kind_counts = [
        KindCount(kind=value, count=counts[value])
        for value in DocumentKind.values
        if counts.get(value)
    ]
    documents = _matching(query, field=field, district=district)
    if kind:
        documents = documents.filter(kind=kind)
        total = counts.get(kind, 0)
    else:
        total = sum(counts.values())
    pages = max(1, math.ceil(total / size))
    page = min(max(1, page), pages)
    start = (page - 1) * size
    # Rank on the narrow rows first, then fetch the shown text of one page only.
    ranked = _ranked(documents, query).values_list("id", flat=True)
    ids = list(ranked[start : start + size])
    rows = sorted(
        SearchDocument.objects.filter(pk__in=ids).select_related("content", "district"),
        key=lambda document: ids.index(document.pk),
    )
    marker = Highlighter(query.groups)
    results = SearchResults(
        query=query,
        hits=[_hit(document, marker) for document in rows],
        total=total,
        page=page,
        pages=pages,
        kind_counts=kind_counts,
        page_size=size,
    )
    return _Kept(results, counted)


def suggestions(raw: str, *, limit: int = 6) -> list[Hit]:
    """The best few results for the header's suggestion list (two queries)."""
    query = parse_query(raw)
    if not query:
        return []
    rows = _ranked(_matching(query), query)[:limit]
    marker = Highlighter(query.groups)
    return [_hit(document, marker, with_excerpt=False) for document in rows]


def _hit(document, marker, *, with_excerpt: bool = True) -> Hit:
    return Hit(
        document=document,
        title=marker.highlight(document.title),
        excerpt=marker.excerpt(document.content.text, document.content.summary)
        if with_excerpt
        else "",
    )
