"""The crawls row: started (or resumed from JOBDIR), then counted and closed with a status."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from pathlib import Path

from scrapy import signals
from scrapy.utils.job import job_dir

from crawler.status import crawl_status, lost_reason
from crawler.store import BUSY_TIMEOUT, Store

logger = logging.getLogger(__name__)

# crawls columns filled from Scrapy stats; a resumed crawl (JOBDIR) adds to its earlier run.
COUNTERS = {
    "pages": "listings/pages",
    "listings_scraped": "listings/scraped",
    "listings_dropped": "listings/dropped",
    "listings_duplicates": "listings/duplicates",
    "listings_stored": "listings/stored",
    "listings_lost": "listings/lost",
    "blocked_pages": "listings/blocked",
    "layout_changed_pages": "listings/layout_changed",
    "errors": "log_count/ERROR",
}
CRAWL_ID_FILE = "crawl_id"
# What Scrapy keeps in JOBDIR to resume a crawl: cleared once the crawl is over, so that the
# next crawl with the same JOBDIR (a cron line) starts afresh instead of finding every
# request already seen.
JOB_STATE = ("requests.seen", "requests.queue", "spider.state")
CRAWL_ID_STAT = "listings/crawl_id"
STATUS_STAT = "listings/status"


class CrawlRecord:
    """Own the `crawls` row of a brand crawl: its id is in stats under `listings/crawl_id`."""

    def __init__(self, crawler) -> None:
        self.stats = crawler.stats
        self.timeout = crawler.settings.getfloat("SQLITE_TIMEOUT", BUSY_TIMEOUT)
        jobdir = job_dir(crawler.settings)
        self.jobdir = Path(jobdir) if jobdir else None
        self.id_file = self.jobdir / CRAWL_ID_FILE if jobdir else None
        self.store: Store | None = None
        self.crawl_id: int | None = None
        self.earlier: dict = {}  # the crawl's row before this run, when resuming
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @classmethod
    def of(cls, crawler) -> CrawlRecord | None:
        """The crawler's CrawlRecord, when the extension is enabled."""
        return next((e for e in crawler.extensions.middlewares if isinstance(e, cls)), None)

    def spider_opened(self, spider) -> None:
        """Start the crawl's row, or take up the row of the crawl this JOBDIR resumes."""
        plan = getattr(spider, "plan", None)
        if plan is None:  # scrapy shell, scrapy fetch: no crawl to record
            return
        self.store = Store(plan.database, timeout=self.timeout)
        for row in self.store.mark_stale_crawls():
            logger.warning("Crawl %d (process %s on %s) ended without closing its row: marked "
                           "interrupted, %d listings lost", row["id"], row["pid"], row["host"],
                           row["listings_lost"] or 0)
        resumed = self._resumed_crawl()
        if resumed:
            self.crawl_id, self.earlier = resumed["id"], resumed
            self.store.resume_crawl(self.crawl_id)
        else:
            self.crawl_id = self.store.start_crawl(
                ",".join(b.slug for b in plan.brands), (m.name for m in plan.marketplaces),
                job_id=plan.job_id)
            if self.id_file:
                self.id_file.write_text(str(self.crawl_id))
        self.stats.set_value(CRAWL_ID_STAT, self.crawl_id)

    def _resumed_crawl(self) -> dict | None:
        if not (self.id_file and self.id_file.exists()):
            return None
        text = self.id_file.read_text().strip()
        return self.store.crawl(int(text)) if text.isdigit() else None

    def counters(self) -> dict:
        """The row's counters and lost_reason as of now (a resumed crawl adds its earlier run)."""
        stats = self.stats.get_stats()
        values = {column: stats.get(key, 0) + (self.earlier.get(column) or 0)
                  for column, key in COUNTERS.items()}
        reasons = [self.earlier.get("lost_reason"), lost_reason(stats)]
        values["lost_reason"] = "; ".join(filter(None, reasons)) or None
        return values

    def whole_crawl_stats(self) -> dict:
        """This run's stats, with a resumed crawl's earlier runs added: the status is the
        whole crawl's."""
        stats = self.stats.get_stats()
        if not self.earlier:
            return stats
        earlier = json.loads(self.earlier.get("stats") or "{}") or {
            key: self.earlier.get(column) or 0 for column, key in COUNTERS.items()}
        merged = {**earlier, **stats}
        for key, value in earlier.items():
            if key != CRAWL_ID_STAT and isinstance(value, int | float) \
                    and isinstance(stats.get(key, 0), int | float):
                merged[key] = value + stats.get(key, 0)
        if not stats.get("listings/pages"):
            logger.warning("Crawl %d was resumed from JOBDIR with nothing left to crawl; its "
                           "row keeps what its earlier runs found", self.crawl_id)
        return merged

    def spider_closed(self, spider, reason: str) -> None:
        """Record the crawl's outcome; the pipelines have written every listing by now."""
        if self.store is None:
            return
        stats = self.whole_crawl_stats()
        status = crawl_status(stats, reason)
        self.stats.set_value(STATUS_STAT, status)
        try:
            self.store.finish_crawl(
                self.crawl_id, finish_reason=reason, status=status, **self.counters(),
                stats=json.dumps({k: v for k, v in stats.items() if k.startswith("listings/")},
                                 sort_keys=True),
            )
        except sqlite3.Error as exc:
            self.stats.set_value(STATUS_STAT, "failed")  # an unrecorded outcome is a failure
            logger.error("Could not record how crawl %d ended (%s): %s; the next crawl will "
                         "mark it interrupted", self.crawl_id, status, exc)
        finally:
            self.store.close()
        if self.jobdir and status != "interrupted":
            self._clear_job_state()

    def _clear_job_state(self) -> None:
        for name in (CRAWL_ID_FILE, *JOB_STATE):
            path = self.jobdir / name
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
