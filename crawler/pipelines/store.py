"""Write listings to SQLite in batches on one writer thread: retried, or counted as lost."""

from __future__ import annotations

import itertools
import logging
import sqlite3
import threading
import time
from functools import partial

from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from twisted.internet.defer import Deferred
from twisted.internet.task import LoopingCall
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from crawler.extensions.crawl_record import CRAWL_ID_STAT, STATUS_STAT, CrawlRecord
from crawler.store import BUSY_TIMEOUT, Store, failure_cause

logger = logging.getLogger(__name__)

# After a second SIGINT/SIGTERM the last listings get this long to reach the database.
FORCED_SHUTDOWN_SECONDS = 5.0
# Batches handed to the writer thread before the crawl waits for it: a stuck database holds
# a few batches in memory, not the whole crawl.
PENDING_BATCHES = 2


class StorePipeline:
    """Batch listings into the database at SQLITE_PATH, under the crawl's id.

    A batch is written every SQLITE_BATCH_SIZE listings and every SQLITE_FLUSH_SECONDS, with
    the crawl row's counters in the same transaction, so a killed crawl loses seconds of work
    and its row still adds up. A batch SQLite refuses is retried (a lock may be released, a
    full disk rarely frees itself), then counted in `listings/lost`; the crawl goes on.
    """

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        self.batch_size = settings.getint("SQLITE_BATCH_SIZE", 200)
        self.flush_seconds = settings.getfloat("SQLITE_FLUSH_SECONDS", 2.0)
        self.timeout = settings.getfloat("SQLITE_TIMEOUT", BUSY_TIMEOUT)
        self.backoff = settings.getfloat("SQLITE_RETRY_BACKOFF", 1.0)
        self.retries = {"locked": settings.getint("SQLITE_WRITE_RETRIES", 4),
                        "disk_full": 1, "io_error": 1}
        self.batch: list[dict] = []
        self.store: Store | None = None
        self.record: CrawlRecord | None = None
        self.writing = 0  # calls waiting for the writer thread
        self.abandoned = False  # a forced shutdown: no more retries, no orderly close
        self.timer: LoopingCall | None = None
        self.shutdown_trigger = None
        # One writer thread: batches are written in order, never on the reactor thread. A
        # daemon, so that a write stuck on a lock never keeps the process from exiting.
        self.writer = ThreadPool(minthreads=1, maxthreads=1, name="sqlite-writer")
        self.writer.threadFactory = partial(threading.Thread, daemon=True)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        from twisted.internet import reactor  # the one Scrapy installed

        plan = getattr(self.crawler.spider, "plan", None)
        if plan is None:  # scrapy shell, scrapy fetch: nothing to store
            return
        self.store = Store(plan.database, timeout=self.timeout)
        self.record = CrawlRecord.of(self.crawler)
        self.writer.start()
        self.timer = LoopingCall(self._flush_when_idle)
        self.timer.start(self.flush_seconds, now=False)
        self.shutdown_trigger = reactor.addSystemEventTrigger(
            "before", "shutdown", self._forced_shutdown)

    async def process_item(self, item):
        if self.store is None:
            return item
        self.batch.append(dict(vars(item)))  # the Listing's fields as they are now
        if len(self.batch) >= self.batch_size:
            # The crawl goes on while the writer writes; it waits only for a writer behind.
            batch, self.batch = self.batch, []
            written = self._to_writer(self.write, batch)
            if self.writing > PENDING_BATCHES:
                await maybe_deferred_to_future(written)
        return item

    async def flush(self) -> None:
        """Hand the pending batch to the writer thread; return once it and all before it are
        written or counted lost."""
        batch, self.batch = self.batch, []
        await self._on_writer(self.write, batch)

    def _to_writer(self, function, *args) -> Deferred:
        """Queue a call for the writer thread (calls run in order); its result."""
        from twisted.internet import reactor

        self.writing += 1
        done = deferToThreadPool(reactor, self.writer, function, *args)
        done.addBoth(self._written)
        return done

    def _written(self, result):
        self.writing -= 1
        return result

    async def _on_writer(self, function, *args):
        return await maybe_deferred_to_future(self._to_writer(function, *args))

    def _flush_when_idle(self):
        # Only while the writer is idle: a database that is stuck gets full batches, not a
        # small one every few seconds, each waiting out the retries.
        if self.batch and not self.writing:
            return deferred_from_coro(self.flush())
        return None

    def write(self, batch: list[dict]) -> None:
        """On the writer thread: save a batch with the crawl row's counters, retrying failures
        that may pass; count it in `listings/stored`, or in `listings/lost` with one ERROR."""
        if not batch:
            return
        progress = self.record.counters() if self.record and self.record.crawl_id else None
        if progress:
            progress["listings_stored"] += len(batch)
        for attempt in itertools.count(1):
            try:
                self.store.save(batch, self.stats.get_value(CRAWL_ID_STAT), progress=progress)
            except Exception as exc:  # counted, logged in one line, never raised into the crawl
                cause = failure_cause(exc)
                tries = self.retries.get(cause, 0) + 1
                if attempt >= tries or self.abandoned:
                    self._lost(batch, cause, exc, attempt)
                    return
                delay = self.backoff * 2 ** (attempt - 1)
                logger.warning("%s: writing %d listings again in %g s (try %d of %d)",
                               exc, len(batch), delay, attempt + 1, tries)
                time.sleep(delay)
            else:
                self.stats.inc_value("listings/stored", len(batch))
                return

    def _lost(self, batch: list[dict], cause: str, exc: Exception, tries: int) -> None:
        for key in ("listings/lost", f"listings/lost/{cause}"):
            self.stats.inc_value(key, len(batch))
        for key in ("listings/store_errors", f"listings/store_errors/{cause}"):
            self.stats.inc_value(key)
        logger.error("%d listings not stored after %d %s: %s", len(batch), tries,
                     "try" if tries == 1 else "tries", exc,
                     exc_info=not isinstance(exc, sqlite3.Error))  # a bug gets its traceback

    async def close_spider(self) -> None:
        from twisted.internet import reactor

        if self.store is None:
            return
        self._stop_timer()
        await self.flush()
        if self.abandoned:  # a forced shutdown started meanwhile and uses the writer
            return
        reactor.removeSystemEventTrigger(self.shutdown_trigger)
        self.writer.stop()
        self.store.close()

    def _forced_shutdown(self):
        """The reactor stops before close_spider ended (a second SIGINT/SIGTERM): write what
        can be written in FORCED_SHUTDOWN_SECONDS, close the row as interrupted, let go."""
        from twisted.internet import reactor

        self.abandoned = True
        self._stop_timer()
        done = deferred_from_coro(self._close_interrupted())
        done.addTimeout(FORCED_SHUTDOWN_SECONDS, reactor)
        done.addErrback(self._gave_up)
        return done

    def _stop_timer(self) -> None:
        if self.timer.running:
            self.timer.stop()

    async def _close_interrupted(self) -> None:
        self.stats.set_value(STATUS_STAT, "interrupted")
        await self.flush()
        if self.record and self.record.crawl_id:
            await self._on_writer(self.store.interrupt_crawl, self.record.crawl_id,
                                  "forced shutdown", self.record.counters())

    def _gave_up(self, failure) -> None:
        logger.error("Forced shutdown: crawl %s could not be closed in the database within "
                     "%g s (%s); the next crawl will mark it interrupted and count what is "
                     "missing", self.stats.get_value(CRAWL_ID_STAT), FORCED_SHUTDOWN_SECONDS,
                     failure.getErrorMessage() or failure.type.__name__)
