"""Does a title name a brand, disguise it (G-ucci, GUCC1, Guuci), use only its monogram, a
model or the look of its products?"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from crawler.text import (
    PhraseRegex,
    alternatives,
    by_first_character,
    compact,
    fold,
    visible,
    written_with_spaces,
)
from crawler.vocabulary import (
    AFTER_RE,
    AFTER_WORDS,
    FOR_WORDS,
    GENUINE_RE,
    INSPIRED_BEFORE,
    INSPIRED_WORDS,
    PEOPLE,
)
from crawler.watchlist import Brand

_TOKEN_RE = re.compile(r"[a-z0-9@$]+")
_RAW_WORD_RE = re.compile(r"[A-Za-z]+")
# Digits and symbols that stand in for letters; "1" is tried as both i and l.
_LEET = (str.maketrans("013457@$8", "oieastasb"), str.maketrans("013457@$8", "oleastasb"))
# A digit or symbol read as a letter: one in a word with letters (b0ttega, not 2024). (It
# starts with the digit: the regex engine then skips to the digits, which few titles have.)
_LEET_RE = re.compile(r"[013457@$8](?:(?<=[a-z].)|(?=[a-z]))")
_MAX_WINDOW = 16
_NEGATION_RE = re.compile(r"(?<![a-z])(?:not|no|non)\s+$")


class BrandMatch(NamedTuple):
    """How a title refers to a brand (a named tuple: made once per listing scored, it is
    quicker to build than a frozen dataclass)."""

    folded: str
    named: str | None = None
    named_ordinary: bool = False  # the name found is also an ordinary word (juicy, apple)
    disguised: str | None = None
    monogram: str | None = None
    product_line: str | None = None
    generic_line: bool = False  # that model is named with ordinary words or a shape (Horsebit)
    lines: tuple[str, ...] = ()  # every model the title names
    inspired: str | None = None
    accessory_for: str | None = None
    # product names imitated without the brand (i15 Pro Max) and the brand's signature features
    # (Dynamic Island) the title names, as (category of the product, what)
    imitations: tuple[tuple[str, str], ...] = ()
    features: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class _Names:
    words: tuple[tuple[str, ...], ...]  # each open name of the brand, as words
    not_brand: tuple[str, ...]  # phrases in which a name means something else
    monograms: tuple[str, ...]  # the monograms, folded
    compact: frozenset[str]  # the same names without spaces
    ordinary: frozenset[str]  # names that are also ordinary words, without spaces
    near_words: frozenset[str]  # real words one letter from a name: no misspellings
    own_splits: frozenset[tuple[str, ...]]  # the names as words: written openly, no disguise
    head_re: re.Pattern  # a character that reads as a name's first letter (also as a digit)
    longest: int  # the longest run of letters a disguise of a name can take
    near_lengths: frozenset[int]  # lengths a misspelt or digit-swapped name can have
    fuzzy_sizes: frozenset[int]  # numbers of tokens a misspelt name can take
    by_size: dict[int, tuple[tuple[str, ...], ...]]  # names of two or more words, by count
    kept_words: frozenset[str]  # their words an abbreviation keeps whole (three letters or more)
    # compact names a word of this first letter and length can be a misspelling of
    near: dict[tuple[str, int], tuple[str, ...]]
    cased: frozenset[str]  # words as the brand writes them (AirPods, iPhone)
    named_re: re.Pattern
    monogram_re: re.Pattern | None
    letter_logo_re: re.Pattern | None
    # by the longest word any match of them contains: the product lines (their place in the
    # watchlist, the line, its regex, and a regex of the phrases with that word in which the
    # line means something else: "custom monogram")
    lines_by_word: dict[str, tuple[tuple[int, str, re.Pattern, re.Pattern | None], ...]]
    line_word_re: re.Pattern | None  # any of those words
    inspired_re: re.Pattern
    accessory_re: re.Pattern  # "case for AirPods"
    accessory_after_re: re.Pattern | None  # "AirPods 対応 ケース": the words after it
    look_alike_re: PhraseRegex | None  # nicknames and spellings sellers use for the brand
    imitation_re: PhraseRegex | None
    feature_re: PhraseRegex | None


def _first(patterns: list[str]) -> str:
    """Literal-first regexes, in order, as one alternation not preceded by a letter or digit."""
    return by_first_character(patterns, "a-z0-9")


def _phrase(words: tuple[str, ...] | list[str]) -> str:
    """A regex for words in a row, allowing spaces, hyphens, dots or nothing between them."""
    return r"[\s\-_.]*".join(map(re.escape, words))


def _name_pattern(form: str) -> str:
    """A regex for one way of writing a name: its words in a row, or (Chinese) the characters."""
    words = _TOKEN_RE.findall(fold(form))
    return _phrase(words) if words else re.escape(fold(form))


def _line_pattern(line: str) -> str:
    """A product line's words, with up to three other words before its last ("Hourglass Top
    Handle Bag" for "Hourglass bag")."""
    words = _TOKEN_RE.findall(fold(line))
    if not words:  # written in another script: the characters as they are
        return re.escape(fold(line))
    *first, last = words
    gap = r"(?:[\s\-_.]+[a-z0-9]+){0,3}?[\s\-_.]*" if first else ""
    body = f"{_phrase(first)}{gap}{re.escape(last)}"
    size = 2 if body.startswith("\\") else 1  # the guard after the first character: see
    return rf"{body[:size]}(?<![a-z0-9].){body[size:]}(?![a-z0-9])"  # by_first_character


def _line_word(line: str) -> str:
    """The longest word every mention of a product line contains (in another script: all of
    it)."""
    return max(_TOKEN_RE.findall(fold(line)) or [fold(line)], key=len)


def _monogram(code: str) -> str:
    """A regex for a monogram: letter codes case-sensitive, also written L-V, B.V., L&V;
    phrases ("Double G") in any case. (The guard against a letter before stands after the
    first character: see text.by_first_character.)"""
    if " " in code:
        words = code.lower().split()
        return (rf"(?i:{re.escape(words[0][0])}(?<![a-z0-9].){_phrase(words)[1:]}"
                r"(?![a-z0-9]))")
    letters = r"(?:[.\-&/]|\s(?=\S\b))?".join(map(re.escape, code))
    # model codes may follow: BV1095S, GG0061S
    return rf"{letters[0]}(?<![A-Za-z0-9].){letters[1:]}\.?(?![A-Za-z])"


def _letter_logo(brand: Brand) -> re.Pattern | None:
    """A single capital initial of the brand's monograms sold as hardware: "Y Letter Logo"."""
    initials = "".join(sorted({m[0] for m in brand.monograms if m[:1].isupper()}))
    if not initials:
        return None
    return re.compile(rf"[{initials}](?<![A-Za-z0-9].)(?:\s*-\s*|\s+)(?i:letters?|logo|buckle"
                      r"|clasp|hardware|emblem|plaque|charm|brand)(?![A-Za-z])")


@lru_cache(maxsize=256)
def _names(brand: Brand) -> _Names:
    forms = (brand.name, brand.slug.replace("-", " "), *brand.variants)
    words = tuple(dict.fromkeys(w for f in forms if (w := tuple(_TOKEN_RE.findall(fold(f))))))
    named = sorted({_name_pattern(f) for f in forms}, key=lambda p: (-len(p), p))
    either = [*named, *(re.escape(m.lower()) for m in brand.monograms)]
    lines = (*brand.product_lines, *brand.generic_lines)
    anything = [*either, *map(_line_pattern, lines)]  # a name, monogram or model
    after = "|".join(alternatives(INSPIRED_WORDS))
    models = [_phrase(_TOKEN_RE.findall(fold(line))) for line in brand.product_lines
              if _TOKEN_RE.search(fold(line))]
    # one alternation of literal-first branches (a name or model, then a style word; or "inspired
    # by", then a name), which the regex engine skips through by their first characters
    inspired = _first([*(rf"{p}\W{{0,3}}(?:{after})" for p in (*either, *models)),
                       *(rf"{b}\W+(?:{'|'.join(either)})" for b in alternatives(INSPIRED_BEFORE))])
    names = frozenset("".join(w) for w in words)
    not_brand = tuple(fold(p) for p in brand.not_brand)
    return _Names(
        words=words,
        not_brand=not_brand,
        monograms=tuple(fold(m) for m in brand.monograms),
        compact=names,
        ordinary=frozenset(compact(fold(w)) for w in brand.ordinary_words),
        near_words=frozenset(fold(w) for w in brand.near_words),
        own_splits=frozenset(words),
        head_re=_heads(names),
        longest=max(map(len, names)) + 3,
        near_lengths=frozenset(len(name) + d for name in names for d in range(-2, 3)),
        fuzzy_sizes=frozenset(len(w) + d for w in words for d in (0, 1)),
        by_size={size: tuple(w for w in words if len(w) == size)
                 for size in {len(w) for w in words if len(w) >= 2}},
        kept_words=frozenset(w for name in words if len(name) >= 2 for w in name if len(w) > 2),
        near=_near_names(names),
        cased=frozenset(w for f in (*forms, *lines) for w in _RAW_WORD_RE.findall(f)),
        # a model number may follow a name directly: iPhone15, AirPods3
        named_re=re.compile(rf"(?:{_first(named)})(?![a-z])"),
        monogram_re=re.compile("|".join(map(_monogram, brand.monograms)))
        if brand.monograms else None,
        letter_logo_re=_letter_logo(brand),
        lines_by_word=_lines_by_word(lines, not_brand),
        line_word_re=re.compile("|".join(sorted(
            {re.escape(_line_word(line)) for line in lines}, key=lambda w: (-len(w), w))))
        if lines else None,
        accessory_re=re.compile(
            rf"(?:{_first(alternatives(FOR_WORDS))})(?:\s+|(?<![\x00-\x7f])\s*)"
            rf"(?:(?!(?:{PEOPLE})\b)[\w'&/,.-]+\s+){{0,3}}?"
            rf"(?:{'|'.join(anything)})"
            r"(?:[\s\-]+[a-z0-9]+){0,4}"
        ),
        accessory_after_re=re.compile(
            rf"(?:{_first(anything)})(?:[\s\-]*(?!(?:{PEOPLE})\b)\w+){{0,4}}?\s*"
            rf"(?:{_after_words()})") if AFTER_WORDS else None,
        inspired_re=re.compile(rf"(?:{inspired})(?![a-z0-9])"),
        look_alike_re=PhraseRegex(brand.look_alikes) if brand.look_alikes else None,
        imitation_re=_by_category(brand.imitations) if brand.imitations else None,
        feature_re=_by_category(brand.features) if brand.features else None,
    )


def _after_words() -> str:
    """The words said after what an accessory fits, as a regex; one written between spaces
    ends at a word's end (için), the others need not (iPhone15用ケース)."""
    return "|".join(rf"{word}(?!\w)" if written_with_spaces(word[-1]) else word
                    for word in alternatives(AFTER_WORDS))


def _by_category(words: dict[str, tuple[str, ...]]) -> PhraseRegex:
    """Phrases of several categories, each owned by its category."""
    return PhraseRegex([w for ws in words.values() for w in ws],
                       owners={w: category for category, ws in words.items() for w in ws})


def _found(regex: PhraseRegex | None, text: str) -> tuple[tuple[str, str], ...]:
    """Each phrase of a regex in the text, once, with its owner."""
    if regex is None:
        return ()
    return tuple(dict.fromkeys((regex.owner(m), m.group(0)) for m in regex.finditer(text)))


def _heads(compact: frozenset[str]) -> re.Pattern:
    """A character that reads as the first letter of one of the names (also a digit: 1 for i)."""
    initials = {name[0] for name in compact}
    heads = {c for c in string.ascii_lowercase + string.digits + "@$"
             if any(c.translate(table) in initials for table in _LEET)}
    return re.compile(f"[{re.escape(''.join(sorted(heads)))}]")


def _near_names(compact: frozenset[str]) -> dict[tuple[str, int], tuple[str, ...]]:
    """For each first letter and length, the names `_is_near` can find a word of them near."""
    near: dict[tuple[str, int], tuple[str, ...]] = {}
    for name in sorted(compact):
        for length in range(len(name) - 2, len(name) + 3):
            if len(name) >= 6 or (abs(length - len(name)) <= 1 and length >= 4):
                near[name[0], length] = (*near.get((name[0], length), ()), name)
    return near


def _is_near(candidate: str, compact: str, near_words: frozenset[str]) -> bool:
    if candidate in near_words or candidate[0] != compact[0]:
        return False
    if len(compact) >= 6 and abs(len(candidate) - len(compact)) <= 2:
        return fuzz.ratio(candidate, compact) >= 85
    return len(candidate) >= 4 and OSA.distance(candidate, compact) == 1


def _abbreviates(window: tuple[str, ...], name: tuple[str, ...],
                 near_words: frozenset[str]) -> bool:
    """Louis V, Yves S. Laurant, J Couture: some words cut to initials or misspelt, at least
    one word of the name kept whole."""
    if len(window) != len(name) or len(name) < 2 or window == name:
        return False
    if not any(w == n and len(n) > 2 for w, n in zip(window, name, strict=True)):
        return False
    return all(w == n or n.startswith(w) or _is_near(w, n, near_words)
               for w, n in zip(window, name, strict=True))


def _spells(window: tuple[str, ...], raw: str, names: _Names) -> bool:
    """Whether a run of tokens spells one of the brand's names in disguise: split or with
    digits for letters (G-ucci, GUCC1), abbreviated (Louis V) or misspelt (Guuci)."""
    size = len(window)
    abbreviated = names.by_size.get(size, ())
    # a misspelling, unless the run is a name written openly plus a word ("gucci bag")
    fuzzy = size in names.fuzzy_sizes and not raw.isdigit() and (
        window[:-1] not in names.own_splits and window[1:] not in names.own_splits)
    for table in _LEET[:1 + ("1" in raw)]:  # the tables differ only in "1"
        candidate = raw if raw.isalpha() else raw.translate(table)  # (only digits change)
        if candidate in names.compact and (size > 1 or candidate != raw):
            return True
        if abbreviated:
            leet_window = window if raw.isalpha() else tuple(t.translate(table) for t in window)
            if not names.kept_words.isdisjoint(leet_window) and any(
                    _abbreviates(leet_window, name, names.near_words) for name in abbreviated):
                return True
        if fuzzy:
            for name in names.near.get((candidate[0], len(candidate)), ()):
                if _is_near(candidate, name, names.near_words):
                    return True
    return False


def _disguise(tokens: tuple[str, ...], names: _Names) -> str | None:
    """The first run of tokens that spells a brand name in a disguised way, if any."""
    # every disguise begins with a name's first letter (or a digit that reads as one)
    for head in names.head_re.finditer("".join([t[0] for t in tokens])):
        start, raw = head.start(), ""
        for end in range(start + 1, min(start + _MAX_WINDOW, len(tokens)) + 1):
            raw += tokens[end - 1]
            if len(raw) > names.longest:
                break
            if len(raw) not in names.near_lengths and end - start not in names.by_size:
                continue  # no name's length, misspelt or not, nor its number of words
            window = tokens[start:end]
            if window not in names.own_splits and _spells(window, raw, names):
                return " ".join(window)
    return None


@lru_cache(maxsize=1024)
def _any_case(named: str) -> re.Pattern:
    """A name as found in a folded title, in any case and with any separators."""
    return re.compile(r"[\s\-_.]*".join(map(re.escape, named.split())), re.IGNORECASE)


def _odd_case(title: str, named: str, names: _Names) -> str | None:
    """A brand name written with scrambled capitals (JuiCy CouTure), which sellers use to
    slip past exact-match filters."""
    match = _any_case(named).search(visible(title))
    if not match:
        return None
    for word in _RAW_WORD_RE.findall(match.group(0)):
        if word in names.cased or word.islower() or word.isupper() or word.istitle():
            continue
        return match.group(0)
    return None


def _named(folded: str, names: _Names) -> tuple[re.Match | None, bool]:
    """The first mention of the brand's name that is not negated ("NOT Juicy Couture") nor
    part of another phrase ("Juicy Peach"); and whether the name stands in the title at all."""
    mentioned = False
    for match in names.named_re.finditer(folded):
        mentioned = True
        if not _NEGATION_RE.search(folded[max(0, match.start() - 6):match.start()]) and (
                not folded.startswith(names.not_brand, match.start())):
            return match, True
    return None, mentioned


def _lines_by_word(lines: tuple[str, ...], not_brand: tuple[str, ...]) -> dict:
    """The product lines with their regexes, by the longest word each match of them has."""
    found: dict[str, tuple] = {}
    for index, line in enumerate(lines):
        word = _line_word(line)
        entry = (index, line, re.compile(_line_pattern(line)), _other_senses(word, not_brand))
        found[word] = (*found.get(word, ()), entry)
    return found


def _other_senses(word: str, not_brand: tuple[str, ...]) -> re.Pattern | None:
    """The phrases with a line's word in which it means something else, as one regex."""
    phrases = [p for p in not_brand if word in p]
    return re.compile("|".join(map(re.escape, phrases))) if phrases else None


def _within(text: str, start: int, end: int, phrases: re.Pattern) -> bool:
    """Whether text[start:end] lies in one of the phrases ("custom monogram")."""
    return any(m.start() <= start and m.end() >= end for m in phrases.finditer(text))


def _line_words(folded: str, names: _Names) -> set[str]:
    """Each of the brand's product lines' longest words the title has, as one scan finds them
    (it passes over a word begun inside another's match: one glued to a letter or digit,
    which line matches hardly ever are)."""
    return set(names.line_word_re.findall(folded)) if names.line_word_re else set()


def _product_lines(folded: str, names: _Names, words: set[str]) -> tuple[str, ...]:
    """The brand's product lines a title names (its line words: `words`), in the watchlist's
    order, also in digit-for-letter disguise (Black 0pium), but not in a phrase that means
    something else."""
    if not names.line_word_re:
        return ()
    texts = (folded, folded.translate(_LEET[0])) if _LEET_RE.search(folded) else (folded,)
    if len(texts) > 1:
        words = words | _line_words(texts[1], names)
    if not words:
        return ()
    found = []
    for word in words:
        for index, line, regex, other_senses in names.lines_by_word[word]:
            for text in texts:
                match = regex.search(text)
                if match and not (other_senses and _within(text, *match.span(), other_senses)):
                    found.append((index, line))
                    break
    return tuple(line for _, line in sorted(found))


def match_brand(title: str, brand: Brand) -> BrandMatch:
    """How `title` refers to `brand`: by name, in disguise, by monogram, model or look, as
    "inspired", or as what an accessory is for."""
    names = _names(brand)
    folded = fold(title)
    named, mentioned = _named(folded, names)
    monogram = names.monogram_re.search(title) if names.monogram_re else None
    if not monogram and names.letter_logo_re:
        monogram = names.letter_logo_re.search(title)
    inspired = accessory = None
    line_words = _line_words(folded, names)
    # both need a name, monogram or model of the brand in the title
    if mentioned or line_words or any(code in folded for code in names.monograms):
        inspired = names.inspired_re.search(folded)
        accessory = names.accessory_re.search(folded)
        if not accessory and names.accessory_after_re and AFTER_RE.search(folded):
            accessory = names.accessory_after_re.search(folded)
    if accessory and (named and named.start() < accessory.start()
                      or GENUINE_RE.search(folded[:accessory.start()])):
        accessory = None  # "Apple charger for iPhone", "Original adapter for Apple": the brand's
    look_alike = names.look_alike_re.search(folded) if names.look_alike_re else None
    if look_alike:
        disguised = look_alike.group(0)
    elif named:  # named openly, a disguise adds nothing but scrambled capitals (JuiCy CouTure)
        disguised = _odd_case(title, named.group(0), names)
    else:
        disguised = _disguise(tuple(_TOKEN_RE.findall(folded)), names)
    lines = _product_lines(folded, names, line_words)
    return BrandMatch(
        folded=folded,
        named=named.group(0) if named else None,
        named_ordinary=bool(named) and compact(named.group(0)) in names.ordinary,
        disguised=disguised,
        monogram=monogram.group(0) if monogram else None,
        product_line=lines[0] if lines else None,
        generic_line=bool(lines) and lines[0] in brand.generic_lines,
        lines=lines,
        inspired=inspired.group(0) if inspired else None,
        accessory_for=accessory.group(0) if accessory else None,
        imitations=_found(names.imitation_re, folded),
        features=_found(names.feature_re, folded),
    )
