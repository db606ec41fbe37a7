"""The scorer's output on every labeled listing is pinned: a speed-up must not change it.

`python -m tests.test_scoring_snapshot` rewrites the snapshot after a deliberate change.
"""

import hashlib
import json
from pathlib import Path

import pytest

from crawler import watchlist
from crawler.parsing import record_fields
from crawler.scoring import score_for

ROOT = Path(__file__).resolve().parents[1]
LABELED_DIR = ROOT / "fixtures" / "labeled"
SNAPSHOT = ROOT / "tests" / "data" / "scorer_snapshot.json"
WATCHLIST = watchlist.load()


def fingerprints(name: str) -> dict[str, str]:
    """Per listing of a labeled file, a short hash of its (score, risk, reasons)."""
    found = {}
    for line in (LABELED_DIR / name).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        scored = json.dumps(score_for(record_fields(record), WATCHLIST), ensure_ascii=False)
        key = f"{record['marketplace']}:{record['listing_id']}"
        found[key] = hashlib.sha256(scored.encode()).hexdigest()[:16]
    return found


@pytest.mark.parametrize("name", sorted(p.name for p in LABELED_DIR.glob("*.jsonl")))
def test_scores_match_the_snapshot(name):
    pinned = json.loads(SNAPSHOT.read_text(encoding="utf-8"))[name]
    now = fingerprints(name)
    assert [key for key in pinned if now.get(key) != pinned[key]] == []
    assert now.keys() == pinned.keys()


if __name__ == "__main__":
    SNAPSHOT.write_text(json.dumps({p.name: fingerprints(p.name) for p in sorted(
        LABELED_DIR.glob("*.jsonl"))}, indent=0, sort_keys=True) + "\n", encoding="utf-8")
