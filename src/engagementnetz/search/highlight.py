"""Marking the words of a result that match the query, and choosing an excerpt around them."""

import re
from collections.abc import Sequence
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import text
from .ranking import TermGroup

_TOKEN = re.compile(r"\w+", re.UNICODE)
EXCERPT_WORDS = 28
WORDS_BEFORE = 8


@lru_cache(maxsize=100_000)
def _token_stems(token: str) -> tuple[str, ...]:
    return tuple(text.stem(piece) for piece in text.words(token))


class Highlighter:
    """Knows which words of a text match the query; remembers its answers per word."""

    def __init__(self, groups: Sequence[TermGroup]):
        self.groups = list(groups)
        self._known: dict[str, bool] = {}

    def matches(self, token: str) -> bool:
        known = self._known.get(token)
        if known is None:
            known = self._known[token] = self._decide(token)
        return known

    def _decide(self, token: str) -> bool:
        for stem in _token_stems(token):
            for group in self.groups:
                if stem in group.alternatives or stem == group.stem:
                    return True
                if group.prefix and stem.startswith(group.stem):
                    return True
                if (
                    group.prefix
                    and len(group.stem) >= text.MIN_COMPOUND_PART
                    and group.stem in stem
                ):
                    return True  # part of a compound: "Verein" in "Musikverein"
        return False

    def _marked(self, source: str) -> str:
        parts, position = [], 0
        for token in _TOKEN.finditer(source):
            if self.matches(token.group()):
                parts.append(escape(source[position : token.start()]))
                parts.append(f"<mark>{escape(token.group())}</mark>")
                position = token.end()
        parts.append(escape(source[position:]))
        return "".join(parts)

    def highlight(self, source: str) -> SafeString:
        """``source`` escaped, with the matching words in ``<mark>``."""
        return mark_safe(self._marked(source or ""))  # noqa: S308 - every piece is escaped

    def excerpt(self, body: str, summary: str) -> SafeString:
        """A short passage of ``body`` around the first match; the summary if nothing matched."""
        body = body or ""
        first = None
        tokens = []
        for index, token in enumerate(_TOKEN.finditer(body)):
            tokens.append(token)
            if first is None and self.matches(token.group()):
                first = index
            if first is not None and index >= first + EXCERPT_WORDS:
                break
        if first is None:
            words = (summary or body).split()
            shortened = " ".join(words[:EXCERPT_WORDS])
            return self.highlight(shortened + (" …" if len(words) > EXCERPT_WORDS else ""))
        begin = max(0, first - WORDS_BEFORE)
        end = min(len(tokens), begin + EXCERPT_WORDS)
        start_char = tokens[begin].start() if begin else 0
        cut = end < len(tokens) or tokens[-1].end() < len(body.rstrip(" .!?"))
        end_char = tokens[end - 1].end() if cut else len(body)
        prefix = "… " if begin else ""
        suffix = " …" if cut else ""
        return mark_safe(f"{prefix}{self._marked(body[start_char:end_char])}{suffix}")  # noqa: S308
