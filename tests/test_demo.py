"""`python -m tools.demo`: the offline marketplace end to end, as `make demo` runs it."""

import subprocess
import sys

import pytest

from tests.conftest import ROOT, rows


@pytest.mark.e2e
def test_demo_crawls_every_marketplace_and_prints_the_flagged_table(tmp_path):
    db = tmp_path / "demo.db"
    result = subprocess.run(
        [sys.executable, "-m", "tools.demo", "--db", str(db), "--top", "5"],
        cwd=ROOT, capture_output=True, text=True, timeout=240, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    crawls = rows(db, "SELECT marketplaces, status, listings_stored FROM crawls ORDER BY id")
    assert [(c["marketplaces"], c["status"]) for c in crawls] == [
        ("alibaba", "ok"), ("aliexpress", "ok"), ("made_in_china", "ok")]
    assert [c["listings_stored"] for c in crawls] == [288, 120, 60]
    assert "review_queue" in result.stdout
    table = result.stdout.split("Top 5:")[1].strip().splitlines()
    assert table[0].split()[:3] == ["score", "risk", "key"]  # the output ends with the queue
    # Each listing: its line, then its URL and its reasons.
    assert len(table) == 2 + 3 * 5 and all(" high " in line for line in table[2::3])
    assert all(line.strip().startswith("https://") for line in table[3::3])
