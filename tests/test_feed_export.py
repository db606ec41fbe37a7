"""Feed exports (`-O out.jsonl`): one scored line per listing, as stored."""

import json

import pytest

from tests.conftest import crawl, rows, scrapy_crawl
from tools.fixture_server import alibaba_site

PAGES = 2


def _check_feed(path, db):
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    stored = {r["listing_id"]: r
              for r in rows(db, "SELECT listing_id, score, risk FROM assessed_listings")}
    assert len(lines) == len(stored) == 48 * PAGES
    for line in lines:
        assert (line["score"], line["risk"]) == (stored[line["listing_id"]]["score"],
                                                 stored[line["listing_id"]]["risk"])
        assert line["reasons"] and line["brand"] == "gucci" and line["marketplace"] == "alibaba"


async def test_a_feed_export_has_one_scored_item_per_listing(serve, tmp_path):
    db, out = tmp_path / "x.db", tmp_path / "out.jsonl"
    await crawl("alibaba", serve(alibaba_site(PAGES)), db, keywords="gucci bag",
                settings={"FEEDS": {str(out): {"format": "jsonlines"}}})
    _check_feed(out, db)


@pytest.mark.e2e
def test_scrapy_crawl_dash_o_writes_every_listing(serve, tmp_path):
    db, out = tmp_path / "x.db", tmp_path / "out.jsonl"
    result = scrapy_crawl("alibaba", serve(alibaba_site(PAGES)), db, "gucci",
                          "-a", "keywords=gucci bag", "-O", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    _check_feed(out, db)
