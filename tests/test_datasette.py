"""Datasette as the reviewers' browser: every table and column described, the canned queries
the store's own SQL, full-text search on titles, scraped text escaped, nothing writable."""

import importlib.util
import json
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest
import yaml

from crawler.store import Store
from crawler.store.queries import CANNED_QUERIES, REVIEWER_QUERIES, run
from tests.conftest import ROOT, always, crawl, rows

METADATA = yaml.safe_load((ROOT / "datasette" / "metadata.yml").read_text(encoding="utf-8"))
PLUGINS = ROOT / "datasette" / "plugins"
SCRIPT_TITLE = "<script>alert('x')</script> Gucci Marmont bag"


def test_every_table_view_and_column_is_described(tmp_path):
    store = Store(tmp_path / "listings.db")
    described = METADATA["databases"]["listings"]["tables"]
    try:
        for name, kind in store.conn.execute(
                "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name NOT LIKE 'listings_fts_%' AND name NOT LIKE 'sqlite_%'"):
            assert described.get(name, {}).get("description"), f"{kind} {name}"
            columns = [row[1] for row in store.conn.execute(f"PRAGMA table_info('{name}')")]
            missing = [c for c in columns if not described[name]["columns"].get(c)]
            assert not missing, f"{kind} {name}: {missing}"
    finally:
        store.close()
    assert METADATA["title"] and METADATA["description"]


def plugin():
    spec = importlib.util.spec_from_file_location("brand_crawler", PLUGINS / "brand_crawler.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_canned_queries_are_the_stores_and_run_with_an_empty_form(serve, tmp_path):
    assert set(CANNED_QUERIES) <= set(REVIEWER_QUERIES)
    assert plugin().METADATA == METADATA
    db = tmp_path / "listings.db"
    await crawl("alibaba", serve(always("alibaba", "gucci-bag-p1.html")), db,
                keywords="gucci bag", max_pages=1)
    store = Store(db)
    try:
        for name in CANNED_QUERIES:
            # A Datasette form sends '' for every field left empty.
            form = dict.fromkeys(_parameters(REVIEWER_QUERIES[name]), "")
            if name == "search":
                form["query"] = "marmont"
            found = run(store.conn, name, **form)
            assert found or name in ("listing_history", "export"), name
        form = dict.fromkeys(_parameters(REVIEWER_QUERIES["filtered_queue"]), "")
        assert [r["key"] for r in run(store.conn, "filtered_queue", **form)] == [
            r["key"] for r in rows(db, "SELECT key FROM review_queue LIMIT 50")]
    finally:
        store.close()


def _parameters(sql: str) -> set[str]:
    return set(re.findall(r":(\w+)", sql))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def datasette(tmp_path):
    """Start Datasette on 127.0.0.1 with the project's plugin; a function serving `db`."""
    started = []

    def start(db) -> str:
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "datasette", "serve", str(db), "--plugins-dir", str(PLUGINS),
             "--host", "127.0.0.1", "--port", str(port)],
            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        started.append(process)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read()
            try:
                if get(f"{base}/-/versions.json")[0] == 200:
                    return base
            except OSError:
                time.sleep(0.1)
        raise AssertionError("Datasette did not start")

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.e2e
async def test_datasette_serves_the_queries_search_and_escaped_titles_read_only(
        serve, tmp_path, datasette):
    db = tmp_path / "reviews.db"  # any file name: the plugin applies the descriptions
    await crawl("alibaba", serve(always("alibaba", "gucci-bag-p1.html")), db,
                keywords="gucci bag", max_pages=1)
    store = Store(db)
    store.save([{"marketplace": "alibaba", "listing_id": "evil", "brand": "gucci",
                 "url": "https://www.alibaba.com/product-detail/x_evil.html",
                 "title": SCRIPT_TITLE, "score": 90, "risk": "high", "reasons": []}],
               store.start_crawl("gucci", ["alibaba"]))
    queue = run(store.conn, "filtered_queue", brand="gucci", marketplace=None, risk=None,
                since=None, seller=None, limit=None)
    store.close()
    count = rows(db, "SELECT count(*) AS n FROM listings")
    base = datasette(db) + "/reviews"

    status, body = get(f"{base}/filtered_queue.json?_shape=array&brand=gucci")
    assert status == 200
    assert [r["key"] for r in json.loads(body)] == [r["key"] for r in queue]
    status, body = get(f"{base}/takedown_report.json?_shape=array")
    assert status == 200 and json.loads(body)[0]["brand"] == "gucci"

    status, body = get(f"{base}/listings.json?_search=marmont&_shape=array")
    found = json.loads(body)
    assert status == 200 and found
    assert all("marmont" in (r["title"] + (r["seller_name"] or "")).lower() for r in found)
    assert {r["listing_id"] for r in found} == {
        r["key"].split(":")[1] for r in rows(db, "SELECT l.marketplace || ':' || l.listing_id "
                                                 "AS key FROM listings_fts JOIN listings l ON "
                                                 "l.rowid = listings_fts.rowid WHERE "
                                                 "listings_fts MATCH 'marmont'")}

    status, html = get(f"{base}/listings?listing_id=evil")
    assert status == 200
    assert "&lt;script&gt;alert(" in html and "<script>alert(" not in html
    assert '<a href="https://www.alibaba.com/product-detail/x_evil.html">' in html  # a link
    assert "once per (marketplace, listing_id)" in html  # the table's description

    status, body = get(f"{base}.json?sql={quote('DELETE FROM listings')}")
    assert status == 400 and "Statement must be a SELECT" in body
    assert rows(db, "SELECT count(*) AS n FROM listings") == count
