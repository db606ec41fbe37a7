"""The reviewers' questions as SQL: documented in the README, run by its tests, timed by the
benchmark, and behind `crawler review` and Datasette's canned queries."""

from __future__ import annotations

import sqlite3

# name -> SQL with :named parameters. Timestamps are SQLite's `YYYY-MM-DD HH:MM:SS` (UTC).
REVIEWER_QUERIES = {
    "queue": "SELECT * FROM review_queue LIMIT 50",
    "brand_queue": "SELECT * FROM review_queue WHERE brand = :brand LIMIT 50",
    "new_since_yesterday": """
        SELECT key, brand, score, risk, title, price_min_usd, seller_name, url, first_seen
        FROM assessed_listings
        WHERE first_seen > datetime('now', '-1 day') AND risk IN ('high', 'medium')
        ORDER BY first_seen DESC LIMIT 100""",
    "seller_listings": """
        SELECT key, brand, score, risk, verdict, title, price_min, price_max, currency, url
        FROM assessed_listings
        WHERE marketplace = :marketplace AND seller_name = :seller
        ORDER BY score DESC LIMIT 100""",
    "sellers": """
        SELECT l.marketplace, l.seller_name, count(*) AS listings,
               sum(a.risk = 'high') AS high_risk,
               sum(a.verdict = 'counterfeit') AS counterfeit_verdicts,
               group_concat(DISTINCT a.brand) AS brands,
               min(l.first_seen) AS first_seen, max(l.last_seen) AS last_seen
        FROM assessments a JOIN listings l USING (marketplace, listing_id)
        WHERE a.risk IN ('high', 'medium') AND l.seller_name IS NOT NULL
        GROUP BY l.marketplace, l.seller_name
        ORDER BY high_risk DESC, listings DESC LIMIT 50""",
    "price_history": """
        SELECT seen_at, crawl_id, price_min, price_max, currency, moq, sold_count, title,
               seller_name, changed
        FROM observations WHERE marketplace = :marketplace AND listing_id = :listing_id
        ORDER BY seen_at""",
    "search": """
        SELECT l.marketplace || ':' || l.listing_id AS key, l.title, l.seller_name, l.url
        FROM listings_fts JOIN listings l ON l.rowid = listings_fts.rowid
        WHERE listings_fts MATCH :query ORDER BY listings_fts.rowid DESC LIMIT 50""",
    "evidence": """
        SELECT sha256, seen_at, crawl_id, page_url, length(card) AS compressed_bytes
        FROM evidence WHERE marketplace = :marketplace AND listing_id = :listing_id
        ORDER BY seen_at""",
    "verdict_load": """
        SELECT brand, marketplace, listing_id, verdict FROM assessments
        WHERE verdict IS NOT NULL""",
}


def run(conn: sqlite3.Connection, name: str, **parameters: object) -> list[dict]:
    """A reviewer query's rows as dicts."""
    cursor = conn.execute(REVIEWER_QUERIES[name], parameters)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


# What `crawler health` and the alerts read and write (crawler/health.py,
# crawler/extensions/alerts.py).
CRAWLS_ENDED = """
    SELECT id, brand, marketplaces, started_at, finished_at, finish_reason, status, pages,
           listings_stored, listings_lost, lost_reason, blocked_pages, layout_changed_pages,
           stats, pid, host
    FROM crawls WHERE status IS NOT NULL AND status != 'running' ORDER BY id"""
# High-risk assessments a crawl saw, unjudged (or relisted), that no alert has named yet.
ALERTABLE = """
    a.last_crawl_id = :crawl_id AND a.risk = 'high' AND a.alerted_at IS NULL
    AND (a.verdict IS NULL OR a.verdict = 'relisted')"""
NEW_HIGH_RISK = f"""
    SELECT l.marketplace || ':' || l.listing_id AS key, a.brand, l.marketplace, l.listing_id,
           a.score, a.risk, a.keyword, l.title, l.url, l.price_min, l.price_max, l.currency,
           l.price_min_usd, l.moq, l.moq_unit, l.seller_name, l.seller_url, a.reasons,
           a.first_seen
    FROM assessments a JOIN listings l USING (marketplace, listing_id)
    WHERE {ALERTABLE} ORDER BY a.score DESC, key, a.brand"""
