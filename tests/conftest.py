"""Shared test helpers: fixture pages served by pytest-httpserver, crawls run in this process."""

from __future__ import annotations

import inspect
import os
import re
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import pytest_twisted
from pytest_httpserver import HTTPServer
from scrapy.crawler import Crawler, CrawlerRunner
from scrapy.settings import Settings
from twisted.python.log import PythonLoggingObserver
from werkzeug import Request, Response

from crawler.spiders.brand import BrandSpider
from tools.fixture_server import LOCAL_CRAWL_SETTINGS, FixtureSite, crawl_command

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


Resolver = Callable[[str], "tuple[int, bytes] | Response"]


def pytest_configure(config: pytest.Config) -> None:
    """Send Twisted's own errors to Python logging, where `scrapy crawl` would print them."""
    PythonLoggingObserver("twisted").start()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run `async def` tests on the session's reactor (pytest-twisted) instead of skipping them."""
    for item in items:
        if inspect.iscoroutinefunction(getattr(item, "obj", None)):
            pytest_twisted.ensureDeferred(item.obj)


def route(server: HTTPServer, site: str | FixtureSite | Resolver) -> str:
    """Answer every request on `server` from a fixture site or a resolver; the base URL."""
    if isinstance(site, str):
        site = FixtureSite(FIXTURES / site)
    resolve = site.resolve if isinstance(site, FixtureSite) else site

    def handler(request: Request) -> Response:
        query = request.query_string.decode("latin-1")
        answer = resolve(request.path + (f"?{query}" if query else ""))
        if isinstance(answer, Response):
            return answer
        status, body = answer
        return Response(body, status=status, content_type="text/html; charset=utf-8")

    server.expect_request(re.compile(".*")).respond_with_handler(handler)
    return server.url_for("/").rstrip("/")


@pytest.fixture
def serve(httpserver):
    """Serve a marketplace's fixture folder, or a resolver, on 127.0.0.1; its base URL."""
    return lambda site: route(httpserver, site)


@pytest.fixture(scope="session")
def threaded_httpserver():
    """One server for the session that answers requests in parallel (for slow answers)."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def serve_threaded(threaded_httpserver):
    """Like `serve`, on the server that answers requests in parallel."""
    yield lambda site: route(threaded_httpserver, site)
    threaded_httpserver.clear()


def always(site: str, file: str, status: int = 200) -> Callable[[str], tuple[int, bytes]]:
    """A resolver that answers every request with one fixture page (robots.txt: 404)."""
    body = (FIXTURES / site / file).read_bytes()
    return lambda target: (404, b"") if target.startswith("/robots.txt") else (status, body)


async def crawl(marketplace: str, base_url: str, db: Path, brand: str = "gucci",
                settings: dict | None = None, spider: type = BrandSpider,
                **arguments: object) -> Crawler:
    """Crawl a local marketplace in this process as `crawl_command` would; the finished crawler."""
    # `settings` go over the project's like `-s`, `arguments` are the spider's `-a`; a crawl that
    # `scrapy crawl` would end with a non-zero exit code raises here. `spider`: the brand spider,
    # or the recheck spider (which takes the same name, marketplace and base_url).
    values = Settings()
    values.setmodule("crawler.settings", priority="project")
    values.update({**LOCAL_CRAWL_SETTINGS, "SQLITE_PATH": str(db), **(settings or {})},
                  priority="cmdline")
    crawler = CrawlerRunner(values).create_crawler(spider)
    await crawler.crawl(name=brand, marketplace=marketplace, base_url=base_url, **arguments)
    return crawler


def scrapy_crawl(marketplace: str, base_url: str, db: Path, brand: str = "gucci",
                 *extra: str, wait: bool = True) -> subprocess.CompletedProcess | subprocess.Popen:
    """Run `scrapy crawl brand` in a real process (for signals, exit codes, stderr)."""
    command = crawl_command(brand, marketplace, base_url, str(db), *extra)
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
    if not wait:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=240, check=False)


def long_crawl(base_url: str, db: Path, *extra: str) -> subprocess.Popen:
    """A `scrapy crawl` of every page of Alibaba's "gucci bag" search, started and left running."""
    return scrapy_crawl("alibaba", base_url, db, "gucci", "-a", "keywords=gucci bag",
                        "-a", "max_pages=1000", *extra, wait=False)


def rows(db: Path, sql: str, *params) -> list[dict]:
    """Query the crawl database: rows as dicts."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()
