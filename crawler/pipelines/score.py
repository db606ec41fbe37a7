"""Score each listing against the brand it was searched for."""

from __future__ import annotations

from itemadapter import ItemAdapter

from crawler import watchlist
from crawler.scoring import score


class ScorePipeline:
    """Add score, risk and reasons to each listing."""

    def __init__(self, stats, brands: watchlist.Watchlist) -> None:
        self.stats = stats
        self.watchlist = brands

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, watchlist.load(crawler.settings.get("WATCHLIST") or None))

    def process_item(self, item):
        adapter = ItemAdapter(item)
        brand = self.watchlist.find(adapter["brand"])
        adapter["score"], adapter["risk"], adapter["reasons"] = score(
            adapter, brand, self.watchlist.replica_terms
        )
        self.stats.inc_value("listings/scored")
        self.stats.inc_value(f"listings/risk/{adapter['risk']}")
        return item
