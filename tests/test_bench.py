"""The benchmark (`make bench`) runs end to end and reports every figure; crawls free pages."""

import json
import subprocess
import sys

import pytest

from crawler.marketplaces import base
from crawler.store.queries import DOCUMENTED
from tests.conftest import ROOT, crawl
from tools.fixture_server import alibaba_site

FIGURES = ("pages", "bare_pages_per_s", "extract_pages_per_s", "full_pages_per_s",
           "ratio_full_to_bare", "cpu_us_per_listing", "score_us_per_listing", "peak_rss_mb",
           "ingest_rows_per_s", "review_queue_cli_ms", "legacy_cards_3000_s")


async def test_a_crawl_keeps_no_page_object_once_the_spider_read_it(serve, tmp_path):
    # A kept page object holds its response (megabytes) for the rest of the crawl.
    before = len(base._PAGES)
    await crawl("alibaba", serve(alibaba_site(3)), tmp_path / "x.db", keywords="gucci bag")
    assert len(base._PAGES) == before


@pytest.mark.e2e
def test_bench_json_reports_every_figure():
    result = subprocess.run(
        [sys.executable, "-m", "tools.bench", "--json", "--pages", "20", "--db-rows", "20000",
         "--repeat", "1"], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout)
    for name in FIGURES:
        assert isinstance(figures[name], int | float) and figures[name] > 0, name
    assert figures["pages"] == 20 and figures["listings"] == 20 * 48
    assert figures["db_rows"] == 20000
    # Throughput ratios are of the same pages: finite, and the full crawl reads what bare did.
    assert figures["ratio_full_to_bare"] == pytest.approx(
        figures["full_pages_per_s"] / figures["bare_pages_per_s"], rel=0.05)
    assert set(figures["queries_ms"]) == set(DOCUMENTED)
    assert all(ms >= 0 for ms in figures["queries_ms"].values())
