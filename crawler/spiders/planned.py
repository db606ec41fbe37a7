"""What the project's spiders share: their arguments become a checked plan before they start."""

from __future__ import annotations

from collections.abc import Callable

import scrapy


class PlannedSpider(scrapy.Spider):
    """A spider whose `-a` arguments (`name` is the brand, not the spider) are resolved into a
    plan - brands, marketplaces, where they are served - by `resolve_plan`."""

    resolve_plan: Callable

    def __init__(self, name: str | None = None, **arguments: str) -> None:
        # `name` is the brand, not the spider's name, so it is not passed on to Spider.
        super().__init__()
        self.arguments = {"name": name, **arguments} if name is not None else arguments

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.plan = cls.resolve_plan(spider.arguments, crawler.settings)
        spider.allowed_domains = spider.plan.allowed_domains()
        return spider
