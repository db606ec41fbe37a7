"""How a crawl ends: exit codes and the summary line (real processes), degraded reads, pagers
that repeat themselves, robots.txt for concurrent requests, prompt shutdown."""

import json
import signal
import sqlite3
import time

import pytest
from scrapy import Request
from scrapy.utils.request import fingerprint
from werkzeug import Response

from crawler.commands.crawl import EXIT_CODES
from crawler.marketplaces import MARKETPLACES
from tests.conftest import FIXTURES, always, crawl, rows, scrapy_crawl

FAST = ("-s", "BOT_WALL_BACKOFF=0.05")


@pytest.mark.e2e
@pytest.mark.parametrize(("page", "status"), [
    ("gucci-wallet-p1.html", "ok"),
    ("captcha.html", "blocked"),
    ("layout-changed.html", "layout_changed"),
])
def test_exit_code_and_summary_line_say_how_the_crawl_went(serve, tmp_path, page, status):
    db, log = tmp_path / "x.db", tmp_path / "crawl.log"
    result = scrapy_crawl("alibaba", serve(always("alibaba", page)), db, "gucci",
                          "-a", "keywords=gucci wallet", "-s", f"LOG_FILE={log}", *FAST)
    assert result.returncode == EXIT_CODES[status]
    assert rows(db, "SELECT status FROM crawls") == [{"status": status}]
    # With LOG_FILE set, stderr holds the summary alone: what cron mails.
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("crawl 1 of gucci on alibaba: " + status)
    assert line in log.read_text()


def test_exit_codes_are_distinct_per_status_and_2_stays_for_arguments():
    assert len(set(EXIT_CODES.values())) == len(EXIT_CODES) and 2 not in EXIT_CODES.values()
    assert EXIT_CODES["ok"] == 0


async def test_a_degraded_read_is_counted_logged_once_per_page_and_not_ok(serve, tmp_path,
                                                                          caplog):
    body = (FIXTURES / "alibaba" / "2022" / "gucci-bag-cards-only.html").read_bytes()
    db = tmp_path / "x.db"
    site = serve(lambda t: (404, b"") if "robots" in t else (200, body))
    crawler = await crawl("alibaba", site, db, keywords="gucci bag", max_pages=1)
    [crawl_row] = rows(db, "SELECT status, listings_stored, stats FROM crawls")
    assert crawl_row["status"] == "degraded" and crawl_row["listings_stored"] == 8
    assert json.loads(crawl_row["stats"])["listings/degraded_pages"] == 1
    assert crawler.stats.get_value("listings/status") == "degraded"
    assert sum("Degraded read" in r.getMessage() for r in caplog.records
               if r.levelname == "WARNING") == 1


async def test_a_pager_that_repeats_its_listings_is_not_walked_to_max_pages(serve, tmp_path):
    served = []
    page = always("alibaba", "gucci-bag-p1.html")  # says there are 3 pages, shows the same 48

    def resolve(target):
        served.append(target)
        return page(target)

    db = tmp_path / "x.db"
    await crawl("alibaba", serve(resolve), db, keywords="gucci bag", max_pages=50)
    assert sum("/trade/search" in t for t in served) == 2  # the repeat is read, not followed
    assert rows(db, "SELECT status, pages, listings_stored FROM crawls") == [
        {"status": "ok", "pages": 2, "listings_stored": 48}]


async def test_robots_txt_refuses_every_disallowed_start_request(serve, tmp_path):
    served = []

    def resolve(target):
        served.append(target)
        if target.startswith("/robots.txt"):
            return 200, b"User-agent: *\nDisallow: /trade/\n"
        return always("alibaba", "gucci-wallet-p1.html")(target)

    db = tmp_path / "x.db"
    keywords = "gucci bag,gucci belt,gucci wallet,gucci shoes,gucci sunglasses"
    crawler = await crawl("alibaba", serve(resolve), db, keywords=keywords,
                          settings={"ROBOTSTXT_OBEY": True})
    assert [t for t in served if not t.startswith("/robots.txt")] == []
    assert crawler.stats.get_value("robotstxt/forbidden") == 5
    assert rows(db, "SELECT status, listings_stored FROM crawls") == [
        {"status": "failed", "listings_stored": 0}]


@pytest.mark.e2e
def test_sigterm_during_a_long_retry_after_wait_exits_within_seconds(serve, tmp_path):
    hits = []

    def resolve(target):
        if target.startswith("/robots.txt"):
            return 404, b""
        hits.append(target)
        return Response(b"slow down", status=429, headers={"Retry-After": "120"})

    db = tmp_path / "x.db"
    process = scrapy_crawl("alibaba", serve(resolve), db, "gucci", "-a", "keywords=gucci bag",
                           wait=False)
    deadline = time.monotonic() + 30
    while not hits and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # inside the 120 s wait now
    signalled = time.monotonic()
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert time.monotonic() - signalled < 10, stderr[-2000:]
    assert process.returncode == EXIT_CODES["interrupted"]
    assert rows(db, "SELECT status FROM crawls") == [{"status": "interrupted"}]


async def test_an_offer_nested_too_deep_is_dropped_counted_and_the_rest_stored(serve, tmp_path):
    page = (FIXTURES / "alibaba" / "gucci-wallet-p1.html").read_text(encoding="utf-8")
    deep = '"productList": ' + "[" * 5000 + "]" * 5000 + ", "
    body = page.replace('{"id":', '{' + deep + '"id":', 1).encode()
    db = tmp_path / "x.db"
    await crawl("alibaba", serve(lambda t: (404, b"") if "robots" in t else (200, body)), db,
                keywords="gucci wallet", max_pages=1)
    [row] = rows(db, "SELECT status, listings_scraped, listings_dropped, listings_stored, stats "
                     "FROM crawls")
    assert (row["listings_stored"], row["listings_dropped"], row["listings_scraped"]) == (47, 1, 48)
    assert json.loads(row["stats"])["listings/dropped/malformed"] == 1
    assert row["status"] == "ok"


async def test_a_keyword_two_brands_watch_is_searched_once_for_both(serve, tmp_path):
    served = []
    shared, own = (always("alibaba", f) for f in ("gucci-wallet-p1.html",
                                                   "balenciaga-sneakers-p1.html"))

    def resolve(target):
        served.append(target)
        return (own if "balenciaga" in target else shared)(target)

    watchlist = tmp_path / "brands.toml"
    watchlist.write_text('[brands.gucci]\nname = "Gucci"\nkeywords = ["luxury wallet"]\n'
                         '[brands.balenciaga]\nname = "Balenciaga"\n'
                         'keywords = ["Luxury  Wallet", "balenciaga wallet"]\n')
    db = tmp_path / "x.db"
    crawler = await crawl("alibaba", serve(resolve), db, brand="all", max_pages=1,
                          settings={"WATCHLIST": str(watchlist)})
    searches = [t for t in served if t.startswith("/trade/search")]
    assert len(searches) == 2  # "luxury wallet" once, "balenciaga wallet" once
    stats = crawler.stats.get_stats()
    assert stats["listings/scraped"] == 3 * 48  # the shared search's 48 for each brand, + 48
    assert stats.get("listings/duplicates", 0) == 0


async def test_a_jobdir_reused_after_a_finished_crawl_starts_afresh(serve, tmp_path):
    db, jobdir = tmp_path / "x.db", tmp_path / "job"
    site = serve(always("alibaba", "gucci-wallet-p1.html"))
    for _ in range(2):
        await crawl("alibaba", site, db, keywords="gucci wallet", max_pages=1,
                    settings={"JOBDIR": str(jobdir)})
    assert rows(db, "SELECT id, status, pages, listings_stored FROM crawls") == [
        {"id": 1, "status": "ok", "pages": 1, "listings_stored": 48},
        {"id": 2, "status": "ok", "pages": 1, "listings_stored": 48}]
    assert rows(db, "SELECT DISTINCT times_seen FROM listings") == [{"times_seen": 2}]
    assert not (jobdir / "requests.seen").exists() and not (jobdir / "crawl_id").exists()


async def test_a_resumed_crawl_with_nothing_left_keeps_its_row_and_says_so(serve, tmp_path,
                                                                          caplog):
    db, jobdir = tmp_path / "x.db", tmp_path / "job"
    site = serve(always("alibaba", "gucci-wallet-p1.html"))
    await crawl("alibaba", site, db, keywords="gucci wallet", max_pages=1)
    # As a crawl killed after its last page leaves things: its row, its id, every request seen.
    conn = sqlite3.connect(db)
    conn.execute("UPDATE crawls SET status = 'interrupted'")
    conn.commit()
    conn.close()
    jobdir.mkdir()
    (jobdir / "crawl_id").write_text("1")
    url = site + MARKETPLACES["alibaba"].search_path("gucci wallet", 1)
    seen = fingerprint(Request(url))  # Scrapy 2.19's binary file: 2-byte length, fingerprint
    (jobdir / "requests.seen").write_bytes(len(seen).to_bytes(2, "big") + seen)
    await crawl("alibaba", site, db, keywords="gucci wallet", max_pages=1,
                settings={"JOBDIR": str(jobdir)})
    assert rows(db, "SELECT id, status, pages, listings_scraped, listings_stored FROM crawls") \
        == [{"id": 1, "status": "ok", "pages": 1, "listings_scraped": 48, "listings_stored": 48}]
    assert any("resumed from JOBDIR with nothing left" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(("level", "records"), [("INFO", 0), ("DEBUG", 48)])
async def test_a_record_per_scraped_listing_only_when_debug_is_asked_for(serve, tmp_path, caplog,
                                                                        level, records):
    caplog.set_level("DEBUG")
    await crawl("alibaba", serve(always("alibaba", "gucci-wallet-p1.html")), tmp_path / "x.db",
                keywords="gucci wallet", max_pages=1, settings={"LOG_LEVEL": level})
    assert sum(r.getMessage().startswith("Scraped from") for r in caplog.records) == records
