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


def alternatives(words: tuple[str, ...]) -> list[str]:
    """Regexes of folded words, longest first, spaces matching any spacing."""
    folded = sorted({fold(w) for w in words}, key=lambda w: (-len(w), w))
    return [re.escape(w).replace(r"\ ", r"\s+") for w in folded]


def by_first_character(patterns: list[str], not_after: str = "",
                       owners: list[str] | None = None) -> tuple[str, list[str]]:
    """Regexes that each start with a literal character (as re.escape writes it), as one
    alternation that matches exactly what `(?<![not_after])(?:p1|p2|...)` does, faster.

    Patterns that start with different characters never match at the same place, so grouping
    them by that character (keeping their order within it) changes no match, and each place
    is tested once per character instead of once per pattern. The guard goes after the
    character, so each branch starts with a literal, which the regex engine tests quickly.
    With `owners` (one per pattern, in runs), each run of patterns of one owner under a
    character is a group; also returned: the owner of each group, in order."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for index, pattern in enumerate(patterns):
        size = 2 if pattern.startswith("\\") else 1
        owner = owners[index] if owners else ""
        runs = groups.setdefault(pattern[:size], [])
        if runs and runs[-1][0] == owner:
            runs[-1] = (owner, f"{runs[-1][1]}|{pattern[size:]}")
        else:
            runs.append((owner, pattern[size:]))
    guard = f"(?<![{not_after}].)" if not_after else ""
    branches = []
    for first, runs in groups.items():
        body = "|".join(f"({rests})" if owners else rests for _, rests in runs)
        branches.append(f"{first}{guard}(?:{body})")
    return "|".join(branches), [owner for runs in groups.values() for owner, _ in runs]
