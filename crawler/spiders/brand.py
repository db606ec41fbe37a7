"""The one generic spider: brand keywords -> marketplace searches -> listings, page after page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response

from crawler.arguments import CrawlPlan, resolve
from crawler.items import Listing
from crawler.marketplaces import MARKETPLACES
from crawler.parsing import listing_fields


class BrandSpider(scrapy.Spider):
    """Crawl marketplace search results for a watched brand: `scrapy crawl brand -a name=gucci`."""

    name = "brand"

    def __init__(self, name: str | None = None, **arguments: str) -> None:
        # `name` is the brand, not the spider's name, so it is not passed on to Spider.
        super().__init__()
        self.arguments = {"name": name, **arguments} if name is not None else arguments

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.plan = resolve(spider.arguments, crawler.settings)
        return spider

    plan: CrawlPlan

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for brand in self.plan.brands:
            for marketplace in self.plan.marketplaces:
                for keyword in self.plan.keywords_for(brand):
                    path = marketplace.search_path(keyword, 1)
                    yield self._search(marketplace.name, path, brand.slug, keyword, 1)

    def _search(self, market: str, path: str, brand: str, keyword: str, page: int):
        url = self.plan.site(MARKETPLACES[market]) + path
        return scrapy.Request(
            url,
            callback=self.parse_search,
            cb_kwargs={"market": market, "brand": brand, "keyword": keyword, "page": page},
        )

    def parse_search(
        self, response: Response, market: str, brand: str, keyword: str, page: int
    ) -> Iterator[Listing | scrapy.Request]:
        """One search-results page: its listings, then the next page while there is one."""
        stats = self.crawler.stats
        stats.inc_value("listings/pages")
        search = MARKETPLACES[market].page(response)
        if search.is_blocked():
            stats.inc_value("listings/blocked")
            self.logger.error("Blocked by a bot wall: %s", response.url)
            return
        records = search.listings()
        if not records:
            if search.is_empty():
                stats.inc_value("listings/empty_pages")
            else:
                stats.inc_value("listings/layout_changed")
                self.logger.error("No listings found; the page layout may have changed: %s",
                                  response.url)
            return
        for raw in records:
            stats.inc_value("listings/scraped")
            yield Listing(marketplace=market, brand=brand, keyword=keyword,
                          **listing_fields(raw, response.url))
        next_url = search.next_page_url(page)
        if next_url and page < self.plan.max_pages:
            parts = urlsplit(next_url)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            yield self._search(market, path, brand, keyword, page + 1)
