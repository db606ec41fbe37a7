"""The reviewers' questions as SQL: documented in the README, run by its tests, timed by the
benchmark, and behind `crawler review` and Datasette's canned queries."""

from __future__ import annotations

import sqlite3

from crawler.store.schema import JUDGED_COUNTERFEIT

# A filter is left out when its parameter is NULL (the CLI) or '' (an empty Datasette form
# field): one SQL text serves both. Column names are given with their table's alias.
_FILTERS = {
    "brand": "{a}brand = :brand",
    "marketplace": "{a}marketplace = :marketplace",
    "risk": "{a}risk = :risk",
    "since": "{a}first_seen >= :since",
    "seller": "{l}seller_name = :seller COLLATE NOCASE",
}
# LIMIT :limit, 50 when the parameter is left empty.
_LIMIT = "LIMIT coalesce(CAST(nullif(:limit, '') AS INTEGER), {default})"


def _where(*names: str, a: str = "", l: str = "") -> str:  # noqa: E741 - the listings alias
    """The optional filters `names`, ANDed, on columns of assessments `a` and listings `l`."""
    return " AND ".join(f"(coalesce(:{name}, '') = '' OR {_FILTERS[name].format(a=a, l=l)})"
                        for name in names)


def _in_list(column: str, values: str) -> str:
    """`column` is one of the comma-separated values of the SQL expression `values`."""
    return f"instr(',' || {values} || ',', ',' || {column} || ',') > 0"


# The row of `table` about a listing that was current when a brand first assessed it (else
# its first row): the observation and the card a listing was flagged with.
_AS_FLAGGED = """coalesce(
            (SELECT t.{key} FROM {table} t WHERE t.marketplace = a.marketplace
             AND t.listing_id = a.listing_id AND t.{at} <= a.first_seen
             ORDER BY t.{at} DESC LIMIT 1),
            (SELECT t.{key} FROM {table} t WHERE t.marketplace = a.marketplace
             AND t.listing_id = a.listing_id ORDER BY t.{at} LIMIT 1))"""

# name -> SQL with :named parameters. Timestamps are SQLite's `YYYY-MM-DD HH:MM:SS` (UTC).
REVIEWER_QUERIES = {
    "queue": "SELECT * FROM review_queue LIMIT 50",
    "brand_queue": "SELECT * FROM review_queue WHERE brand = :brand LIMIT 50",
    # The queue with `crawler review queue`'s filters (brand, marketplace, risk, first seen
    # since, seller, limit).
    "filtered_queue": f"""
        SELECT key, marketplace, listing_id, brand, score, risk, verdict, title, url, price_min,
               price_max, currency, price_min_usd, price_max_usd, moq, moq_unit, seller_name,
               seller_url, seller_country, badges, reasons, keyword, first_seen, last_seen
        FROM review_queue
        WHERE {_where("brand", "marketplace", "risk", "since", "seller")}
        ORDER BY score DESC, last_seen DESC
        {_LIMIT.format(default=50)}""",
    "new_since_yesterday": """
        SELECT key, brand, score, risk, title, price_min_usd, seller_name, url, first_seen
        FROM assessed_listings
        WHERE first_seen > datetime('now', '-1 day') AND risk IN ('high', 'medium')
        ORDER BY first_seen DESC LIMIT 100""",
    # A seller in any case, as the roll-up counts one. CROSS JOIN keeps listings the outer
    # loop: their seller index finds the rows.
    "seller_listings": """
        SELECT l.marketplace || ':' || l.listing_id AS key, a.brand, a.score, a.risk, a.verdict,
               l.title, l.price_min, l.price_max, l.currency, l.url
        FROM listings l CROSS JOIN assessments a
        WHERE a.marketplace = l.marketplace AND a.listing_id = l.listing_id
          AND l.seller_name = :seller COLLATE NOCASE AND l.marketplace = :marketplace
        ORDER BY a.score DESC LIMIT 100""",
    # One row per seller name (on every marketplace it sells on) with flagged listings or
    # listings judged counterfeit, the most high-risk first: the top sellers by their counts
    # kept ahead (seller_counts), with their figures.
    "sellers": f"""
        WITH ranked AS (
            SELECT seller FROM seller_counts
            WHERE brand = coalesce(:brand, '') AND marketplace = coalesce(:marketplace, '')
              AND listings > 0
            ORDER BY high_risk DESC, counterfeit_verdicts DESC, listings DESC, seller
            {_LIMIT.format(default=50)})
        SELECT l.seller_name AS seller, group_concat(DISTINCT l.marketplace) AS marketplaces,
               count(DISTINCT l.marketplace || ':' || l.listing_id) AS listings,
               count(DISTINCT CASE WHEN a.risk = 'high'
                     THEN l.marketplace || ':' || l.listing_id END) AS high_risk,
               count(DISTINCT CASE WHEN a.verdict IN {JUDGED_COUNTERFEIT}
                     THEN l.marketplace || ':' || l.listing_id END) AS counterfeit_verdicts,
               group_concat(DISTINCT a.brand) AS brands,
               min(l.first_seen) AS first_seen, max(l.last_seen) AS last_seen
        FROM listings l CROSS JOIN assessments a
        WHERE l.seller_name COLLATE NOCASE IN (SELECT seller FROM ranked)
          AND a.marketplace = l.marketplace AND a.listing_id = l.listing_id
          AND (a.risk IN ('high', 'medium') OR a.verdict IN {JUDGED_COUNTERFEIT})
          AND {_where("brand", "marketplace", a="a.")}
        GROUP BY l.seller_name COLLATE NOCASE
        ORDER BY high_risk DESC, counterfeit_verdicts DESC, listings DESC,
                 seller COLLATE NOCASE
        {_LIMIT.format(default=50)}""",
    # The listings of one seller that a brand flagged, to judge them together.
    "seller_flagged": f"""
        SELECT DISTINCT a.marketplace, a.listing_id
        FROM assessments a JOIN listings l USING (marketplace, listing_id)
        WHERE a.risk IN ('high', 'medium') AND l.seller_name = :seller COLLATE NOCASE
          AND {_where("brand", "marketplace", a="a.")}
        ORDER BY a.marketplace, a.listing_id""",
    "listing": """
        SELECT marketplace || ':' || listing_id AS key, marketplace, listing_id, url, title,
               price_min, price_max, currency, price_min_usd, price_max_usd, usd_rates_date,
               moq, moq_unit, seller_name, seller_id, seller_url, seller_country,
               seller_location, seller_years, badges, sold_count, image_url, evidence_sha256,
               first_seen, last_seen, times_seen, last_crawl_id
        FROM listings WHERE marketplace = :marketplace AND listing_id = :listing_id""",
    "listing_assessments": """
        SELECT brand, keyword, score, risk, reasons, verdict, verdict_at, first_seen, last_seen,
               times_seen, last_crawl_id
        FROM assessments WHERE marketplace = :marketplace AND listing_id = :listing_id
        ORDER BY score DESC, brand""",
    "listing_reviews": """
        SELECT id, created_at, brand, verdict, note, reviewer FROM reviews
        WHERE marketplace = :marketplace AND listing_id = :listing_id ORDER BY id""",
    "price_history": """
        SELECT seen_at, crawl_id, price_min, price_max, currency, moq, sold_count, title,
               seller_name, changed
        FROM observations WHERE marketplace = :marketplace AND listing_id = :listing_id
        ORDER BY seen_at""",
    # One listing's history by KEY (`marketplace:listing_id`): sightings that changed
    # something, cards stored, reviews, oldest first.
    "listing_history": """
        WITH listing AS (SELECT substr(:key, 1, instr(:key, ':') - 1) AS marketplace,
                                substr(:key, instr(:key, ':') + 1) AS listing_id)
        SELECT o.seen_at AS at, 'seen' AS event, NULL AS brand, o.crawl_id,
               coalesce(o.title, '') || ' | ' || coalesce(o.price_min || '-' || o.price_max
               || ' ' || o.currency, 'no price') || ' | MOQ ' || coalesce(o.moq, '-') AS what,
               o.changed AS detail
        FROM observations o JOIN listing USING (marketplace, listing_id)
        UNION ALL
        SELECT e.seen_at, 'evidence', NULL, e.crawl_id, e.sha256, e.page_url
        FROM evidence e JOIN listing USING (marketplace, listing_id)
        UNION ALL
        SELECT r.created_at, 'review', r.brand, NULL, coalesce(r.verdict, 'cleared'),
               coalesce(r.reviewer, '') || ': ' || coalesce(r.note, '')
        FROM reviews r JOIN listing USING (marketplace, listing_id)
        ORDER BY at, event""",
    "search": """
        SELECT l.marketplace || ':' || l.listing_id AS key, l.title, l.seller_name, l.url
        FROM listings_fts JOIN listings l ON l.rowid = listings_fts.rowid
        WHERE listings_fts MATCH :query ORDER BY listings_fts.rowid DESC LIMIT 50""",
    "evidence": """
        SELECT sha256, seen_at, crawl_id, page_url, length(card) AS compressed_bytes
        FROM evidence WHERE marketplace = :marketplace AND listing_id = :listing_id
        ORDER BY seen_at""",
    "evidence_cards": """
        SELECT sha256, seen_at, crawl_id, page_url, length(card) AS compressed_bytes, card
        FROM evidence
        WHERE marketplace = :marketplace AND listing_id = :listing_id ORDER BY seen_at""",
    # What a takedown request needs, per brand and listing with one of the `:verdicts`
    # (comma-separated; counterfeit and reported when empty): the title and card as flagged
    # beside the current ones.
    "export": f"""
        SELECT l.marketplace || ':' || l.listing_id AS key, l.marketplace, l.listing_id,
               a.brand, a.verdict, a.verdict_at, l.url, coalesce(o.title, l.title) AS
               title_flagged, l.title, l.seller_name, l.seller_id, l.seller_url,
               l.seller_country, l.price_min, l.price_max, l.currency, l.price_min_usd,
               l.price_max_usd, l.moq, l.moq_unit, l.sold_count, a.score, a.risk, a.reasons,
               a.keyword, l.first_seen, l.last_seen, e.sha256 AS evidence_sha256,
               e.crawl_id AS evidence_crawl_id, e.page_url AS evidence_page_url,
               l.evidence_sha256 AS latest_evidence_sha256,
               (SELECT min(crawl_id) FROM observations f WHERE f.marketplace = l.marketplace
                AND f.listing_id = l.listing_id) AS first_crawl_id, l.last_crawl_id
        FROM assessments a JOIN listings l USING (marketplace, listing_id)
             LEFT JOIN observations o
                 ON o.rowid = {_AS_FLAGGED.format(key="rowid", table="observations", at="seen_at")}
             LEFT JOIN evidence e
                 ON e.id = {_AS_FLAGGED.format(key="id", table="evidence", at="seen_at")}
        WHERE {_in_list("a.verdict", "coalesce(nullif(:verdicts, ''), 'counterfeit,reported')")}
          AND {_where("brand", "marketplace", "risk", "since", "seller", a="a.", l="l.")}
        ORDER BY a.verdict_at, a.brand, l.marketplace, l.listing_id
        {_LIMIT.format(default=100000)}""",
    # Per brand and marketplace: high-risk listings the latest crawl found first (it is the
    # only one that saw them), open (flagged, unjudged), reported, removed, relisted, and the
    # median days from a `reported` review to the `removed` one after it.
    "takedown_report": f"""
        WITH latest AS (
            SELECT brand, marketplace, max(last_crawl_id) AS crawl_id FROM assessments
            GROUP BY brand, marketplace),
        takedowns AS (
            SELECT m.brand, m.marketplace,
                   julianday(m.created_at) - julianday(min(r.created_at)) AS days
            FROM reviews m JOIN reviews r ON r.brand = m.brand
                 AND r.marketplace = m.marketplace AND r.listing_id = m.listing_id
                 AND r.verdict = 'reported' AND r.id < m.id
            WHERE m.verdict = 'removed' AND NOT EXISTS (
                SELECT 1 FROM reviews x WHERE x.brand = m.brand
                AND x.marketplace = m.marketplace AND x.listing_id = m.listing_id
                AND x.verdict = 'removed' AND x.id > r.id AND x.id < m.id)
            GROUP BY m.id),
        ranked AS (
            SELECT brand, marketplace, days,
                   row_number() OVER (PARTITION BY brand, marketplace ORDER BY days) AS n,
                   count(*) OVER (PARTITION BY brand, marketplace) AS total
            FROM takedowns),
        medians AS (
            SELECT brand, marketplace, round(avg(days), 2) AS median_days_to_removal,
                   max(total) AS takedowns
            FROM ranked WHERE n IN ((total + 1) / 2, (total + 2) / 2)
            GROUP BY brand, marketplace)
        SELECT a.brand, a.marketplace,
               count(*) FILTER (WHERE a.risk = 'high' AND a.times_seen = 1
                                AND a.last_crawl_id = latest.crawl_id) AS new_high_risk,
               count(*) FILTER (WHERE a.risk IN ('high', 'medium') AND a.verdict IS NULL)
                   AS open,
               count(*) FILTER (WHERE a.verdict = 'reported') AS reported,
               count(*) FILTER (WHERE a.verdict = 'removed') AS removed,
               count(*) FILTER (WHERE a.verdict = 'relisted') AS relisted,
               coalesce(max(m.takedowns), 0) AS takedowns, max(m.median_days_to_removal)
                   AS median_days_to_removal,
               max(c.started_at) AS last_crawl_started
        FROM assessments a JOIN latest USING (brand, marketplace)
             LEFT JOIN crawls c ON c.id = latest.crawl_id
             LEFT JOIN medians m USING (brand, marketplace)
        WHERE {_where("brand", "marketplace", a="a.")}
        GROUP BY a.brand, a.marketplace ORDER BY a.brand, a.marketplace""",
    # Listings to visit again: some brand (of `:brands`, comma-separated) judged them
    # counterfeit or reported them; the most recently judged first.
    "recheck_targets": f"""
        SELECT a.marketplace, a.listing_id, l.url, group_concat(a.brand) AS brands,
               max(a.verdict_at) AS judged_at
        FROM assessments a JOIN listings l USING (marketplace, listing_id)
        WHERE a.verdict IN ('counterfeit', 'reported') AND {_in_list("a.brand", ":brands")}
          AND {_in_list("a.marketplace", ":marketplaces")}
        GROUP BY a.marketplace, a.listing_id ORDER BY judged_at DESC, a.marketplace,
                 a.listing_id
        LIMIT :limit""",
    # What the scorer knows from reviewers (evidence across listings): every judged listing's
    # seller, title and whether it was judged counterfeit.
    "judged_listings": f"""
        SELECT DISTINCT l.marketplace || ':' || l.listing_id AS key, l.seller_name, l.title,
               a.verdict IN {JUDGED_COUNTERFEIT} AS counterfeit
        FROM assessments a JOIN listings l USING (marketplace, listing_id)
        WHERE a.verdict IN ('counterfeit', 'reported', 'removed', 'relisted', 'legitimate')""",
    "verdict_load": """
        SELECT brand, marketplace, listing_id, verdict FROM assessments
        WHERE verdict IS NOT NULL""",
}
# The ones the README documents, which the benchmark times.
DOCUMENTED = ("queue", "brand_queue", "new_since_yesterday", "seller_listings", "sellers",
              "price_history", "search", "evidence", "verdict_load")
# The queries Datasette offers (datasette/plugins/), with their titles.
CANNED_QUERIES = {
    "filtered_queue": "The review queue (flagged, unjudged or relisted), highest score first",
    "new_since_yesterday": "New high- and medium-risk listings since yesterday",
    "sellers": "Sellers with flagged listings, most high-risk first",
    "takedown_report": "Takedowns per brand and marketplace",
    "listing_history": "One listing's history (KEY is marketplace:listing_id)",
    "export": "Evidence for takedown requests (verdicts: counterfeit,reported by default)",
    "search": "Full-text search on titles and sellers",
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
