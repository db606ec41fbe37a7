"""Write listings to SQLite in batches off the reactor thread; record the crawl and its end."""

from __future__ import annotations

import json
from pathlib import Path

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.job import job_dir
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from crawler.status import crawl_status
from crawler.store import Store

# crawls columns filled from Scrapy stats; a resumed crawl (JOBDIR) adds to its earlier run.
COUNTERS = {
    "pages": "listings/pages",
    "listings_scraped": "listings/scraped",
    "listings_dropped": "listings/dropped",
    "listings_duplicates": "listings/duplicates",
    "listings_stored": "listings/stored",
    "blocked_pages": "listings/blocked",
    "layout_changed_pages": "listings/layout_changed",
    "errors": "log_count/ERROR",
}
CRAWL_ID_FILE = "crawl_id"


class StorePipeline:
    """Batch listings into the database at SQLITE_PATH; one `crawls` row per crawl."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.batch_size = crawler.settings.getint("SQLITE_BATCH_SIZE", 200)
        jobdir = job_dir(crawler.settings)
        self.id_file = Path(jobdir) / CRAWL_ID_FILE if jobdir else None
        self.batch: list[dict] = []
        self.store: Store | None = None
        self.crawl_id: int | None = None
        self.earlier: dict = {}  # the crawl's row before this run, when resuming
        # One writer thread: batches are written in order, never on the reactor thread.
        self.writer = ThreadPool(minthreads=1, maxthreads=1, name="sqlite-writer")
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        plan = self.crawler.spider.plan
        self.store = Store(plan.database)
        resumed = self._resumed_crawl()
        if resumed:
            self.crawl_id, self.earlier = resumed["id"], resumed
            self.store.resume_crawl(self.crawl_id)
        else:
            self.crawl_id = self.store.start_crawl(
                ",".join(b.slug for b in plan.brands), (m.name for m in plan.marketplaces)
            )
            if self.id_file:
                self.id_file.write_text(str(self.crawl_id))
        self.stats.set_value("listings/crawl_id", self.crawl_id)
        self.writer.start()

    def _resumed_crawl(self) -> dict | None:
        if not (self.id_file and self.id_file.exists()):
            return None
        text = self.id_file.read_text().strip()
        return self.store.crawl(int(text)) if text.isdigit() else None

    async def process_item(self, item):
        self.batch.append(ItemAdapter(item).asdict())
        if len(self.batch) >= self.batch_size:
            await self.flush()
        return item

    async def flush(self) -> None:
        """Write the pending batch in one transaction on the writer thread."""
        from twisted.internet import reactor  # the one Scrapy installed

        batch, self.batch = self.batch, []
        if batch:
            written = await maybe_deferred_to_future(deferToThreadPool(
                reactor, self.writer, self.store.save, batch, self.crawl_id))
            self.stats.inc_value("listings/stored", written)

    async def close_spider(self) -> None:
        await self.flush()

    def spider_closed(self, spider, reason: str) -> None:
        """Record the crawl's outcome once every listing is written."""
        if self.store is None:
            return
        self.writer.stop()
        stats = self.stats.get_stats()
        status = crawl_status(stats, reason)
        counters = {column: stats.get(key, 0) + (self.earlier.get(column) or 0)
                    for column, key in COUNTERS.items()}
        self.store.finish_crawl(
            self.crawl_id, finish_reason=reason, status=status, **counters,
            stats=json.dumps({k: v for k, v in stats.items() if k.startswith("listings/")},
                             sort_keys=True),
        )
        self.store.close()
        if self.id_file and status != "interrupted":
            self.id_file.unlink(missing_ok=True)
