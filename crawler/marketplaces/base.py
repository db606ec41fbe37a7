"""What every marketplace page object offers the spider, and helpers for embedded data."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property, partial
from typing import ClassVar
from urllib.parse import urlsplit, urlunsplit
from weakref import WeakKeyDictionary

from parsel import Selector
from scrapy.http import Response, TextResponse

from crawler.items import RawListing
from crawler.parsing import canonical_url, clean_text, listing_fields
from crawler.walls import is_wall_text, is_wall_url

# Listing data nests a dozen levels; JSON deeper than this is hostile, and deep enough
# (about 1,000 levels) it makes the decoder raise RecursionError.
MAX_DEPTH = 100


class Unreadable(dict):
    """Stands in for a record nested too deeply to decode. Every path into it leads back to
    it, so each field read from it is Unreadable and the page counts the record malformed."""


UNREADABLE = Unreadable(error=f"nested deeper than {MAX_DEPTH} levels")
_PLACEHOLDER_KEY = "\x00unreadable"
_PLACEHOLDER = json.dumps({_PLACEHOLDER_KEY: True})
_DECODER = json.JSONDecoder()
_PLACEHOLDER_DECODER = json.JSONDecoder(
    object_hook=lambda obj: UNREADABLE if _PLACEHOLDER_KEY in obj else obj)
_OPENS = {"]": "[", "}": "{"}
_TOKEN_RE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)


def _too_deep_cut(text: str, start: int) -> str | None:
    """The JSON value at `start` with each part that nests deeper than MAX_DEPTH cut out: the
    entry of the outermost list that holds it (the record), or where no list holds it, the part
    itself, replaced by a placeholder. None when the value's brackets do not balance."""
    stack: list[tuple[str, int]] = []  # open brackets: kind and offset
    pieces, copied, cut = [], start, None  # cut: stack index of the container being cut out
    for token in _TOKEN_RE.finditer(text, start):
        kind = token.group()[0]
        if kind == '"':
            continue
        if kind in "[{":
            stack.append((kind, token.start()))
            if len(stack) > MAX_DEPTH and cut is None:
                lists = [depth for depth, (k, _) in enumerate(stack) if k == "["]
                cut = lists[0] + 1 if lists and lists[0] + 1 < len(stack) else len(stack) - 1
        else:
            if not stack or stack[-1][0] != _OPENS[kind]:
                return None
            _, opened = stack.pop()
            if cut == len(stack):
                pieces += [text[copied:opened], _PLACEHOLDER]
                copied, cut = token.end(), None
            if not stack:
                return "".join(pieces) + text[copied:token.end()]
    return None


def _decode(text: str, start: int) -> object:
    """The JSON value at `start`; records nested too deeply to decode become UNREADABLE."""
    try:
        return _DECODER.raw_decode(text, start)[0]
    except RecursionError:
        shallow = _too_deep_cut(text, start)
        if shallow is None:
            raise ValueError("unbalanced JSON") from None
        return _PLACEHOLDER_DECODER.raw_decode(shallow)[0]


def embedded_objects(response: Response, marker: str, prefix: str = r"\s*=\s*"
                     ) -> Iterator[object]:
    """JSON values that follow each `marker` + `prefix` (a regex) in a page's scripts."""
    pattern = re.compile(re.escape(marker) + prefix)
    for script, rest in _marked_scripts(response, marker):
        for match in pattern.finditer(script):
            value = _value_at(script, match.end())
            if value is _NO_VALUE and rest is not None:
                # a page that writes "</script>" inside a JSON string: read on past it
                value = _value_at(rest(), match.end())
            if value is not _NO_VALUE:
                yield value


_NO_VALUE = object()


def _value_at(text: str, start: int) -> object:
    """The JSON value at `start`, or _NO_VALUE where none can be read."""
    try:
        return _decode(text, start)
    except (ValueError, RecursionError):
        return _NO_VALUE


_SCRIPT_END_RE = re.compile(rb"</script", re.IGNORECASE)


def _marked_scripts(response: Response, marker: str
                    ) -> Iterator[tuple[str, Callable[[], str] | None]]:
    """The text from each `marker` to the end of its script, decoded alone on a UTF-8 page (a
    results page is megabytes of other scripts), with the page's text from there on; on other
    pages the whole text."""
    if not isinstance(response, TextResponse) or codecs.lookup(response.encoding).name != "utf-8":
        yield page_text(response), None
        return
    body, wanted, start = response.body, marker.encode("utf-8"), 0
    while (start := body.find(wanted, start)) >= 0:
        end = _SCRIPT_END_RE.search(body, start)
        stop = end.start() if end else len(body)
        yield body[start:stop].decode("utf-8", "replace"), cache(partial(_decoded, body, start))
        start = stop


def _decoded(body: bytes, start: int) -> str:
    return body[start:].decode("utf-8", "replace")


def dig(data: object, *path: str | int) -> object:
    """The value at a path of keys and indexes, or None where any step is missing."""
    for step in path:
        if isinstance(data, Unreadable):
            return data
        if isinstance(step, int) and isinstance(data, list) and -len(data) <= step < len(data):
            data = data[step]
        elif isinstance(step, str) and isinstance(data, dict):
            data = data.get(step)
        else:
            return None
    return data


# Where a field that is an object (`{"text": "7,869 sold", "icon": ...}`) keeps its text.
TEXT_KEYS = ("text", "value", "displayText", "formattedPrice", "price", "content", "name")


def textual(value: object) -> object:
    """A field's value, or the text inside it when the page wraps it in an object (a list
    stays a list: no field is read from one)."""
    if isinstance(value, dict) and not isinstance(value, Unreadable):
        return next((value[key] for key in TEXT_KEYS
                     if isinstance(value.get(key), str | int | float)), None)
    return value


def first(data: object, *paths: tuple[str | int, ...]) -> object:
    """The value at the first of several paths (field aliases) that holds something."""
    plain = type(data) is dict  # most aliases are one key of a plain object: read it directly
    for path in paths:
        value = data.get(path[0]) if plain and len(path) == 1 else dig(data, *path)
        if value not in (None, "", [], {}):
            return value
    return None


def read_fields(data: object, fields: dict[str, tuple[tuple[str | int, ...], ...]]) -> dict:
    """Each field's value at the first of its paths (field aliases) that holds something."""
    return {name: first(data, *paths) for name, paths in fields.items()}


_CARD_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)


def card_json(value: object) -> str:
    """A listing's JSON object as evidence text (compact, keys as served)."""
    return _CARD_ENCODER.encode(value)


# A page whose listings are fewer than this share of what its own data promises (page size,
# total hits) was read in part, unless it is the last page.
SHORT_PAGE_SHARE = 0.25


def short_page(found: int, page_size: object, total: object, page: int) -> str | None:
    """Why a page with `found` listings is short of what its data says, or None."""
    if not all(isinstance(n, int) and not isinstance(n, bool) and n > 0
               for n in (page_size, total)):
        return None
    expected = min(page_size, total - (page - 1) * page_size)
    if expected <= 0 or found >= SHORT_PAGE_SHARE * expected:
        return None
    return f"{found} listings where the page's own data says {expected}"


def page_text(response: Response) -> str:
    """The response body as text; empty for a body that is not text."""
    return response.text if isinstance(response, TextResponse) else ""


@dataclass
class SearchPage:
    """Page object for one search-results response; a marketplace subclasses it."""

    response: Response
    # This marketplace's own badge codes (Alibaba's loopType "ag"), mapped to canonical names.
    badge_codes: ClassVar[dict[str, str]] = {}

    def is_blocked(self) -> bool:
        """True when the marketplace answered with a bot wall instead of results."""
        return self._blocked

    @cached_property
    def _blocked(self) -> bool:
        # A page that shows results, or a recognised empty search, is no wall whatever its
        # scripts mention; a wall is judged on the whole document.
        if is_wall_url(self.response.url):
            return True
        return (not self.listings() and not self.is_empty()
                and is_wall_text(page_text(self.response)))

    def is_empty(self) -> bool:
        """True when the page is a recognised search with no results."""
        raise NotImplementedError

    def records(self) -> list[RawListing]:
        """Every listing on the page, as the page shows it."""
        raise NotImplementedError

    def next_page_url(self, page: int) -> str | None:
        """URL (on any host) of the page after `page`, or None on the last page."""
        raise NotImplementedError

    def degraded_reason(self, page: int = 1) -> str | None:
        """Why results page `page` was read only in part (a fallback layout, listings
        missing), or None."""
        return None

    @cached_property
    def _read(self) -> tuple[list[dict], int]:
        """Listing column values of the readable records, and how many were unreadable."""
        records = self.records()
        readable = [record for record in records
                    if not any(isinstance(value, Unreadable) for value in vars(record).values())]
        url = self.response.url
        listings = [listing_fields(record, url, self.badge_codes) for record in readable]
        return listings, len(records) - len(readable)

    def listings(self) -> list[dict]:
        """Listing column values of every readable record on the page (the one mapping)."""
        return self._read[0]

    @property
    def malformed(self) -> int:
        """Records on the page too malformed to read (nested too deep), left out of listings()."""
        return self._read[1]


# What a product-detail page says of its listing (ProductPage.state()).
LIVE, REMOVED, BLOCKED, UNKNOWN = "live", "removed", "blocked", "unknown"
PRODUCT_STATES = (LIVE, REMOVED, BLOCKED, UNKNOWN)
GONE_STATUSES = frozenset((404, 410))
_VISIBLE_TEXT = ("//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
                 " or ancestor::template)]")


def _ld_nodes(data: object) -> Iterator[dict]:
    """The objects of one JSON-LD block: itself, the entries of a list, an @graph's entries."""
    for node in data if isinstance(data, list) else [data]:
        if isinstance(node, dict):
            yield node
            graph = node.get("@graph")
            yield from (n for n in graph if isinstance(n, dict)) if isinstance(graph, list) else ()


def json_ld_product(selector: Selector) -> dict:
    """The first schema.org `Product` in a page's JSON-LD blocks, or {}."""
    for block in selector.xpath('//script[@type="application/ld+json"]/text()').getall():
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):
            continue
        for node in _ld_nodes(data):
            kind = node.get("@type")
            if "Product" in (kind if isinstance(kind, list) else [kind]):
                return node
    return {}


def ld_price(product: dict) -> str | None:
    """A JSON-LD Product's price as text ("5.96 USD", "2.00-5.00 USD"), or None."""
    offer = first(product, ("offers", 0), ("offers",))
    low = first(offer, ("price",), ("lowPrice",))
    if not isinstance(low, str | int | float) or isinstance(low, bool):
        return None
    high = dig(offer, "highPrice")
    shown = f"{low}-{high}" if isinstance(high, str | int | float) and high != low else f"{low}"
    currency = dig(offer, "priceCurrency")
    return f"{shown} {currency}" if isinstance(currency, str) else shown


@dataclass
class ProductPage:
    """Page object for one product-detail response: is the listing still up? A marketplace
    subclasses it, saying where its product data is and what its removed page looks like."""

    response: Response
    # The <title> of the marketplace's removed or not-found page (matched on the whole title,
    # lowercase), and the notice such a page shows when it has no product data.
    removed_title: ClassVar[re.Pattern | None] = None
    removed_notice: ClassVar[re.Pattern | None] = None

    def product(self) -> dict[str, object]:
        """The listing's product data as the page shows it (listing_id, title, price: values
        as found), {} when the page shows none."""
        raise NotImplementedError

    def shown_id(self) -> object:
        """The listing id the page shows outside its product data (its canonical URL), or None."""
        return None

    def state(self) -> str:
        """One of PRODUCT_STATES. A wall is never "removed", out of stock is "live", and a page
        that is neither recognisably removed nor the listing's is "unknown", never "removed"."""
        return self._state

    @cached_property
    def _state(self) -> str:
        if is_wall_url(self.response.url):
            return BLOCKED
        # The marketplace's removed page and the listing's own data are no wall whatever their
        # scripts mention; a 404 or 410 is a removal unless a wall answered with it.
        if self.is_removed():
            return REMOVED
        gone = self.response.status in GONE_STATUSES
        if self.is_live():
            return REMOVED if gone else LIVE
        if is_wall_text(page_text(self.response)):
            return BLOCKED
        return REMOVED if gone else UNKNOWN

    def is_blocked(self) -> bool:
        """True when a bot wall answered instead of the product page."""
        return self.state() == BLOCKED

    def is_live(self) -> bool:
        """True when the page shows the listing's product data."""
        return any(self._facts.values())

    def is_removed(self) -> bool:
        """True on the marketplace's own removed or not-found page."""
        title = " ".join((self.selector.xpath("//title/text()").get() or "").split()).lower()
        if self.removed_title is not None and self.removed_title.fullmatch(title):
            return True
        return (self.removed_notice is not None and not self.is_live()
                and bool(self.removed_notice.search(self.visible_text)))

    def listing_id(self) -> str | None:
        """The listing id the page shows (to check it is the listing asked for), or None."""
        return self._facts["listing_id"] or clean_text(self.shown_id())

    def title(self) -> str | None:
        """The listing's title as plain text, or None."""
        return self._facts["title"]

    def price(self) -> str | None:
        """The listing's price as the page shows it ("US $5.96", "$2.00-$5.00"), or None."""
        return self._facts["price"]

    def availability(self) -> str | None:
        """The JSON-LD offer's schema.org availability ("InStock", "OutOfStock"), or None."""
        value = first(self.ld_product, ("offers", 0, "availability"), ("offers", "availability"))
        return clean_text(value.rsplit("/", 1)[-1]) if isinstance(value, str) else None

    @cached_property
    def _facts(self) -> dict[str, str | None]:
        product = self.product()
        return {key: clean_text(product.get(key)) for key in ("listing_id", "title", "price")}

    @cached_property
    def selector(self) -> Selector:
        return Selector(text=page_text(self.response) or "<html></html>")

    @cached_property
    def ld_product(self) -> dict:
        """The page's JSON-LD Product, or {}."""
        return json_ld_product(self.selector)

    @property
    def canonical(self) -> str:
        """The page's canonical URL, or ""."""
        return self.selector.xpath('//link[@rel="canonical"]/@href').get() or ""

    @cached_property
    def visible_text(self) -> str:
        """The body's text outside scripts and styles, lowercase, whitespace collapsed."""
        return " ".join(" ".join(self.selector.xpath(_VISIBLE_TEXT).getall()).split()).lower()


_PAGES: WeakKeyDictionary[Response, SearchPage] = WeakKeyDictionary()
_PRODUCT_PAGES: WeakKeyDictionary[Response, ProductPage] = WeakKeyDictionary()


def _one_per_response(cache: WeakKeyDictionary, response: Response, page_class: type):
    """The page object of `response` in `cache`, made on first use."""
    page = cache.get(response)
    if page is None:
        page = cache[response] = page_class(response)
    return page


class Marketplace:
    """A marketplace the crawler knows: where it is served and how its pages are read."""

    name: str
    base_url: str
    domains: tuple[str, ...]
    page_class: type[SearchPage]
    product_class: type[ProductPage]

    def search_path(self, keyword: str, page: int) -> str:
        """Path and query of the search for `keyword`, results page `page` (1-based)."""
        raise NotImplementedError

    def page(self, response: Response) -> SearchPage:
        """The page object of a search-results response: one per response, so the retry
        middleware's wall check and the spider's reading share their work."""
        return _one_per_response(_PAGES, response, self.page_class)

    def take_page(self, response: Response) -> SearchPage:
        """The page object of a response for its last reader (the spider): the one `page`
        made, now forgotten - a page holds its response, so a kept one would never be freed."""
        return _PAGES.pop(response, None) or self.page_class(response)

    def product_page(self, response: Response) -> ProductPage:
        """The page object of a product-detail response: one per response, like page()."""
        return _one_per_response(_PRODUCT_PAGES, response, self.product_class)

    def product_path(self, url: str) -> str:
        """Path and query of a stored listing URL without tracking parameters, to request on
        the configured base_url (a mirror or test server: the URL's own host is dropped).
        Always one leading slash, so joined to base_url it never names another host."""
        parts = urlsplit(canonical_url(url, self.base_url) or "")
        return urlunsplit(("", "", "/" + parts.path.lstrip("/"), parts.query, ""))
