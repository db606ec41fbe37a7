"""Takedown tracking: visit the product pages of the listings reviewers judged counterfeit or
reported, and record the ones the marketplace removed (`scrapy crawl recheck`)."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator

import scrapy
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread
from twisted.python.failure import Failure

from crawler.arguments import RecheckPlan, resolve_recheck
from crawler.marketplaces import MARKETPLACES
from crawler.marketplaces.base import BLOCKED, GONE_STATUSES, LIVE, REMOVED, UNKNOWN
from crawler.spiders.planned import PlannedSpider
from crawler.store import Store
from crawler.store.queries import run

# A gone listing answers 404 or 410, a wall often 403 or 429: the page says which (state()).
# Other errors are retried by Scrapy, then counted as failed.
PRODUCT_STATUSES = [403, 404, 410, 429]


class RecheckSpider(PlannedSpider):
    """Recheck judged listings: `scrapy crawl recheck [-a name=gucci] [-a limit=500]`."""

    name = "recheck"
    plan: RecheckPlan
    resolve_plan = staticmethod(resolve_recheck)

    def __init__(self, name: str | None = None, **arguments: str) -> None:
        super().__init__(name, **arguments)
        self.store: Store | None = None
        self.writing = threading.Lock()  # one review transaction at a time, off the reactor

    async def start(self) -> AsyncIterator[scrapy.Request]:
        stats = self.crawler.stats
        if self.plan.job_id:  # scrapyd's job id, for the crawls row
            stats.set_value("listings/job_id", self.plan.job_id)
        self.store = Store(self.plan.database)
        targets = run(self.store.conn, "recheck_targets",
                      brands=",".join(b.slug for b in self.plan.brands),
                      marketplaces=",".join(m.name for m in self.plan.marketplaces),
                      limit=self.plan.limit)
        stats.set_value("listings/recheck/listings", len(targets))
        for target in targets:
            market = MARKETPLACES[target["marketplace"]]
            # A mirror or test server serves the path; the real site is asked at the stored
            # URL (on Made-in-China, the seller's own subdomain).
            url = (self.plan.site(market) + market.product_path(target["url"])
                   if self.plan.base_url else target["url"])
            yield scrapy.Request(
                url, callback=self.parse_product, errback=self.page_failed,
                cb_kwargs={"market": market.name, "listing_id": target["listing_id"]},
                # The retry middleware judges a wall with the product page object.
                meta={"handle_httpstatus_list": PRODUCT_STATUSES, "marketplace": market.name,
                      "page": "product"},
            )

    async def parse_product(self, response: Response, market: str, listing_id: str) -> None:
        """One product page: removed (recorded as a review), live, blocked or unknown."""
        stats = self.crawler.stats
        stats.inc_value("listings/pages")
        page = MARKETPLACES[market].product_page(response)
        state = page.state()
        if state == LIVE and page.listing_id() not in (None, listing_id):
            state = UNKNOWN  # another listing's page (a redirect): not this one's
        stats.inc_value(f"listings/recheck/{state}")
        key = f"{market}:{listing_id}"
        if state == REMOVED:
            why = "not found" if response.status in GONE_STATUSES else "the removed page"
            added = await maybe_deferred_to_future(deferToThread(
                self._record_removed, market, listing_id,
                f"HTTP {response.status}, {why}: {response.url}"))
            stats.inc_value("listings/recheck/reviews", added)
            self.logger.info("Removed: %s (%s)", key, response.url)
        elif state == BLOCKED:
            stats.inc_value("listings/blocked")
            self.logger.error("Blocked by a bot wall (HTTP %s): %s", response.status, response.url)
        elif state == UNKNOWN and response.status == 200:
            stats.inc_value("listings/layout_changed")
            self.logger.error("Neither %s's product data nor a removed page; the page layout may "
                              "have changed: %s", key, response.url)
        elif state == UNKNOWN:
            stats.inc_value("listings/failed_pages")
            self.logger.error("HTTP %s for %s (%s)", response.status, response.url, key)

    def _record_removed(self, market: str, listing_id: str, note: str) -> int:
        with self.writing:
            return self.store.record_removed(market, listing_id,
                                             (b.slug for b in self.plan.brands), note)

    def page_failed(self, failure: Failure) -> None:
        """A product page that could not be downloaded even after retries."""
        self.crawler.stats.inc_value("listings/failed_pages")
        self.crawler.stats.inc_value("listings/recheck/failed")
        self.logger.error("Page failed: %s (%s)", failure.request.url,
                          failure.getErrorMessage() or failure.type.__name__)

    def closed(self, reason: str) -> None:
        if self.store is not None:
            self.store.close()
