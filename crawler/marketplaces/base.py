"""What every marketplace page object offers the spider, and helpers for embedded data."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar
from weakref import WeakKeyDictionary

from scrapy.http import Response, TextResponse

from crawler.items import RawListing
from crawler.parsing import listing_fields
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


def embedded_objects(text: str, marker: str, prefix: str = r"\s*=\s*") -> Iterator[object]:
    """JSON values that follow each `marker` + `prefix` (a regex) in a page's scripts."""
    for match in re.finditer(re.escape(marker) + prefix, text):
        try:
            value = _decode(text, match.end())
        except (ValueError, RecursionError):
            continue
        yield value


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


def first(data: object, *paths: tuple[str | int, ...]) -> object:
    """The value at the first of several paths (field aliases) that holds something."""
    for path in paths:
        value = dig(data, *path)
        if value not in (None, "", [], {}):
            return value
    return None


def card_json(value: object) -> str:
    """A listing's JSON object as evidence text (compact, keys as served)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


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

    def degraded_reason(self) -> str | None:
        """Why the page was read only in part (a fallback layout, listings missing), or None."""
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


_PAGES: WeakKeyDictionary[Response, SearchPage] = WeakKeyDictionary()


class Marketplace:
    """A marketplace the crawler knows: where it is served and how its pages are read."""

    name: str
    base_url: str
    domains: tuple[str, ...]
    page_class: type[SearchPage]

    def search_path(self, keyword: str, page: int) -> str:
        """Path and query of the search for `keyword`, results page `page` (1-based)."""
        raise NotImplementedError

    def page(self, response: Response) -> SearchPage:
        """The page object of a search-results response: one per response, so the retry
        middleware's wall check and the spider's reading share their work."""
        page = _PAGES.get(response)
        if page is None:
            page = _PAGES[response] = self.page_class(response)
        return page
