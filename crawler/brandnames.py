"""Does a title name a brand, disguise it (G-ucci, GUCC1, Guuci), or use only its monogram?"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from crawler.watchlist import Brand

_INVISIBLE_RE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_TOKEN_RE = re.compile(r"[a-z0-9@$]+")
# Digits and symbols that stand in for letters; "1" is tried as both i and l.
_LEET = (str.maketrans("013457@$8", "oieastasb"), str.maketrans("013457@$8", "oleastasb"))
# Real words one letter away from a short brand name, which a fuzzy match must not flag.
_NEAR_WORDS = frozenset({"apply", "ample", "apples", "applet", "gucio", "juice", "juicer"})
_INSPIRED = r"style[sd]?|inspired|look ?alike|lookalike|type|design(?:er)? style|vibes?"
_MAX_WINDOW = 16


def fold(text: str) -> str:
    """Lower-case text without accents, invisible characters or repeated spaces."""
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", text))
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class BrandMatch:
    """How a title refers to a brand."""

    folded: str
    named: str | None = None
    disguised: str | None = None
    monogram: str | None = None
    product_line: str | None = None
    inspired: str | None = None
    accessory_for: str | None = None

    @property
    def claims_brand(self) -> bool:
        """True when the title names, imitates or uses the monogram or a model of the brand."""
        return bool(self.named or self.disguised or self.monogram or self.product_line)


@dataclass(frozen=True)
class _Names:
    words: tuple[tuple[str, ...], ...]  # each open name of the brand, as words
    compact: frozenset[str]  # the same names without spaces
    named_re: re.Pattern
    monogram_re: re.Pattern | None
    product_line_re: re.Pattern | None
    inspired_re: re.Pattern
    accessory_re: re.Pattern


def _phrase(words: tuple[str, ...] | list[str]) -> str:
    """A regex for words in a row, allowing spaces, hyphens, dots or nothing between them."""
    return r"[\s\-_.]*".join(map(re.escape, words))


@lru_cache(maxsize=256)
def _names(brand: Brand) -> _Names:
    forms = {fold(n) for n in (brand.name, brand.slug.replace("-", " "), *brand.variants)}
    words = tuple(tuple(_TOKEN_RE.findall(f)) for f in forms if _TOKEN_RE.findall(f))
    alternatives = "|".join(map(_phrase, words))
    monograms = "|".join(map(re.escape, brand.monograms))
    lines = "|".join(_phrase(_TOKEN_RE.findall(fold(line))) for line in brand.product_lines)
    either = alternatives + (f"|{monograms.lower()}" if monograms else "")
    return _Names(
        words=words,
        compact=frozenset("".join(w) for w in words),
        named_re=re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])"),
        monogram_re=re.compile(rf"(?<![A-Za-z0-9])(?:{monograms})(?![A-Za-z0-9])")
        if monograms else None,
        product_line_re=re.compile(rf"(?<![a-z0-9])(?:{lines})(?![a-z0-9])") if lines else None,
        accessory_re=re.compile(
            rf"(?<![a-z0-9])(?:for|compatible with|fits?|fit for|suitable for|designed for"
            rf"|replacement for)\s+(?:the\s+|your\s+|all\s+)?(?:{either}"
            + (f"|{lines}" if lines else "") + r")(?![a-z0-9])"
        ),
        inspired_re=re.compile(
            rf"(?<![a-z0-9])(?:(?:{either})\W{{0,3}}(?:{_INSPIRED})|(?:inspired by|in the style of"
            rf"|similar to|dupe of|dupe for)\W+(?:{either}))(?![a-z0-9])"
        ),
    )


def _is_near(candidate: str, compact: str) -> bool:
    if candidate in _NEAR_WORDS or candidate[0] != compact[0]:
        return False
    if len(compact) >= 6 and abs(len(candidate) - len(compact)) <= 2:
        return fuzz.ratio(candidate, compact) >= 85
    return len(candidate) >= 4 and OSA.distance(candidate, compact) == 1


def _disguise(tokens: list[str], names: _Names) -> str | None:
    """The run of tokens that spells a brand name in a disguised way, if any."""
    own_splits = set(names.words)
    fuzzy_sizes = {len(w) for w in names.words} | {len(w) + 1 for w in names.words}
    for start in range(len(tokens)):
        for size in range(1, min(_MAX_WINDOW, len(tokens) - start) + 1):
            window = tuple(tokens[start : start + size])
            raw = "".join(window)
            if len(raw) > max(map(len, names.compact)) + 3:
                break
            if window in own_splits:
                continue
            for candidate in {raw.translate(table) for table in _LEET}:
                if candidate in names.compact and (size > 1 or candidate != raw):
                    return " ".join(window)
                if size in fuzzy_sizes and not raw.isdigit() and any(
                    _is_near(candidate, c) for c in names.compact
                ) and not any(w in own_splits for w in (window[:-1], window[1:])):
                    return " ".join(window)
    return None


def match_brand(title: str, brand: Brand) -> BrandMatch:
    """How `title` refers to `brand`: by name, in disguise, by monogram, as "inspired"."""
    names = _names(brand)
    folded = fold(title)
    named = names.named_re.search(folded)
    monogram = names.monogram_re.search(unicodedata.normalize("NFKC", title)) if (
        names.monogram_re
    ) else None
    inspired = names.inspired_re.search(folded)
    line = names.product_line_re.search(folded) if names.product_line_re else None
    accessory = names.accessory_re.search(folded)
    tokens = _TOKEN_RE.findall(folded)
    return BrandMatch(
        folded=folded,
        named=named.group(0) if named else None,
        disguised=_disguise(tokens, names),
        monogram=monogram.group(0) if monogram else None,
        product_line=line.group(0) if line else None,
        inspired=inspired.group(0) if inspired else None,
        accessory_for=accessory.group(0) if accessory else None,
    )
