"""`crawler health`: each problem it reports (line and exit code), a healthy database, the JSON
for monitors, and a quiet layout change found against the history of crawls."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from datetime import timedelta

import pytest

from crawler.cli import main
from crawler.health import UNHEALTHY, parse_age
from crawler.store import Store
from tests.conftest import FIXTURES, crawl, rows

PLAN = "same-searches"


@pytest.fixture
def health(capsys):
    """Run `crawler health ARGS` in this process: exit code and stdout's lines."""

    def run(*args: str) -> tuple[int, list[str]]:
        code = main(["health", *args])
        return code, capsys.readouterr().out.splitlines()

    return run


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "listings.db")
    yield store
    store.close()


def add_crawl(store: Store, status: str = "ok", brand: str = "gucci",
              marketplaces: tuple[str, ...] = ("alibaba",), hours_ago: float = 1,
              stats: dict | None = None, **columns) -> int:
    """A crawls row that ended `hours_ago` with `status`; its id."""
    crawl_id = store.start_crawl(brand, marketplaces)
    store.finish_crawl(crawl_id, status=status, stats=json.dumps(stats or {}),
                       finish_reason="shutdown" if status == "interrupted" else "finished",
                       **columns)
    store.conn.execute("UPDATE crawls SET finished_at = datetime('now', ?) WHERE id = ?",
                       (f"-{round(hours_ago * 3600)} seconds", crawl_id))
    store.conn.commit()
    return crawl_id


def finished_at(store: Store, crawl_id: int) -> str:
    return store.crawl(crawl_id)["finished_at"]


def coverage(listings: int = 48, price: int = 48, moq: int = 48, seller: int = 48,
             market: str = "alibaba", plan: str = PLAN) -> dict:
    """A crawl's stats as the spider counts them: listings read and fields shown."""
    counts = {"listings": listings, "price": price, "moq": moq, "seller": seller}
    return {"listings/plan": plan,
            **{f"listings/coverage/{market}/{name}": n for name, n in counts.items()}}


def test_a_recent_ok_crawl_is_healthy_and_prints_nothing(store, health):
    add_crawl(store, stats=coverage())
    assert health("--db", store.path) == (0, [])


@pytest.mark.parametrize("status", UNHEALTHY)
def test_the_latest_crawl_of_a_brand_on_a_marketplace_not_ok_is_a_problem(store, health,
                                                                          status):
    crawl_id = add_crawl(store, status, blocked_pages=2 if status == "blocked" else 0)
    code, lines = health("--db", store.path)
    extras = "2 blocked pages, " if status == "blocked" else ""
    reason = "shutdown" if status == "interrupted" else "finished"
    assert code == 1
    assert lines == [f"crawl_status: gucci on alibaba: crawl {crawl_id}, finished "
                     f"{finished_at(store, crawl_id)}, is {status} ({extras}finish reason "
                     f"{reason})"]


def test_a_partial_crawl_is_a_warning_and_still_healthy(store, health):
    crawl_id = add_crawl(store, "partial", stats={"listings/failed_pages": 3})
    assert health("--db", store.path) == (0, [
        f"warning: crawl_status: gucci on alibaba: crawl {crawl_id}, finished "
        f"{finished_at(store, crawl_id)}, is partial (3 failed pages, finish reason finished)"])


def test_a_later_crawl_of_the_same_brand_and_marketplace_supersedes_a_bad_one(store, health):
    add_crawl(store, "blocked", hours_ago=3)
    add_crawl(store, "ok", hours_ago=2)
    assert health("--db", store.path) == (0, [])


def test_each_brand_and_marketplace_is_judged_by_its_own_latest_crawl(store, health):
    everything = add_crawl(store, "layout_changed", brand="gucci,balenciaga",
                           marketplaces=("alibaba", "made_in_china"), hours_ago=3)
    add_crawl(store, "ok", brand="gucci", marketplaces=("alibaba",), hours_ago=2)
    code, lines = health("--db", store.path)
    when = finished_at(store, everything)
    assert code == 1
    assert lines == [
        f"crawl_status: balenciaga on alibaba: crawl {everything}, finished {when}, is "
        "layout_changed (finish reason finished)",
        f"crawl_status: gucci,balenciaga on made_in_china: crawl {everything}, finished {when}, "
        "is layout_changed (finish reason finished)"]


def test_a_running_crawl_whose_process_is_gone_is_marked_interrupted_and_reported(store,
                                                                                  health):
    add_crawl(store, "ok", hours_ago=2)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    crawl_id = store.start_crawl("gucci", ["alibaba", "aliexpress"])
    store.conn.execute("UPDATE crawls SET pid = ?, listings_scraped = 12, listings_stored = 10 "
                       "WHERE id = ?", (dead.pid, crawl_id))
    store.conn.commit()
    code, lines = health("--db", store.path)
    assert code == 1
    assert lines == [f"process_gone: gucci on alibaba,aliexpress: crawl {crawl_id} (process "
                     f"{dead.pid} on {socket.gethostname()}) was left running by a process "
                     "that is gone: marked interrupted, 2 listings lost"]
    assert rows(store.path, "SELECT status, finish_reason FROM crawls WHERE id = ?",
                crawl_id) == [{"status": "interrupted", "finish_reason": "process_gone"}]
    # The next check finds the row closed: the latest crawl of those pairs, interrupted.
    code, lines = health("--db", store.path)
    assert code == 1 and len(lines) == 2
    assert all(f"crawl {crawl_id}, finished " in line and line.endswith(
        "is interrupted (2 listings lost, finish reason process_gone)") for line in lines)


def test_a_running_crawl_whose_process_is_alive_is_no_problem(store, health):
    add_crawl(store, "ok")
    store.start_crawl("gucci", ["alibaba"])  # this process
    assert health("--db", store.path) == (0, [])


@pytest.mark.parametrize(("hours_ago", "max_age", "healthy"), [
    (25, None, True), (27, None, False), (27, "2d", True), (1, "90m", True), (2, "90m", False),
])
def test_no_crawl_finished_within_max_age_is_a_problem(store, health, hours_ago, max_age,
                                                       healthy):
    crawl_id = add_crawl(store, "ok", hours_ago=hours_ago)
    code, lines = health("--db", store.path, *(["--max-age", max_age] if max_age else []))
    if healthy:
        assert (code, lines) == (0, [])
    else:
        assert code == 1
        assert lines == [f"no_recent_crawl: no crawl finished in the last {max_age or '26h'}: "
                         f"the latest finished {finished_at(store, crawl_id)} UTC"]


def test_a_database_where_no_crawl_has_finished_is_unhealthy(store, health):
    assert health("--db", store.path) == (1, ["no_recent_crawl: no crawl has finished yet"])


def test_max_age_is_days_hours_minutes_or_seconds(capsys):
    assert [parse_age(t) for t in ("26h", "90m", "2d", "45s", "1.5h")] == [
        timedelta(hours=26), timedelta(minutes=90), timedelta(days=2), timedelta(seconds=45),
        timedelta(minutes=90)]
    with pytest.raises(SystemExit) as refused:
        main(["health", "--max-age", "26"])
    assert refused.value.code == 2
    assert "--max-age must be a number of days, hours, minutes or seconds" in \
        capsys.readouterr().err


def test_a_listing_count_that_falls_below_half_its_median_is_a_problem(store, health):
    for listings in (48, 50, 20, 46, 49, 47):  # the oldest is past the last 5: median 47
        add_crawl(store, stats=coverage(listings, listings, listings, listings), hours_ago=3)
    add_crawl(store, "blocked", stats=coverage(0, 0, 0, 0), hours_ago=2)  # no baseline
    fallen = add_crawl(store, stats=coverage(23, 23, 23, 23))
    assert health("--db", store.path) == (1, [
        f"listing_count_drop: gucci on alibaba: crawl {fallen} read 23 listings, against 47, "
        "the median of its last 5 comparable crawls"])


@pytest.mark.parametrize("history", [
    [coverage()] * 2,  # too few to compare
    [coverage(plan="other searches")] * 5,  # other keywords or depth: not comparable
    [coverage(market="made_in_china")] * 5,  # another marketplace's counts
])
def test_a_drop_needs_three_comparable_crawls_to_compare_with(store, health, history):
    for stats in history:
        add_crawl(store, stats=stats, hours_ago=2)
    add_crawl(store, stats=coverage(10, 0, 0, 0))
    assert health("--db", store.path) == (0, [])


def test_a_field_shown_by_far_fewer_listings_than_usual_is_a_coverage_drop(store, health):
    for moq in (48, 40, 44):
        add_crawl(store, stats=coverage(moq=moq), hours_ago=2)
    fallen = add_crawl(store, stats=coverage(moq=10, seller=40))
    assert health("--db", store.path) == (1, [
        f"coverage_drop: gucci on alibaba: crawl {fallen}: 21% of 48 listings have a moq, "
        "against 92%, the median of its last 3 comparable crawls"])


async def test_sellers_gone_from_the_page_are_a_coverage_drop_after_real_crawls(serve, tmp_path,
                                                                                capsys):
    # Three crawls of the usual page, then the page's seller field renamed: every listing is
    # still read and stored (`ok`), only the seller is missing - the quiet layout change.
    page = (FIXTURES / "alibaba" / "gucci-wallet-p1.html").read_bytes()
    served = [page]
    site = serve(lambda target: (404, b"") if "robots" in target else (200, served[-1]))
    db = tmp_path / "listings.db"
    for body in [page] * 3 + [page.replace(b'"companyName"', b'"companyTitle"')]:
        served.append(body)
        await crawl("alibaba", site, db, keywords="gucci wallet", max_pages=1)
    assert rows(db, "SELECT status, listings_stored FROM crawls") == [
        {"status": "ok", "listings_stored": 48}] * 4
    first, last = (json.loads(r["stats"]) for r in rows(db, "SELECT stats FROM crawls WHERE id "
                                                          "IN (1, 4) ORDER BY id"))
    assert first["listings/plan"] == last["listings/plan"]
    assert {k: v for k, v in last.items() if k.startswith("listings/coverage/")} == {
        "listings/coverage/alibaba/listings": 48, "listings/coverage/alibaba/price": 48,
        "listings/coverage/alibaba/moq": 48, "listings/coverage/alibaba/seller": 0}
    assert main(["health", "--db", str(db)]) == 1
    assert capsys.readouterr().out == (
        "coverage_drop: gucci on alibaba: crawl 4: 0% of 48 listings have a seller, against "
        "100%, the median of its last 3 comparable crawls\n")


def test_json_for_monitors(store, health, capsys):
    crawl_id = add_crawl(store, "blocked", blocked_pages=1)
    code = main(["health", "--db", store.path, "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1 and report["healthy"] is False
    assert report["checked_at"].endswith("+00:00")
    assert report["problems"] == [{
        "kind": "crawl_status", "brand": "gucci", "marketplace": "alibaba", "crawl": crawl_id,
        "field": None, "severity": "error",
        "detail": f"crawl {crawl_id}, finished {finished_at(store, crawl_id)}, is blocked (1 "
                  "blocked pages, finish reason finished)"}]


def test_the_database_defaults_to_crawler_db(store, health, monkeypatch):
    add_crawl(store, "failed")
    monkeypatch.setenv("CRAWLER_DB", store.path)
    code, [line] = health()
    assert code == 1 and line.startswith("crawl_status: gucci on alibaba: crawl 1, ")


def test_no_database_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["health", "--db", str(tmp_path / "missing.db")]) == 2
    assert capsys.readouterr().err == f"error: no database at {tmp_path / 'missing.db'}\n"
    assert not (tmp_path / "missing.db").exists()
    (tmp_path / "notes.db").write_text("not a database")
    assert main(["health", "--db", str(tmp_path / "notes.db")]) == 2
    assert capsys.readouterr().err.startswith(f"error: {tmp_path / 'notes.db'} is not a SQLite")
