"""Shared test helpers: fixture pages served by pytest-httpserver, subprocess crawls."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from crawler.demo import FixtureSite, crawl_command

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


Resolver = Callable[[str], "tuple[int, bytes] | Response"]


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


@pytest.fixture
def serve_threaded():
    """Like `serve`, on a server that answers requests in parallel (for slow answers)."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield lambda site: route(server, site)
    server.clear()
    server.stop()


def always(site: str, file: str, status: int = 200) -> Callable[[str], tuple[int, bytes]]:
    """A resolver that answers every request with one fixture page (robots.txt: 404)."""
    body = (FIXTURES / site / file).read_bytes()
    return lambda target: (404, b"") if target.startswith("/robots.txt") else (status, body)


def crawl(marketplace: str, base_url: str, db: Path, brand: str = "gucci", *extra: str):
    """Run `scrapy crawl brand` in a subprocess against a local marketplace."""
    command = crawl_command(brand, marketplace, base_url, str(db), *extra)
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=240, check=False)


def rows(db: Path, sql: str, *params) -> list[dict]:
    """Query the crawl database: rows as dicts."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()
