"""Words the scorer looks for in titles and seller names, in the languages sellers use.

The words are data: one TOML file per language in this folder (`en.toml`, `zh.toml`, ...)
plus `common.toml`, merged and compiled into phrase regexes (crawler.text.PhraseRegex). A
new language is a new file; see README.md beside them.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources

from crawler.text import PhraseRegex, compact, fold

# What a language file may hold; [words] lists by name, each used by the scorer.
SECTIONS = ("language", "categories", "products", "words", "houses", "accessory_categories",
            "subject_categories", "example")
WORD_LISTS = ("copy", "look_alike", "designer", "pre_owned", "liquidation", "accessory_for",
              "accessory_after", "people", "inspired", "inspired_before", "compatible", "genuine",
              "genuine_not", "hidden_mark", "unnamed_mark", "logo_on_goods", "logo_not",
              "new_sealed", "unbranded", "factory_seller")
# A category a brand has no reference price for is priced as its broader one.
PARENT_CATEGORY = {"tracksuit": "clothing"}


class VocabularyError(ValueError):
    """A vocabulary file that cannot be used."""


def _files() -> dict[str, dict]:
    """Every vocabulary file of this package, by name (en, zh, ..., common)."""
    found = {}
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            name = entry.name.removesuffix(".toml")
            try:
                found[name] = tomllib.loads(entry.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise VocabularyError(f"vocabulary {entry.name}: not valid TOML: {exc}") from None
    return found


def _phrases(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise VocabularyError(f"vocabulary {where} must be a list of non-empty strings")
    return value


def _check(files: dict[str, dict]) -> None:
    """Refuse unknown sections and lists, and a phrase two categories (or houses) claim."""
    owners: dict[str, dict[str, str]] = {}
    for name, data in files.items():
        for section, value in data.items():
            where = f"{name}.toml [{section}]"
            if section not in SECTIONS:
                raise VocabularyError(f"vocabulary {where}: unknown section")
            if section in ("categories", "products", "houses"):
                for owner, phrases in value.items():
                    for phrase in _phrases(phrases, f"{where} {owner}"):
                        seen = owners.setdefault(section, {}).setdefault(compact(fold(phrase)),
                                                                         owner)
                        if seen != owner:
                            raise VocabularyError(
                                f"vocabulary {where}: {phrase!r} is both {seen} and {owner}")
            elif section == "words":
                for key, phrases in value.items():
                    if key not in WORD_LISTS:
                        raise VocabularyError(f"vocabulary {where}: unknown list {key!r}")
                    _phrases(phrases, f"{where} {key}")


def _owned(section: str) -> dict[str, str]:
    """Each phrase of a section, in every file, with its owner (category, house)."""
    return {p: owner for data in FILES.values()
            for owner, phrases in data.get(section, {}).items() for p in phrases}


def _words(key: str) -> list[str]:
    """A [words] list, in every file."""
    return [p for data in FILES.values() for p in data.get("words", {}).get(key, [])]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(fold(w)).replace(r"\ ", r"\s+") for w in sorted(
        words, key=lambda w: (-len(w), w)))


FILES = _files()
_check(FILES)
CATEGORY_NAMES = frozenset(_owned("categories").values())
ACCESSORY_CATEGORIES = frozenset(c for data in FILES.values()
                                 for c in data.get("accessory_categories", []))
SUBJECT_CATEGORIES = frozenset(c for data in FILES.values()
                               for c in data.get("subject_categories", []))
EXAMPLES = [(name, example) for name, data in FILES.items() for example in data.get("example", [])]

# Patterns scanned for at the start of a word. AAA, 5A quality: grades a copy is sold by
# ("AAA batteries" are batteries).
GRADES = r"aaa+(?!\s*batter)|[1-9]a\s+quality|[5-9]a(?=\s|$)"
# "used", but not "used for", "used to", ...
USED = r"used(?!\s+(?:for|to|in|as|with|by|on)\b)(?!\w)"
# A volume in millilitres (a perfume's size), not the end of a decimal number.
VOLUME = r"\d(?<![.,]\d)\d{0,3}(?:[.,]\d)?\s*ml(?![a-z])"
# The word lists a title is scanned for.
SCANNED = ("copy", "look_alike", "designer", "pre_owned", "liquidation", "new_sealed", "unbranded",
           "hidden_mark", "logo_on_goods", "compatible")


def _scan() -> PhraseRegex:
    """One regex for every word list, category, product name and house (and copy grades,
    "used" and volumes in ml), each phrase owned by what it is in: ("category", "bag"),
    ("words", "copy"), ("product", "phone"), ("house", "prada"). A phrase of a list and a word
    that undoes it ("with logo" + "cutout") make a longer phrase owned by nothing."""
    owners: dict[str, set] = {}
    for kind, section in (("category", "categories"), ("product", "products"),
                          ("house", "houses")):
        for phrase, owner in _owned(section).items():
            owners.setdefault(phrase, set()).add((kind, owner))
    for key in SCANNED:
        for phrase in _words(key):
            owners.setdefault(phrase, set()).add(("words", key))
    for phrase in _words("logo_on_goods"):
        for word in _words("logo_not"):
            owners.setdefault(f"{phrase} {word}", set())
    merged: dict[str, set] = {}
    for phrase, owned in owners.items():
        merged.setdefault(compact(fold(phrase).rstrip("*")), set()).update(owned)
    return PhraseRegex(owners, owners={p: tuple(sorted(merged[compact(fold(p).rstrip("*"))]))
                                       for p in owners},
                       extras=[(GRADES, (("words", "copy"),)),
                               (USED, (("words", "pre_owned"),)),
                               (VOLUME, (("volume", "ml"),))])



def __getattr__(name: str) -> object:
    """SCAN, built when first used: compiling it is most of this module's import time, and
    only scoring needs it (`crawler review` does not)."""
    if name != "SCAN":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()["SCAN"] = scan = _scan()
    return scan

# A copy word that is negated or means something else: "NOT a replica", "replica-free",
# "copy of the original receipt", "copy-proof".
NEGATED_BEFORE = re.compile(r"(?:\bnot|\bno|\bnon|\bnever|\bzero|\banti)[\s-]*(?:an?\s+)?$")
NEGATED_AFTER = re.compile(r"^(?:[\s-]*free\b|-?proof\b|\s+of\s+(?:the\s+)?(?:original\s+)?"
                           r"(?:receipt|invoice|certificate|papers?|card))")
PAPERWORK_BEFORE = re.compile(r"(?:receipt|invoice|certificate)\s*$")
# "Original" before "for Apple": the seller claims the brand's own part, not an accessory
# ("original leather" is a material).
GENUINE_RE = PhraseRegex(_words("genuine"), unless_next=_words("genuine_not"))
FACTORY_SELLER_RE = PhraseRegex(_words("factory_seller"))
# Looked for apart from the scan, as its phrases overlap others ("brand logo shown in photo").
UNNAMED_MARK_RE = PhraseRegex(_words("unnamed_mark"))

FOR_WORDS = tuple(sorted(_words("accessory_for")))
# After what an accessory fits, in languages that put it there: "AirPods Pro 対応 ケース".
AFTER_WORDS = tuple(sorted(_words("accessory_after")))
AFTER_RE = PhraseRegex(AFTER_WORDS)
INSPIRED_WORDS = tuple(sorted(_words("inspired")))
INSPIRED_BEFORE = tuple(sorted(_words("inspired_before")))
# Who an item is for: "bag for women Gucci" is a branded bag, not an accessory for one.
PEOPLE = _alternatives(_words("people"))
