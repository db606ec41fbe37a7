"""Drop records a reviewer could not act on: no listing id, title or URL."""

from __future__ import annotations

from scrapy.exceptions import DropItem

REQUIRED = ("listing_id", "title", "url")


class ValidatePipeline:
    """Let through only listings with an id, a title and a URL."""

    def __init__(self, stats) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        missing = [field for field in REQUIRED if not getattr(item, field)]
        if missing:
            self.stats.inc_value("listings/dropped")
            self.stats.inc_value(f"listings/dropped/missing_{missing[0]}")
            raise DropItem(
                f"listing without {', '.join(missing)} on {item.marketplace}"
                f" (id {item.listing_id!r})",
                log_level="INFO",
            )
        self.stats.inc_value("listings/valid")
        return item
