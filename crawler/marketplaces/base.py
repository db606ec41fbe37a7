"""What every marketplace page object offers the spider, and helpers for embedded data."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from scrapy.http import Response, TextResponse

_DECODER = json.JSONDecoder()
_BOT_WALL_MARKERS = ("nocaptcha", "x5sec", "baxia", "_____tmd_____", "punish", "nc_1_n1z",
                     "cf-challenge", "challenge-platform")
_BOT_WALL_TITLES = ("captcha interception", "security verification", "access denied",
                    "slide to verify", "verify you are human", "robot check", "just a moment",
                    "attention required", "滑动验证", "验证码拦截", "安全验证")


def embedded_objects(text: str, marker: str, prefix: str = r"\s*=\s*") -> Iterator[object]:
    """JSON values that follow each `marker` + `prefix` (a regex) in a page's scripts."""
    for match in re.finditer(re.escape(marker) + prefix, text):
        try:
            value, _ = _DECODER.raw_decode(text, match.end())
        except ValueError:
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


def page_text(response: Response) -> str:
    """The response body as text; empty for a body that is not text."""
    return response.text if isinstance(response, TextResponse) else ""


def looks_like_bot_wall(response: Response) -> bool:
    """A captcha or "punish" interception page instead of search results."""
    if "/_____tmd_____/" in response.url or "/punish" in response.url:
        return True
    text = page_text(response)
    head = text[:20000].lower()
    title = re.search(r"<title[^>]*>(.*?)</title>", head, re.S)
    if title and any(t in title.group(1) for t in _BOT_WALL_TITLES):
        return True
    hits = sum(marker in head for marker in _BOT_WALL_MARKERS)
    return hits >= 2 and len(text) < 200_000


@dataclass
class SearchPage:
    """Page object for one search-results response; a marketplace subclasses it."""

    response: Response

    def is_blocked(self) -> bool:
        """True when the marketplace answered with a bot wall instead of results."""
        return looks_like_bot_wall(self.response)

    def is_empty(self) -> bool:
        """True when the page is a recognised search with no results."""
        raise NotImplementedError

    def listings(self) -> list[dict]:
        """Raw listing records: strings as the page has them, keyed by listing column."""
        raise NotImplementedError

    def next_page_url(self, page: int) -> str | None:
        """URL (on any host) of the page after `page`, or None on the last page."""
        raise NotImplementedError


class Marketplace:
    """A marketplace the crawler knows: where it is served and how its pages are read."""

    name: str
    base_url: str
    domains: tuple[str, ...]

    def search_path(self, keyword: str, page: int) -> str:
        """Path and query of the search for `keyword`, results page `page` (1-based)."""
        raise NotImplementedError

    def page(self, response: Response) -> SearchPage:
        """The page object for a search-results response."""
        raise NotImplementedError
