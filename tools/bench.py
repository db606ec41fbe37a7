"""Benchmark: the brand crawl against a bare Scrapy spider on the same pages, in one run.

Prints numbers, asserts nothing. `make bench` (or `python -m tools.bench [pages]`, from the
repository root).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scrapy.http import HtmlResponse

from crawler import watchlist
from crawler.marketplaces import MARKETPLACES
from crawler.parsing import listing_fields
from crawler.scoring import score_for
from tools.fixture_server import FIXTURES, FixtureServer, alibaba_site, crawl_command

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
BARE_SPIDER = '''
import scrapy

class Bare(scrapy.Spider):
    """Fetch the same search pages one after another and do nothing with them."""
    name = "bare"

    async def start(self):
        yield scrapy.Request(self.base_url + "/trade/search?SearchText=gucci+bag&page=1",
                             cb_kwargs={"page": 1})

    def parse(self, response, page):
        if page < int(self.pages):
            yield scrapy.Request(self.base_url +
                                 f"/trade/search?SearchText=gucci+bag&page={page + 1}",
                                 cb_kwargs={"page": page + 1})
'''
QUIET = ("-s", "LOG_LEVEL=ERROR", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False")


def timed(command: list[str], cwd: Path = ROOT, env: dict | None = None) -> float:
    """Wall-clock seconds a command takes (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env or ENV, check=True)
    return time.perf_counter() - start


def crawl_benchmark(pages: int) -> None:
    """Full crawls over loopback: the brand spider (parse, score, store) vs a bare spider."""
    server = FixtureServer({"alibaba": alibaba_site(pages)})
    base = f"{server.url}/alibaba"
    with tempfile.TemporaryDirectory() as tmp:
        bare_file = Path(tmp) / "bare.py"
        bare_file.write_text(BARE_SPIDER)
        plain = {k: v for k, v in ENV.items() if k != "SCRAPY_SETTINGS_MODULE"}
        bare = timed([sys.executable, "-m", "scrapy", "runspider", str(bare_file), "-a",
                      f"base_url={base}", "-a", f"pages={pages}", *QUIET], tmp, plain)
        ours = timed(crawl_command("gucci", "alibaba", base, str(Path(tmp) / "b.db"),
                                   "-a", "keywords=gucci bag", "-a", f"max_pages={pages}",
                                   *QUIET))
    server.close()
    listings = pages * 48
    print(f"crawl of {pages} pages ({listings} listings, ~1.2 MB each) over loopback:")
    print(f"  bare Scrapy spider   {bare:6.2f} s  {pages / bare:6.1f} pages/s")
    print(f"  brand spider         {ours:6.2f} s  {pages / ours:6.1f} pages/s  "
          f"{listings / ours:7.0f} listings/s stored")
    print(f"  ratio brand / bare   {ours / bare:6.2f}x the time")


def parse_benchmark(rounds: int = 5) -> None:
    """In-process: each marketplace's pages through adapter, parsing and scoring."""
    brands = watchlist.load()
    print("per results page, in process (mean of", rounds, "rounds):")
    for site, market in MARKETPLACES.items():
        truth = json.loads((FIXTURES / site / "expected.json").read_text())
        files = [f for f, page in truth.items() if page["listings"]]
        bodies = [(FIXTURES / site / f).read_bytes() for f in files]
        url = market.base_url + market.search_path("gucci bag", 1)
        bare = ours = 0.0
        for _ in range(rounds):
            for body in bodies:
                start = time.perf_counter()
                HtmlResponse(url=url, body=body, encoding="utf-8").css("title::text").get()
                middle = time.perf_counter()
                response = HtmlResponse(url=url, body=body, encoding="utf-8")
                for raw in market.page(response).listings():
                    fields = listing_fields(raw, url)
                    score_for({**fields, "brand": "gucci"}, brands)
                end = time.perf_counter()
                bare, ours = bare + middle - start, ours + end - middle
        count = rounds * len(bodies)
        megabytes = sum(map(len, bodies)) * rounds / 1e6
        print(f"  {site:<14} baseline (decode + one css) {1000 * bare / count:6.1f} ms   "
              f"extract + parse + score {1000 * ours / count:6.1f} ms   "
              f"{megabytes / ours:5.1f} MB/s   ratio {ours / bare:5.1f}x")


if __name__ == "__main__":
    parse_benchmark()
    crawl_benchmark(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
