"""Score each listing against the brand it was searched for."""

from __future__ import annotations

from itemadapter import ItemAdapter

from crawler.scoring import score_for


class ScorePipeline:
    """Add score, risk and reasons to each listing."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        plan = getattr(self.crawler.spider, "plan", None)
        if plan is None:  # scrapy shell, scrapy fetch: no brand to score against
            return
        self.watchlist = plan.watchlist

    def process_item(self, item):
        adapter = ItemAdapter(item)
        adapter["score"], adapter["risk"], adapter["reasons"] = score_for(adapter.asdict(),
                                                                          self.watchlist)
        self.stats.inc_value("listings/scored")
        self.stats.inc_value(f"listings/risk/{adapter['risk']}")
        return item
