"""The crawl status reviewers filter on, from Scrapy's finish reason and the listing stats."""

import pytest

from crawler.status import crawl_status

CASES = [
    ({"listings/scraped": 10}, "finished", "ok"),
    ({"listings/empty_pages": 1}, "finished", "ok"),
    ({"listings/scraped": 10, "listings/failed_pages": 1}, "finished", "partial"),
    ({"listings/failed_pages": 3}, "finished", "failed"),
    ({"listings/scraped": 10, "spider_exceptions/count": 1}, "finished", "partial"),
    ({"listings/scraped": 10, "listings/blocked": 1}, "finished", "blocked"),
    ({"listings/layout_changed": 1}, "finished", "layout_changed"),
    ({"listings/blocked": 1, "listings/layout_changed": 1}, "finished", "blocked"),
    ({"listings/scraped": 10}, "shutdown", "interrupted"),
    ({"listings/scraped": 10}, "closespider_timeout", "partial"),
    ({}, "cancelled", "failed"),
    ({}, "finished", "failed"),  # nothing came back at all
    ({"listings/pages": 1}, "finished", "failed"),
]


@pytest.mark.parametrize(("stats", "reason", "status"), CASES)
def test_crawl_status(stats, reason, status):
    assert crawl_status(stats, reason) == status
