"""`scrapy crawl recheck`: judged listings' product pages visited again, removals recorded as
reviews, walls never taken for a removal, and a relisted listing back in the queue."""

import json
import os
import re
import subprocess
import sys

import pytest
from scrapy.settings import Settings

from crawler.arguments import ArgumentError, resolve_recheck
from crawler.spiders.recheck import RecheckSpider
from crawler.store import Store
from tests.conftest import FIXTURES, ROOT, always, crawl, route, rows
from tools.fixture_server import LOCAL_CRAWL_SETTINGS, FixtureSite

PRODUCTS = FIXTURES / "products"
# Alibaba listings of the search fixture whose product pages fixtures/products/alibaba has.
LIVE, REMOVED_PAGE, NOT_FOUND, WALL = "61225268322", "1601238989328", "62124484060", "1600679148598"
# No wait between bot-wall retries: the wall is retried, only faster.
FAST = {"BOT_WALL_BACKOFF": 0}


def marketplace_site(market: str = "alibaba"):
    """The search fixture and, at their paths, the product pages of `fixtures/products/`."""
    search = always(market, "gucci-bag-p1.html")
    products = FixtureSite(PRODUCTS / market)
    paths = {r["path"] for r in products.routes}
    return lambda target: products.resolve(target) if target in paths else search(target)


def judge(db, verdicts: dict[str, str]) -> None:
    store = Store(db)
    try:
        for listing_id, verdict in verdicts.items():
            assert store.add_review("alibaba", listing_id, verdict, reviewer="ana") == 1
    finally:
        store.close()


def latest_verdicts(db) -> dict[str, str]:
    return {r["listing_id"]: r["verdict"] for r in rows(
        db, "SELECT listing_id, verdict FROM assessments WHERE verdict IS NOT NULL")}


def requested(httpserver) -> list[str]:
    return [request.path for request, _ in httpserver.log]


async def test_recheck_records_exactly_the_removed_listings(httpserver, tmp_path):
    db = tmp_path / "listings.db"
    site = route(httpserver, marketplace_site())
    await crawl("alibaba", site, db, keywords="gucci bag", max_pages=1)
    judged = {LIVE: "reported", REMOVED_PAGE: "reported", NOT_FOUND: "counterfeit",
              WALL: "reported"}
    judge(db, {**judged, "1600425326523": "legitimate"})
    httpserver.clear_log()

    crawler = await crawl("alibaba", site, db, settings=FAST, spider=RecheckSpider)

    assert latest_verdicts(db) == {LIVE: "reported", REMOVED_PAGE: "removed",
                                   NOT_FOUND: "removed", WALL: "reported",
                                   "1600425326523": "legitimate"}
    removals = rows(db, "SELECT listing_id, brand, reviewer, note, created_at FROM reviews "
                        "WHERE verdict = 'removed' ORDER BY listing_id")
    assert [(r["listing_id"], r["brand"], r["reviewer"]) for r in removals] == [
        (REMOVED_PAGE, "gucci", "recheck"), (NOT_FOUND, "gucci", "recheck")]
    assert removals[0]["note"].startswith("HTTP 200, the removed page: http://")
    assert removals[1]["note"].startswith("HTTP 404, not found: http://")
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", r["created_at"]) for r in removals)
    stats = crawler.stats.get_stats()
    assert {k: v for k, v in stats.items() if k.startswith("listings/recheck/")} == {
        "listings/recheck/listings": 4, "listings/recheck/removed": 2, "listings/recheck/live": 1,
        "listings/recheck/blocked": 1, "listings/recheck/reviews": 2}
    # Only the wall is retried: the live page's anti-bot scripts are no wall.
    assert stats["listings/retries/bot_wall"] == 2
    paths = requested(httpserver)
    assert sorted({p for p in paths if p != "/robots.txt"}) == sorted(
        r["path"] for r in FixtureSite(PRODUCTS / "alibaba").routes)
    assert len([p for p in paths if WALL in p]) == 3 and len([p for p in paths if LIVE in p]) == 1
    crawl_row = rows(db, "SELECT * FROM crawls ORDER BY id DESC LIMIT 1")[0]
    assert (crawl_row["status"], crawl_row["pages"], crawl_row["blocked_pages"]) == (
        "blocked", 4, 1)
    assert crawl_row["marketplaces"] == "alibaba" and "gucci" in crawl_row["brand"].split(",")
    assert json.loads(crawl_row["stats"])["listings/recheck/removed"] == 2

    # Seen again in a search: relisted by the crawler, back in the queue; not rechecked.
    await crawl("alibaba", site, db, keywords="gucci bag", max_pages=1)
    assert latest_verdicts(db)[NOT_FOUND] == latest_verdicts(db)[REMOVED_PAGE] == "relisted"
    queued = {r["listing_id"] for r in rows(db, "SELECT listing_id FROM review_queue "
                                                "WHERE verdict = 'relisted'")}
    assert queued == {NOT_FOUND, REMOVED_PAGE}
    again = await crawl("alibaba", site, db, settings=FAST, spider=RecheckSpider)
    assert again.stats.get_value("listings/recheck/listings") == 2  # the live one, the wall


async def test_limit_brand_and_an_empty_recheck(httpserver, tmp_path):
    db = tmp_path / "listings.db"
    site = route(httpserver, marketplace_site())
    await crawl("alibaba", site, db, keywords="gucci bag", max_pages=1)
    judge(db, {LIVE: "reported", NOT_FOUND: "reported"})
    httpserver.clear_log()
    one = await crawl("alibaba", site, db, spider=RecheckSpider, limit="1")
    assert one.stats.get_value("listings/recheck/listings") == 1
    assert len([p for p in requested(httpserver) if p.startswith("/product-detail/")]) == 1

    nothing = await crawl("alibaba", site, db, brand="balenciaga", spider=RecheckSpider)
    assert nothing.stats.get_value("listings/recheck/listings") == 0
    assert nothing.stats.get_value("listings/status") == "ok"


async def test_a_finished_recheck_leaves_its_jobdir_fresh_for_the_next(httpserver, tmp_path):
    db = tmp_path / "listings.db"
    site = route(httpserver, marketplace_site())
    await crawl("alibaba", site, db, keywords="gucci bag", max_pages=1)
    judge(db, {NOT_FOUND: "reported", LIVE: "reported"})
    jobdir = tmp_path / "job"
    crawler = await crawl("alibaba", site, db, spider=RecheckSpider,
                          settings={"JOBDIR": str(jobdir)})
    assert crawler.stats.get_value("listings/status") == "ok"
    assert crawler.stats.get_value("listings/recheck/removed") == 1
    assert crawler.stats.get_value("scheduler/enqueued/disk") == 2  # serialised in JOBDIR
    httpserver.clear_log()
    resumed = await crawl("alibaba", site, db, spider=RecheckSpider,
                          settings={"JOBDIR": str(jobdir)})
    # Finished, not interrupted: its job state is cleared, so the next run (tomorrow's cron)
    # checks the listing still live again instead of finding its request already seen.
    assert resumed.stats.get_value("listings/recheck/listings") == 1  # the live one
    assert [p for p in requested(httpserver) if p.startswith("/product-detail/")]
    assert not (jobdir / "requests.seen").exists()


@pytest.fixture
def plan(tmp_path):
    """The recheck plan of spider arguments, on a database that exists."""
    Store(tmp_path / "listings.db").close()
    settings = Settings({"SQLITE_PATH": str(tmp_path / "listings.db")})
    return lambda **arguments: resolve_recheck(arguments, settings)


def test_arguments_like_the_brand_spiders(plan):
    every = plan()
    assert len(every.brands) >= 7 and every.limit == 500 and every.base_url is None
    one = plan(brand="Gucci", marketplace="alibaba", base_url="http://127.0.0.1:1/", limit="20")
    assert ([b.slug for b in one.brands], one.limit) == (["gucci"], 20)
    assert one.site(one.marketplaces[0]) == "http://127.0.0.1:1"
    assert plan(_job="abc").job_id == "abc"


def test_a_database_that_is_not_there_is_refused(tmp_path):
    with pytest.raises(ArgumentError, match="no database to recheck"):
        resolve_recheck({}, Settings({"SQLITE_PATH": str(tmp_path / "none.db")}))
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize(("arguments", "message"), [
    ({"max_pages": "3"}, "unknown argument 'max_pages'; the recheck spider takes: name, brand,"),
    ({"start_urls": "http://evil"}, "unknown argument 'start_urls'"),
    ({"limit": "0"}, "limit must be a whole number from 1 to 100000, not '0'"),
    ({"limit": "many"}, "limit must be a whole number"),
    ({"name": "nope"}, "unknown brand 'nope'"),
    ({"marketplace": "ebay"}, "unknown marketplace 'ebay'"),
    ({"base_url": "http://127.0.0.1:1"}, "base_url needs exactly one marketplace"),
])
def test_bad_arguments_are_refused(plan, arguments, message):
    with pytest.raises(ArgumentError, match=re.escape(message)):
        plan(**arguments)


def scrapy_recheck(db, log, *extra: str) -> subprocess.CompletedProcess:
    settings = {"SQLITE_PATH": str(db), "LOG_FILE": str(log), **LOCAL_CRAWL_SETTINGS}
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "recheck",
         *(arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")), *extra],
        cwd=ROOT, env={**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"},
        capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.e2e
def test_scrapy_crawl_recheck_exit_codes_and_summary_line(httpserver, tmp_path):
    db, log = tmp_path / "listings.db", tmp_path / "crawl.log"
    store = Store(db)
    crawl_id = store.start_crawl("gucci", ["alibaba"])
    store.save([{"marketplace": "alibaba", "listing_id": listing_id, "brand": "gucci",
                 "url": f"https://www.alibaba.com/product-detail/x_{listing_id}.html",
                 "title": "Gucci bag", "score": 90, "risk": "high", "reasons": []}
                for listing_id in (LIVE, NOT_FOUND, WALL)], crawl_id)
    for listing_id in (LIVE, NOT_FOUND, WALL):
        store.add_review("alibaba", listing_id, "reported")
    store.close()
    pages = {LIVE: (PRODUCTS / "alibaba" / "live.html").read_bytes(),
             WALL: (FIXTURES / "walls" / "alibaba-product-wall.html").read_bytes()}
    site = route(httpserver, lambda target: next(
        ((200, body) for listing_id, body in pages.items() if listing_id in target), (404, b"")))

    result = scrapy_recheck(db, log, "-a", "marketplace=alibaba", "-a", f"base_url={site}",
                            "-s", "BOT_WALL_BACKOFF=0")
    assert result.returncode == 6, result.stderr[-2000:]  # blocked: the wall
    assert re.fullmatch(r"recheck \d+ of [a-z,-]+ on alibaba: blocked, 3 pages of 3 listings: "
                        r"1 removed, 1 live, 0 unknown, 1 blocked pages\n", result.stderr)
    assert latest_verdicts(db) == {LIVE: "reported", NOT_FOUND: "removed", WALL: "reported"}

    refused = scrapy_recheck(db, log, "-a", "max_pages=2")
    assert refused.returncode == 2 and refused.stderr.startswith(
        "error: unknown argument 'max_pages'; the recheck spider takes:")
    assert refused.stderr.count("\n") == 1
