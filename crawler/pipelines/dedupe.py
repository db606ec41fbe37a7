"""Drop a listing seen before in this crawl for the same brand (marketplace and listing id)."""

from __future__ import annotations

from scrapy.exceptions import DropItem


class DedupePipeline:
    """Keep the first sighting of each (marketplace, listing_id) per brand in a crawl."""

    def __init__(self, stats) -> None:
        self.stats = stats
        self.seen: set[tuple[str, str, str]] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        key = (item.marketplace, item.listing_id, item.brand)
        if key in self.seen:
            self.stats.inc_value("listings/duplicates")
            raise DropItem(f"duplicate listing {key[0]}:{key[1]} for {key[2]}", log_level="DEBUG")
        self.seen.add(key)
        return item
