"""The bundled offline marketplace: fixture pages served on 127.0.0.1, and how to crawl them."""

from __future__ import annotations

import argparse
import json
import random
import re
import signal
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, quote_plus, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _normal(value: str) -> str:
    return " ".join(value.lower().split())


@dataclass
class FixtureSite:
    """One marketplace's fixture folder: routes.json maps search requests to pages."""

    folder: Path

    def __post_init__(self) -> None:
        self.routes = json.loads((self.folder / "routes.json").read_text(encoding="utf-8"))
        self.search_paths = {route["path"].rsplit("/", 1)[0] for route in self.routes}

    def resolve(self, target: str) -> tuple[int, bytes]:
        """Status and body for a request path with query; unknown searches find nothing."""
        parts = urlsplit(target)
        params = {k: _normal(v) for k, v in parse_qsl(parts.query, keep_blank_values=True)}
        params.setdefault("page", "1")
        for route in self.routes:
            wanted = {k: _normal(str(v)) for k, v in route.get("params", {}).items()}
            wanted.setdefault("page", "1")
            if route["path"] == parts.path and all(params.get(k) == v for k, v in wanted.items()):
                return route.get("status", 200), (self.folder / route["file"]).read_bytes()
        empty = self.folder / "empty.html"
        if parts.path.rsplit("/", 1)[0] in self.search_paths and empty.exists():
            return 200, empty.read_bytes()
        return 404, b"<html><body>Not found</body></html>"


Resolver = Callable[[str], tuple[int, bytes]]


def search_request(target: str) -> tuple[str, int]:
    """The keyword and page number of a search request path with query."""
    query = dict(parse_qsl(urlsplit(target).query))
    return query.get("SearchText", ""), int(query.get("page", "1") or 1)


def alibaba_site(pages: int, delay: float = 0.0, fixtures: Path = FIXTURES) -> Resolver:
    """A generated Alibaba-shaped site: every search has `pages` pages of 48 distinct offers."""
    template = (fixtures / "alibaba" / "gucci-bag-p1.html").read_text(encoding="utf-8")
    template = re.sub(r'"pageCount":\s*\d+', f'"pageCount": {pages}', template)

    def resolve(target: str) -> tuple[int, bytes]:
        if target.startswith("/robots.txt"):
            return 404, b""
        keyword, page = search_request(target)
        time.sleep(delay)
        tag = f"{zlib.crc32(keyword.encode()) % 1000:03d}{page:04d}"
        body = template.replace("gucci+bag", quote_plus(keyword))
        return 200, re.sub(r'("productId":\s*")', rf"\g<1>{tag}", body).encode()

    return resolve


class FixtureServer:
    """Serve sites on 127.0.0.1 under /<name>/ in a background thread."""

    def __init__(self, sites: dict[str, Resolver]) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server API
                prefix, _, rest = self.path.lstrip("/").partition("/")
                site = sites.get(prefix)
                status, body = site("/" + rest) if site else (404, b"")
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()


# What a crawl of a local fixture site changes in the project's settings: no politeness delays.
LOCAL_CRAWL_SETTINGS = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False,
                        "CONCURRENT_REQUESTS_PER_DOMAIN": 8}


def local_settings_args(db: str) -> list[str]:
    """`-s` options of a crawl of a local (fixture) marketplace into the database at `db`."""
    settings = {"SQLITE_PATH": db, **LOCAL_CRAWL_SETTINGS}
    return [arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")]


def crawl_command(brand: str, marketplace: str, base_url: str, db: str, *extra: str) -> list[str]:
    """The `scrapy crawl brand` command line for a crawl of a local (fixture) marketplace."""
    return [
        sys.executable, "-m", "scrapy", "crawl", "brand",
        "-a", f"name={brand}", "-a", f"marketplace={marketplace}", "-a", f"base_url={base_url}",
        *local_settings_args(db), *extra,
    ]


# The benchmark's searches: six Gucci keywords, each read as one of the generator's keywords.
BENCH_KEYWORDS = {"gucci bag": "gucci bag", "gucci handbag": "gucci bag",
                  "gucci belt": "gucci belt", "gucci belt men": "gucci belt",
                  "gucci wallet": "gucci wallet", "gucci card holder": "gucci wallet"}
BENCH_PAGE_BYTES = (1_100_000, 2_100_000)
_DATA_SCRIPT = "<script>window.__page__data_sse10 = "


def _page_name(keyword: str, page: int) -> str:
    return f"{quote_plus(keyword)}-{page}.html"


def write_bench_pages(folder: Path, pages: int, keywords: dict[str, str] = BENCH_KEYWORDS
                      ) -> dict:
    """Write `pages` Alibaba results pages (1.1-2.1 MB, 48 distinct offers each) for several
    searches into `folder`; the searches' page counts and the number of listings.

    Each search's page chrome is rendered once; every page gets offers of its own.
    """
    from tools.fixtures import alibaba, common  # the generators: only this function needs them

    counts = {k: pages // len(keywords) + (i < pages % len(keywords))
              for i, k in enumerate(keywords)}
    listings = 0
    for keyword, generated in keywords.items():
        if not counts[keyword]:
            continue
        rng = common.rng_for(f"bench/{keyword}")
        chrome = alibaba.page_html(rng, keyword, 1, counts[keyword],
                                   alibaba.SPEC.pairs(rng, generated, 1))
        start = chrome.index(_DATA_SCRIPT)
        end = chrome.index("</script>\n", start) + len("</script>\n")
        _, padding = common.filler(rng, "alibaba", BENCH_PAGE_BYTES[1] - BENCH_PAGE_BYTES[0])
        for page in range(1, counts[keyword] + 1):
            offers = [_renumbered(offer, 1_700_000_000_000 + listings + n)
                      for n, (offer, _) in enumerate(alibaba.SPEC.pairs(rng, generated, page))]
            listings += len(offers)
            script = alibaba.data_script(rng, keyword, page, counts[keyword], offers)
            body = chrome[:start] + script + chrome[end:]
            before, end_tag, tail = body.rpartition("</body>")
            body = before + _padding(rng, padding, len(body.encode())) + end_tag + tail
            (folder / _page_name(keyword, page)).write_text(body, encoding="utf-8")
    return {"pages": counts, "listings": listings}


def _renumbered(offer: dict, listing_id: int) -> dict:
    """An offer under another product id (ids are random: two pages might share one)."""
    url = offer["productUrl"].replace(f"_{offer['productId']}.html", f"_{listing_id}.html")
    return {**offer, "id": listing_id, "productId": str(listing_id), "productUrl": url}


def _padding(rng: random.Random, chunks: list[str], size: int) -> str:
    """Filler scripts and styles that bring a page of `size` bytes to a size in range."""
    target, start = rng.randint(*BENCH_PAGE_BYTES), rng.randrange(len(chunks))
    added = []
    for chunk in chunks[start:] + chunks[:start]:
        if size >= target:
            break
        added.append(chunk)
        size += len(chunk.encode())
    return "".join(added)


def folder_site(folder: Path) -> Resolver:
    """Serve the search pages write_bench_pages wrote; anything else is not found."""
    def resolve(target: str) -> tuple[int, bytes]:
        path = folder / _page_name(*search_request(target))
        if urlsplit(target).path != "/trade/search" or not path.is_file():
            return 404, b"<html><body>Not found</body></html>"
        return 200, path.read_bytes()

    return resolve


def main(argv: list[str] | None = None) -> None:
    """Generate benchmark pages, print one JSON line (url, pages per search, listings), then
    serve them under /alibaba/ until terminated: `python -m tools.fixture_server --pages N`."""
    options = argparse.ArgumentParser(description=main.__doc__)
    options.add_argument("--pages", type=int, default=300)
    options.add_argument("--folder", type=Path, help="where to write the pages (default: a "
                                                     "temporary folder, removed on exit)")
    args = options.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        folder = args.folder or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        written = write_bench_pages(folder, args.pages)
        server = FixtureServer({"alibaba": folder_site(folder)})
        print(json.dumps({"url": f"{server.url}/alibaba", **written}), flush=True)
        stop = threading.Event()
        for stop_signal in (signal.SIGTERM, signal.SIGINT):
            signal.signal(stop_signal, lambda *_: stop.set())
        stop.wait()
        server.close()


if __name__ == "__main__":
    main()
