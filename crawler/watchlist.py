"""The watchlist: brands, their search keywords, name variants and reference retail prices."""

from __future__ import annotations

import pkgutil
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from crawler.vocabulary import CATEGORY_NAMES

# A search term longer than this is a paste error, not a search (and overflows search URLs).
MAX_KEYWORD = 200
TOP_LEVEL_KEYS = ("brands", "replica_terms")


class WatchlistError(ValueError):
    """A watchlist file that cannot be used, or a brand it does not list."""


@dataclass(frozen=True, eq=False)
class Brand:
    """One watched brand."""

    slug: str
    name: str
    keywords: tuple[str, ...]
    variants: tuple[str, ...] = ()
    monograms: tuple[str, ...] = ()
    product_lines: tuple[str, ...] = ()
    not_brand: tuple[str, ...] = ()
    authorized_sellers: tuple[str, ...] = ()
    reference_prices: dict[str, float] = field(default_factory=dict)
    line_prices: dict[str, float] = field(default_factory=dict)
    replica_terms: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    ordinary_words: tuple[str, ...] = ()
    near_words: tuple[str, ...] = ()
    generic_lines: tuple[str, ...] = ()
    look_alikes: tuple[str, ...] = ()
    imitations: dict[str, tuple[str, ...]] = field(default_factory=dict)  # per category
    features: dict[str, tuple[str, ...]] = field(default_factory=dict)  # per category


def slug(name: str) -> str:
    """A display name as a slug: "Yves Saint Laurent" -> "yves-saint-laurent"."""
    return "-".join(re.findall(r"[^\W_]+", name.lower()))


# The keys a [brands.<slug>] table may have: Brand's fields (the slug is the table's name).
BRAND_KEYS = tuple(f.name for f in fields(Brand) if f.name != "slug")


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise WatchlistError(f"{where} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _lists(value: object, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise WatchlistError(f"{where} must map categories to lists of strings")
    return {category: _strings(words, f"{where}.{category}") for category, words in value.items()}


def _prices(value: object, where: str) -> dict[str, float]:
    if not isinstance(value, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) and v > 0 for v in value.values()
    ):
        raise WatchlistError(f"{where} must map names to positive numbers")
    return {k: float(v) for k, v in value.items()}


def _refuse_unknown(table: dict, known: object, where: str,
                    noun: str = "key", nouns: str = "keys") -> None:
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise WatchlistError(f"{where}unknown {noun} {unknown[0]!r}; "
                             f"known {nouns}: {', '.join(sorted(known))}")


def excerpt(text: str, width: int = 40) -> str:
    """A string quoted for an error line, cut after `width` characters."""
    return repr(text) if len(text) <= width else f"{text[:width]!r}..."


def check_keywords(keywords: tuple[str, ...], where: str) -> tuple[str, ...]:
    """The keywords, or WatchlistError naming the first one too long to search for."""
    for keyword in keywords:
        if len(keyword) > MAX_KEYWORD:
            raise WatchlistError(f"{where}: keyword {excerpt(keyword)} is {len(keyword)} "
                                 f"characters long; at most {MAX_KEYWORD}")
    return keywords


def _brand(slug: str, entry: object) -> Brand:
    where = f"brands.{slug}"
    if not isinstance(entry, dict):
        raise WatchlistError(f"{where} must be a table")
    _refuse_unknown(entry, BRAND_KEYS, f"{where}: ")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise WatchlistError(f"{where}.name is missing")
    keywords = check_keywords(_strings(entry.get("keywords"), f"{where}.keywords"),
                              f"{where}.keywords")
    if not keywords:
        raise WatchlistError(f"{where}.keywords is empty")
    prices = _prices(entry.get("reference_prices", {}), f"{where}.reference_prices")
    _refuse_unknown(prices, CATEGORY_NAMES, f"{where}.reference_prices: ",
                    "category", "categories")
    return Brand(
        slug=slug,
        name=name.strip(),
        keywords=keywords,
        variants=_strings(entry.get("variants", []), f"{where}.variants"),
        monograms=_strings(entry.get("monograms", []), f"{where}.monograms"),
        product_lines=_strings(entry.get("product_lines", []), f"{where}.product_lines"),
        not_brand=_strings(entry.get("not_brand", []), f"{where}.not_brand"),
        authorized_sellers=_strings(
            entry.get("authorized_sellers", []), f"{where}.authorized_sellers"
        ),
        reference_prices=prices,
        line_prices=_prices(entry.get("line_prices", {}), f"{where}.line_prices"),
        replica_terms=_strings(entry.get("replica_terms", []), f"{where}.replica_terms"),
        # what the brand sells: by default, what it has reference prices for
        categories=_strings(entry.get("categories", list(entry.get("reference_prices", {}))),
                            f"{where}.categories"),
        **{key: _strings(entry.get(key, []), f"{where}.{key}") for key in (
            "ordinary_words", "near_words", "generic_lines", "look_alikes")},
        **{key: _lists(entry.get(key, {}), f"{where}.{key}") for key in ("imitations",
                                                                          "features")},
    )


@dataclass(frozen=True)
class Watchlist:
    """All watched brands, looked up by slug or display name in any case."""

    brands: dict[str, Brand]
    replica_terms: tuple[str, ...] = ()
    _by_key: dict[str, Brand] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key: dict[str, Brand] = {}
        for brand in self.brands.values():  # slugs and names before any brand's variants
            for key in (brand.slug, brand.name.lower(), brand.slug.replace("-", " "),
                        slug(brand.name)):
                by_key.setdefault(key, brand)
        for brand in self.brands.values():
            for variant in brand.variants:
                by_key.setdefault(variant.lower(), brand)
        object.__setattr__(self, "_by_key", by_key)

    def find(self, name: str) -> Brand:
        """The brand named by slug, display name (or its slug: yves-saint-laurent) or one of
        its variants, any case."""
        brand = self._by_key.get(" ".join(name.lower().split()))
        if brand:
            return brand
        raise WatchlistError(
            f"unknown brand {name!r}; known brands: {', '.join(sorted(self.brands))}"
        )

    def select(self, name: str) -> list[Brand]:
        """The brands a crawl covers: one by name, or every brand for 'all'."""
        if name.strip().lower() == "all":
            return list(self.brands.values())
        return [self.find(name)]


def load(path: str | Path | None = None) -> Watchlist:
    """Read a watchlist TOML file (the bundled one when path is empty)."""
    source = str(path) if path else "brands.toml (bundled)"
    try:
        raw = Path(path).read_bytes() if path else pkgutil.get_data("crawler", "brands.toml")
        data = tomllib.loads(raw.decode("utf-8"))
    except OSError as exc:
        raise WatchlistError(f"watchlist {source}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise WatchlistError(f"watchlist {source}: not UTF-8 text (byte "
                             f"0x{exc.object[exc.start]:02x} at offset {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise WatchlistError(f"watchlist {source}: not valid TOML: {exc}") from None
    except RecursionError:
        raise WatchlistError(f"watchlist {source}: not valid TOML: nested too deep") from None
    brands = data.get("brands")
    if not isinstance(brands, dict) or not brands:
        raise WatchlistError(f"watchlist {source}: no [brands.<slug>] tables")
    try:
        _refuse_unknown(data, TOP_LEVEL_KEYS, "top level: ")
        parsed = {slug: _brand(slug, entry) for slug, entry in brands.items()}
        terms = _strings(data.get("replica_terms", []), "replica_terms")
    except WatchlistError as exc:
        raise WatchlistError(f"watchlist {source}: {exc}") from None
    return Watchlist(brands=parsed, replica_terms=terms)
