"""The few lines of SQL that differ between SQLite (FTS5) and PostgreSQL (tsvector + GIN).

Everything else — normalisation, stemming, typo tolerance, ranking — is the same Python and the
same conditions on both, so that both databases return the same results in the same order.
A condition (``tokens.py``) is written as an FTS5 query or as a ``tsquery``; both match the
same documents, because both hold the very same tokens, written by ``services.py``.

Ranking asks for the best few documents of a condition in the order of the stored ranking
(``rank`` down, then ``order_date``, ``sort_title`` in byte order, id; one index holds it):
where many documents match, the database walks that index and stops after the few; where few
match, it sorts just those.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import connection

from .tokens import (
    ANY,
    INSIDE,
    NONE,
    START,
    All,
    Condition,
    Negation,
    Syntax,
    Without,
    all_of,
    is_marked,
    query_title,
    write,
)

ORDER = "rank DESC, order_date, sort_title{collation}, id"
COLUMNS = "id, rank, order_date, sort_title, title_terms"


@dataclass(frozen=True)
class Ranked:
    """A document as the ranking sees it (no text)."""

    id: int
    rank: int
    order_date: object  # as the database returns it; compared with its own kind only
    sort_title: str
    title_terms: str


class SQLiteFulltext:
    # What the walk along the order index costs per document passed, in units of what sorting
    # costs per matching document: comparing ``title_terms`` with LIKE patterns; looking the
    # document up in the FTS5 index as well where words must be found outside the title (for
    # fewer documents where the title must hold other words: that is compared first).
    WALK_COST = 0.5
    TITLE_AND_PROBE_COST = 2
    PROBE_COST = 8

    SYNTAX = Syntax(
        prefix='"{}"*', exact='"{}"', both=" AND ", either=" OR ", without="({} NOT {})"
    )

    def expression(self, condition: Condition) -> str:
        return write(condition, self.SYNTAX)

    def exists_sql(self) -> str:
        return "SELECT 1 FROM search_fulltext WHERE search_fulltext MATCH %s LIMIT 1"

    def count_by_kind(self, condition: Condition, cap: int) -> dict[str, int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT kind, COUNT(*) FROM search_searchdocument WHERE id IN "
                "(SELECT rowid FROM search_fulltext WHERE search_fulltext MATCH %s LIMIT %s) "
                "GROUP BY kind",
                [self.expression(condition), cap + 1],
            )
            return dict(cursor.fetchall())

    def _cost(self, level) -> float:
        if NONE not in level.states:
            return self.WALK_COST
        if all(state == NONE for state in level.states):
            return self.PROBE_COST
        return self.TITLE_AND_PROBE_COST

    def walks(self, level, *, count: int, limit: int | None, documents: int) -> bool:
        """Walk the documents in order and test each (many match), rather than sort the
        matches (few match)? Walking finds ``limit`` matches after about
        ``limit * documents / count`` documents."""
        if limit is None or ANY in level.states:
            return False
        return count * count >= self._cost(level) * limit * documents

    def count_levels(self, groups, filters, levels, *, wanted: int, documents: int) -> dict:
        """How many documents each level holds, counted as far as the choice in ``best``
        needs (FTS5 counts without reading the rows)."""
        caps = [math.isqrt(int(self._cost(level) * wanted * documents)) + 1 for level in levels]
        expressions = [self.expression(level.condition(groups, filters)) for level in levels]
        selects = " UNION ALL ".join(
            f"SELECT {index}, (SELECT COUNT(*) FROM (SELECT 1 FROM search_fulltext "  # noqa: S608
            "WHERE search_fulltext MATCH %s LIMIT %s))"
            for index in range(len(levels))
        )
        params = [value for pair in zip(expressions, caps, strict=True) for value in pair]
        with connection.cursor() as cursor:
            cursor.execute(selects, params)
            found = dict(cursor.fetchall())
        return {level: found[index] for index, level in enumerate(levels)}

    def best(self, groups, filters, requests, *, documents: int, counts: dict) -> list[Ranked]:
        """The first ``limit`` documents of each level (all where ``None``) in order."""
        order = ORDER.format(collation="")
        parts, params = [], []
        for level, limit in requests:
            if self.walks(level, count=counts[level], limit=limit, documents=documents):
                where, values = self._walk_predicates(groups, filters, level)
                source = (
                    f"search_searchdocument AS d INDEXED BY search_document_order WHERE {where}"
                )
            else:
                source = (
                    "search_searchdocument AS d WHERE d.id IN "
                    "(SELECT rowid FROM search_fulltext WHERE search_fulltext MATCH %s)"
                )
                values = [self.expression(level.condition(groups, filters))]
            limited = f" LIMIT {int(limit)}" if limit is not None else ""
            parts.append(
                f"SELECT * FROM (SELECT {COLUMNS} FROM {source} "  # noqa: S608
                f"ORDER BY {order}{limited})"
            )
            params += values
        return _fetch(" UNION ALL ".join(parts), params)

    def _walk_predicates(self, groups, filters, level) -> tuple[str, list]:
        """The level as conditions on the row (its title terms, kind, district, fields), and
        on the FTS5 index only for the words that must be found outside the title."""
        where, values = [], []
        outside = [
            group.matches
            for group, state in zip(groups, level.states, strict=True)
            if state == NONE
        ]

        def like(patterns: list[str]) -> str:
            values.extend(patterns)
            return "(" + " OR ".join(["d.title_terms LIKE %s"] * len(patterns)) + ")"

        for group, state in zip(groups, level.states, strict=True):
            if state == START:
                where.append(like(group.in_title_patterns()))
            elif state == INSIDE:
                where.append(like(group.in_or_inside_title_patterns()))
                where.append("NOT " + like(group.in_title_patterns()))
            else:
                where.append("NOT " + like(group.in_or_inside_title_patterns()))
        if level.whole is not None:
            where.append("d.title_terms = %s" if level.whole else "d.title_terms <> %s")
            values.append(query_title(group.stem for group in groups))
        if filters.kind:
            where.append("d.kind = %s")
            values.append(filters.kind)
        if filters.district_id is not None:
            where.append("d.district_id = %s")
            values.append(filters.district_id)
        if filters.field_id is not None:
            where.append(
                "EXISTS (SELECT 1 FROM search_searchdocument_fields AS f "
                "WHERE f.searchdocument_id = d.id AND f.field_id = %s)"
            )
            values.append(filters.field_id)
        if outside:
            where.append(
                "EXISTS (SELECT 1 FROM search_fulltext AS f WHERE f.search_fulltext MATCH %s "
                "AND f.rowid = d.id)"
            )
            values.append(self.expression(all_of(outside)))
        return " AND ".join(where), values

    def write(self, rows: Iterable[tuple[int, str, str]]) -> None:
        """Rows of (document id, all its tokens, its marked tokens)."""
        rows = [(pk, words) for pk, words, _marked in rows]
        if not rows:
            return
        with connection.cursor() as cursor:
            # Delete first: after a test database flush the FTS table may still hold a rowid.
            self.delete([pk for pk, _words in rows])
            cursor.executemany("INSERT INTO search_fulltext (rowid, terms) VALUES (%s, %s)", rows)

    def delete(self, ids: Sequence[int]) -> None:
        if not ids:
            return
        with connection.cursor() as cursor:
            for start in range(0, len(ids), 500):
                chunk = list(ids[start : start + 500])
                placeholders = ", ".join(["%s"] * len(chunk))
                cursor.execute(
                    f"DELETE FROM search_fulltext WHERE rowid IN ({placeholders})",  # noqa: S608
                    chunk,
                )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fulltext")

    def tidy(self) -> None:
        """Nothing to do: FTS5 merges its segments as it goes."""


class PostgresFulltext:
    # One query per ranking: the planner chooses between walking the order index and sorting
    # the matches of the GIN index from its statistics.

    SYNTAX = Syntax(
        prefix="{}:*", exact="{}", both=" & ", either=" | ", without="({} & !{})", negation="!{}"
    )

    def expression(self, condition: Condition) -> str:
        return write(condition, self.SYNTAX)

    def where(self, condition: Condition) -> tuple[str, list[str]]:
        """The condition on the two vectors: what asks for marked tokens only goes to the
        small one, the rest to the vector of the whole text."""
        excluded = None
        if isinstance(condition, Without):
            condition, excluded = condition.base, condition.excluded
        parts = condition.parts if isinstance(condition, All) else (condition,)
        marked = [part for part in parts if is_marked(part)]
        words = [part for part in parts if not is_marked(part)]
        if excluded is not None and not is_marked(excluded):
            raise ValueError(condition)  # levels exclude title tokens only
        sql, params = [], []
        if marked or excluded is not None:
            title = all_of(marked) if marked else None
            if excluded is not None:
                title = Without(title, excluded) if title else Negation(excluded)
            sql.append("marked_vector @@ %s::tsquery")
            params.append(self.expression(title))
        if words:
            sql.append("search_vector @@ %s::tsquery")
            params.append(self.expression(all_of(words)))
        return " AND ".join(sql), params

    def exists_sql(self) -> str:
        # OFFSET 0 keeps the planner from trading the GIN index for a sequential scan that
        # hopes to find a first row early (and reads the whole table when there is none).
        return (
            "SELECT 1 FROM (SELECT id FROM search_searchdocument "
            "WHERE search_vector @@ %s::tsquery OFFSET 0) AS matching LIMIT 1"
        )

    def count_levels(self, groups, filters, levels, *, wanted: int, documents: int) -> None:
        """Not counted: the planner chooses from its statistics, and an empty level costs the
        GIN index next to nothing."""
        return None

    def best(self, groups, filters, requests, *, documents: int, counts=None) -> list[Ranked]:
        """The first ``limit`` documents of each level (all where ``None``) in order."""
        order = ORDER.format(collation=' COLLATE "C"')
        parts, params = [], []
        for level, limit in requests:
            limited = f" LIMIT {int(limit)}" if limit is not None else ""
            where, values = self.where(level.condition(groups, filters))
            parts.append(
                f"(SELECT {COLUMNS} FROM search_searchdocument "  # noqa: S608
                f"WHERE {where} ORDER BY {order}{limited})"
            )
            params += values
        return _fetch(" UNION ALL ".join(parts), params)

    def count_by_kind(self, condition: Condition, cap: int) -> dict[str, int]:
        where, values = self.where(condition)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT kind, COUNT(*) FROM (SELECT kind FROM search_searchdocument "  # noqa: S608
                f"WHERE {where} LIMIT %s) AS matching GROUP BY kind",
                [*values, cap + 1],
            )
            return dict(cursor.fetchall())

    def write(self, rows: Iterable[tuple[int, str, str]]) -> None:
        """Rows of (document id, all its tokens, its marked tokens). The tokens are made in
        Python; the cast keeps them as they are (no parser, no dictionary), exactly as FTS5
        sees them."""
        rows = list(rows)
        with connection.cursor() as cursor:
            for start in range(0, len(rows), 500):
                chunk = rows[start : start + 500]
                values = ", ".join(["(%s, %s, %s)"] * len(chunk))
                cursor.execute(
                    "UPDATE search_searchdocument AS document "  # noqa: S608 - placeholders only
                    "SET search_vector = new.words::tsvector, "
                    "marked_vector = new.marked::tsvector "
                    f"FROM (VALUES {values}) AS new (id, words, marked) "
                    "WHERE document.id = new.id",
                    [value for row in chunk for value in row],
                )

    def delete(self, ids: Sequence[int]) -> None:
        """The vector goes with its row."""

    def clear(self) -> None:
        """The vectors go with their rows."""

    def tidy(self) -> None:
        """Move the index entries of a bulk write from GIN's pending lists into the indexes.

        Until autovacuum does so, every search reads the whole pending list, and the planner
        misjudges the index: after a rebuild of the large data set a word found nowhere took
        50 ms instead of 0.04 ms.
        """
        with connection.cursor() as cursor:
            for index in ("search_document_vector", "search_document_marked"):
                cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])


def _fetch(sql: str, params: list) -> list[Ranked]:
    if not sql:
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Ranked(*row) for row in cursor.fetchall()]


def fulltext() -> SQLiteFulltext | PostgresFulltext:
    if connection.vendor == "postgresql":
        return PostgresFulltext()
    return SQLiteFulltext()


def matches_each(conditions: Sequence[Condition]) -> list[bool]:
    """For each condition on its own: does any document match it? One query for all."""
    if not conditions:
        return []
    backend = fulltext()
    selects = " UNION ALL ".join(
        f"SELECT {index} WHERE EXISTS ({backend.exists_sql()})" for index in range(len(conditions))
    )
    params = [backend.expression(condition) for condition in conditions]
    with connection.cursor() as cursor:
        cursor.execute(selects, params)
        found = {row[0] for row in cursor.fetchall()}
    return [index in found for index in range(len(conditions))]


def count_by_kind(condition: Condition, cap: int) -> dict[str, int]:
    """The matches of ``condition`` per kind, of at most ``cap`` + 1 matches in all (so a sum
    above ``cap`` says: more than ``cap``)."""
    return fulltext().count_by_kind(condition, cap)
