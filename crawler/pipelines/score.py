"""Score each listing against the brand it was searched for, minding reviewers' verdicts."""

from __future__ import annotations

from itemadapter import ItemAdapter

from crawler import watchlist
from crawler.scoring import score_for
from crawler.store import Store


class ScorePipeline:
    """Add score, risk and reasons to each listing."""

    def __init__(self, stats, brands: watchlist.Watchlist, path: str) -> None:
        self.stats = stats
        self.watchlist = brands
        self.path = path
        self.verdicts: dict[tuple[str, str], str] = {}

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(crawler.stats, watchlist.load(settings.get("WATCHLIST") or None),
                   settings.get("SQLITE_PATH"))

    def open_spider(self) -> None:
        store = Store(self.path)
        try:
            self.verdicts = store.verdicts()
        finally:
            store.close()

    def process_item(self, item):
        adapter = ItemAdapter(item)
        key = (adapter["marketplace"], adapter["listing_id"])
        listing = {**adapter.asdict(), "verdict": self.verdicts.get(key)}
        adapter["score"], adapter["risk"], adapter["reasons"] = score_for(listing, self.watchlist)
        self.stats.inc_value("listings/scored")
        self.stats.inc_value(f"listings/risk/{adapter['risk']}")
        return item
