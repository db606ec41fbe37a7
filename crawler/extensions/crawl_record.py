"""The crawls row: started (or resumed from JOBDIR), then counted and closed with a status."""

from __future__ import annotations

import json
from pathlib import Path

from scrapy import signals
from scrapy.utils.job import job_dir

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
CRAWL_ID_STAT = "listings/crawl_id"


class CrawlRecord:
    """Own the `crawls` row of a brand crawl: its id is in stats under `listings/crawl_id`."""

    def __init__(self, crawler) -> None:
        self.stats = crawler.stats
        jobdir = job_dir(crawler.settings)
        self.id_file = Path(jobdir) / CRAWL_ID_FILE if jobdir else None
        self.store: Store | None = None
        self.crawl_id: int | None = None
        self.earlier: dict = {}  # the crawl's row before this run, when resuming
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_opened(self, spider) -> None:
        """Start the crawl's row, or take up the row of the crawl this JOBDIR resumes."""
        plan = getattr(spider, "plan", None)
        if plan is None:  # scrapy shell, scrapy fetch: no crawl to record
            return
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
        self.stats.set_value(CRAWL_ID_STAT, self.crawl_id)

    def _resumed_crawl(self) -> dict | None:
        if not (self.id_file and self.id_file.exists()):
            return None
        text = self.id_file.read_text().strip()
        return self.store.crawl(int(text)) if text.isdigit() else None

    def spider_closed(self, spider, reason: str) -> None:
        """Record the crawl's outcome; the pipelines have written every listing by now."""
        if self.store is None:
            return
        stats = self.stats.get_stats()
        status = crawl_status(stats, reason)
        self.stats.set_value("listings/status", status)
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
