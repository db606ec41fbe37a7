"""The SQLite store: schema, upserts across crawls, observations, verdicts, review queue."""

import json

import pytest

from crawler.store import Store
from tests.conftest import rows


def listing(listing_id="1", **overrides):
    base = {
        "marketplace": "alibaba", "listing_id": listing_id, "url": f"https://x/{listing_id}",
        "title": "Gucci bag", "brand": "gucci", "keyword": "gucci bag", "price_min": 2.0,
        "price_max": 5.0, "currency": "USD", "moq": 2000, "moq_unit": "piece",
        "badges": ["gold_supplier"], "score": 80, "risk": "high",
        "reasons": [{"rule": "r", "points": 80, "detail": "d"}],
    }
    return {**base, **overrides}


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "l.db")
    yield s
    s.close()


def test_schema_has_reviewer_tables_and_wal(store, tmp_path):
    names = set(store.db.table_names()) | set(store.db.view_names())
    assert {"listings", "crawls", "observations", "review_queue"} <= names
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_second_crawl_updates_rows_instead_of_adding(store, tmp_path):
    first = store.start_crawl("gucci", ["alibaba"])
    store.save([listing("1"), listing("2")], first, seen="2026-01-01 00:00:00")
    second = store.start_crawl("gucci", ["alibaba"])
    store.save([listing("1", price_min=3.0)], second, seen="2026-01-02 00:00:00")
    got = {r["listing_id"]: r for r in rows(tmp_path / "l.db", "SELECT * FROM listings")}
    assert len(got) == 2
    assert got["1"]["times_seen"] == 2 and got["2"]["times_seen"] == 1
    assert got["1"]["first_seen"] == "2026-01-01 00:00:00"
    assert got["1"]["last_seen"] == "2026-01-02 00:00:00"
    assert got["1"]["price_min"] == 3.0
    assert json.loads(got["1"]["badges"]) == ["gold_supplier"]
    history = rows(tmp_path / "l.db", "SELECT crawl_id, price_min FROM observations "
                   "WHERE listing_id = '1' ORDER BY crawl_id")
    assert history == [{"crawl_id": first, "price_min": 2.0},
                       {"crawl_id": second, "price_min": 3.0}]


def test_saving_twice_in_one_crawl_counts_one_sighting(store, tmp_path):
    crawl = store.start_crawl("gucci", ["alibaba"])
    store.save([listing("1")], crawl)
    store.save([listing("1")], crawl)
    assert rows(tmp_path / "l.db", "SELECT times_seen FROM listings") == [{"times_seen": 1}]


def test_verdict_survives_later_crawls(store, tmp_path):
    store.save([listing("1")], store.start_crawl("gucci", ["alibaba"]))
    assert store.add_review("alibaba", "1", "counterfeit", "logo on the clasp", "ana") == 1
    assert store.add_review("alibaba", "nope", "counterfeit") == 0
    store.save([listing("1")], store.start_crawl("gucci", ["alibaba"]))
    assert rows(tmp_path / "l.db", "SELECT verdict FROM assessments") == [
        {"verdict": "counterfeit"}]
    assert rows(tmp_path / "l.db", "SELECT brand, verdict, note, reviewer FROM reviews") == [
        {"brand": "gucci", "verdict": "counterfeit", "note": "logo on the clasp",
         "reviewer": "ana"}]
    with pytest.raises(ValueError):
        store.add_review("alibaba", "1", "maybe")


def test_review_queue_holds_high_and_medium_by_score(store):
    crawl = store.start_crawl("gucci", ["alibaba"])
    store.save([listing("a", score=45, risk="medium"), listing("b", score=90, risk="high"),
                listing("c", score=10, risk="low")], crawl)
    assert [r["listing_id"] for r in store.review_queue()] == ["b", "a"]


def test_finish_crawl_records_outcome(store, tmp_path):
    crawl = store.start_crawl("gucci", ["alibaba", "aliexpress"])
    store.finish_crawl(crawl, status="ok", finish_reason="finished", pages=3, bogus=1)
    row = rows(tmp_path / "l.db", "SELECT * FROM crawls")[0]
    assert row["status"] == "ok" and row["pages"] == 3
    assert row["marketplaces"] == "alibaba,aliexpress" and row["finished_at"]


def test_hostile_text_is_stored_verbatim(store, tmp_path):
    evil = "'); DROP TABLE listings; -- <script>alert(1)</script> \u202eRTL\u200b"
    store.save([listing("1", title=evil, seller_name='"quoted"')], store.start_crawl("g", ["a"]))
    assert rows(tmp_path / "l.db", "SELECT title FROM listings") == [{"title": evil}]
