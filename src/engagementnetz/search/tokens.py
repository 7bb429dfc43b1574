"""The tokens of a document in the full-text index, and the conditions queries make of them.

Besides its terms (title, compound parts of the title, body; see ``text.py``) every document
holds marked tokens, so that one full-text lookup answers what would otherwise need the rows:

- ``t_<term>`` for each term of the title and ``p_<part>`` for each compound part of one
  ("Sommerkonzert" → ``t_sommerkonzert``, ``p_konzert``, …): where the query meets the title;
- ``w_<digest>`` of the whole title: a title that is exactly the query;
- ``k_<kind>``, ``f_<field id>``, ``d_<district id>``: the filters of the search page.

PostgreSQL keeps the marked tokens once more in a small vector of their own, which it reads
much faster row by row than the vector of the whole text.

Query words are letters and digits only, so they never reach a marked token. The conditions
are small trees (``Term``, ``All``, ``Any``, ``Without``, ``Negation``) that ``write`` puts in
the syntax of FTS5 or of a PostgreSQL ``tsquery`` (``backends.py`` holds the two syntaxes).
"""

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import text

TITLE, PART, WHOLE, KIND, FIELD, DISTRICT = "t_", "p_", "w_", "k_", "f_", "d_"

# Where a query word meets a title: at the start of a title word, only inside a compound of
# the title, not at all; ANY: somewhere in the title, for one word or another.
START, INSIDE, NONE, ANY = "start", "inside", "none", "any"


@dataclass(frozen=True)
class Term:
    token: str
    prefix: bool = False  # any token starting with ``token``


@dataclass(frozen=True)
class All:
    parts: tuple


@dataclass(frozen=True)
class Any:
    parts: tuple


@dataclass(frozen=True)
class Without:
    base: object
    excluded: object


@dataclass(frozen=True)
class Negation:
    excluded: object  # only where a condition on other tokens comes with it (PostgreSQL)


Condition = Term | All | Any | Without | Negation


def all_of(parts: Iterable[Condition]) -> Condition:
    parts = tuple(parts)
    return parts[0] if len(parts) == 1 else All(parts)


def any_of(parts: Iterable[Condition]) -> Condition:
    parts = tuple(dict.fromkeys(parts))
    return parts[0] if len(parts) == 1 else Any(parts)


@dataclass(frozen=True)
class Syntax:
    """How a full-text query language writes terms and operators."""

    prefix: str  # a term and every longer one: "{}" is the token
    exact: str
    both: str  # between the parts of All
    either: str  # between the parts of Any
    without: str  # "{}" base, "{}" excluded
    negation: str = ""  # "{}" excluded, where the language has it


def write(condition: Condition, syntax: Syntax) -> str:
    """The condition as a query in ``syntax``."""
    match condition:
        case Term(token, prefix):
            return (syntax.prefix if prefix else syntax.exact).format(token)
        case All(parts):
            return "(" + syntax.both.join(write(part, syntax) for part in parts) + ")"
        case Any(parts):
            return "(" + syntax.either.join(write(part, syntax) for part in parts) + ")"
        case Without(base, excluded):
            return syntax.without.format(write(base, syntax), write(excluded, syntax))
        case Negation(excluded) if syntax.negation:
            return syntax.negation.format(write(excluded, syntax))
    raise TypeError(condition)


def query_title(stems: Iterable[str]) -> str:
    """The stored ``title_terms`` of a title that is exactly these stems."""
    return " " + " ".join(stems) + " "


def whole_title(title_terms: str) -> str:
    """The token of a whole title (its terms with single spaces, as the query's stems)."""
    joined = " ".join(title_terms.split())
    return WHOLE + hashlib.sha256(joined.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class DocumentTokens:
    words: str  # the terms of title and text, and every marked token
    marked: str  # the marked tokens alone (PostgreSQL keeps them in a small vector of their own)


def document_tokens(
    title_terms: str,
    body_terms: str,
    *,
    kind: str,
    field_ids: Sequence[int] = (),
    district_id: int | None = None,
) -> DocumentTokens:
    """Everything the full-text index holds of one document, separated by spaces."""
    title = title_terms.split()
    parts = text.compound_parts(title)
    marked = [
        *(TITLE + term for term in title),
        *(PART + part for part in parts),
        KIND + kind,
        *(field_term(field_id).token for field_id in field_ids),
    ]
    if title:
        marked.append(whole_title(title_terms))
    if district_id is not None:
        marked.append(district_term(district_id).token)
    return DocumentTokens(
        words=" ".join([*title, *parts, *body_terms.split(), *marked]), marked=" ".join(marked)
    )


def is_marked(condition: Condition) -> bool:
    """Does the condition ask for marked tokens only?"""
    match condition:
        case Term(token, _prefix):
            return "_" in token
        case All(parts) | Any(parts):
            return all(is_marked(part) for part in parts)
        case Without(base, excluded):
            return is_marked(base) and is_marked(excluded)
        case Negation(excluded):
            return is_marked(excluded)
    raise TypeError(condition)


def field_term(field_id: int) -> Term:
    return Term(f"{FIELD}{field_id}")


def district_term(district_id: int) -> Term:
    return Term(f"{DISTRICT}{district_id}")
