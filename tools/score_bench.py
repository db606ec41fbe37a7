"""Scoring speed: microseconds per labeled listing, `score_for` only, in process.

`python -m tools.score_bench` prints the median and 90th percentile; `tools/bench.py` calls
`score_us_per_listing()`. Prints numbers, asserts nothing.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from crawler import watchlist
from crawler.parsing import record_fields
from crawler.scoring import score_for

LABELED_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "labeled"


def labeled_listings() -> list[dict]:
    """Every labeled listing, mapped as `crawler score` maps it."""
    return [record_fields(json.loads(line))
            for path in sorted(LABELED_DIR.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_timings(rounds: int = 15) -> list[float]:
    """Per listing, the fastest of `rounds` scorings in microseconds (caches warmed first)."""
    brands, listings = watchlist.load(), labeled_listings()
    for listing in listings:
        score_for(listing, brands)
    best = [float("inf")] * len(listings)
    for _ in range(rounds):
        for index, listing in enumerate(listings):
            start = time.perf_counter()
            score_for(listing, brands)
            best[index] = min(best[index], time.perf_counter() - start)
    return [seconds * 1e6 for seconds in best]


def score_us_per_listing() -> float:
    """The median microseconds `score_for` takes per labeled listing."""
    return statistics.median(score_timings())


def main() -> None:
    timings = score_timings()
    p90 = statistics.quantiles(timings, n=10)[-1]
    print(f"scoring {len(timings)} labeled listings: median {statistics.median(timings):.1f} us, "
          f"p90 {p90:.1f} us per listing")


if __name__ == "__main__":
    main()
