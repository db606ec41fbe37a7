"""The one generic spider: brand keywords -> marketplace searches -> listings, page after page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.arguments import CrawlPlan, resolve
from crawler.health import COVERAGE_STAT, PLAN_STAT, plan_key
from crawler.items import Listing
from crawler.marketplaces import MARKETPLACES
from crawler.spiders.planned import PlannedSpider

# A page whose records mostly lack a title or price is read wrong, not a page of odd listings.
INCOMPLETE_SHARE = 0.5
# Error answers reach the callback (a wall with 403/429, a failure to count); redirects are
# still followed, so a redirect to a "punish" page is seen as the wall it is.
ERROR_STATUSES = list(range(400, 600))
# Per marketplace, how many listings show each of these (`crawler health` compares crawls).
COVERAGE_FIELDS = {"price": "price_min", "moq": "moq", "seller": "seller_name"}


class BrandSpider(PlannedSpider):
    """Crawl marketplace search results for a watched brand: `scrapy crawl brand -a name=gucci`."""

    name = "brand"
    plan: CrawlPlan
    resolve_plan = staticmethod(resolve)

    def __init__(self, name: str | None = None, **arguments: str) -> None:
        super().__init__(name, **arguments)
        # Listing ids seen per search, to stop a pager that serves the same listings again.
        self.seen: dict[tuple[str, str], set[str]] = {}
        # One bound method for every request: Scrapy keeps its check of a callback's source
        # (ast-parsed, ~1 ms) only while that callback object lives.
        self.parse_page = self.parse_search

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.plan.job_id:  # scrapyd's job id, for the crawls row
            self.crawler.stats.set_value("listings/job_id", self.plan.job_id)
        searches = self.plan.searches()
        self.crawler.stats.set_value(PLAN_STAT, plan_key([s.keyword for s in searches],
                                                         self.plan.max_pages))
        # A keyword several brands watch is searched once; its listings go to each brand.
        for search in searches:
            market, keyword = search.marketplace, search.keyword
            brands = tuple(brand.slug for brand in search.brands)
            yield self._search(market.name, market.search_path(keyword, 1), brands, keyword, 1)

    def _search(self, market: str, path: str, brands: tuple[str, ...], keyword: str, page: int):
        return scrapy.Request(
            self.plan.site(MARKETPLACES[market]) + path,
            callback=self.parse_page,
            errback=self.page_failed,
            cb_kwargs={"market": market, "brands": brands, "keyword": keyword, "page": page},
            # Error answers are judged and counted here; the marketplace tells the retry
            # middleware which page object judges a wall.
            meta={"handle_httpstatus_list": ERROR_STATUSES, "marketplace": market},
        )

    def parse_search(
        self, response: Response, market: str, brands: tuple[str, ...], keyword: str, page: int
    ) -> Iterator[Listing | scrapy.Request]:
        """One search-results page: its listings, then the next page while there is one."""
        stats = self.crawler.stats
        stats.inc_value("listings/pages")
        search = MARKETPLACES[market].take_page(response)
        if search.is_blocked():
            stats.inc_value("listings/blocked")
            self.logger.error("Blocked by a bot wall (HTTP %s): %s", response.status, response.url)
            return
        if response.status != 200:
            stats.inc_value("listings/failed_pages")
            self.logger.error("HTTP %s for %s", response.status, response.url)
            return
        records = search.listings()
        self._count_coverage(market, records)
        if search.malformed:  # records too malformed to read: scraped, and dropped at once
            stats.inc_value("listings/scraped", search.malformed * len(brands))
            stats.inc_value("listings/dropped", search.malformed * len(brands))
            stats.inc_value("listings/dropped/malformed", search.malformed * len(brands))
        if not records and search.is_empty():
            stats.inc_value("listings/empty_pages")
            return
        incomplete = sum(not (r["title"] and r["price_min"] is not None) for r in records)
        if not records or incomplete > INCOMPLETE_SHARE * len(records):
            stats.inc_value("listings/layout_changed")
            self.logger.error("%d listings, %d without title or price; the page layout may have "
                              "changed: %s", len(records), incomplete, response.url)
        elif degraded := search.degraded_reason(page):
            stats.inc_value("listings/degraded_pages")
            self.logger.warning("Degraded read (%s): %s", degraded, response.url)
        # The next page first: it downloads while this page's listings go through the pipelines.
        if not self._adds_listings((market, keyword), records):
            stats.inc_value("listings/repeated_pages")
            self.logger.warning("Page %d shows no listing the earlier pages did not; not "
                                "following its pager: %s", page, response.url)
        elif (next_url := search.next_page_url(page) if records else None) and (
                page < self.plan.max_pages):
            yield self._search(market, self._path_on_site(market, next_url), brands, keyword,
                               page + 1)
        stats.inc_value("listings/scraped", len(records) * len(brands))
        for fields in records:
            for brand in brands:
                yield Listing(marketplace=market, brand=brand, keyword=keyword,
                              page_url=response.url, **fields)

    def _count_coverage(self, market: str, records: list[dict]) -> None:
        """Count a page's listings and those showing each COVERAGE_FIELDS field."""
        stats = self.crawler.stats
        stats.inc_value(f"{COVERAGE_STAT}/{market}/listings", len(records))
        for name, column in COVERAGE_FIELDS.items():
            stats.inc_value(f"{COVERAGE_STAT}/{market}/{name}",
                            sum(r.get(column) not in (None, "") for r in records))

    def _adds_listings(self, search: tuple[str, str], records: list[dict]) -> bool:
        """Whether a page shows a listing this search has not shown yet (and remember them)."""
        seen = self.seen.setdefault(search, set())
        new = {r["listing_id"] for r in records if r["listing_id"]} - seen
        seen |= new
        return bool(new) or not records

    def _path_on_site(self, market: str, url: str) -> str:
        """Path and query of a next-page URL, to request on the configured site's host."""
        site = self.plan.site(MARKETPLACES[market])
        if url.startswith(site + "/"):
            return url[len(site):]
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def page_failed(self, failure: Failure) -> None:
        """A page that could not be downloaded even after retries."""
        self.crawler.stats.inc_value("listings/failed_pages")
        self.logger.error("Page failed: %s (%s)", failure.request.url,
                          failure.getErrorMessage() or failure.type.__name__)
