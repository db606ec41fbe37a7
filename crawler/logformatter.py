"""Scrapy's log formatter, without a log record per scraped item unless DEBUG is asked for."""

from __future__ import annotations

import logging

from scrapy.logformatter import LogFormatter


class ListingLogFormatter(LogFormatter):
    """Skip the per-item "Scraped from" record (~13 us a listing) below LOG_LEVEL DEBUG.

    Scrapy's root handler filters by level only after the record is built, so at INFO every
    listing still paid for one.
    """

    def __init__(self, debug: bool = False) -> None:
        self.debug = debug

    @classmethod
    def from_crawler(cls, crawler):
        level = crawler.settings.get("LOG_LEVEL", "DEBUG")
        return cls(logging.getLevelName(level) == logging.DEBUG if isinstance(level, str)
                   else level <= logging.DEBUG)

    def scraped(self, item, response, spider):
        return super().scraped(item, response, spider) if self.debug else None
