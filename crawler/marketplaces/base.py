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

_DECODER = json.JSONDecoder()


def embedded_objects(text: str, marker: str, prefix: str = r"\s*=\s*") -> Iterator[object]:
    """JSON values that follow each `marker` + `prefix` (a regex) in a page's scripts."""
    for match in re.finditer(re.escape(marker) + prefix, text):
        try:
            value, _ = _DECODER.raw_decode(text, match.end())
        except (ValueError, RecursionError):
            continue
        yield value


def dig(data: object, *path: str | int) -> object:
    """The value at a path of keys and indexes, or None where any step is missing."""
    for step in path:
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
    def _listings(self) -> list[dict]:
        url = self.response.url
        return [listing_fields(record, url, self.badge_codes) for record in self.records()]

    def listings(self) -> list[dict]:
        """Listing column values of every record on the page (the one mapping)."""
        return self._listings


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

    def take_page(self, response: Response) -> SearchPage:
        """The page object of a response for its last reader (the spider): the one `page`
        made, now forgotten - a page holds its response, so a kept one would never be freed."""
        return _PAGES.pop(response, None) or self.page_class(response)
