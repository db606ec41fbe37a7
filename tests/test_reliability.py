"""Fault injection against pytest-httpserver: faults, interruptions, concurrency lose nothing.

Faults are crawled in process; interruptions and concurrent writers need real processes (e2e).
"""

import collections
import os
import signal
import sqlite3
import subprocess
import threading
import time

import pytest
from werkzeug import Response

from crawler import settings as defaults
from crawler.commands.crawl import EXIT_CODES
from crawler.store import Store
from tests.conftest import ROOT, crawl, long_crawl, rows
from tools.fixture_server import alibaba_site, crawl_command

PAGES = 3
FAST = {"RETRY_TIMES": 3, "BOT_WALL_BACKOFF": 0.05}


def flaky(site, failures: int, answer):
    """Answer each distinct request with `answer` its first `failures` times, then normally."""
    hits = collections.Counter()
    times = collections.defaultdict(list)

    def resolve(target):
        hits[target] += 1
        times[target].append(time.monotonic())
        if hits[target] <= failures and not target.startswith("/robots"):
            return answer()
        return site(target)

    resolve.times = times
    return resolve


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_server_errors_then_success_store_every_listing_once(serve, tmp_path, status):
    db = tmp_path / "x.db"
    site = flaky(alibaba_site(PAGES), 2, lambda: (status, b"<html>oops</html>"))
    await crawl("alibaba", serve(site), db, settings=FAST, keywords="gucci bag")
    assert rows(db, "SELECT count(DISTINCT listing_id) AS n, sum(times_seen) AS seen "
                    "FROM listings") == [{"n": 48 * PAGES, "seen": 48 * PAGES}]
    assert rows(db, "SELECT count(*) AS n FROM observations") == [{"n": 48 * PAGES}]
    assert rows(db, "SELECT status FROM crawls") == [{"status": "ok"}]


async def test_429_waits_as_long_as_retry_after_asks(serve, tmp_path):
    db = tmp_path / "x.db"
    limited = Response(b"slow down", status=429, headers={"Retry-After": "2"})
    site = flaky(alibaba_site(1), 1, lambda: limited)
    await crawl("alibaba", serve(site), db, keywords="gucci bag")
    assert rows(db, "SELECT count(*) AS n FROM listings") == [{"n": 48}]
    search = next(t for t in site.times if t.startswith("/trade/search"))
    first, second = site.times[search][:2]
    assert second - first >= 1.9
    assert rows(db, "SELECT status FROM crawls") == [{"status": "ok"}]


async def test_timeouts_are_retried_then_counted_and_the_crawl_is_partial(serve_threaded,
                                                                          tmp_path, caplog):
    site = alibaba_site(PAGES)

    def resolve(target):
        if "page=2" in target:
            time.sleep(2.5)
        return site(target)

    db = tmp_path / "x.db"
    crawler = await crawl("alibaba", serve_threaded(resolve), db,
                          settings={"DOWNLOAD_TIMEOUT": 1, "RETRY_TIMES": 1}, keywords="gucci bag")
    assert rows(db, "SELECT count(*) AS n FROM listings") == [{"n": 48}]  # page 1 kept
    assert rows(db, "SELECT status FROM crawls") == [{"status": "partial"}]
    assert "Page failed" in caplog.text and crawler.stats.get_value("retry/count", 0) >= 1


async def test_dropped_connections_are_retried_then_counted(serve, tmp_path):
    site = alibaba_site(PAGES)

    def resolve(target):
        status, body = site(target)
        if "page=2" not in target:
            return status, body

        def cut_short():
            yield body[:5000]
            raise ConnectionResetError("dropped")

        return Response(cut_short(), status=200, headers={"Content-Length": str(len(body))})

    db = tmp_path / "x.db"
    await crawl("alibaba", serve(resolve), db, settings={"RETRY_TIMES": 1}, keywords="gucci bag")
    assert rows(db, "SELECT count(*) AS n FROM listings") == [{"n": 48}]
    assert rows(db, "SELECT status FROM crawls") == [{"status": "partial"}]


@pytest.mark.e2e
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_interrupted_crawl_keeps_its_listings_and_resumes_from_jobdir(serve_threaded, tmp_path,
                                                                      signum):
    total = 24
    site = alibaba_site(total, delay=0.2)
    served = collections.Counter()

    def resolve(target):
        served["pages"] += "/trade/search" in target
        return site(target)

    base_url, db, jobdir = serve_threaded(resolve), tmp_path / "x.db", tmp_path / "job"
    crawl_process = long_crawl(base_url, db, "-s", f"JOBDIR={jobdir}", "-s", "SQLITE_BATCH_SIZE=50")
    deadline = time.monotonic() + 60
    while served["pages"] < 6 and time.monotonic() < deadline:
        time.sleep(0.05)
    crawl_process.send_signal(signum)
    _, stderr = crawl_process.communicate(timeout=120)
    assert crawl_process.returncode == EXIT_CODES["interrupted"], stderr[-2000:]

    first = rows(db, "SELECT * FROM crawls")
    assert [c["status"] for c in first] == ["interrupted"]
    stored = rows(db, "SELECT count(*) AS n FROM listings")[0]["n"]
    assert stored == first[0]["listings_scraped"] == first[0]["listings_stored"] > 0
    assert stored < 48 * total
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()

    resumed = long_crawl(base_url, db, "-s", f"JOBDIR={jobdir}")
    _, stderr = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, stderr[-2000:]
    crawls = rows(db, "SELECT status, listings_stored FROM crawls")
    assert crawls == [{"status": "ok", "listings_stored": 48 * total}]
    assert rows(db, "SELECT count(*) AS n, max(times_seen) AS most FROM listings") == [
        {"n": 48 * total, "most": 1}]


@pytest.mark.e2e
def test_two_crawls_and_a_reviewer_share_one_database(serve_threaded, tmp_path):
    base_url, db = serve_threaded(alibaba_site(12, delay=0.02)), tmp_path / "x.db"
    Store(db).close()
    processes = [
        subprocess.Popen(
            crawl_command("gucci", "alibaba", base_url, str(db), "-a", f"keywords={keyword}",
                          "-a", "max_pages=12", "-s", "SQLITE_BATCH_SIZE=10"),
            cwd=ROOT, env={**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"},
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for keyword in ("gucci bag,gucci shoes", "gucci belt,gucci wallet")
    ]
    marked, errors, done = set(), [], threading.Event()

    def reviewer():
        store = Store(db)
        try:
            while not done.is_set():
                for row in store.review_queue(5):
                    if store.add_review(row["marketplace"], row["listing_id"], "counterfeit"):
                        marked.add(row["listing_id"])
                time.sleep(0.01)
        except sqlite3.Error as exc:  # pragma: no cover - the failure being tested for
            errors.append(exc)
        finally:
            store.close()

    thread = threading.Thread(target=reviewer)
    thread.start()
    outputs = [p.communicate(timeout=240)[1] for p in processes]
    done.set()
    thread.join()

    assert errors == []
    assert [p.returncode for p in processes] == [0, 0]
    assert not any("database is locked" in out for out in outputs)
    assert rows(db, "SELECT count(*) AS n FROM listings") == [{"n": 4 * 12 * 48}]
    assert [c["status"] for c in rows(db, "SELECT status FROM crawls")] == ["ok", "ok"]
    assert marked
    verdicts = {r["listing_id"] for r in rows(db, "SELECT listing_id FROM assessments "
                                                  "WHERE verdict = 'counterfeit'")}
    assert verdicts == marked


def test_polite_defaults():
    assert "brand-crawler" in defaults.USER_AGENT
    assert defaults.ROBOTSTXT_OBEY and defaults.AUTOTHROTTLE_ENABLED
    assert defaults.DOWNLOAD_TIMEOUT == 30 and defaults.DOWNLOAD_MAXSIZE == 32 * 1024 * 1024
    assert defaults.TELNETCONSOLE_ENABLED is False
    assert defaults.DOWNLOAD_HANDLERS["file"] is None and defaults.DOWNLOAD_HANDLERS["data"] is None
    assert defaults.CONCURRENT_REQUESTS_PER_DOMAIN <= 2 and defaults.DOWNLOAD_DELAY >= 1


async def test_requests_stay_on_the_marketplaces_and_base_url(serve, tmp_path):
    def resolve(target):
        if target.startswith("/robots"):
            return 404, b""
        return Response(b"", status=302, headers={"Location": "http://elsewhere.invalid/x"})

    db = tmp_path / "x.db"
    crawler = await crawl("alibaba", serve(resolve), db, keywords="gucci bag")
    assert crawler.stats.get_value("offsite/filtered") == 1  # never requested
    assert rows(db, "SELECT status FROM crawls") == [{"status": "failed"}]
