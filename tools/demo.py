"""The demo: serve the bundled fixture marketplace, crawl a brand through it, show what was flagged.

`make demo` (or `python -m tools.demo [--brand gucci] [--db demo.db] [--top 15]`, from the
repository root).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from crawler.review import queue_lines
from crawler.store import Store
from tools.fixture_server import FixtureServer, FixtureSite, crawl_command


def run_demo(fixtures: Path, brand: str, marketplaces: list[str], db: str) -> int:
    """Crawl the fixture marketplaces for a brand into `db`; the worst exit code."""
    server = FixtureServer({name: FixtureSite(fixtures / name).resolve for name in marketplaces})
    worst = 0
    try:
        for name in marketplaces:
            command = crawl_command(brand, name, f"{server.url}/{name}", db,
                                    "-s", "LOG_LEVEL=WARNING")
            print(f"crawling {brand} on the offline {name} ({server.url}/{name}) ...", flush=True)
            env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
            worst = max(worst, subprocess.run(command, check=False, env=env).returncode)
    finally:
        server.close()
    return worst


def demo(args: argparse.Namespace) -> int:
    """Run the demo crawls, then print what they stored and the top of the review queue."""
    fixtures = Path(args.fixtures)
    if not (fixtures / "alibaba" / "routes.json").exists():
        print(f"error: no fixture marketplace in {fixtures}/ (run from the repository)",
              file=sys.stderr)
        return 2
    marketplaces = [m for m in args.marketplaces.split(",") if (fixtures / m).is_dir()]
    code = run_demo(fixtures, args.brand, marketplaces, args.db)
    store = Store(args.db)
    try:
        crawls, (total, flagged) = store.recent_crawls(len(marketplaces)), store.counts()
        rows = store.review_queue(args.top)
    finally:
        store.close()
    for crawl in reversed(crawls):
        print(f"crawl {crawl['id']} on {crawl['marketplaces']}: {crawl['status']}, "
              f"{crawl['pages']} pages, {crawl['listings_stored']} listings stored")
    print(f"""
Query it yourself:
  sqlite3 {args.db} "SELECT score, risk, title, url FROM review_queue LIMIT 20"
  sqlite3 {args.db} "SELECT * FROM crawls ORDER BY id DESC LIMIT 5"
  crawler review queue --db {args.db}                # the same queue (README: "Reviewing")
  crawler review mark alibaba:ID counterfeit --db {args.db}     # record a verdict
  make review DB={args.db}                           # browse it in Datasette

{total} listings in {args.db}; {flagged} flagged for review. Top {len(rows)}:
""")
    print("\n".join(queue_lines(rows, shutil.get_terminal_size().columns)))
    return code


def parser() -> argparse.ArgumentParser:
    """The demo's options."""
    options = argparse.ArgumentParser(prog="python -m tools.demo", description=__doc__)
    options.add_argument("--brand", default="gucci")
    options.add_argument("--db", default="demo.db")
    options.add_argument("--fixtures", default="fixtures")
    options.add_argument("--marketplaces", default="alibaba,aliexpress,made_in_china")
    options.add_argument("--top", type=int, default=15)
    return options


if __name__ == "__main__":
    sys.exit(demo(parser().parse_args()))
