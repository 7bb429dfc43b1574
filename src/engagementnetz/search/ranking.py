"""The order of search results, the same on SQLite and PostgreSQL.

A result's score is its document's stored ``rank`` (boost, plus 5 for an upcoming event or
course, minus 20 for a past one) plus what the query finds in its title: each query word found
at the start of a title word counts 10, inside a compound of the title 4 ("Verein" in
"Musikverein"), and a title that is exactly the query 20 more. Equal scores follow the stored
order: ``order_date`` (the start of events), ``sort_title`` in byte order, id.

Scoring every match is what made a search over thousands of matches slow. Instead the matches
are split into levels by what the query finds in their titles — every document of a level has
the same title score — and each level gives only its first documents in the stored order
(an index walk or a short sort, see ``backends.py``). The best results of the whole query are
among those: a document passed over in its level is outranked by as many of its own level as
the page needs. Levels are asked for from the highest title score down, in two rounds; a level
whose score plus the highest rank in the index cannot reach the results found in the first
round is not asked for at all. With more query words than ``MAX_LEVEL_WORDS`` the levels would
be too many: then the documents with the query in their title are all fetched and scored in
Python, and only those without it are taken from the stored order.
"""

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from . import text
from .backends import Ranked, fulltext
from .tokens import (
    ANY,
    INSIDE,
    KIND,
    NONE,
    PART,
    START,
    TITLE,
    Condition,
    Term,
    Without,
    all_of,
    any_of,
    district_term,
    field_term,
    query_title,
    whole_title,
)

IN_TITLE = 10
INSIDE_TITLE = 4
WHOLE_TITLE = 20
UPCOMING = 5
PAST = -20
MAX_LEVEL_WORDS = 3
TIMED_KINDS = ("event", "course")


def rank(*, boost: int, kind: str, ends_at: datetime | None, now: datetime) -> int:
    """The stored, query-independent part of the score."""
    if kind not in TIMED_KINDS or ends_at is None:
        return boost
    return boost + (UPCOMING if ends_at >= now else PAST)


@dataclass(frozen=True)
class TermGroup:
    """One query word: a prefix of its stem (the stem itself for very short words), or words
    of the index one typo away."""

    stem: str
    alternatives: tuple[str, ...] = ()  # matched exactly
    prefix: bool = True

    @property
    def matches(self) -> Condition:
        """Anywhere in the document."""
        first = Term(self.stem, prefix=self.prefix)
        return any_of([first, *(Term(alt) for alt in self.alternatives)])

    @property
    def in_title(self) -> Condition:
        """At the start of a title word."""
        first = Term(TITLE + self.stem, prefix=self.prefix)
        return any_of([first, *(Term(TITLE + alt) for alt in self.alternatives)])

    @property
    def looks_inside(self) -> bool:
        return self.prefix and len(self.stem) >= text.MIN_COMPOUND_PART

    @property
    def inside_title(self) -> Condition:
        """Inside a compound of the title (only for words that look inside)."""
        return Term(PART + self.stem, prefix=True)

    @property
    def in_or_inside_title(self) -> Condition:
        """At the start of a title word or inside a compound of the title."""
        if not self.looks_inside:
            return self.in_title
        return any_of([self.in_title, self.inside_title])

    # The same two conditions as LIKE patterns for the stored ``title_terms`` (" term term "):
    # every ending of a title word of at least four letters is a compound part, so a stem of
    # four letters or more is inside a compound exactly where it is inside a title word.
    def in_title_patterns(self) -> list[str]:
        first = f"% {self.stem}%" if self.prefix else f"% {self.stem} %"
        return [first, *(f"% {alt} %" for alt in self.alternatives)]

    def in_or_inside_title_patterns(self) -> list[str]:
        if not self.looks_inside:
            return self.in_title_patterns()
        return [f"%{self.stem}%", *(f"% {alt} %" for alt in self.alternatives)]

    def title_score(self, title_words: Sequence[str], title_parts: Sequence[str]) -> int:
        for word in title_words:
            if word in self.alternatives or word == self.stem:
                return IN_TITLE
            if self.prefix and word.startswith(self.stem):
                return IN_TITLE
        if self.looks_inside and any(part.startswith(self.stem) for part in title_parts):
            return INSIDE_TITLE
        return 0


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    field_id: int | None = None
    district_id: int | None = None

    def conditions(self) -> list[Condition]:
        found = []
        if self.kind:
            found.append(Term(KIND + self.kind))
        if self.field_id is not None:
            found.append(field_term(self.field_id))
        if self.district_id is not None:
            found.append(district_term(self.district_id))
        return found


def whole_title_counts(groups: Sequence[TermGroup]) -> bool:
    return bool(groups) and not any(group.alternatives for group in groups)


def title_score(groups: Sequence[TermGroup], title_terms: str) -> int:
    """What the query finds in a title (its terms as stored)."""
    words = title_terms.split()
    parts = text.compound_parts(words)
    score = sum(group.title_score(words, parts) for group in groups)
    if whole_title_counts(groups) and words == [group.stem for group in groups]:
        score += WHOLE_TITLE
    return score


@dataclass(frozen=True)
class Level:
    """The matches whose titles meet the query words as ``states`` say (one per word)."""

    states: tuple[str, ...]
    whole: bool | None  # the title is exactly the query (True), is not (False), either (None)
    score: int | None  # the title score of every document of the level (None: they differ)

    @property
    def bound(self) -> int:
        """The highest title score in the level."""
        if self.score is not None:
            return self.score
        return IN_TITLE * len(self.states) + WHOLE_TITLE

    def condition(self, groups: Sequence[TermGroup], filters: Filters) -> Condition:
        """The level as a full-text condition."""
        whole = Term(whole_title(query_title(group.stem for group in groups)))
        if self.whole:  # such a title has every query word at the start of a title word
            return all_of([whole, *filters.conditions()])
        required: list[Condition] = []
        excluded: list[Condition] = []
        if ANY in self.states:
            required += [group.matches for group in groups]
            required.append(any_of(group.in_or_inside_title for group in groups))
        # A word in the title is a word of the document: it need not be asked for again.
        for group, state in zip(groups, self.states, strict=True):
            if state == START:
                required.append(group.in_title)
            elif state == INSIDE:
                # Said without the title words the next line excludes, which also keeps
                # PostgreSQL's estimate of how many match from counting them.
                required.append(group.inside_title)
                excluded.append(group.in_title)
            elif state == NONE:
                required.append(group.matches)
                excluded.append(group.in_or_inside_title)
        if self.whole is False:
            excluded.append(whole)
        required += filters.conditions()
        condition = all_of(required)
        return Without(condition, any_of(excluded)) if excluded else condition


def levels(groups: Sequence[TermGroup]) -> list[Level]:
    """The levels of a query, the highest title score first."""
    if len(groups) > MAX_LEVEL_WORDS:
        return [
            Level(states=(ANY,) * len(groups), whole=None, score=None),
            Level(states=(NONE,) * len(groups), whole=None, score=0),
        ]
    found = []
    options = [(START, INSIDE, NONE) if group.looks_inside else (START, NONE) for group in groups]
    for states in itertools.product(*options):
        score = sum(
            IN_TITLE if state == START else INSIDE_TITLE if state == INSIDE else 0
            for state in states
        )
        if all(state == START for state in states) and whole_title_counts(groups):
            found.append(Level(states=states, whole=True, score=score + WHOLE_TITLE))
            found.append(Level(states=states, whole=False, score=score))
        else:
            found.append(Level(states=states, whole=None, score=score))
    return sorted(found, key=lambda level: -level.bound)


@dataclass(frozen=True)
class Scored:
    id: int
    score: int
    order: tuple

    @classmethod
    def of(cls, row: Ranked, groups: Sequence[TermGroup]) -> "Scored":
        return cls(
            id=row.id,
            score=row.rank + title_score(groups, row.title_terms),
            order=(row.order_date, row.sort_title, row.id),
        )

    @property
    def key(self) -> tuple:
        return (-self.score, self.order)


FIRST_ROUND = 2  # levels asked for in the first round


def best(
    groups: Sequence[TermGroup],
    filters: Filters,
    *,
    offset: int,
    size: int,
    documents: int,
    top_rank: int,
) -> list[int]:
    """The ids of results ``offset`` to ``offset + size`` of the query, in order."""
    if size <= 0:
        return []
    backend = fulltext()
    wanted = offset + size
    todo = levels(groups)
    counts = backend.count_levels(groups, filters, todo, wanted=wanted, documents=documents)
    if counts is not None:
        todo = [level for level in todo if counts[level]]
    found: list[Scored] = []
    for batch in (todo[:FIRST_ROUND], todo[FIRST_ROUND:]):
        if len(found) >= wanted:
            reach = sorted((entry.score for entry in found), reverse=True)[wanted - 1]
            batch = [level for level in batch if level.bound + top_rank >= reach]
        if not batch:
            continue
        requests = [(level, wanted if level.score is not None else None) for level in batch]
        rows = backend.best(groups, filters, requests, documents=documents, counts=counts)
        found += [Scored.of(row, groups) for row in rows]
    found.sort(key=lambda entry: entry.key)
    return [entry.id for entry in found[offset:wanted]]
