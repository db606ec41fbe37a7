"""bin/nightly, the cron recipe: one run at a time, bounded in time, logged, its exit code."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.commands.crawl import EXIT_CODES
from tests.conftest import ROOT, always, rows
from tools.fixture_server import LOCAL_CRAWL_SETTINGS, alibaba_site

pytestmark = pytest.mark.e2e

NIGHTLY = ROOT / "bin" / "nightly"
ANOTHER_RUN = 75
LOCAL = [arg for name, value in LOCAL_CRAWL_SETTINGS.items() for arg in ("-s", f"{name}={value}")]
WATCHED_KEYWORDS = 25  # in crawler/brands.toml, each searched on every marketplace


def nightly(base_url: str, *options: str, extra: tuple[str, ...] = (), env: dict | None = None,
            wait: bool = True) -> subprocess.CompletedProcess | subprocess.Popen:
    """Run bin/nightly against one local marketplace (scrapy arguments after `--`)."""
    command = [str(NIGHTLY), *options, "--", "-a", "marketplace=alibaba",
               "-a", f"base_url={base_url}", *LOCAL, *extra]
    env = {**os.environ, **(env or {})}
    if not wait:
        return subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                          check=False)


def test_a_second_run_exits_at_once_and_the_first_ends_within_its_time_bound(serve_threaded,
                                                                               tmp_path):
    # Unbounded, this crawl takes 16 s or more: 125 pages of 1 s, 8 at a time.
    site = serve_threaded(alibaba_site(pages=10, delay=1.0))
    db, log = tmp_path / "listings.db", tmp_path / "crawl.log"
    started = time.monotonic()
    first = nightly(site, "--db", str(db), "--log", str(log), "--timeout", "2", wait=False)
    while not log.exists() and first.poll() is None:  # Scrapy has started: the lock is held
        time.sleep(0.05)

    asked = time.monotonic()
    second = nightly(site, "--db", str(db), "--log", str(tmp_path / "second.log"))
    assert second.returncode == ANOTHER_RUN and time.monotonic() - asked < 1
    assert f"another run on {db} is still going" in second.stderr
    assert not (tmp_path / "second.log").exists()

    _, stderr = first.communicate(timeout=60)
    assert time.monotonic() - started < 2 + 6  # the bound, start-up, in-flight pages, health
    assert first.returncode == EXIT_CODES["partial"]
    [crawl] = rows(db, "SELECT status, finish_reason, pages FROM crawls")
    assert crawl["status"] == "partial" and crawl["finish_reason"] == "closespider_timeout"
    assert crawl["pages"] < WATCHED_KEYWORDS * 5
    # The summary line is on stderr (what cron mails) and in the log, with Scrapy's own lines.
    summary = next(line for line in stderr.splitlines() if line.startswith("crawl 1 of "))
    assert " on alibaba: partial, " in summary
    text = log.read_text()
    assert summary in text and "Closing spider (closespider_timeout)" in text


def test_a_crawl_that_is_not_ok_is_the_runs_exit_code(serve, tmp_path):
    db, log = tmp_path / "listings.db", tmp_path / "crawl.log"
    result = nightly(serve(always("alibaba", "captcha.html")),
                     extra=("-a", "keywords=gucci bag", "-s", "BOT_WALL_BACKOFF=0.05"),
                     env={"CRAWLER_DB": str(db), "CRAWLER_LOG": str(log)})
    assert result.returncode == EXIT_CODES["blocked"]
    assert rows(db, "SELECT status FROM crawls") == [{"status": "blocked"}]
    assert ": blocked, 1 pages, 0 listings stored, 1 blocked pages" in log.read_text()


def test_an_ok_crawl_exits_with_the_health_checks_code(serve, tmp_path):
    db = tmp_path / "listings.db"
    result = nightly(serve("alibaba"), "--db", str(db), "--log", str(tmp_path / "crawl.log"),
                     extra=("-a", "keywords=gucci bag"))
    assert rows(db, "SELECT status FROM crawls") == [{"status": "ok"}]
    health = subprocess.run([Path(sys.executable).with_name("crawler"), "health", "--db", db],
                            capture_output=True, text=True, check=False)
    assert result.returncode == health.returncode
    assert bool(result.stdout.strip()) == bool(health.stdout.strip())  # its problems, mailed


@pytest.mark.parametrize("options", [("--timeout", "soon"), ("--db",), ("--jobs", "2")])
def test_bad_usage_is_refused_before_anything_runs(tmp_path, options):
    env = {**os.environ, "CRAWLER_DB": str(tmp_path / "listings.db")}
    result = subprocess.run([NIGHTLY, *options], capture_output=True, text=True, env=env,
                            check=False)
    assert result.returncode == 2
    assert result.stderr.startswith("nightly: ") and "usage: bin/nightly" in result.stderr
    assert not list(tmp_path.iterdir())  # not even the lock file
