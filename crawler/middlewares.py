"""Downloader middleware: retry bot walls and rate limits with a wait between tries."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred
from twisted.internet.task import deferLater

from crawler.marketplaces import MARKETPLACES

logger = logging.getLogger(__name__)
# A backoff is slept in steps this long, so that a crawl shutting down does not wait it out.
WAIT_STEP = 0.25


def retry_after_seconds(value: bytes | str | None) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date), None if unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class BackoffRetryMiddleware:
    """Retry captcha walls (exponential backoff) and 429/503 answers (honouring Retry-After).

    Whether a response is a wall is the page object's call, asked of the marketplace the
    request is for (`meta["marketplace"]`): `ProductPage.is_blocked` for a product page
    (`meta["page"] == "product"`: it carries anti-bot scripts and shows no search results),
    else `SearchPage.is_blocked`.
    """

    def __init__(self, crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.wall_retries = settings.getint("BOT_WALL_RETRY_TIMES", 2)
        self.backoff = settings.getfloat("BOT_WALL_BACKOFF", 5.0)
        self.max_wait = settings.getfloat("RETRY_AFTER_MAX", 120.0)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_response(self, request, response):
        tries = request.meta.get("retry_times", 0)
        market = MARKETPLACES.get(request.meta.get("marketplace"))
        page_of = None if market is None else (
            market.product_page if request.meta.get("page") == "product" else market.page)
        if page_of is not None and page_of(response).is_blocked():
            reason, wait, most = "bot_wall", self.backoff * 2**tries, self.wall_retries
        elif response.status in (429, 503) and "Retry-After" in response.headers:
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            if wait is None:
                return response
            reason, wait, most = f"{response.status}_retry_after", min(wait, self.max_wait), None
        else:
            return response
        origin = request.meta.get("redirect_urls", [request.url])[0]
        retry = get_retry_request(
            request.replace(url=origin), spider=self.crawler.spider, reason=reason,
            max_retry_times=most, give_up_log_level=logging.DEBUG,
        )
        if retry is None:
            return response
        if market is not None:
            market.take_page(response)  # this response is done with: let its page go
        self.crawler.stats.inc_value(f"listings/retries/{reason}")
        logger.info("%s on %s: retrying in %.1fs", reason, request.url, wait)
        await self._wait(wait)
        return retry

    async def _wait(self, seconds: float) -> None:
        """Sleep, but stop early once the crawl is closing (a signal, a CLOSESPIDER limit)."""
        from twisted.internet import reactor  # the one Scrapy installed, not a default

        left = seconds
        while left > 0 and not self._closing():
            step = min(WAIT_STEP, left)
            await maybe_deferred_to_future(deferLater(reactor, step, lambda: None))
            left -= step

    def _closing(self) -> bool:
        engine = self.crawler.engine
        slot = getattr(engine, "_slot", None)  # Scrapy sets slot.closing when a close begins
        return engine is None or not engine.running or getattr(slot, "closing", None) is not None


class ConcurrentRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt check, fixed for requests that wait on the same robots.txt.

    Scrapy 2.19 resolves every waiter after the first with None (the shared Deferred's
    result is consumed by the first), so their requests went out unchecked. Once the wait
    is over, the parsed robots.txt is in `_parsers`: take it from there.
    """

    async def robot_parser(self, request):
        parser = await super().robot_parser(request)
        settled = self._parsers.get(urlparse_cached(request).netloc)
        return parser if isinstance(settled, Deferred) or settled is None else settled
