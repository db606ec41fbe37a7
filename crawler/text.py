"""Text folding, and phrases compiled into fast regexes, for the brand matcher and vocabulary."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping

_INVISIBLE_RE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
# C0 and C1 control characters become spaces; bidirectional controls (which reorder what a
# terminal or browser shows: "\u202egnp.exe") are invisible, so they are removed.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BIDI_RE = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def without_controls(text: str) -> str:
    """Text safe to show: control characters as spaces, direction controls removed."""
    return _BIDI_RE.sub("", _CONTROL_RE.sub(" ", text))


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


def _literal(pattern: str) -> int:
    """The length of the literal character a regex starts with (as re.escape writes it), or 0
    when it starts otherwise (a class, a group, an escape such as \\s, a repeated character)."""
    if not pattern or pattern[0] in "()[].^$|?*+{":
        return 0
    size = 2 if pattern[0] == "\\" else 1
    if size == 2 and (len(pattern) < 2 or pattern[1].isalnum()):
        return 0
    return 0 if pattern[size:size + 1] in ("*", "+", "?", "{") else size


def _trie(patterns: list[str]) -> str:
    """Ordered regexes as one alternation that matches exactly what "|".join(patterns) does.

    In each run of regexes that start with a literal character, those that start with
    different characters never match at the same place: grouping them by that character
    (keeping their order within it), and so again for the rest of them, changes no match,
    and each place is tested once per character instead of once per pattern."""
    branches: list[str] = []
    run: dict[str, list[str]] = {}

    def close_run() -> None:
        for first, rests in run.items():
            inner = _trie(rests) if len(rests) > 1 else rests[0]
            branches.append(f"{first}(?:{inner})" if "|" in inner else first + inner)
        run.clear()

    for pattern in patterns:
        size = _literal(pattern)
        if size:
            run.setdefault(pattern[:size], []).append(pattern[size:])
        else:
            close_run()
            branches.append(pattern)
    close_run()
    return "|".join(branches)


def by_first_character(patterns: list[str], not_after: str = "") -> str:
    """Regexes that each start with a literal character, as one alternation (see _trie) that
    matches exactly what `(?<![not_after])(?:p1|p2|...)` does, faster. The guard goes after
    the first character, so each branch starts with a literal, which the regex engine tests
    quickly."""
    groups: dict[str, list[str]] = {}
    for pattern in patterns:
        size = _literal(pattern)
        if not size:
            raise ValueError(f"{pattern!r} does not start with a literal character")
        groups.setdefault(pattern[:size], []).append(pattern[size:])
    guard = f"(?<![{not_after}].)" if not_after else ""
    return "|".join(f"{first}{guard}(?:{_trie(rests)})" for first, rests in groups.items())


def written_with_spaces(char: str) -> bool:
    """Latin, Greek, Cyrillic, Arabic... words stand between spaces; Chinese, Japanese, Korean
    (whose compounds join words: 숄더백) and Thai ones need not."""
    return (char.isalnum() and ord(char) < 0x2E80 and not "\u0e00" <= char <= "\u0e7f"
            and not "\u1100" <= char <= "\u11ff")


def _phrase_regex(phrase: str) -> str:
    """A folded phrase as a regex: any spacing where it has a space; a phrase that ends in a
    word written between spaces ends at a word boundary, unless it ends in "*" (a prefix)."""
    if phrase.endswith("*"):
        return re.escape(phrase[:-1].rstrip()).replace(r"\ ", r"\s*")
    body = re.escape(phrase).replace(r"\ ", r"\s*")
    return body + (r"(?!\w)" if written_with_spaces(phrase[-1]) else "")


def _alternation(phrases: list[str]) -> str:
    """Phrases, in the order they are tried, as one regex (see by_first_character). Phrases
    written between spaces start where no word character stands before: with many first
    characters one word-boundary test goes before all of them (for few, the regex engine's own
    first-character scan is faster). The others (Chinese, Thai, ...) are tried only where one
    of their first characters stands."""
    parts = []
    for spaced in (True, False):
        group = [p for p in phrases if written_with_spaces(p[0]) == spaced]
        firsts = sorted({p[0] for p in group})
        regexes = [_phrase_regex(p) for p in group]
        if len(firsts) > 12:
            lead = r"\b" if spaced else f"(?=[{''.join(map(re.escape, firsts))}])"
            parts.append(f"{lead}(?:{by_first_character(regexes)})")
        elif group:
            parts.append(by_first_character(regexes, r"\w" if spaced else ""))
    return "|".join(parts)


def compact(text: str) -> str:
    """Text without its spaces: what a phrase and any match of it have in common."""
    return "".join(text.split())


class PhraseRegex:
    """Phrases (folded text; the longest first where several start at one place), then extra
    patterns (each at a word boundary), as one regex on folded text, with a smaller one for
    ASCII text: without the phrases that cannot start in it. A phrase or an extra pattern may
    have an owner (its category, its word list); a phrase followed by one of `unless_next`
    does not count ("original leather")."""

    def __init__(self, phrases: Iterable[str], owners: Mapping[str, object] | None = None,
                 extras: Iterable[tuple[str, object]] = (), unless_next: Iterable[str] = ()):
        ordered = sorted({fold(p) for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
        self.owners = {compact(fold(p).rstrip("*")): owner
                       for p, owner in (owners or {}).items()}
        # a match as the phrase is written (most are), before any other spacing of it
        self._written = {fold(p).rstrip("*"): owner for p, owner in (owners or {}).items()}
        extras = list(extras)
        self._extra_owners = {f"x{i}": owner for i, (_, owner) in enumerate(extras)}
        groups = "|".join(rf"\b(?P<x{i}>{pattern})" for i, (pattern, _) in enumerate(extras))
        after = "|".join(re.escape(fold(w)) for w in sorted(unless_next, key=len, reverse=True))
        self._regexes = {}
        for only_ascii in (False, True):
            alternation = _alternation([p for p in ordered if p[0].isascii() or not only_ascii])
            if alternation and after:
                alternation = rf"(?:{alternation})(?![\s\-]*(?:{after})(?!\w))"
            pattern = "|".join(p for p in (alternation, groups) if p)
            self._regexes[only_ascii] = re.compile(pattern or "(?!)")

    def search(self, text: str) -> re.Match | None:
        """The first match in `text`."""
        return self._regexes[text.isascii()].search(text)

    def finditer(self, text: str) -> Iterator[re.Match]:
        """Every match in `text`, in order."""
        return self._regexes[text.isascii()].finditer(text)

    def owner(self, match: re.Match) -> object:
        """Whose phrase (or extra pattern) a match is."""
        if match.lastgroup:
            return self._extra_owners[match.lastgroup]
        text = match.group(0)
        found = self._written.get(text)
        return found if found is not None else self.owners.get(compact(text))
