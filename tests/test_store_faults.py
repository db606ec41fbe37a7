"""Storage faults: a full disk, a held lock, racing creators, kills and forced shutdowns.

No listing is lost without the crawl's row saying how many and why, and a crawl that lost
listings is never `ok`.
"""

import logging
import multiprocessing
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from urllib.parse import parse_qsl, urlsplit

import pytest
from scrapy.utils.test import get_crawler

from crawler.extensions.crawl_record import STATUS_STAT, CrawlRecord
from crawler.pipelines.store import FORCED_SHUTDOWN_SECONDS, StorePipeline
from crawler.spiders.brand import BrandSpider
from crawler.status import crawl_status, lost_reason
from crawler.store import SCHEMA_VERSION, Store
from tests.conftest import ROOT, long_crawl, rows
from tools.fixture_server import alibaba_site

ACCOUNTED = "listings_stored + listings_lost + listings_dropped + listings_duplicates"


def listings(count: int, start: int = 0) -> list[dict]:
    """`count` distinct listings with long titles (a few fill a page)."""
    return [{"marketplace": "alibaba", "listing_id": str(1600000000 + n),
             "url": f"https://www.alibaba.com/product-detail/{n}.html",
             "title": f"Gucci Marmont bag {n} " + "mirror quality leather " * 20,
             "brand": "gucci", "keyword": "gucci bag", "price_min": 2.0, "price_max": 5.0}
            for n in range(start, start + count)]


def started(tmp_path, **settings):
    """A crawler whose crawl row is started (the CrawlRecord extension) and whose store
    pipeline has its store: open_spider without the reactor's timer and shutdown hook."""
    crawler = get_crawler(BrandSpider, {
        "SQLITE_PATH": str(tmp_path / "l.db"), "SQLITE_RETRY_BACKOFF": 0.01,
        "EXTENSIONS": {"crawler.extensions.crawl_record.CrawlRecord": 500}, **settings})
    crawler.spider = crawler._create_spider(name="gucci", marketplace="alibaba")
    record = CrawlRecord.of(crawler)
    record.spider_opened(crawler.spider)
    pipeline = StorePipeline.from_crawler(crawler)
    pipeline.store, pipeline.record = Store(tmp_path / "l.db", pipeline.timeout), record
    return crawler, record, pipeline


def scrape(crawler, pipeline, batch: list[dict]) -> None:
    """The spider yields `batch`, the store pipeline writes it (on this thread)."""
    crawler.stats.inc_value("listings/scraped", len(batch))
    pipeline.write(batch)


def finish(crawler, record, pipeline, reason: str = "finished") -> dict:
    """Close the crawl as Scrapy would; its row."""
    pipeline.store.close()
    record.spider_closed(crawler.spider, reason)
    return rows(pipeline.store.path, "SELECT * FROM crawls WHERE id = ?", record.crawl_id)[0]


def hold_write_lock(db, seconds: float) -> threading.Thread:
    """Another connection (a reviewer's open transaction) holds the write lock for `seconds`."""
    conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")

    def release():
        time.sleep(seconds)
        conn.rollback()
        conn.close()

    holder = threading.Thread(target=release)
    holder.start()
    return holder


def errors(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize(("spare_pages", "status"), [(40, "partial"), (0, "failed")])
def test_a_full_disk_loses_batches_loudly_and_the_crawl_is_never_ok(tmp_path, caplog,
                                                                    spare_pages, status):
    crawler, record, pipeline = started(tmp_path)
    conn = pipeline.store.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + spare_pages}")
    tries = []
    save = pipeline.store.save
    pipeline.store.save = lambda *a, **k: tries.append(1) or save(*a, **k)
    with caplog.at_level(logging.WARNING):
        for number in range(8):
            scrape(crawler, pipeline, listings(50, start=50 * number))

    stored = crawler.stats.get_value("listings/stored", 0)
    lost = crawler.stats.get_value("listings/lost", 0)
    failed_batches = lost // 50
    assert stored + lost == 400 and failed_batches > 0 and (stored > 0) == (status == "partial")
    assert len(tries) == 8 + failed_batches  # every refused batch was tried again
    assert len(errors(caplog)) == failed_batches  # one line per lost batch, no traceback
    assert all(not r.exc_info and "database or disk is full" in r.getMessage()
               for r in errors(caplog))

    row = finish(crawler, record, pipeline)
    assert row["status"] == status == crawler.stats.get_value(STATUS_STAT)
    assert row["listings_stored"] == stored == rows(pipeline.store.path,
                                                    "SELECT count(*) AS n FROM listings")[0]["n"]
    assert row["listings_lost"] == lost
    assert row["listings_scraped"] == sum(row[c] for c in ACCOUNTED.split(" + "))
    assert row["lost_reason"] == (f"disk full: {lost} listings in {failed_batches} "
                                  f"{'batch' if failed_batches == 1 else 'batches'}")


def test_a_lock_released_while_retrying_loses_nothing(tmp_path, caplog):
    crawler, record, pipeline = started(tmp_path, SQLITE_TIMEOUT=0.1, SQLITE_RETRY_BACKOFF=0.1)
    holder = hold_write_lock(tmp_path / "l.db", 0.5)
    with caplog.at_level(logging.WARNING):
        scrape(crawler, pipeline, listings(20))
    holder.join()
    assert any("database is locked: writing 20 listings again" in r.getMessage()
               for r in caplog.records)
    assert errors(caplog) == []
    row = finish(crawler, record, pipeline)
    assert (row["status"], row["listings_stored"], row["listings_lost"]) == ("ok", 20, 0)
    assert rows(tmp_path / "l.db", "SELECT count(*) AS n FROM listings") == [{"n": 20}]


def test_a_lock_held_past_every_retry_is_counted_and_the_crawl_goes_on(tmp_path, caplog):
    crawler, record, pipeline = started(tmp_path, SQLITE_TIMEOUT=0.1, SQLITE_WRITE_RETRIES=2)
    holder = hold_write_lock(tmp_path / "l.db", 0.8)
    with caplog.at_level(logging.WARNING):
        scrape(crawler, pipeline, listings(20))
        holder.join()
        scrape(crawler, pipeline, listings(30, start=20))  # the lock is gone: written
    assert [r.getMessage() for r in errors(caplog)] == [
        "20 listings not stored after 3 tries: database is locked"]
    row = finish(crawler, record, pipeline)
    assert (row["status"], row["listings_scraped"], row["listings_stored"],
            row["listings_lost"]) == ("partial", 50, 30, 20)
    assert row["lost_reason"] == "database locked by another connection: 20 listings in 1 batch"
    assert rows(tmp_path / "l.db", "SELECT count(*) AS n FROM listings") == [{"n": 30}]


def test_each_batch_commits_with_its_crawl_rows_counters(tmp_path):
    crawler, record, pipeline = started(tmp_path)
    crawler.stats.set_value("listings/pages", 2)
    crawler.stats.inc_value("listings/dropped", 3)
    scrape(crawler, pipeline, listings(40))
    crawler.stats.inc_value("listings/scraped", 3)  # the dropped ones
    row = rows(tmp_path / "l.db", "SELECT * FROM crawls")[0]
    assert row["status"] == "running" and row["pid"] == os.getpid()
    assert row["host"] == socket.gethostname()
    assert (row["pages"], row["listings_scraped"], row["listings_stored"],
            row["listings_dropped"]) == (2, 40, 40, 3)
    finish(crawler, record, pipeline)


@pytest.mark.parametrize(("stats", "status"), [
    ({"listings/scraped": 10, "listings/stored": 6, "listings/lost": 4}, "partial"),
    ({"listings/scraped": 10, "listings/lost": 10}, "failed"),
    ({"listings/scraped": 10, "listings/stored": 6, "listings/lost": 4,
      "listings/blocked": 1}, "partial"),
])
def test_lost_listings_are_never_ok(stats, status):
    assert crawl_status(stats, "finished") == status
    assert crawl_status(stats, "shutdown") == "interrupted"


def test_lost_reason_names_each_cause():
    stats = {"listings/lost/disk_full": 400, "listings/store_errors/disk_full": 2,
             "listings/lost/locked": 200, "listings/store_errors/locked": 1}
    assert lost_reason(stats) == ("database locked by another connection: 200 listings in "
                                  "1 batch; disk full: 400 listings in 2 batches")
    assert lost_reason({"listings/stored": 5}) is None


def test_the_next_crawl_marks_a_dead_crawls_row_interrupted_and_counts_its_losses(tmp_path,
                                                                                  caplog):
    db = tmp_path / "l.db"
    dead = subprocess.run([sys.executable, "-c", f"""
import os
from crawler.store import Store
from tests.test_store_faults import listings
store = Store({str(db)!r})
crawl = store.start_crawl("gucci", ["alibaba"])
store.save(listings(20), crawl, progress={{"listings_scraped": 30, "listings_stored": 20,
                                           "listings_dropped": 1}})
os._exit(0)  # dies without closing the crawl, as after SIGKILL
"""], cwd=ROOT, capture_output=True, text=True, check=False)
    assert dead.returncode == 0, dead.stderr
    dead_pid = rows(db, "SELECT pid FROM crawls")[0]["pid"]
    alive = Store(db)
    alive_crawl = alive.start_crawl("gucci", ["made_in_china"])
    alive.conn.execute("UPDATE crawls SET pid = ? WHERE id = ?", (os.getppid(), alive_crawl))
    alive.conn.commit()
    alive.close()

    with caplog.at_level(logging.WARNING):
        crawler, record, pipeline = started(tmp_path)
    finish(crawler, record, pipeline)
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [
        f"Crawl 1 (process {dead_pid} on {socket.gethostname()}) ended without closing its "
        "row: marked interrupted, 9 listings lost"]
    crawls = rows(db, f"SELECT id, status, finish_reason, listings_scraped, {ACCOUNTED} AS "
                      "accounted, listings_lost, lost_reason FROM crawls ORDER BY id")
    assert crawls[0] == {"id": 1, "status": "interrupted", "finish_reason": "process_gone",
                         "listings_scraped": 30, "accounted": 30, "listings_lost": 9,
                         "lost_reason": "process gone: 9 listings"}
    assert crawls[1]["status"] == "running"  # its process is alive: not touched
    assert crawls[2]["id"] == record.crawl_id


def _open_and_start_a_crawl(paths: list[str], barrier, results) -> None:
    for path in paths:
        barrier.wait()
        try:
            store = Store(path)
            store.start_crawl("gucci", ["alibaba"])
            store.close()
            results.put("ok")
        except Exception as exc:  # the failure being tested for
            results.put(f"{type(exc).__name__}: {exc}")


def test_four_crawls_creating_one_new_database_at_once_all_start(tmp_path):
    rounds, processes = 6, 4
    paths = [str(tmp_path / f"new-{n}.db") for n in range(rounds)]
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(processes), context.Queue()
    workers = [context.Process(target=_open_and_start_a_crawl, args=(paths, barrier, results))
               for _ in range(processes)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=60) for _ in range(rounds * processes)]
    for worker in workers:
        worker.join(timeout=10)
    assert outcomes == ["ok"] * rounds * processes
    for path in paths:
        assert rows(path, "SELECT count(*) AS n FROM crawls") == [{"n": processes}]
        assert rows(path, "PRAGMA user_version") == [{"user_version": SCHEMA_VERSION}]


def _page(target: str) -> int:
    return int(dict(parse_qsl(urlsplit(target).query)).get("page", "1") or 1)


def _exited(process: subprocess.Popen) -> str:
    """Its stderr once it exits; killed (and the test failed) if it hangs."""
    try:
        return process.communicate(timeout=30)[1]
    except subprocess.TimeoutExpired:
        process.kill()
        raise


def _integrity(db) -> str:
    return rows(db, "PRAGMA integrity_check")[0]["integrity_check"]


@pytest.mark.e2e
def test_a_killed_crawl_loses_seconds_of_work_and_its_row_is_marked_later(serve_threaded,
                                                                          tmp_path):
    site, served = alibaba_site(1000, delay=0.1), {}

    def resolve(target):
        if "/trade/search" in target:
            served[_page(target)] = time.monotonic()
        return site(target)

    db, flush_seconds = tmp_path / "x.db", 0.5
    crawl = long_crawl(serve_threaded(resolve), db, "-s", "SQLITE_BATCH_SIZE=100000",
                         "-s", f"SQLITE_FLUSH_SECONDS={flush_seconds}")
    deadline = time.monotonic() + 60
    while len(served) < 25 and time.monotonic() < deadline:
        time.sleep(0.05)
    crawl.kill()
    killed_at = time.monotonic()
    _exited(crawl)

    row = rows(db, "SELECT * FROM crawls")[0]
    assert (row["status"], row["pid"], row["host"]) == ("running", crawl.pid,
                                                        socket.gethostname())
    stored = rows(db, "SELECT substr(listing_id, 4, 4) AS page, count(*) AS n FROM listings "
                      "GROUP BY page")
    assert sum(r["n"] for r in stored) == row["listings_stored"] > 0  # committed together
    old_pages = {page for page, at in served.items() if at < killed_at - flush_seconds - 1.5}
    assert old_pages and {int(r["page"]) for r in stored if r["n"] == 48} >= old_pages

    [marked] = Store(db).mark_stale_crawls()
    assert marked["status"] == "interrupted" and marked["finish_reason"] == "process_gone"
    row = rows(db, f"SELECT listings_scraped, {ACCOUNTED} AS accounted FROM crawls")[0]
    assert row["listings_scraped"] == row["accounted"]
    assert _integrity(db) == "ok"


@pytest.mark.e2e
@pytest.mark.parametrize(("database", "flush_seconds"), [("free", 60), ("locked", 0.5)])
def test_a_second_signal_exits_promptly_and_accounts_for_every_listing(serve_threaded,
                                                                        tmp_path, database,
                                                                        flush_seconds):
    site, release, requested = alibaba_site(10), threading.Event(), set()

    def resolve(target):
        requested.add(_page(target))
        if _page(target) >= 3:  # Scrapy's graceful shutdown waits for this download
            release.wait(30)
        return site(target)

    db = tmp_path / "x.db"
    crawl = long_crawl(serve_threaded(resolve), db, "-s", "SQLITE_BATCH_SIZE=100000",
                         "-s", f"SQLITE_FLUSH_SECONDS={flush_seconds}")
    deadline = time.monotonic() + 60
    while 3 not in requested and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)  # pages 1 and 2 scraped: pending (free) or written (locked)
    reviewer = sqlite3.connect(db, isolation_level=None)
    if database == "locked":
        reviewer.execute("BEGIN IMMEDIATE")  # held until the crawl has exited
    crawl.send_signal(signal.SIGINT)
    time.sleep(0.5)
    signalled = time.monotonic()
    crawl.send_signal(signal.SIGINT)
    stderr = _exited(crawl)
    exited_after = time.monotonic() - signalled
    release.set()
    reviewer.close()

    assert "forcing unclean shutdown" in stderr
    assert exited_after < (FORCED_SHUTDOWN_SECONDS + 3 if database == "locked" else 3)
    assert _integrity(db) == "ok"
    if database == "locked":  # nothing could be written: the row is closed later
        assert "could not be closed in the database within 5 s" in stderr
        [marked] = Store(db).mark_stale_crawls()
        assert marked["status"] == "interrupted"
    row = rows(db, f"SELECT status, listings_scraped, listings_stored, {ACCOUNTED} AS accounted "
                   "FROM crawls")[0]
    assert row["status"] == "interrupted"
    assert row["listings_scraped"] == row["accounted"] == row["listings_stored"] == 96
    assert rows(db, "SELECT count(*) AS n FROM listings") == [{"n": 96}]
