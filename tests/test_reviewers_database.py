"""The reviewers' database: every brand's view of a listing, history and evidence, verdicts
beside the score, canonical values, and the documented queries (run as the README has them)."""

import json
import re
import sqlite3
import zlib

import pytest

from crawler.store import Store, utc_now
from crawler.store.queries import REVIEWER_QUERIES, run
from tests.conftest import ROOT, always, crawl, rows


def listing(listing_id: str, brand: str = "gucci", **fields) -> dict:
    return {"marketplace": "alibaba", "listing_id": listing_id, "brand": brand,
            "keyword": "gucci bag", "url": f"https://www.alibaba.com/p/{listing_id}.html",
            "title": "Replica Gucci Marmont bag", "price_min": 2.0, "price_max": 5.0,
            "currency": "USD", "seller_name": "Guangzhou X Co., Ltd.", "score": 90,
            "risk": "high", "reasons": [{"rule": "replica_vocabulary", "points": 40,
                                         "detail": "title says 'replica'"}],
            "card": json.dumps({"id": listing_id, "title": fields.get("title", "Replica")}),
            "page_url": "https://www.alibaba.com/trade/search?SearchText=gucci+bag",
            **fields}


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "r.db")
    yield store
    store.close()


async def test_two_brands_over_a_shared_keyword_keep_both_assessments(serve, tmp_path):
    watchlist = tmp_path / "brands.toml"
    watchlist.write_text(
        (ROOT / "crawler" / "brands.toml").read_text(encoding="utf-8")
        .replace('keywords = ["gucci bag",', 'keywords = ["luxury bag", "gucci bag",', 1)
        .replace('keywords = ["balenciaga', 'keywords = ["luxury bag", "balenciaga', 1))
    db = tmp_path / "x.db"
    site = serve(always("alibaba", "gucci-bag-p1.html"))
    settings = {"WATCHLIST": str(watchlist)}
    await crawl("alibaba", site, db, brand="gucci", keywords="luxury bag", max_pages=1,
                settings=settings)
    gucci_queue = rows(db, "SELECT key, score FROM review_queue WHERE brand = 'gucci'")
    await crawl("alibaba", site, db, brand="balenciaga", keywords="luxury bag", max_pages=1,
                settings=settings)
    assert rows(db, "SELECT key, score FROM review_queue WHERE brand = 'gucci'") == gucci_queue
    assert rows(db, "SELECT count(*) AS n FROM listings") == [{"n": 48}]
    assert rows(db, "SELECT brand, count(*) AS n FROM assessments GROUP BY brand") == [
        {"brand": "balenciaga", "n": 48}, {"brand": "gucci", "n": 48}]
    assert len(gucci_queue) > 10  # GG canvas, $2-5 copies: flagged for gucci

    await crawl("alibaba", site, tmp_path / "all.db", brand="all", keywords="luxury bag",
                max_pages=1, settings=settings)
    per_brand = rows(tmp_path / "all.db", "SELECT brand, count(*) AS n FROM assessments "
                                          "GROUP BY brand")
    assert len(per_brand) == 7 and {r["n"] for r in per_brand} == {48}  # one search, 7 brands


def test_a_title_edited_between_crawls_keeps_the_flagged_title_and_its_evidence(store, tmp_path):
    first = store.start_crawl("gucci", ["alibaba"])
    store.save([listing("1")], first)
    flagged = rows(tmp_path / "r.db", "SELECT evidence_sha256 FROM listings")[0]
    second = store.start_crawl("gucci", ["alibaba"])
    store.save([listing("1", title="Gucci Marmont bag")], second)
    history = run(store.conn, "price_history", marketplace="alibaba", listing_id="1")
    assert [(h["crawl_id"], h["title"], json.loads(h["changed"])) for h in history] == [
        (first, "Replica Gucci Marmont bag", ["first seen"]),
        (second, "Gucci Marmont bag", ["title"])]
    evidence = rows(tmp_path / "r.db", "SELECT sha256, card, crawl_id FROM evidence "
                                       "ORDER BY id")
    assert [e["crawl_id"] for e in evidence] == [first, second]
    assert evidence[0]["sha256"] == flagged["evidence_sha256"]
    assert json.loads(zlib.decompress(evidence[0]["card"]))["title"] == "Replica"
    store.save([listing("1", title="Gucci Marmont bag")], store.start_crawl("gucci", ["a"]))
    assert len(rows(tmp_path / "r.db", "SELECT id FROM evidence")) == 2  # unchanged: not again


def test_a_verdict_leaves_the_queue_at_once_and_the_score_stays_the_detectors(store):
    store.save([listing("1"), listing("2", score=80)], store.start_crawl("gucci", ["alibaba"]))
    assert [r["listing_id"] for r in run(store.conn, "queue")] == ["1", "2"]
    assert store.add_review("alibaba", "1", "counterfeit", "GG clasp", "ana") == 1
    assert [r["listing_id"] for r in run(store.conn, "queue")] == ["2"]
    assert rows_of(store, "SELECT score, risk, verdict FROM assessments WHERE listing_id = '1'") \
        == [(90, "high", "counterfeit")]
    store.add_review("alibaba", "1", None, "opened again")  # cleared: back in the queue
    assert [r["listing_id"] for r in run(store.conn, "queue")] == ["1", "2"]
    assert rows_of(store, "SELECT verdict FROM reviews ORDER BY id") == [("counterfeit",), (None,)]


def test_a_removed_listing_seen_again_is_relisted_and_back_in_the_queue(store):
    store.save([listing("1")], store.start_crawl("gucci", ["alibaba"]))
    store.add_review("alibaba", "1", "removed", reviewer="recheck")
    assert run(store.conn, "queue") == []
    store.save([listing("1")], store.start_crawl("gucci", ["alibaba"]))
    assert rows_of(store, "SELECT verdict, reviewer FROM reviews ORDER BY id") == [
        ("removed", "recheck"), ("relisted", "crawler")]
    assert [r["verdict"] for r in run(store.conn, "queue")] == ["relisted"]


def test_one_listing_found_for_two_brands_is_in_both_queues_with_each_score(store):
    crawl_id = store.start_crawl("gucci,balenciaga", ["alibaba"])
    store.save([listing("1"), listing("1", brand="balenciaga", score=45, risk="medium")],
               crawl_id)
    assert {(r["brand"], r["score"]) for r in run(store.conn, "queue")} == {
        ("gucci", 90), ("balenciaga", 45)}
    assert [r["score"] for r in run(store.conn, "brand_queue", brand="balenciaga")] == [45]


async def test_stored_urls_are_canonical_and_prices_have_usd(serve, tmp_path):
    db = tmp_path / "x.db"
    await crawl("alibaba", serve(always("alibaba", "gucci-bag-p1.html")), db,
                keywords="gucci bag", max_pages=1)
    stored = rows(db, "SELECT url, seller_url, seller_id, price_min, price_min_usd, "
                      "usd_rates_date, currency FROM listings")
    assert stored and not [r for r in stored if "spm=" in r["url"] + (r["seller_url"] or "")]
    assert all(r["seller_id"] for r in stored)
    assert all(r["price_min_usd"] == pytest.approx(r["price_min"]) for r in stored
               if r["currency"] == "USD" and r["price_min"] is not None)
    assert {r["usd_rates_date"] for r in stored if r["price_min"] is not None} == {"2026-11-01"}


def test_first_seen_compares_with_sqlites_date_functions(store, tmp_path):
    old = store.start_crawl("gucci", ["alibaba"])
    store.save([listing("old")], old, seen="2020-01-01 00:00:00")
    store.save([listing("new")], store.start_crawl("gucci", ["alibaba"]))
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", utc_now())
    assert [r["key"] for r in run(store.conn, "new_since_yesterday")] == ["alibaba:new"]
    assert rows(tmp_path / "r.db", "SELECT listing_id FROM listings "
                                   "WHERE first_seen > datetime('now', '-1 day')") == [
        {"listing_id": "new"}]


def test_full_text_search_finds_titles_and_sellers_and_stays_current(store):
    crawl_id = store.start_crawl("gucci", ["alibaba"])
    store.save([listing("1"), listing("2", title="Plain canvas tote", seller_name="Yiwu Bags")],
               crawl_id)
    assert [r["key"] for r in run(store.conn, "search", query="marmont")] == ["alibaba:1"]
    assert [r["key"] for r in run(store.conn, "search", query="yiwu")] == ["alibaba:2"]
    store.save([listing("2", title="Marmont style tote")], crawl_id)
    assert {r["key"] for r in run(store.conn, "search", query="marmont")} == {
        "alibaba:1", "alibaba:2"}


def test_the_queue_and_new_listings_are_read_from_indexes(store):
    store.save([listing(str(i)) for i in range(20)], store.start_crawl("gucci", ["alibaba"]))
    for name in ("queue", "brand_queue", "new_since_yesterday", "seller_listings",
                 "price_history", "verdict_load"):
        plan = " ".join(str(r[-1]) for r in store.conn.execute(
            "EXPLAIN QUERY PLAN " + REVIEWER_QUERIES[name],
            {"brand": "gucci", "marketplace": "alibaba", "seller": "x", "listing_id": "1"}))
        assert not re.search(r"SCAN \w+\b(?! USING)", plan), (name, plan)  # no full table scan
    queue_plan = " ".join(str(r[-1]) for r in store.conn.execute(
        "EXPLAIN QUERY PLAN " + REVIEWER_QUERIES["queue"]))
    assert "TEMP B-TREE" not in queue_plan  # ordered by the partial index, not sorted


def test_every_sql_example_in_the_readme_runs(store):
    store.save([listing("1")], store.start_crawl("gucci", ["alibaba"]))
    examples = re.findall(r"```sql\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    assert len(examples) >= 5
    values = {"brand": "gucci", "marketplace": "alibaba", "seller": "Guangzhou X Co., Ltd.",
              "listing_id": "1", "query": "marmont"}
    for sql in examples:
        names = set(re.findall(r":(\w+)", sql))
        store.conn.execute(sql, {name: values[name] for name in names}).fetchall()


def rows_of(store: Store, sql: str) -> list[tuple]:
    return [tuple(r) for r in store.conn.execute(sql)]


def test_a_database_is_not_this_projects_is_refused(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(Exception, match="not a brand-crawler database"):
        Store(other)


def test_history_evidence_and_reviews_link_to_their_listing_and_crawl(store):
    for table in ("observations", "evidence", "reviews", "assessments"):
        keys = {(r[2], r[3]) for r in store.conn.execute(f"PRAGMA foreign_key_list({table})")}
        assert ("listings", "marketplace") in keys, table
    for table in ("observations", "evidence", "assessments"):
        assert "crawls" in {r[2] for r in store.conn.execute(f"PRAGMA foreign_key_list({table})")}
