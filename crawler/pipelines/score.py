"""Score each listing against the brand it was searched for (reviewers' verdicts stay beside
the score, in the reviews table, never in it)."""

from __future__ import annotations

from crawler.scoring import score_for


class ScorePipeline:
    """Add score, risk and reasons to each listing."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.watchlist = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        plan = getattr(self.crawler.spider, "plan", None)
        self.watchlist = plan.watchlist if plan else None  # none for scrapy shell / fetch

    def process_item(self, item):
        if self.watchlist is None:
            return item
        # The scorer only reads the Listing's fields: no copy beyond a shallow one.
        item.score, item.risk, item.reasons = score_for(vars(item), self.watchlist)
        self.stats.inc_value("listings/scored")
        self.stats.inc_value(f"listings/risk/{item.risk}")
        return item
