"""Score each listing against the brand it was searched for, minding reviewers' verdicts."""

from __future__ import annotations

from crawler.scoring import score_for
from crawler.store import Store


class ScorePipeline:
    """Add score, risk and reasons to each listing."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.verdicts: dict[tuple[str, str], str] = {}

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        plan = getattr(self.crawler.spider, "plan", None)
        if plan is None:  # scrapy shell, scrapy fetch: no brand to score against
            return
        self.watchlist = plan.watchlist
        store = Store(plan.database)
        try:
            self.verdicts = store.verdicts()
        finally:
            store.close()

    def process_item(self, item):
        # A shallow copy of the Listing's fields: the scorer only reads them.
        listing = {**vars(item), "verdict": self.verdicts.get((item.marketplace,
                                                               item.listing_id))}
        item.score, item.risk, item.reasons = score_for(listing, self.watchlist)
        self.stats.inc_value("listings/scored")
        self.stats.inc_value(f"listings/risk/{item.risk}")
        return item
