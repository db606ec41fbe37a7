"""Pure functions that turn marketplace strings into values: prices, MOQ, counts, text, badges."""

from __future__ import annotations

import dataclasses
import html
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache, wraps
from urllib.parse import unquote, urljoin

import pycountry
from price_parser import Price
from w3lib.html import remove_tags, remove_tags_with_content
from w3lib.url import url_query_cleaner

from crawler.items import RawListing
from crawler.text import without_controls

MAX_TEXT = 4000  # longest title or seller name kept; beyond it a listing is padding, not text
MAX_CARD = 256 * 1024  # longest raw card kept as evidence

# Symbols and words that price strings carry, mapped to ISO 4217 codes. "$" alone is USD:
# marketplaces that show other dollars prefix them (HK$, C$, A$, R$).
CURRENCY_SYMBOLS = {
    "us$": "USD", "us $": "USD", "usd": "USD", "$": "USD",
    "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "CNY", "cn¥": "CNY", "rmb": "CNY", "cny": "CNY", "元": "CNY", "jp¥": "JPY", "円": "JPY",
    "hk$": "HKD", "c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD", "r$": "BRL",
    "₹": "INR", "rs": "INR", "₽": "RUB", "руб": "RUB", "₩": "KRW", "₺": "TRY", "tl": "TRY",
    "zł": "PLN", "₫": "VND", "₱": "PHP", "฿": "THB", "rm": "MYR", "s$": "SGD", "mx$": "MXN",
}
ISO_CURRENCIES = frozenset((
    "USD", "EUR", "GBP", "CNY", "JPY", "HKD", "CAD", "AUD", "BRL", "INR", "RUB", "KRW", "TRY",
    "PLN", "VND", "PHP", "THB", "MYR", "SGD", "MXN", "RSD", "CHF", "SEK", "NOK", "DKK", "CZK",
    "HUF", "RON", "BGN", "UAH", "ILS", "AED", "SAR", "ZAR", "NZD", "TWD", "IDR", "CLP", "COP",
    "PEN", "ARS", "KZT", "EGP", "NGN", "PKR", "BDT",
))


def _symbol_pattern(symbol: str) -> str:
    pattern = re.escape(symbol).replace(r"\ ", r"\s*")
    return rf"(?<![a-z]){pattern}(?![a-z])" if symbol[0].isalpha() else pattern


_SYMBOL_RE = re.compile(
    "|".join(_symbol_pattern(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
)
_ISO_RE = re.compile(r"(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])")
_RANGE_RE = re.compile(r"(?<=\d)\s*(?:-|–|—|~|to)\s*(?=[^\d]{0,6}\d)")
_PRICE_NOISE_RE = re.compile(r"/\s*[^\d/]*$|\((?:fob|exw|cif)[^)]*\)", re.IGNORECASE)

# Units a quantity is counted in, mapped to their singular. Unknown words lose a plural "s".
UNITS = {
    "pc": "piece", "pcs": "piece", "piece": "piece", "pieces": "piece", "件": "piece",
    "个": "piece", "只": "piece", "条": "piece", "ea": "piece", "each": "piece", "item": "piece",
    "items": "piece",
    "set": "set", "sets": "set", "套": "set",
    "pair": "pair", "pairs": "pair", "双": "pair", "对": "pair",
    "unit": "unit", "units": "unit", "台": "unit",
    "pack": "pack", "packs": "pack", "packet": "pack", "packets": "pack", "包": "pack",
    "box": "box", "boxes": "box", "盒": "box", "bag": "bag", "bags": "bag",
    "carton": "carton", "cartons": "carton", "ctn": "carton", "ctns": "carton", "箱": "carton",
    "dozen": "dozen", "dozens": "dozen", "roll": "roll", "rolls": "roll",
    "meter": "meter", "meters": "meter", "m": "meter", "yard": "yard", "yards": "yard",
    "kg": "kilogram", "kgs": "kilogram", "kilogram": "kilogram", "kilograms": "kilogram",
    "ton": "ton", "tons": "ton", "sheet": "sheet", "sheets": "sheet", "lot": "lot", "lots": "lot",
}
# A number as marketplaces print amounts and counts: "2,000", "10,000+", "1.2K", "1,2 mil",
# "10万+". A suffix counts only where no letter follows it ("5 months" is 5, not 5 million).
_NUMBER_RE = re.compile(
    r"(\d{1,3}(?:[,.\u00a0 ]\d{3})+(?!\d)|\d+)(?:[.,](\d+))?\s*\+?"
    r"(?:([km])(?![^\W\d_])|\s*(mil)(?![^\W\d_])|\s*([万千]))?",
    re.IGNORECASE,
)
_UNIT_RE = re.compile(r"\s*([\u4e00-\u9fff]|[^\W\d_]+)")
_MULTIPLIERS = {"k": 1_000, "m": 1_000_000, "mil": 1_000, "万": 10_000, "千": 1_000}

# Badge labels seen on the marketplaces, mapped to the canonical vocabulary (codes that only
# one marketplace uses live in its module).
BADGES = {
    "gold supplier": "gold_supplier", "goldsupplier": "gold_supplier",
    "verified": "verified_supplier",
    "verified supplier": "verified_supplier", "verified manufacturer": "verified_supplier",
    "verified pro": "verified_supplier", "verified pro supplier": "verified_supplier",
    "assessed supplier": "verified_supplier",
    "trade assurance": "trade_assurance", "tradeassurance": "trade_assurance",
    "local stock": "local_stock", "localstock": "local_stock",
    "audited supplier": "audited_supplier", "audited": "audited_supplier",
    "gold member": "gold_member", "diamond member": "diamond_member",
    "secured trading service": "secured_trading", "secured trading": "secured_trading",
    "choice": "choice", "aliexpress choice": "choice",
    "top selling on aliexpress": "top_selling", "top selling": "top_selling",
}

_WS_RE = re.compile(r"\s+")
# What clean_text has work to do for: markup, entities, controls, direction marks, lone
# surrogates, whitespace other than single spaces.
_NOT_PLAIN_RE = re.compile(
    "[<&\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
    "|[^\\S ]|  ")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_SCRIPT_OR_STYLE_RE = re.compile("<(?:script|style)", re.IGNORECASE)


def _memoized(function):
    """A one-argument parser that remembers its answers for short strings: badge labels,
    prices and quantities repeat across a marketplace's listings."""
    remembered = lru_cache(maxsize=8192)(function)

    @wraps(function)
    def parse(value):
        if type(value) is str and len(value) <= 300:
            return remembered(value)
        return function(value)

    return parse


def clean_text(value: object, limit: int = MAX_TEXT, entities: bool = True) -> str | None:
    """Plain text from markup: tags stripped, entities decoded (for a URL, `entities=False`,
    only `&amp;`), whitespace collapsed."""
    if value is None or isinstance(value, dict | list | bool):
        return None
    if isinstance(value, str) and not _NOT_PLAIN_RE.search(value):
        return value.strip()[:limit] or None  # most fields: nothing to strip or decode
    text = str(value)
    if "<" in text:
        if _SCRIPT_OR_STYLE_RE.search(text):
            text = remove_tags_with_content(text, ("script", "style"))
        text = remove_tags(text)
    if "&" in text:
        # In a URL "&region=cn" is a parameter, which html.unescape would read as "®ion=cn".
        text = html.unescape(text) if entities else text.replace("&amp;", "&")
    if _SURROGATE_RE.search(text):
        # Lone surrogates (from "\ud800" escapes in page JSON) cannot be stored as UTF-8.
        text = text.encode("utf-8", "replace").decode("utf-8")
    text = _WS_RE.sub(" ", without_controls(text)).strip()[:limit]
    return text or None


def absolute_url(value: object, base: str = "https://") -> str | None:
    """An absolute URL: protocol-relative links get https, relative ones are joined to base."""
    url = clean_text(value, entities=False)
    if not url:
        return None
    if url.startswith("//"):
        return "https:" + url
    if "://" in url[:12]:
        return url
    return urljoin(base, url) if base.startswith("http") else None


# Query parameters that only track a visit (Alibaba's spm, ad and experiment ids, campaign
# tags): dropped so one listing or seller has one URL.
TRACKING_PARAMETERS = frozenset((
    "spm", "scm", "pvid", "s", "cardtype", "trackinfo", "tracelog", "curpageloguid",
    "gatewayadapt", "sk", "terminal_id", "ali_trackid", "pdp_npi", "pdp_ext_f", "utparam",
    "src", "from", "scenario", "_t", "_randl_shipto", "mall_affr", "ad_pvid", "cv", "dp", "af",
))
TRACKING_PREFIXES = ("utm_", "aff_", "algo_", "spm_", "scm_", "pdp_")
# Country names marketplaces write that ISO 3166's own names do not cover.
COUNTRY_ALIASES = {"turkey": "TR", "russia": "RU", "uk": "GB", "england": "GB", "korea": "KR",
                   "mainland china": "CN", "prc": "CN", "usa": "US", "u.s.a.": "US"}


def _tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def canonical_url(value: object, base: str = "https://") -> str | None:
    """An absolute URL without tracking parameters or fragment (one listing, one URL)."""
    url = absolute_url(value, base)
    if not url or "?" not in url and "#" not in url:
        return url
    query = url.partition("#")[0].partition("?")[2]
    # Names as written, which is how url_query_cleaner compares them; judged decoded.
    names = {pair.partition("=")[0] for pair in query.split("&")}
    return url_query_cleaner(url, [name for name in names if _tracking(unquote(name))],
                             remove=True)


@lru_cache(maxsize=4096)
def country_code(value: str | None) -> str | None:
    """The ISO 3166 alpha-2 code a location names ('Zhejiang, China' -> 'CN'), else None."""
    if not value:
        return None
    for part in reversed(value.split(",")):  # the country comes last: "Zhejiang, China"
        name = " ".join(part.split()).lower()
        if code := COUNTRY_ALIASES.get(name):
            return code
        try:
            return pycountry.countries.lookup(name).alpha_2
        except LookupError:
            continue
    return None


def currency_code(text: str, symbol: str | None = None) -> str | None:
    """ISO 4217 code for a price string, given the symbol price-parser found in it."""
    iso = _ISO_RE.search(text)
    if iso and iso.group(1) in ISO_CURRENCIES:
        return iso.group(1)
    match = _SYMBOL_RE.search(text.lower())
    if match:
        return CURRENCY_SYMBOLS[re.sub(r"\s+", " ", match.group(0))]
    sym = (symbol or "").strip().lower()
    return CURRENCY_SYMBOLS.get(sym) or (sym.upper() if sym.upper() in ISO_CURRENCIES else None)


def currency_hint(value: object) -> str | None:
    """An ISO code a marketplace states outright (AliExpress 'currencyCode'), if valid."""
    code = (clean_text(value, limit=10) or "").upper()
    return code if code in ISO_CURRENCIES else None


def _amount(text: str) -> tuple[float | None, str | None]:
    price = Price.fromstring(text)
    amount = price.amount
    if amount is None or not isinstance(amount, Decimal) or not amount.is_finite():
        return None, price.currency
    return float(amount), price.currency


@_memoized
def parse_price(value: object) -> tuple[float | None, float | None, str | None]:
    """(min, max, ISO currency) from a price string such as 'US $2.00 - 5.00 / Piece'."""
    if isinstance(value, bool) or value is None:
        return None, None, None
    if isinstance(value, int | float):
        number = float(value)
        return (number, number, None) if number >= 0 and number == number else (None, None, None)
    text = clean_text(value, limit=200)
    if not text:
        return None, None, None
    text = _PRICE_NOISE_RE.sub("", text).strip()
    sides = _RANGE_RE.split(text, maxsplit=1)
    low, low_symbol = _amount(sides[0])
    high, high_symbol = _amount(sides[1]) if len(sides) > 1 else (low, None)
    if low is None and high is None:
        return None, None, None
    if low is None or high is None:
        low = high = low if high is None else high
    if low > high:
        low, high = high, low
    return low, high, currency_code(text, low_symbol or high_symbol)


def find_number(text: str) -> tuple[int, int] | None:
    """The first number in text, its suffix applied ("1.2K" -> 1200), and where it ends."""
    match = _NUMBER_RE.search(text)
    if not match:
        return None
    digits, fraction, *suffixes = match.groups()
    suffix = next((s for s in suffixes if s), None)
    number = int(re.sub(r"\D", "", digits))
    if suffix:
        whole = float(f"{number}.{fraction or 0}")
        return int(round(whole * _MULTIPLIERS[suffix.lower()])), match.end()
    return number, match.end()


def _plain_text(value: object) -> str | None:
    """Text to read a number from; None for values that hold none (or are numbers already)."""
    if isinstance(value, bool) or value is None or isinstance(value, int | float):
        return None
    return clean_text(value, limit=200)


def _whole(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if 0 <= value < 1e12 else None


@_memoized
def parse_quantity(value: object) -> tuple[int | None, str | None]:
    """(quantity, singular unit) from an MOQ string such as 'Min. order: 2,000 pieces'."""
    text = _plain_text(value)
    found = find_number(text) if text else None
    if not found:
        return _whole(value), None
    quantity, end = found
    unit_match = _UNIT_RE.match(text, end)
    word = unit_match.group(1).lower() if unit_match else ""
    if not word or word in {"min", "moq", "minimum", "sold", "order", "orders"}:
        unit = None
    else:
        unit = UNITS.get(word) or (word[:-1] if word.endswith("s") and len(word) > 3 else word)
    return quantity, unit


@_memoized
def parse_count(value: object) -> int | None:
    """A count such as '2,959 sold', '10,000+ sold' or '1.2K sold' as an int."""
    text = _plain_text(value)
    found = find_number(text) if text else None
    return found[0] if found else _whole(value)


def canonical_badge(label: object, codes: Mapping[str, str] | None = None) -> str | None:
    """The canonical name of a badge label or marketplace code ('Gold Supplier' -> 'gold_supplier').

    Labels outside the vocabulary (promotions such as 'Customizable') give None.
    """
    keys = _badge_keys(label)
    if not keys:
        return None
    if codes and keys[0] in codes:
        return codes[keys[0]]
    return BADGES.get(keys[0]) or BADGES.get(keys[1])


@_memoized
def _badge_keys(label: object) -> tuple[str, str] | None:
    """A badge label as looked up: folded, "since 2015" cut; then its words alone."""
    text = clean_text(label, limit=100)
    if not text:
        return None
    key = re.sub(r"\s+since\s+\d{4}.*$", "", unicodedata.normalize("NFKC", text).lower())
    return key, " ".join(re.split(r"[\W_]+", key)).strip()


def canonical_badges(labels: object, codes: Mapping[str, str] | None = None) -> list[str]:
    """Sorted, de-duplicated canonical badge names."""
    if not isinstance(labels, list | tuple | set):
        labels = [labels]
    return sorted({badge for label in labels if (badge := canonical_badge(label, codes))})


def listing_fields(raw: RawListing, page_url: str = "https://",
                   badge_codes: Mapping[str, str] | None = None) -> dict:
    """Listing column values from a page object's raw record."""
    price_min, price_max, currency = parse_price(raw.price)
    moq, moq_unit = parse_quantity(raw.moq)
    location = clean_text(raw.seller_country, limit=100)
    return {
        "listing_id": clean_text(raw.listing_id, limit=200),
        "url": canonical_url(raw.url, page_url),
        "title": clean_text(raw.title),
        "price_min": price_min,
        "price_max": price_max,
        "currency": currency_hint(raw.currency) or currency,
        "moq": moq,
        "moq_unit": moq_unit,
        "seller_name": clean_text(raw.seller_name),
        "seller_id": clean_text(raw.seller_id, limit=200),
        "seller_url": canonical_url(raw.seller_url, page_url),
        "seller_country": country_code(location),
        "seller_location": location if location != country_code(location) else None,
        "seller_years": parse_count(raw.seller_years),
        "badges": canonical_badges(raw.badges or [], badge_codes),
        "sold_count": parse_count(raw.sold),
        "image_url": absolute_url(raw.image_url, page_url),
        "card": raw.card[:MAX_CARD] if isinstance(raw.card, str) else None,
    }


def _amount_or_none(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if 0 <= value < 1e12 else None
    return parse_price(value)[0]


def record_fields(record: Mapping) -> dict:
    """A listing from a JSON record: mapped like a page's, typed price and unit columns kept."""
    raw = RawListing(**{k: record.get(k) for k in _RECORD_KEYS},
                     sold=record.get("sold_count", record.get("sold")))
    fields = {**record, **listing_fields(raw)}
    low, high = _amount_or_none(record.get("price_min")), _amount_or_none(record.get("price_max"))
    if low is not None or high is not None:
        fields.update(price_min=low if low is not None else high,
                      price_max=high if high is not None else low)
    fields["moq_unit"] = clean_text(record.get("moq_unit"), limit=30) or fields["moq_unit"]
    return fields


_RECORD_KEYS = [f.name for f in dataclasses.fields(RawListing) if f.name != "sold"]
