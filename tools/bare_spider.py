"""The benchmark's baseline: fetch the brand crawl's search pages and do nothing with them.

`scrapy runspider tools/bare_spider.py -a base_url=URL -a searches='gucci bag:50,...'`
"""

from __future__ import annotations

import scrapy

from crawler.marketplaces import MARKETPLACES


class BareSpider(scrapy.Spider):
    """Walk each search's pages one after another, the searches at once, reading nothing."""

    name = "bare"
    base_url: str
    searches: str  # "keyword:pages,keyword:pages"

    async def start(self):
        for search in self.searches.split(","):
            keyword, _, pages = search.rpartition(":")
            yield self._page(keyword, 1, int(pages))

    def _page(self, keyword: str, page: int, pages: int) -> scrapy.Request:
        path = MARKETPLACES["alibaba"].search_path(keyword, page)
        return scrapy.Request(self.base_url + path, cb_kwargs={
            "keyword": keyword, "page": page, "pages": pages})

    def parse(self, response, keyword: str, page: int, pages: int):
        if page < pages:
            yield self._page(keyword, page + 1, pages)
