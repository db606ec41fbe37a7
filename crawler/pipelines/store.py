"""Write listings to SQLite in batches, off the reactor thread."""

from __future__ import annotations

from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from crawler.extensions.crawl_record import CRAWL_ID_STAT
from crawler.store import Store


class StorePipeline:
    """Batch listings into the database at SQLITE_PATH, under the crawl's id."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.batch_size = crawler.settings.getint("SQLITE_BATCH_SIZE", 200)
        self.batch: list[dict] = []
        self.store: Store | None = None
        # One writer thread: batches are written in order, never on the reactor thread.
        self.writer = ThreadPool(minthreads=1, maxthreads=1, name="sqlite-writer")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        plan = getattr(self.crawler.spider, "plan", None)
        if plan is None:  # scrapy shell, scrapy fetch: nothing to store
            return
        self.store = Store(plan.database)
        self.writer.start()

    async def process_item(self, item):
        if self.store is None:
            return item
        self.batch.append(dict(vars(item)))  # the Listing's fields as they are now
        if len(self.batch) >= self.batch_size:
            await self.flush()
        return item

    async def flush(self) -> None:
        """Write the pending batch in one transaction on the writer thread."""
        from twisted.internet import reactor  # the one Scrapy installed

        batch, self.batch = self.batch, []
        if batch:
            written = await maybe_deferred_to_future(deferToThreadPool(
                reactor, self.writer, self.store.save, batch,
                self.stats.get_value(CRAWL_ID_STAT)))
            self.stats.inc_value("listings/stored", written)

    async def close_spider(self) -> None:
        if self.store is None:
            return
        await self.flush()
        self.writer.stop()
        self.store.close()
