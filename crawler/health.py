"""`crawler health`: pure checks over the crawls rows the store gives - the latest crawl of each
brand on each marketplace, crawls whose process is gone, time since a crawl finished, and
listing counts and field coverage against earlier crawls (a quiet layout change)."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta

from crawler.text import without_controls

# In each crawl's stats: per marketplace, `listings/coverage/<marketplace>/listings` (listings
# read on its results pages) and `.../<field>` (how many of them show the field), counted by
# the spider; `listings/plan`, what makes two crawls' counts comparable (plan_key).
COVERAGE_STAT = "listings/coverage"
PLAN_STAT = "listings/plan"
# The latest crawl of a brand on a marketplace ended like this: nobody is watching it.
UNHEALTHY = ("failed", "blocked", "layout_changed", "degraded", "interrupted")
# Some pages failed, or a time bound cut the crawl short: reported, still healthy.
WARNING = ("partial",)
# Earlier crawls a drop is measured against: those that read their pages.
BASELINE = ("ok", "partial")
HISTORY = 5  # the latest comparable crawls whose median is the baseline
MIN_HISTORY = 3  # with fewer to compare, no drop is judged
DROP_RATIO = 0.5  # under this share of the median is a sharp fall
DEFAULT_MAX_AGE = "26h"
AGE_UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the crawls, as a line for people and a record for monitors."""

    kind: str
    detail: str
    brand: str | None = None
    marketplace: str | None = None
    crawl: int | None = None
    field: str | None = None
    severity: str = "error"  # or "warning": reported, and still healthy

    def line(self) -> str:
        """`kind: brand on marketplace: detail`, with `warning: ` first for a warning; one
        line of plain text, whatever the database holds."""
        where = f"{self.brand} on {self.marketplace}: " if self.marketplace else ""
        text = f"{'warning: ' if self.severity == 'warning' else ''}{self.kind}: {where}" \
               f"{self.detail}"
        return " ".join(without_controls(text).split())


def parse_age(text: str) -> timedelta:
    """`26h`, `90m`, `2d` (or `300s`) as a timedelta."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([dhms])\s*", text or "")
    if not found:
        raise argparse.ArgumentTypeError(
            f"--max-age must be a number of days, hours, minutes or seconds (26h, 90m, 2d), "
            f"not {text!r}")
    return timedelta(seconds=float(found[1]) * AGE_UNITS[found[2]])


def _age(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    unit = next(u for u, size in AGE_UNITS.items() if seconds % size == 0 or u == "s")
    return f"{seconds // AGE_UNITS[unit]}{unit}"


def plan_key(keywords: Sequence[str], max_pages: int) -> str:
    """What makes two crawls' counts comparable: the same searches, as many pages deep."""
    searches = sorted({" ".join(keyword.casefold().split()) for keyword in keywords})
    return hashlib.sha256(json.dumps([searches, max_pages]).encode()).hexdigest()[:16]


def _split(value: str | None) -> list[str]:
    return [part for part in (value or "").split(",") if part]


def _stats(row: Mapping) -> dict:
    try:
        stats = json.loads(row.get("stats") or "{}")
    except ValueError:
        return {}
    return stats if isinstance(stats, dict) else {}


def coverage(stats: Mapping) -> dict[str, dict[str, int]]:
    """Per marketplace: `listings` read and how many show each field, from a crawl's stats."""
    found: dict[str, dict[str, int]] = defaultdict(dict)
    for key, value in stats.items():
        market, _, name = key.removeprefix(f"{COVERAGE_STAT}/").partition("/")
        if key.startswith(f"{COVERAGE_STAT}/") and name and isinstance(value, int):
            found[market][name] = value
    return {market: counts for market, counts in found.items() if "listings" in counts}


def _finished(row: Mapping) -> datetime | None:
    try:
        return datetime.strptime(row.get("finished_at") or "", "%Y-%m-%d %H:%M:%S").replace(
            tzinfo=UTC)
    except ValueError:
        return None


def _process_gone(row: Mapping) -> Problem:
    return Problem("process_gone", f"crawl {row['id']} (process {row['pid']} on {row['host']}) "
                   f"was left running by a process that is gone: marked interrupted, "
                   f"{row['listings_lost'] or 0} listings lost", row["brand"],
                   row["marketplaces"], row["id"])


def _latest(crawls: Sequence[Mapping]) -> dict[tuple[int, str], list[str]]:
    """(crawl id, marketplace) -> the brands whose latest crawl on that marketplace it is."""
    latest: dict[tuple[str, str], int] = {}
    for row in crawls:  # oldest first: a later crawl of the same pair replaces an earlier one
        for brand in _split(row["brand"]):
            for market in _split(row["marketplaces"]):
                latest[(brand, market)] = row["id"]
    grouped: dict[tuple[int, str], list[str]] = defaultdict(list)
    for (brand, market), crawl_id in latest.items():
        grouped[(crawl_id, market)].append(brand)
    return grouped


def _status_problem(row: Mapping, stats: Mapping, brands: str, market: str) -> Problem | None:
    status = row["status"]
    if status not in UNHEALTHY + WARNING:
        return None
    counts = {"blocked pages": row.get("blocked_pages"),
              "layout-changed pages": row.get("layout_changed_pages"),
              "degraded pages": stats.get("listings/degraded_pages"),
              "failed pages": stats.get("listings/failed_pages"),
              "listings lost": row.get("listings_lost")}
    extras = [f"{value} {label}" for label, value in counts.items() if value]
    extras += [f"finish reason {row['finish_reason']}"] if row.get("finish_reason") else []
    return Problem("crawl_status", f"crawl {row['id']}, finished {row['finished_at']}, is "
                   f"{status}" + (f" ({', '.join(extras)})" if extras else ""), brands, market,
                   row["id"], severity="warning" if status in WARNING else "error")


def _drops(stats: Sequence[Mapping], index: int, crawls: Sequence[Mapping], brands: str,
           market: str) -> list[Problem]:
    """A sharp fall of a marketplace's listing count or field coverage in crawl `index`,
    against the median of its latest comparable crawls (same plan key, pages read)."""
    now, plan = coverage(stats[index]).get(market), stats[index].get(PLAN_STAT)
    if now is None or not plan:
        return []
    history = []
    for before in range(index - 1, -1, -1):
        counts = coverage(stats[before]).get(market)
        if counts and crawls[before]["status"] in BASELINE and stats[before].get(PLAN_STAT) == plan:
            history.append(counts)
        if len(history) == HISTORY:
            break
    if len(history) < MIN_HISTORY:
        return []
    crawl_id = crawls[index]["id"]
    compared = f"the median of its last {len(history)} comparable crawls"
    problems = []
    usual = statistics.median(counts["listings"] for counts in history)
    if now["listings"] < DROP_RATIO * usual:
        problems.append(Problem(
            "listing_count_drop", f"crawl {crawl_id} read {now['listings']} listings, against "
            f"{usual:g}, {compared}", brands, market, crawl_id))
    for field in sorted(set(now) - {"listings"}) if now["listings"] else ():
        shares = [c[field] / c["listings"] for c in history if c["listings"] and field in c]
        usual_share = statistics.median(shares) if len(shares) >= MIN_HISTORY else 0
        share = now[field] / now["listings"]
        if share < DROP_RATIO * usual_share:
            problems.append(Problem(
                "coverage_drop", f"crawl {crawl_id}: {share:.0%} of {now['listings']} listings "
                f"have a {field}, against {usual_share:.0%}, {compared}", brands, market,
                crawl_id, field))
    return problems


def _no_recent_crawl(crawls: Sequence[Mapping], now: datetime,
                     max_age: timedelta) -> Problem | None:
    # A row marked interrupted because its process was gone did not finish then.
    ended = [at for row in crawls if row.get("finish_reason") != "process_gone"
             and (at := _finished(row))]
    if not ended:
        return Problem("no_recent_crawl", "no crawl has finished yet")
    latest = max(ended)
    if now - latest <= max_age:
        return None
    return Problem("no_recent_crawl", f"no crawl finished in the last {_age(max_age)}: the "
                   f"latest finished {latest:%Y-%m-%d %H:%M:%S} UTC")


def check(crawls: Sequence[Mapping], stale: Sequence[Mapping], now: datetime,
          max_age: timedelta) -> list[Problem]:
    """Every problem with the crawls: `crawls` are the ended rows, oldest first; `stale` the
    rows just marked interrupted because their process was gone."""
    gone = {row["id"] for row in stale}
    problems = [_process_gone(row) for row in stale]
    position = {row["id"]: index for index, row in enumerate(crawls)}
    stats = [_stats(row) for row in crawls]
    for (crawl_id, market), brands in sorted(_latest(crawls).items()):
        if crawl_id in gone:  # reported above
            continue
        index, names = position[crawl_id], ",".join(brands)
        status = _status_problem(crawls[index], stats[index], names, market)
        problems += [status] if status else []
        if status is None or status.severity == "warning":
            problems += _drops(stats, index, crawls, names, market)
    stale_database = _no_recent_crawl(crawls, now, max_age)
    return problems + ([stale_database] if stale_database else [])


def healthy(problems: Sequence[Problem]) -> bool:
    """No problem but warnings."""
    return all(problem.severity == "warning" for problem in problems)


def report(problems: Sequence[Problem], checked_at: datetime) -> dict:
    """The health check for monitoring systems (`crawler health --format json`)."""
    return {"healthy": healthy(problems), "problems": [asdict(p) for p in problems],
            "checked_at": checked_at.isoformat(timespec="seconds")}
