"""Drop a listing seen before in this crawl (same marketplace and listing id)."""

from __future__ import annotations

from scrapy.exceptions import DropItem


class DedupePipeline:
    """Keep the first sighting of each (marketplace, listing_id) in a crawl."""

    def __init__(self, stats) -> None:
        self.stats = stats
        self.seen: set[tuple[str, str]] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        key = (item.marketplace, item.listing_id)
        if key in self.seen:
            self.stats.inc_value("listings/duplicates")
            raise DropItem(f"duplicate listing {key[0]}:{key[1]}", log_level="DEBUG")
        self.seen.add(key)
        return item
