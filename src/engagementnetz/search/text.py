"""German text for the search index, written once in Python for both databases.

Index and query go through the same steps, so that SQLite (FTS5) and PostgreSQL (tsvector)
see the very same tokens and therefore find the very same documents:

1. fold: lower case, ä→ae, ö→oe, ü→ue, ß→ss, other accents dropped ("Mötsch" = "Moetsch");
2. split into words of letters and digits, leave out German stop words;
3. stem with the Snowball German stemmer ("Vereine" → "verein", "Feuerwehren" → "feuerwehr").
   The stemmer also maps ae/oe/ue back to a/o/u, so "Motsch" finds "Mötsch" too. It runs in C
   (PyStemmer, which snowballstemmer uses when installed): the same algorithm, the same stems.

Prefix matching, words inside compounds and typo tolerance are done on top of these tokens
(see ``compound_parts`` and ``selectors``).
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

MAX_WORD_LENGTH = 60

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_WORD = re.compile(r"[a-z0-9]+")
_stemmer = snowballstemmer.stemmer("german")

# Words too common to tell documents apart; left out of index and query alike.
STOP_WORDS = frozenset(
    """
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
    anderes auch auf aus bei beim bin bis bist da damit dann das dass dem den denn der des
    dessen die dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen
    einer eines er es etwa euch eure fuer gegen hat hatte hier hin ich ihm ihn ihnen ihr ihre
    im in ins ist ja jede jedem jeden jeder jedes kann kein keine man mich mir mit nach nicht
    noch nun nur ob oder ohne sich sie sind so sowie ueber um und uns unser unsere unter vom
    von vor war waren was weil welche wenn wer wie wir wird wo zu zum zur
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def fold(text: str) -> str:
    """Lower case with umlauts and ß spelt out and other accents removed."""
    text = text.lower().translate(_FOLD)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The folded words of ``text`` without stop words, in their order."""
    return [
        word
        for word in _WORD.findall(fold(text or ""))
        if word not in STOP_WORDS and len(word) <= MAX_WORD_LENGTH
    ]


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The Snowball stem of a folded word."""
    return _stemmer.stemWord(word)


def terms(text: str) -> list[str]:
    """The index terms of ``text``: folded, stop words left out, stemmed."""
    return [stem(word) for word in words(text)]


def term_string(text: str) -> str:
    """Terms joined by spaces, with a space on either side (so ``LIKE '% term%'`` finds them)."""
    found = terms(text)
    return f" {' '.join(found)} " if found else ""


MIN_COMPOUND_PART = 4


def compound_parts(term_list: list[str]) -> list[str]:
    """The endings of long terms, so that a prefix search finds words inside compounds.

    German joins words: "Sommerkonzert", "Jugendfeuerwehr". Indexing every ending of at least
    four letters of a title's terms ("konzert", "feuerwehr", …) lets "Konzert" find
    "Sommerkonzert" through the same prefix match as everything else.
    """
    parts = []
    for term in term_list:
        for start in range(1, len(term) - MIN_COMPOUND_PART + 1):
            parts.append(term[start:])
    return parts


def deletions(word: str) -> set[str]:
    """Every string made by leaving out one character of ``word`` (for typo tolerance)."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def edit_distance(a: str, b: str, *, limit: int = 2) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count as one), capped at ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)
