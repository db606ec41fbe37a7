"""Text folding shared by the brand matcher and the vocabulary."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE_RE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")


class _WithoutMarks(dict):
    """A str.translate table that drops combining marks (accents), filled as characters come."""

    def __missing__(self, code: int) -> int | None:
        self[code] = kept = None if unicodedata.combining(chr(code)) else code
        return kept


_WITHOUT_MARKS = _WithoutMarks()


def visible(text: str) -> str:
    """Text in its compatibility form (NFKC) without zero-width and direction characters."""
    if text.isascii():  # already in that form
        return text
    return _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", text))


def fold(text: str) -> str:
    """Lower-case text without accents, invisible characters or repeated spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", visible(text)).translate(_WITHOUT_MARKS)
    return " ".join(text.lower().split())


def alternatives(words: tuple[str, ...]) -> str:
    """A regex alternation of folded words, longest first, spaces matching any spacing."""
    folded = sorted({fold(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)
