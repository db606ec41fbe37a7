"""The bundled offline marketplace: fixture pages served on 127.0.0.1, and how to crawl them."""

from __future__ import annotations

import json
import re
import sys
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


def alibaba_site(pages: int, delay: float = 0.0, fixtures: Path = FIXTURES) -> Resolver:
    """A generated Alibaba-shaped site: every search has `pages` pages of 48 distinct offers."""
    template = (fixtures / "alibaba" / "gucci-bag-p1.html").read_text(encoding="utf-8")
    template = re.sub(r'"pageCount":\s*\d+', f'"pageCount": {pages}', template)

    def resolve(target: str) -> tuple[int, bytes]:
        if target.startswith("/robots.txt"):
            return 404, b""
        query = dict(parse_qsl(urlsplit(target).query))
        keyword, page = query.get("SearchText", ""), int(query.get("page", "1") or 1)
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


def crawl_command(brand: str, marketplace: str, base_url: str, db: str, *extra: str) -> list[str]:
    """The `scrapy crawl brand` command line for a crawl of a local (fixture) marketplace."""
    settings = {"SQLITE_PATH": db, **LOCAL_CRAWL_SETTINGS}
    return [
        sys.executable, "-m", "scrapy", "crawl", "brand",
        "-a", f"name={brand}", "-a", f"marketplace={marketplace}", "-a", f"base_url={base_url}",
        *(arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")), *extra,
    ]
