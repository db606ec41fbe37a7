"""Whole crawls against pytest-httpserver, read back from SQLite (one through `scrapy crawl`)."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, crawl, rows

EXPECTED = json.loads((FIXTURES / "alibaba" / "expected.json").read_text())
GUCCI_PAGES = [f for f in EXPECTED if f.startswith("gucci-")]


async def test_gucci_crawl_stores_every_offer_and_a_rerun_adds_nothing(serve, tmp_path):
    base_url = serve("alibaba")
    db = tmp_path / "x.db"
    await crawl("alibaba", base_url, db)
    stored = {r["listing_id"]: r for r in rows(db, "SELECT * FROM assessed_listings")}
    truth = [item for f in GUCCI_PAGES for item in EXPECTED[f]["listings"]]
    assert len(stored) == len({t["listing_id"] for t in truth}) == 6 * 48
    for want in truth:
        have = stored[want["listing_id"]]
        for key in ("url", "title", "price_min", "price_max", "currency", "moq", "moq_unit",
                    "seller_name", "seller_url", "seller_country", "seller_years", "sold_count"):
            assert have[key] == want[key], (key, want["listing_id"])
        assert json.loads(have["badges"]) == want["badges"]
        assert have["brand"] == "gucci" and have["times_seen"] == 1
        if want["label"] == "counterfeit":
            assert have["risk"] in ("high", "medium"), want["title"]
        elif want["label"] == "legitimate":
            assert have["risk"] == "low", want["title"]
        reasons = json.loads(have["reasons"])
        assert max(0, min(100, sum(r["points"] for r in reasons))) == have["score"]
    crawl_row = rows(db, "SELECT * FROM crawls")[0]
    assert crawl_row["status"] == "ok" and crawl_row["finish_reason"] == "finished"
    assert crawl_row["pages"] == 6 + 2  # bag 3, belt 2, wallet 1, shoes and sunglasses empty
    assert crawl_row["listings_stored"] == 288
    queue = rows(db, "SELECT score FROM review_queue")
    assert queue and [q["score"] for q in queue] == sorted((q["score"] for q in queue),
                                                            reverse=True)

    await crawl("alibaba", base_url, db)
    again = rows(db, "SELECT listing_id, times_seen, first_seen, last_seen FROM listings")
    assert len(again) == len(stored)
    assert {r["times_seen"] for r in again} == {2}
    # Observations record changes: a rerun that finds every listing as it was adds none.
    assert len(rows(db, "SELECT * FROM observations")) == len(stored)
    assert [c["status"] for c in rows(db, "SELECT status FROM crawls ORDER BY id")] == ["ok", "ok"]


async def test_max_pages_and_keywords_limit_the_walk_in_small_batches(serve, tmp_path):
    db = tmp_path / "x.db"
    await crawl("alibaba", serve("alibaba"), db, settings={"SQLITE_BATCH_SIZE": 7},
                keywords="gucci bag", max_pages=2)
    assert rows(db, "SELECT count(*) AS n FROM listings") == [{"n": 96}]
    assert rows(db, "SELECT count(*) AS n FROM observations") == [{"n": 96}]
    assert rows(db, "SELECT listings_stored FROM crawls") == [{"listings_stored": 96}]
    keywords = rows(db, "SELECT DISTINCT keyword FROM assessed_listings")
    assert keywords == [{"keyword": "gucci bag"}]


async def test_brand_by_display_name_any_case(serve, tmp_path):
    db = tmp_path / "x.db"
    await crawl("alibaba", serve("alibaba"), db, "BALENCIAGA", keywords="balenciaga sneakers")
    assert rows(db, "SELECT count(*) AS n, min(brand) AS b FROM assessed_listings") == [
        {"n": 96, "b": "balenciaga"}]


async def test_unknown_search_is_an_ok_crawl_with_no_listings(serve, tmp_path):
    db = tmp_path / "x.db"
    await crawl("alibaba", serve("alibaba"), db, keywords="no such thing")
    assert rows(db, "SELECT status, pages, listings_stored FROM crawls") == [
        {"status": "ok", "pages": 1, "listings_stored": 0}]


async def test_older_html_card_layout_is_read_too(serve, tmp_path):
    legacy = FIXTURES / "alibaba" / "legacy"
    truth = json.loads((legacy / "expected.json").read_text())

    def resolve(target):
        if target.startswith("/trade/search"):
            return 200, (legacy / "gucci-bag-p1.html").read_bytes()
        if target.startswith("/products/gucci_bag/2.html"):
            return 200, (legacy / "gucci-bag-p2.html").read_bytes()
        return 404, b""

    db = tmp_path / "x.db"
    await crawl("alibaba", serve(resolve), db, keywords="gucci bag")
    stored = {r["listing_id"]: r for r in rows(db, "SELECT * FROM assessed_listings")}
    expected = [item for page in truth.values() for item in page["listings"]]
    assert len(stored) == len(expected) == 96
    for want in expected:
        have = stored[want["listing_id"]]
        assert (have["title"], have["price_min"], have["price_max"], have["moq"],
                have["seller_name"], json.loads(have["badges"])) == (
            want["title"], want["price_min"], want["price_max"], want["moq"],
            want["seller_name"], want["badges"])
        if want["label"] != "ambiguous":
            assert (have["risk"] != "low") == (want["label"] == "counterfeit"), want["title"]
    assert rows(db, "SELECT status FROM crawls") == [{"status": "ok"}]


@pytest.mark.e2e  # the variable is read when the process loads the settings
def test_crawler_db_environment_variable_sets_the_default_database(serve, tmp_path):
    base_url, db = serve("alibaba"), tmp_path / "from-env.db"
    command = [sys.executable, "-m", "scrapy", "crawl", "brand", "-a", "name=gucci",
               "-a", "marketplace=alibaba", "-a", f"base_url={base_url}",
               "-a", "keywords=gucci wallet", "-s", "DOWNLOAD_DELAY=0"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings", "CRAWLER_DB": str(db)}
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert rows(db, "SELECT count(*) AS n FROM listings") == [{"n": 48}]
    assert not (tmp_path / "listings.db").exists()
