"""Write listings to SQLite in batches, and record the crawl and how it ended."""

from __future__ import annotations

import json

from itemadapter import ItemAdapter
from scrapy import signals

from crawler.status import crawl_status
from crawler.store import Store


class StorePipeline:
    """Batch listings into the database at SQLITE_PATH; one `crawls` row per run."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.path = crawler.settings.get("SQLITE_PATH")
        self.batch_size = crawler.settings.getint("SQLITE_BATCH_SIZE", 200)
        self.batch: list[dict] = []
        self.store: Store | None = None
        self.crawl_id: int | None = None
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        plan = self.crawler.spider.plan
        self.store = Store(self.path)
        self.crawl_id = self.store.start_crawl(
            ",".join(b.slug for b in plan.brands), (m.name for m in plan.marketplaces)
        )
        self.stats.set_value("listings/crawl_id", self.crawl_id)

    def process_item(self, item):
        self.batch.append(ItemAdapter(item).asdict())
        if len(self.batch) >= self.batch_size:
            self.flush()
        return item

    def flush(self) -> None:
        """Write the pending batch in one transaction."""
        batch, self.batch = self.batch, []
        self.stats.inc_value("listings/stored", self.store.save(batch, self.crawl_id))

    def close_spider(self) -> None:
        self.flush()

    def spider_closed(self, spider, reason: str) -> None:
        """Record the crawl's outcome once every listing is written."""
        if self.store is None:
            return
        stats = self.stats.get_stats()
        self.store.finish_crawl(
            self.crawl_id,
            finish_reason=reason,
            status=crawl_status(stats, reason),
            pages=stats.get("listings/pages", 0),
            listings_scraped=stats.get("listings/scraped", 0),
            listings_dropped=stats.get("listings/dropped", 0),
            listings_duplicates=stats.get("listings/duplicates", 0),
            listings_stored=stats.get("listings/stored", 0),
            blocked_pages=stats.get("listings/blocked", 0),
            layout_changed_pages=stats.get("listings/layout_changed", 0),
            errors=stats.get("log_count/ERROR", 0),
            stats=_listing_stats(stats),
        )
        self.store.close()


def _listing_stats(stats: dict) -> str:
    return json.dumps({k: v for k, v in stats.items() if k.startswith("listings/")},
                      sort_keys=True)
