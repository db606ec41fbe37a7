"""Benchmark: the brand crawl against a bare Scrapy spider over the same pages, and the database.

`make bench`, or `python -m tools.bench [--pages 300] [--repeat 3] [--db-rows N] [--json]` from
the repository root. The pages are generated once, before any timing, and served by a process
of their own; `bare` (fetch and discard), `extract` (page objects and mapping, no pipelines) and
`full` (`scrapy crawl brand`) crawl them with the same settings. Prints numbers; it fails only
when a crawl did not read every page.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from scrapy.http import HtmlResponse

from crawler import watchlist
from crawler.marketplaces import MARKETPLACES
from crawler.parsing import record_fields
from crawler.scoring import risk_level, score_for
from crawler.store import Store
from crawler.store.queries import DOCUMENTED, REVIEWER_QUERIES
from tools.fixture_server import local_settings_args

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "tools"
ENV = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
MODES = ("bare", "extract", "full")
NO_PIPELINES = ("-s", "ITEM_PIPELINES={}")  # extract: the only setting that differs
SEARCH_URL = "https://www.alibaba.com/trade/search?SearchText=gucci+bag&page=1"
@dataclass
class Run:
    """One finished crawl process: wall seconds, CPU seconds, peak RSS, its log."""

    wall: float
    cpu: float
    rss_mb: float
    log: str

    def stat(self, name: str) -> int:
        """A counter from the stats Scrapy dumps at the end of the log (0 when absent)."""
        found = re.search(rf"'{re.escape(name)}': (\d+)", self.log)
        return int(found.group(1)) if found else 0


def run(command: list[str], cwd: Path = ROOT) -> Run:
    """Run a command to its end; its own rusage (os.wait4), not other children's."""
    with tempfile.TemporaryFile("w+") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=log, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read()
    if process.returncode:
        raise RuntimeError(f"{' '.join(command[:6])} ... exited {process.returncode}:\n"
                           f"{text[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text)


@contextmanager
def bench_server(pages: int):
    """The generated marketplace, served by its own process: what it printed (url, pages)."""
    server = subprocess.Popen([sys.executable, "-m", "tools.fixture_server", "--pages",
                               str(pages)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        if not line:
            raise RuntimeError("the fixture server ended before serving")
        yield json.loads(line)
    finally:
        server.terminate()
        server.wait(timeout=30)


def crawl_command(mode: str, site: dict, db: Path) -> list[str]:
    """The command line of one benchmark crawl: the same settings for every mode."""
    settings = local_settings_args(str(db))
    if mode == "bare":
        searches = ",".join(f"{k}:{n}" for k, n in site["pages"].items() if n)
        return [sys.executable, "-m", "scrapy", "runspider", str(TOOLS / "bare_spider.py"),
                "-a", f"base_url={site['url']}", "-a", f"searches={searches}", *settings]
    return [sys.executable, "-m", "scrapy", "crawl", "brand", "-a", "name=gucci",
            "-a", "marketplace=alibaba", "-a", f"base_url={site['url']}",
            "-a", f"keywords={','.join(k for k, n in site['pages'].items() if n)}",
            "-a", f"max_pages={max(site['pages'].values())}", *settings,
            *(NO_PIPELINES if mode == "extract" else ())]


def check(mode: str, result: Run, site: dict, db: Path) -> None:
    """Fail unless the crawl read every page (and full stored every listing)."""
    pages, listings = sum(site["pages"].values()), site["listings"]
    read = result.stat("downloader/response_status_count/200")
    if read != pages:
        raise RuntimeError(f"{mode}: {read} pages read of {pages}")
    if mode != "bare" and result.stat("item_scraped_count") != listings:
        raise RuntimeError(f"{mode}: {result.stat('item_scraped_count')} items of {listings}")
    if mode == "full":
        store = Store(db)
        stored = store.counts()[0]
        store.close()
        if stored != listings:
            raise RuntimeError(f"full: {stored} listings stored of {listings}")


def crawl_benchmark(pages: int, repeat: int) -> dict:
    """Each mode `repeat` times over the same served pages (modes interleaved); medians."""
    runs: dict[str, list[Run]] = {mode: [] for mode in MODES}
    with bench_server(pages) as site, tempfile.TemporaryDirectory() as tmp:
        for number in range(repeat):
            for mode in MODES:
                db = Path(tmp) / f"{mode}-{number}.db"
                result = run(crawl_command(mode, site, db))
                check(mode, result, site, db)
                runs[mode].append(result)
    listings = site["listings"]
    wall = {mode: statistics.median(r.wall for r in runs[mode]) for mode in MODES}
    cpu = {mode: statistics.median(r.cpu for r in runs[mode]) for mode in MODES}
    return {
        "pages": pages, "listings": listings, "repeat": repeat,
        **{f"{mode}_s": round(wall[mode], 2) for mode in MODES},
        **{f"{mode}_pages_per_s": round(pages / wall[mode], 1) for mode in MODES},
        "ratio_full_to_bare": round(wall["bare"] / wall["full"], 3),
        "ratio_extract_to_bare": round(wall["bare"] / wall["extract"], 3),
        **{f"{mode}_cpu_ms_per_page": round(1000 * cpu[mode] / pages, 2) for mode in MODES},
        "cpu_us_per_listing": round(1e6 * cpu["full"] / listings),
        "extract_cpu_us_per_listing": round(1e6 * cpu["extract"] / listings),
        # The project's own CPU: what the full crawl spends beyond fetching the pages.
        "own_cpu_us_per_listing": round(1e6 * (cpu["full"] - cpu["bare"]) / listings),
        "peak_rss_mb": round(max(r.rss_mb for r in runs["full"])),
        "bare_peak_rss_mb": round(max(r.rss_mb for r in runs["bare"])),
    }


def median_time(work: Callable[[], object], rounds: int) -> float:
    """Median seconds of `rounds` calls."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def legacy_benchmark(cards: int = 3000, rounds: int = 3) -> dict:
    """A legacy page of HTML cards read in process: its records, and its mapped listings."""
    from tools.fixtures.alibaba_variants import legacy_page

    body = legacy_page(cards).encode()
    page_class = MARKETPLACES["alibaba"].page_class

    def read(what: str) -> None:
        page = page_class(HtmlResponse(url=SEARCH_URL, body=body, encoding="utf-8"))
        if len(getattr(page, what)()) != cards:
            raise RuntimeError(f"legacy page: not {cards} {what}")

    return {"legacy_cards_3000_records_s": round(median_time(lambda: read("records"), rounds), 3),
            "legacy_cards_3000_s": round(median_time(lambda: read("listings"), rounds), 3)}


def score_us_per_listing(rounds: int = 5) -> tuple[float, str]:
    """The scorer's microseconds per listing, and what measured it: a tools/ module's
    `score_us_per_listing()` where one exists, else score_for over fixtures/labeled."""
    for path in sorted(TOOLS.glob("*.py")):
        if path.stem != "bench" and "def score_us_per_listing(" in path.read_text():
            module = importlib.import_module(f"tools.{path.stem}")
            return float(module.score_us_per_listing()), f"tools/{path.name}"
    brands = watchlist.load()
    listings = [record_fields(json.loads(line))
                for path in sorted((ROOT / "fixtures" / "labeled").glob("*.jsonl"))
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    seconds = median_time(lambda: [score_for(listing, brands) for listing in listings], rounds)
    return 1e6 * seconds / len(listings), "score_for over fixtures/labeled"


def synthetic_listings(count: int, rng: random.Random) -> list[dict]:
    """Listings shaped like the crawl's (brands, sellers, scores, reasons), for the store."""
    brands = ("gucci", "louis-vuitton", "chanel", "prada", "balenciaga", "apple", "nike")
    words = ("bag", "belt", "wallet", "GG", "monogram", "canvas", "leather", "AAA", "replica",
             "luxury", "designer", "tote", "women", "men", "wholesale", "new", "style")
    sellers = [f"Guangzhou Seller {n} Leather Co., Ltd." for n in range(max(1, count // 25))]
    listings = []
    for n in range(count):
        score = rng.randint(0, 100)
        listings.append({
            "marketplace": rng.choice(("alibaba", "aliexpress", "made_in_china")),
            "listing_id": str(1_600_000_000_000 + n), "brand": rng.choice(brands),
            "url": f"https://www.alibaba.com/product-detail/_{n}.html", "keyword": "bench",
            "title": " ".join(rng.choices(words, k=rng.randint(5, 12))),
            "price_min": round(rng.uniform(1, 300), 2), "price_max": None, "currency": "USD",
            "moq": rng.choice((1, 2, 10, 50, 500, 2000)), "moq_unit": "piece",
            "seller_name": rng.choice(sellers), "seller_url": None, "seller_country": "CN",
            "seller_years": rng.randint(1, 15), "badges": ["gold_supplier"],
            "sold_count": rng.randint(0, 5000), "image_url": None,
            "score": score, "risk": risk_level(score),
            "reasons": [{"rule": "replica_vocabulary", "points": 40, "detail": "'AAA'"},
                        {"rule": "bulk_moq", "points": 15, "detail": "MOQ 2000"}],
        })
    return listings


class Parameters(dict):
    """Query parameters; any other a query names is left empty (its filter off)."""

    def __missing__(self, key: str) -> None:
        return None


def database_benchmark(rows: int, folder: Path, rounds: int = 7) -> dict:
    """A database of `rows` listings built through Store.save by four overlapping crawls a day
    apart (each re-sees half of the one before), with verdicts; ingest rate and query times."""
    rng = random.Random(rows)
    listings = synthetic_listings(rows, rng)
    db = folder / "reviewers.db"
    store = Store(db)
    window, saved, seconds = max(1, rows * 2 // 5), 0, 0.0
    batch = 200  # SQLITE_BATCH_SIZE
    for day in range(4):
        crawl_id = store.start_crawl("bench", ["alibaba"])
        seen = f"2026-01-{day + 1:02d} 12:00:00"
        chunk = [{**item, "price_min": item["price_min"] * rng.uniform(0.9, 1.1)}
                 for item in listings[day * rows // 5: day * rows // 5 + window]]
        start = time.perf_counter()
        for offset in range(0, len(chunk), batch):
            saved += store.save(chunk[offset:offset + batch], crawl_id, seen)
        store.finish_crawl(crawl_id, status="ok")
        seconds += time.perf_counter() - start
        if day == 1:
            for item in rng.sample(listings[:window], max(1, rows // 100)):
                store.add_review(item["marketplace"], item["listing_id"],
                                 rng.choice(("counterfeit", "legitimate")), reviewer="bench")
    seen_twice = listings[rows // 5]
    params = Parameters(brand="gucci", query="monogram", seller=seen_twice["seller_name"],
                        marketplace=seen_twice["marketplace"],
                        listing_id=seen_twice["listing_id"])
    queries_ms = {
        name: round(1000 * median_time(
            lambda sql=sql: store.conn.execute(sql, params).fetchall(), rounds), 3)
        for name, sql in ((name, REVIEWER_QUERIES[name]) for name in DOCUMENTED)
    }
    store.close()
    command = [sys.executable, "-c", "import sys; from crawler.cli import main; sys.exit(main())",
               "review", "--db", str(db), "--top", "20"]
    cli = median_time(lambda: subprocess.run(command, cwd=ROOT, env=ENV, check=True,
                                             stdout=subprocess.DEVNULL), 5)
    return {"db_rows": rows, "ingest_rows_per_s": round(saved / seconds),
            "queries_ms": queries_ms, "review_queue_cli_ms": round(1000 * cli, 1)}


def benchmark(pages: int, repeat: int, db_rows: int) -> dict:
    """Every measurement, as one flat dict (queries_ms nested)."""
    result = {"cpus": os.cpu_count(), **crawl_benchmark(pages, repeat)}
    result.update(legacy_benchmark())
    score, source = score_us_per_listing()
    result.update(score_us_per_listing=round(score, 1), score_source=source)
    result.update(db_rows=0, ingest_rows_per_s=None, queries_ms={}, review_queue_cli_ms=None)
    if db_rows:
        with tempfile.TemporaryDirectory() as tmp:
            result.update(database_benchmark(db_rows, Path(tmp)))
    return result


def report(r: dict) -> str:
    """The figures as a text table."""
    lines = [f"{r['pages']} generated Alibaba pages ({r['listings']} listings), served by "
             f"another process; median of {r['repeat']}; {r['cpus']} CPUs",
             f"{'crawl':<10}{'wall s':>8}{'pages/s':>9}{'CPU ms/page':>13}",
             *(f"{mode:<10}{r[f'{mode}_s']:>8.2f}{r[f'{mode}_pages_per_s']:>9.1f}"
               f"{r[f'{mode}_cpu_ms_per_page']:>13.2f}" for mode in MODES),
             f"ratio full/bare throughput {r['ratio_full_to_bare']:.2f} "
             f"(extract/bare {r['ratio_extract_to_bare']:.2f})",
             f"CPU per listing: full {r['cpu_us_per_listing']} us, extract "
             f"{r['extract_cpu_us_per_listing']} us, beyond bare {r['own_cpu_us_per_listing']} us",
             f"peak RSS: full {r['peak_rss_mb']} MB, bare {r['bare_peak_rss_mb']} MB",
             f"scoring {r['score_us_per_listing']} us/listing ({r['score_source']})",
             f"legacy page of 3,000 cards: records {r['legacy_cards_3000_records_s']} s, "
             f"listings {r['legacy_cards_3000_s']} s"]
    if r["db_rows"]:
        lines.append(f"database of {r['db_rows']} listings: ingest {r['ingest_rows_per_s']} "
                     f"rows/s, `crawler review` {r['review_queue_cli_ms']} ms")
        lines += [f"  {name:<22}{ms:>9.2f} ms" for name, ms in r["queries_ms"].items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark; print a table, or one JSON object with --json."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--pages", type=int, default=300)
    options.add_argument("--repeat", type=int, default=3)
    options.add_argument("--db-rows", type=int, default=0, help="0: no database benchmark")
    options.add_argument("--json", action="store_true")
    args = options.parse_args(argv)
    result = benchmark(args.pages, args.repeat, args.db_rows)
    print(json.dumps(result) if args.json else report(result))


if __name__ == "__main__":
    main()
