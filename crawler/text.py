"""Text folding shared by the brand matcher and the vocabulary."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE_RE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")


def visible(text: str) -> str:
    """Text in its compatibility form (NFKC) without zero-width and direction characters."""
    return _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", text))


def fold(text: str) -> str:
    """Lower-case text without accents, invisible characters or repeated spaces."""
    text = visible(text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def alternatives(words: tuple[str, ...]) -> str:
    """A regex alternation of folded words, longest first, spaces matching any spacing."""
    folded = sorted({fold(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)
