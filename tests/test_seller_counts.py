"""The sellers' roll-up ranks sellers by counts kept ahead (seller_counts): whatever was
written, and however (crawls, verdicts, renamed sellers, plain SQL), it answers what counting
every assessment answers."""

import random
import shutil
import sqlite3

import pytest

from crawler.store import Store
from crawler.store.queries import REVIEWER_QUERIES, run
from crawler.store.schema import APPLICATION_ID, COUNT_SELLERS, JUDGED_COUNTERFEIT, MIGRATIONS
from tests.conftest import FIXTURES, rows

# The roll-up as it was before seller_counts: every flagged assessment counted at query time.
REFERENCE = f"""
    SELECT l.seller_name AS seller, group_concat(DISTINCT l.marketplace) AS marketplaces,
           count(DISTINCT l.marketplace || ':' || l.listing_id) AS listings,
           count(DISTINCT CASE WHEN a.risk = 'high'
                 THEN l.marketplace || ':' || l.listing_id END) AS high_risk,
           count(DISTINCT CASE WHEN a.verdict IN {JUDGED_COUNTERFEIT}
                 THEN l.marketplace || ':' || l.listing_id END) AS counterfeit_verdicts,
           group_concat(DISTINCT a.brand) AS brands,
           min(l.first_seen) AS first_seen, max(l.last_seen) AS last_seen
    FROM assessments a JOIN listings l USING (marketplace, listing_id)
    WHERE (a.risk IN ('high', 'medium') OR a.verdict IN {JUDGED_COUNTERFEIT})
      AND l.seller_name IS NOT NULL
      AND (coalesce(:brand, '') = '' OR a.brand = :brand)
      AND (coalesce(:marketplace, '') = '' OR a.marketplace = :marketplace)
    GROUP BY l.seller_name COLLATE NOCASE
    ORDER BY high_risk DESC, counterfeit_verdicts DESC, listings DESC, seller COLLATE NOCASE
    LIMIT :limit"""
SELLERS = ["Guangzhou A Leather Co.", "GUANGZHOU A LEATHER CO.", "Yiwu B Trading", "Shenzhen C",
           "Putian D Shoes", "Hong Kong E Ltd", None]
FILTERS = [(brand, market) for brand in (None, "", "gucci", "prada")
           for market in (None, "alibaba", "aliexpress")]


def summary(row: dict) -> tuple:
    """A roll-up row with its comma lists as sets (group_concat's order is not defined)."""
    return (row["seller"].lower(), row["listings"], row["high_risk"],
            row["counterfeit_verdicts"], frozenset(row["marketplaces"].split(",")),
            frozenset(row["brands"].split(",")), row["first_seen"], row["last_seen"])


def counts(store: Store, table: str) -> set[tuple]:
    return {(seller.lower(), *rest) for seller, *rest in store.conn.execute(
        f"SELECT seller, brand, marketplace, listings, high_risk, counterfeit_verdicts "
        f"FROM {table} WHERE listings OR high_risk OR counterfeit_verdicts")}


def assert_same_rollup(store: Store, limit: int) -> None:
    store.conn.execute("CREATE TEMP TABLE fresh AS SELECT * FROM seller_counts WHERE 0")
    store.conn.execute(COUNT_SELLERS.replace("INTO seller_counts", "INTO fresh"))
    assert counts(store, "seller_counts") == counts(store, "fresh")
    store.conn.execute("DROP TABLE fresh")
    store.conn.commit()
    for brand, marketplace in FILTERS:
        params = {"brand": brand, "marketplace": marketplace, "limit": limit}
        expected = [dict(r) for r in _query(store, REFERENCE, params)]
        found = run(store.conn, "sellers", **params)
        assert [summary(r) for r in found] == [summary(r) for r in expected], params


def _query(store: Store, sql: str, params: dict):
    store.conn.row_factory = sqlite3.Row
    try:
        return store.conn.execute(sql, params).fetchall()
    finally:
        store.conn.row_factory = None


def random_listing(rng: random.Random, number: int) -> dict:
    score = rng.choice((10, 45, 80, 95))
    return {"marketplace": rng.choice(("alibaba", "aliexpress")), "listing_id": str(number),
            "brand": rng.choice(("gucci", "prada")), "keyword": "bag",
            "url": f"https://example.com/{number}", "title": f"bag {number}",
            "seller_name": rng.choice(SELLERS), "score": score,
            "risk": "high" if score >= 70 else "medium" if score >= 40 else "low",
            "reasons": []}


def reviewer_sql(store: Store, item: dict, rng: random.Random) -> None:
    """What a reviewer may do with SQL of their own: judge, rescore, delete, rename."""
    key = (item["marketplace"], item["listing_id"])
    statement = rng.choice((
        "INSERT INTO reviews (brand, marketplace, listing_id, verdict, created_at) SELECT "
        "brand, marketplace, listing_id, 'counterfeit', datetime('now') FROM assessments "
        "WHERE marketplace = ? AND listing_id = ?",
        "UPDATE assessments SET risk = 'high' WHERE marketplace = ? AND listing_id = ?",
        "DELETE FROM assessments WHERE marketplace = ? AND listing_id = ? AND brand = 'prada'",
        "UPDATE listings SET seller_name = upper(seller_name) WHERE marketplace = ? "
        "AND listing_id = ?",
        "UPDATE listings SET seller_name = NULL WHERE marketplace = ? AND listing_id = ?",
    ))
    store.conn.execute(statement, key)
    if rng.random() < 0.3:  # an assessment written before its listing
        number = f"sql-{rng.randrange(10**6)}"
        store.conn.execute("INSERT INTO assessments (brand, marketplace, listing_id, risk) "
                           "VALUES ('gucci', 'alibaba', ?, 'high')", (number,))
        store.conn.execute("INSERT INTO listings (marketplace, listing_id, seller_name) "
                           "VALUES ('alibaba', ?, ?)", (number, rng.choice(SELLERS)))
    store.conn.commit()


@pytest.mark.parametrize("seed", range(10))
def test_the_rollup_answers_what_counting_every_assessment_answers(tmp_path, seed):
    rng = random.Random(seed)
    store = Store(tmp_path / "s.db")
    crawl = store.start_crawl("all", ["alibaba", "aliexpress"])
    made = []
    for step in range(14):
        batch = [random_listing(rng, rng.randrange(60)) for _ in range(rng.randint(1, 15))]
        batch = list({(i["marketplace"], i["listing_id"], i["brand"]): i for i in batch}.values())
        store.save(batch, crawl, f"2026-01-{step + 1:02d} 12:00:00")
        made += batch
        item = rng.choice(made)
        action = rng.choice(("verdict", "clear", "sql", "sql", "none"))
        if action == "verdict":
            store.add_review(item["marketplace"], item["listing_id"],
                             rng.choice(("counterfeit", "legitimate", "reported", "removed")))
        elif action == "clear":
            store.add_review(item["marketplace"], item["listing_id"], None)
        elif action == "sql":
            reviewer_sql(store, item, rng)
        assert_same_rollup(store, limit=rng.choice((2, 3, 50)))
    store.close()


def test_a_schema_3_database_is_counted_when_migrated(tmp_path):
    db = tmp_path / "v3.db"
    store = Store(db)
    crawl = store.start_crawl("all", ["alibaba"])
    rng = random.Random(7)
    store.save(list({(i["marketplace"], i["listing_id"], i["brand"]): i for i in (
        random_listing(rng, n) for n in range(80))}.values()), crawl)
    store.add_review("alibaba", rows(db, "SELECT listing_id FROM listings LIMIT 1")[0][
        "listing_id"], "counterfeit")
    store.close()
    conn = sqlite3.connect(db)  # back to schema 3: the counts and their triggers are new in 4
    for name, kind in conn.execute("SELECT name, type FROM sqlite_master WHERE name LIKE "
                                   "'%seller_%'").fetchall():
        if kind in ("table", "trigger") or name == "idx_listings_seller_name":
            conn.execute(f"DROP {kind.upper()} IF EXISTS {name}")
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) - 1}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.commit()
    conn.close()

    store = Store(db)
    assert rows(db, "SELECT count(*) AS n FROM seller_counts")[0]["n"] > 0
    assert_same_rollup(store, limit=50)
    store.close()


def test_a_database_the_schema_3_release_wrote_is_migrated_with_its_verdicts(tmp_path):
    # fixtures/db/schema-v3.db: written by Store at 694245e (two crawls, two brands, a seller
    # in two cases, a seller-less listing, verdicts by brand and for every brand).
    db = tmp_path / "v3.db"
    shutil.copy(FIXTURES / "db" / "schema-v3.db", db)
    reviews = rows(db, "SELECT * FROM reviews ORDER BY id")
    verdicts = rows(db, "SELECT brand, marketplace, listing_id, verdict FROM assessments "
                        "ORDER BY brand, marketplace, listing_id")
    assert rows(db, "PRAGMA user_version") == [{"user_version": 3}]

    store = Store(db)
    assert rows(db, "PRAGMA user_version") == [{"user_version": len(MIGRATIONS)}]
    assert rows(db, "SELECT * FROM reviews ORDER BY id") == reviews
    assert rows(db, "SELECT brand, marketplace, listing_id, verdict FROM assessments "
                    "ORDER BY brand, marketplace, listing_id") == verdicts
    assert_same_rollup(store, limit=2)
    assert_same_rollup(store, limit=50)
    crawl = store.start_crawl("all", ["alibaba"])
    store.save([random_listing(random.Random(3), 5)], crawl)  # written after the migration
    assert_same_rollup(store, limit=50)
    store.close()


def test_the_rollup_ranks_from_counts_not_from_every_assessment(tmp_path):
    store = Store(tmp_path / "p.db")
    plan = " ".join(row[3] for row in store.conn.execute(
        "EXPLAIN QUERY PLAN " + REVIEWER_QUERIES["sellers"],
        {"brand": None, "marketplace": None, "limit": 50}))
    store.close()
    assert "SEARCH seller_counts USING PRIMARY KEY (brand=? AND marketplace=?)" in plan
    assert "SEARCH l USING INDEX idx_listings_seller_name" in plan
    assert "SCAN a" not in plan and "SCAN l" not in plan

