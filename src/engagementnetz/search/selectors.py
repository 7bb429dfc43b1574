"""Searching: from the words someone typed to ranked, highlighted results.

How results are ordered is told in ``ranking.py``; how many there are is counted up to
``RESULT_CAP`` (beyond it a search says "more than 500" and how many of each kind is left
open: counting them all cost more than the whole rest of the search).
"""

import hashlib
import math
import pickle
from dataclasses import dataclass, field
from datetime import datetime

from django.core.cache import cache
from django.db import connection

from . import ranking, text, tokens
from .backends import count_by_kind, matches_each
from .highlight import Highlighter
from .models import DocumentKind, SearchDocument, SearchWordVariant
from .ranking import Filters, TermGroup
from .services import MIN_TYPO_WORD

MAX_QUERY_WORDS = 8
MIN_PREFIX_WORD = 3
MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20
CACHE_SECONDS = 600
CACHE_FORMAT = 6  # raise when the kept classes change
RESULT_CAP = 500


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

    def matching(self, filters: Filters) -> tokens.Condition:
        """The condition of the documents that match every word and the filters."""
        return tokens.all_of([*(group.matches for group in self.groups), *filters.conditions()])

    def __bool__(self) -> bool:
        return bool(self.words)


def parse_query(raw: str) -> ParsedQuery:
    """Turn what someone typed into term groups: prefix of the stem, or words one typo away.

    Words that match nothing, not even with a typo corrected, are left out and reported.
    """
    return check_words(typed_words(raw))


def typed_words(raw: str) -> ParsedQuery:
    """The words as typed, not yet looked up in the index."""
    raw = " ".join((raw or "").split())[:MAX_QUERY_LENGTH]
    parsed = ParsedQuery(text=raw)
    seen: set[str] = set()
    for word in text.words(raw):
        stem = text.stem(word)
        if len(word) < 2 or not stem or stem in seen:
            continue
        seen.add(stem)
        # Very short words are taken whole: as prefixes they would match half the index.
        group = TermGroup(stem=stem, prefix=len(word) >= MIN_PREFIX_WORD)
        parsed.words.append(QueryWord(word=word, group=group))
        if len(parsed.words) == MAX_QUERY_WORDS:
            break
    return parsed


def check_words(typed: ParsedQuery) -> ParsedQuery:
    """Each typed word as found in the index, corrected (one typo away) or left out."""
    parsed = ParsedQuery(text=typed.text)
    candidates = typed.words
    if not candidates:
        return parsed
    found = matches_each([candidate.group.matches for candidate in candidates])
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
class Shown:
    """What a result shows of its document (kept with the results: plain values only)."""

    title: str
    url: str
    kind: str
    date: datetime | None
    ends_at: datetime | None
    meta: str


SHOWN = ["title", "url", "kind", "date", "ends_at", "meta"]


@dataclass
class Hit:
    document: Shown
    title: str  # HTML with <mark>
    excerpt: str  # HTML with <mark>

    @property
    def kind_label(self) -> str:
        return _kind_label(self.document.kind)


@dataclass
class KindCount:
    kind: str
    count: int | None  # None: more results than were counted

    @property
    def label(self) -> str:
        return _kind_label(self.kind)


def _kind_label(kind: str) -> str:
    # Looked up when shown (not stored with a kept result), in the language of the request.
    try:
        return DocumentKind(kind).label
    except ValueError:
        return kind


@dataclass
class SearchResults:
    query: ParsedQuery
    hits: list[Hit]
    total: int  # at most RESULT_CAP
    page: int
    pages: int
    kind_counts: list[KindCount]
    page_size: int = PAGE_SIZE
    more: bool = False  # more than ``total`` results
    more_in_all: bool = False  # more than ``total_all`` results over all kinds

    @property
    def total_all(self) -> int:
        return sum(entry.count or 0 for entry in self.kind_counts)

    @property
    def cap(self) -> int:
        return RESULT_CAP

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
    index replaces (the ranking's move of ended events too): what comes from the cache is
    exactly what the database would give. The counts are kept apart from the pages, so that
    the next page or a kind of results only needs its ranking.
    """
    token, documents, top_rank = _index_state()
    where = (raw, getattr(field, "pk", None), getattr(district, "pk", None))
    page_key = _cache_key(token, "page", *where, kind, page, page_size)
    kept = _kept(page_key)
    if kept is not None:
        return kept
    counts_key = _cache_key(token, "counts", *where)
    counted = _kept(counts_key)
    if counted is None:
        counted = _count(raw, field=field, district=district)
        _keep(counts_key, counted)
    results = _page(
        counted,
        kind=kind,
        field=field,
        district=district,
        page=page,
        size=page_size,
        documents=documents,
        top_rank=top_rank,
    )
    _keep(page_key, results)
    return results


def _index_state() -> tuple[str | None, int, int]:
    """The token of the index, about how many documents it holds (the span of their ids: no
    count over the table) and their highest rank; one query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT token FROM search_indexstate WHERE id = 1), "
            "(SELECT MAX(id) FROM search_searchdocument) "
            "- (SELECT MIN(id) FROM search_searchdocument) + 1, "  # each read off the index
            "(SELECT MAX(rank) FROM search_searchdocument)"
        )
        token, documents, top_rank = cursor.fetchone()
    return token, documents or 0, top_rank or 0


def _cache_key(token: str | None, *parts) -> str | None:
    if not token:
        return None
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"search:{CACHE_FORMAT}:{token}:{digest}"


def _kept(key: str | None):
    if key is None:
        return None
    try:
        return cache.get(key)
    except (AttributeError, ImportError, pickle.UnpicklingError):
        return None  # kept by a version of this module whose classes are gone


def _keep(key: str | None, value) -> None:
    if key is not None:
        cache.set(key, value, CACHE_SECONDS)


@dataclass
class _Counted:
    query: ParsedQuery
    counts: dict[str, int] = field(default_factory=dict)  # per kind, unless capped
    capped: bool = False  # more than RESULT_CAP matches: no counts per kind


def _count(raw: str, *, field, district) -> _Counted:
    """The matches per kind (one query). Where nothing matches, the words are looked up one
    by one (one or two queries: typos corrected, words found nowhere left out) and counted
    again; where something matches, every word was found."""
    filters = _filters(field=field, district=district)
    query = typed_words(raw)
    counts = count_by_kind(query.matching(filters), RESULT_CAP) if query else {}
    if not counts:
        query = check_words(query)
        if not query:
            return _Counted(query=query)
        counts = count_by_kind(query.matching(filters), RESULT_CAP)
    if sum(counts.values()) > RESULT_CAP:
        return _Counted(query=query, capped=True)
    return _Counted(query=query, counts=counts)


def _filters(*, kind: str = "", field=None, district=None) -> Filters:
    return Filters(
        kind=kind,
        field_id=getattr(field, "pk", None),
        district_id=getattr(district, "pk", None),
    )


def _page(
    counted: _Counted,
    *,
    kind: str,
    field,
    district,
    page: int,
    size: int,
    documents: int,
    top_rank: int,
) -> SearchResults:
    """One page of ranked results (the ranking's queries, then the shown rows)."""
    query = counted.query
    if not query:
        return SearchResults(query=query, hits=[], total=0, page=1, pages=0, kind_counts=[])
    if counted.capped:
        kind_counts = [KindCount(kind=value, count=None) for value in DocumentKind.values]
        total_all, more_in_all = RESULT_CAP, True
    else:
        kind_counts = [
            KindCount(kind=value, count=counted.counts[value])
            for value in DocumentKind.values
            if counted.counts.get(value)
        ]
        total_all, more_in_all = sum(counted.counts.values()), False
    total, more = total_all, more_in_all
    filters = _filters(kind=kind, field=field, district=district)
    if kind and counted.capped:
        found = sum(count_by_kind(query.matching(filters), RESULT_CAP).values())
        total, more = min(found, RESULT_CAP), found > RESULT_CAP
    elif kind:
        total, more = counted.counts.get(kind, 0), False
    pages = max(1, math.ceil(total / size))
    page = min(max(1, page), pages)
    offset = (page - 1) * size
    ids = ranking.best(
        query.groups,
        filters,
        offset=offset,
        size=min(size, total - offset),  # never more than were counted
        documents=documents,
        top_rank=top_rank,
    )
    return SearchResults(
        query=query,
        hits=_hits(ids, query, with_excerpt=True),
        total=total,
        page=page,
        pages=pages,
        kind_counts=kind_counts,
        page_size=size,
        more=more,
        more_in_all=more_in_all,
    )


def suggestions(raw: str, *, limit: int = 6) -> list[Hit]:
    """The best few results for the header's suggestion list."""
    query = parse_query(raw)
    if not query:
        return []
    _token, documents, top_rank = _index_state()
    ids = ranking.best(
        query.groups, Filters(), offset=0, size=limit, documents=documents, top_rank=top_rank
    )
    return _hits(ids, query, with_excerpt=False)


def _hits(ids: list[int], query: ParsedQuery, *, with_excerpt: bool) -> list[Hit]:
    """The shown rows of ``ids`` (one query), in that order, the query's words marked."""
    text_fields = ["content__text", "content__summary"] if with_excerpt else []
    rows = SearchDocument.objects.filter(pk__in=ids).values("id", *SHOWN, *text_fields)
    by_id = {row["id"]: row for row in rows}
    marker = Highlighter(query.groups)
    hits = []
    for row in (by_id[pk] for pk in ids if pk in by_id):
        excerpt = ""
        if with_excerpt:
            excerpt = marker.excerpt(row["content__text"], row["content__summary"])
        hits.append(
            Hit(
                document=Shown(**{name: row[name] for name in SHOWN}),
                title=marker.highlight(row["title"]),
                excerpt=excerpt,
            )
        )
    return hits
