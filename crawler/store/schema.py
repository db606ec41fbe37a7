"""The database's tables and schema versions: each migration only adds (README: "Schema")."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping

# Schema 1 (released before versions): one row per listing, the latest brand's score on it.
RELEASED_LISTING_COLUMNS = {
    "marketplace": "TEXT", "listing_id": "TEXT", "url": "TEXT", "title": "TEXT",
    "brand": "TEXT", "keyword": "TEXT", "price_min": "REAL", "price_max": "REAL",
    "currency": "TEXT", "moq": "INTEGER", "moq_unit": "TEXT", "seller_name": "TEXT",
    "seller_url": "TEXT", "seller_country": "TEXT", "seller_years": "INTEGER", "badges": "TEXT",
    "sold_count": "INTEGER", "image_url": "TEXT", "score": "INTEGER", "risk": "TEXT",
    "reasons": "TEXT", "first_seen": "TEXT", "last_seen": "TEXT",
    "times_seen": "INTEGER NOT NULL DEFAULT 0", "last_crawl_id": "INTEGER", "verdict": "TEXT",
    "verdict_note": "TEXT", "verdict_at": "TEXT",
}
OBSERVED = ("price_min", "price_max", "currency", "moq", "moq_unit", "sold_count")
RELEASED_OBSERVATION_COLUMNS = {
    "crawl_id": "INTEGER", "marketplace": "TEXT", "listing_id": "TEXT", "seen_at": "TEXT",
    **{c: RELEASED_LISTING_COLUMNS[c] for c in (*OBSERVED, "score", "risk")},
}
RELEASED_CRAWL_COLUMNS = {
    "id": "INTEGER", "brand": "TEXT", "marketplaces": "TEXT", "started_at": "TEXT",
    "finished_at": "TEXT", "finish_reason": "TEXT", "status": "TEXT", "pages": "INTEGER",
    "listings_scraped": "INTEGER", "listings_dropped": "INTEGER",
    "listings_duplicates": "INTEGER", "listings_stored": "INTEGER", "blocked_pages": "INTEGER",
    "layout_changed_pages": "INTEGER", "errors": "INTEGER", "stats": "TEXT",
}
# Schema 2: what a crawl lost and why, and which process runs it.
ACCOUNTING_COLUMNS = {"listings_lost": "INTEGER", "lost_reason": "TEXT", "pid": "INTEGER",
                      "host": "TEXT"}
# Schema 3: facts once per listing; each brand's assessment; reviews, evidence and changes
# as history; canonical values; the scrapyd job.
FACT_COLUMNS = {"seller_id": "TEXT", "seller_location": "TEXT", "price_min_usd": "REAL",
                "price_max_usd": "REAL", "usd_rates_date": "TEXT", "evidence_sha256": "TEXT"}
OBSERVATION_COLUMNS = {"title": "TEXT", "seller_name": "TEXT", "changed": "TEXT"}
CRAWL_COLUMNS = {**RELEASED_CRAWL_COLUMNS, **ACCOUNTING_COLUMNS, "job_id": "TEXT"}
LISTING_KEY = "FOREIGN KEY (marketplace, listing_id) REFERENCES listings (marketplace, listing_id)"
ASSESSMENTS = f"""
CREATE TABLE IF NOT EXISTS assessments (
    brand TEXT NOT NULL, marketplace TEXT NOT NULL, listing_id TEXT NOT NULL,
    keyword TEXT, score INTEGER, risk TEXT, reasons TEXT,
    first_seen TEXT, last_seen TEXT, times_seen INTEGER NOT NULL DEFAULT 0,
    last_crawl_id INTEGER REFERENCES crawls (id),
    verdict TEXT, verdict_at TEXT, alerted_at TEXT,
    PRIMARY KEY (brand, marketplace, listing_id), {LISTING_KEY})
"""
REVIEWS = f"""
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY, brand TEXT NOT NULL, marketplace TEXT NOT NULL,
    listing_id TEXT NOT NULL, verdict TEXT, note TEXT, reviewer TEXT, created_at TEXT NOT NULL,
    {LISTING_KEY})
"""
EVIDENCE = f"""
CREATE TABLE IF NOT EXISTS evidence (
    id INTEGER PRIMARY KEY, marketplace TEXT NOT NULL, listing_id TEXT NOT NULL,
    sha256 TEXT NOT NULL, card BLOB NOT NULL, page_url TEXT,
    crawl_id INTEGER REFERENCES crawls (id), seen_at TEXT NOT NULL,
    UNIQUE (marketplace, listing_id, sha256), {LISTING_KEY})
"""
# A review's verdict becomes the assessment's state at once, whoever writes it (the CLI,
# Datasette, plain SQL).
REVIEW_STATE = """
CREATE TRIGGER IF NOT EXISTS reviews_state AFTER INSERT ON reviews BEGIN
    UPDATE assessments SET verdict = NEW.verdict, verdict_at = NEW.created_at
    WHERE brand = NEW.brand AND marketplace = NEW.marketplace AND listing_id = NEW.listing_id;
END
"""
# Needs a reviewer: flagged, and not judged (or judged removed and seen again).
QUEUE_FILTER = "risk IN ('high', 'medium') AND (verdict IS NULL OR verdict = 'relisted')"
INDEXES = (
    f"CREATE INDEX IF NOT EXISTS idx_queue ON assessments (score DESC, last_seen DESC) "
    f"WHERE {QUEUE_FILTER}",
    f"CREATE INDEX IF NOT EXISTS idx_brand_queue ON assessments (brand, score DESC, "
    f"last_seen DESC) WHERE {QUEUE_FILTER}",
    "CREATE INDEX IF NOT EXISTS idx_assessments_listing ON assessments (marketplace, listing_id)",
    "CREATE INDEX IF NOT EXISTS idx_assessments_judged ON assessments (brand, verdict) "
    "WHERE verdict IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS idx_listings_first_seen ON listings (first_seen)",
    "CREATE INDEX IF NOT EXISTS idx_listings_seller ON listings (marketplace, seller_name)",
    "CREATE INDEX IF NOT EXISTS idx_reviews_listing ON reviews (marketplace, listing_id, brand)",
    "CREATE INDEX IF NOT EXISTS idx_evidence_listing ON evidence (marketplace, listing_id)",
    "CREATE INDEX IF NOT EXISTS idx_observations_crawl ON observations (crawl_id)",
)
REVIEW_QUEUE = """
CREATE VIEW review_queue AS
SELECT a.score, a.risk, a.brand, l.marketplace, l.listing_id,
       l.marketplace || ':' || l.listing_id AS key, l.title, l.price_min, l.price_max,
       l.currency, l.price_min_usd, l.price_max_usd, l.moq, l.moq_unit, l.seller_name,
       l.seller_url, l.seller_country, l.badges, l.url, a.reasons, a.verdict, a.keyword,
       a.first_seen, a.last_seen, a.times_seen
FROM assessments a JOIN listings l USING (marketplace, listing_id)
WHERE a.risk IN ('high', 'medium') AND (a.verdict IS NULL OR a.verdict = 'relisted')
ORDER BY a.score DESC, a.last_seen DESC
"""
FTS_UPDATE = """
CREATE TRIGGER IF NOT EXISTS listings_au AFTER UPDATE OF title, seller_name ON listings
WHEN old.title IS NOT new.title OR old.seller_name IS NOT new.seller_name BEGIN
  INSERT INTO listings_fts (listings_fts, rowid, title, seller_name)
  VALUES ('delete', old.rowid, old.title, old.seller_name);
  INSERT INTO listings_fts (rowid, title, seller_name)
  VALUES (new.rowid, new.title, new.seller_name);
END
"""
# Verdicts that say a reviewer judged the listing counterfeit, whatever happened next.
JUDGED_VERDICTS = ("counterfeit", "reported", "removed", "relisted")
JUDGED_COUNTERFEIT = "(" + ", ".join(f"'{verdict}'" for verdict in JUDGED_VERDICTS) + ")"
# Schema 4: each seller's flagged listings counted ahead, per brand and per marketplace ('' is
# every brand, every marketplace), so the roll-up ranks sellers by reading a few rows, not
# every assessment. Triggers keep the counts, whoever writes: an assessment's change moves
# its brand's rows, and the '' brand rows when the listing's state across brands changes.
SELLER_COUNTS_TABLE = """
CREATE TABLE IF NOT EXISTS seller_counts (
    seller TEXT NOT NULL COLLATE NOCASE, brand TEXT NOT NULL, marketplace TEXT NOT NULL,
    listings INTEGER NOT NULL, high_risk INTEGER NOT NULL,
    counterfeit_verdicts INTEGER NOT NULL,
    PRIMARY KEY (brand, marketplace, seller)) WITHOUT ROWID"""
# What an assessment counts for in its seller's rows: flagged (high or medium risk, or judged
# counterfeit), high risk, judged counterfeit; 0 or 1 each.
# (Comparisons, not IN lists: SQLite builds a table for each list every time a trigger runs.)
_JUDGED = " OR ".join(f"{{r}}.verdict = '{verdict}'" for verdict in JUDGED_VERDICTS)
_STATES = {"listings": f"ifnull({{r}}.risk = 'high' OR {{r}}.risk = 'medium' OR {_JUDGED}, 0)",
           "high_risk": "ifnull({r}.risk = 'high', 0)",
           "counterfeit_verdicts": f"ifnull({_JUDGED}, 0)"}
_ADD_COUNTS = """INSERT INTO seller_counts (seller, brand, marketplace, listings, high_risk,
                               counterfeit_verdicts)
    SELECT * FROM ({select})
    WHERE seller IS NOT NULL AND (listings OR high_risk OR counterfeit_verdicts)
    ON CONFLICT (brand, marketplace, seller) DO UPDATE SET
        listings = listings + excluded.listings, high_risk = high_risk + excluded.high_risk,
        counterfeit_verdicts = counterfeit_verdicts + excluded.counterfeit_verdicts;"""


def _state(row: str | None, name: str) -> str:
    return f"({_STATES[name].format(r=row)})" if row else "0"


def _both(column: str) -> str:
    """A row's value and '' (every brand, every marketplace), as a table of one column."""
    name = column.split(".")[1]
    return f"(SELECT {column} AS {name} UNION ALL SELECT '')"


def _assessment_counts(old: str | None, new: str | None) -> str:
    """What a change of one assessment (OLD, NEW; None where the row is absent) adds to its
    seller's rows: its brand's by its own state, the '' brand's by the listing's across brands
    (the other brands' assessments as they are, with it as before and after)."""
    row = new or old
    others = (", ".join(f"ifnull(max({_STATES[n].format(r='o')}), 0) AS {n}" for n in _STATES)
              + f" FROM assessments o WHERE o.marketplace = {row}.marketplace AND "
              f"o.listing_id = {row}.listing_id AND o.brand != {row}.brand")
    deltas = ", ".join(
        f"CASE WHEN b.brand = '' THEN max(x.{n}, {_state(new, n)}) - max(x.{n}, "
        f"{_state(old, n)}) ELSE {_state(new, n)} - {_state(old, n)} END AS {n}"
        for n in _STATES)
    return _ADD_COUNTS.format(select=(
        f"SELECT l.seller_name AS seller, b.brand AS brand, m.marketplace AS marketplace, "
        f"{deltas} FROM listings l, (SELECT {others}) x, {_both(f'{row}.brand')} b, "
        f"{_both(f'{row}.marketplace')} m WHERE l.marketplace = {row}.marketplace "
        f"AND l.listing_id = {row}.listing_id"))


def _listing_counts(listing: str, sign: int) -> str:
    """What listing `listing` (NEW or OLD) adds to its seller's rows, times `sign`: each
    brand's assessment by its state, the '' brand by the listing's state across brands."""
    of_listing = (f"FROM assessments a, {_both(f'{listing}.marketplace')} m "
                  f"WHERE a.marketplace = {listing}.marketplace "
                  f"AND a.listing_id = {listing}.listing_id")
    each = ", ".join(f"{sign} * ({_STATES[n].format(r='a')}) AS {n}" for n in _STATES)
    across = ", ".join(f"{sign} * max({_STATES[n].format(r='a')})" for n in _STATES)
    return _ADD_COUNTS.format(select=(
        f"SELECT {listing}.seller_name AS seller, a.brand AS brand, m.marketplace AS "
        f"marketplace, {each} {of_listing} UNION ALL SELECT {listing}.seller_name, '', "
        f"m.marketplace, {across} {of_listing} GROUP BY m.marketplace"))


_CHANGED = " OR ".join(f"{_state('OLD', n)} IS NOT {_state('NEW', n)}" for n in _STATES)
SELLER_COUNTS = (
    SELLER_COUNTS_TABLE,
    # A seller in any case, as the roll-up counts one; it replaces schema 3's (marketplace,
    # seller_name) index, which one seller's listings now use this one for.
    "DROP INDEX IF EXISTS idx_listings_seller",
    "CREATE INDEX IF NOT EXISTS idx_listings_seller_name ON listings "
    "(seller_name COLLATE NOCASE, marketplace)",
    f"""CREATE TRIGGER IF NOT EXISTS assessments_seller_ai AFTER INSERT ON assessments
    WHEN {_state('NEW', 'listings')} BEGIN {_assessment_counts(None, 'NEW')} END""",
    f"""CREATE TRIGGER IF NOT EXISTS assessments_seller_au AFTER UPDATE OF risk, verdict
    ON assessments WHEN {_CHANGED} BEGIN {_assessment_counts('OLD', 'NEW')} END""",
    f"""CREATE TRIGGER IF NOT EXISTS assessments_seller_ad AFTER DELETE ON assessments
    WHEN {_state('OLD', 'listings')} BEGIN {_assessment_counts('OLD', None)} END""",
    # (A listing is written before its assessments, except by SQL of a reviewer's own.)
    f"""CREATE TRIGGER IF NOT EXISTS listings_seller_ai AFTER INSERT ON listings
    WHEN NEW.seller_name IS NOT NULL AND EXISTS (SELECT 1 FROM assessments a WHERE
        a.marketplace = NEW.marketplace AND a.listing_id = NEW.listing_id)
    BEGIN {_listing_counts('NEW', 1)} END""",
    f"""CREATE TRIGGER IF NOT EXISTS listings_seller_au AFTER UPDATE OF seller_name ON listings
    WHEN OLD.seller_name IS NOT NEW.seller_name BEGIN
    {_listing_counts('OLD', -1)} {_listing_counts('NEW', 1)} END""",
    f"""CREATE TRIGGER IF NOT EXISTS listings_seller_ad AFTER DELETE ON listings
    WHEN OLD.seller_name IS NOT NULL BEGIN {_listing_counts('OLD', -1)} END""",
)
# Every seller counted from scratch (schema 4's migration): per brand (a listing has one
# assessment per brand) and, across brands, per listing.
COUNT_SELLERS = f"""
    INSERT INTO seller_counts (seller, brand, marketplace, listings, high_risk,
                               counterfeit_verdicts)
    WITH flagged AS MATERIALIZED (
        SELECT l.seller_name AS seller, a.brand, l.marketplace, l.listing_id,
               {_STATES['high_risk'].format(r='a')} AS high,
               {_STATES['counterfeit_verdicts'].format(r='a')} AS counterfeit
        FROM listings l JOIN assessments a USING (marketplace, listing_id)
        WHERE l.seller_name IS NOT NULL AND ({_STATES['listings'].format(r='a')})),
    listing AS MATERIALIZED (
        SELECT seller, marketplace, max(high) AS high, max(counterfeit) AS counterfeit
        FROM flagged GROUP BY marketplace, listing_id)
    SELECT seller, brand, marketplace, count(*), sum(high), sum(counterfeit) FROM flagged
    GROUP BY seller COLLATE NOCASE, brand, marketplace
    UNION ALL SELECT seller, brand, '', count(*), sum(high), sum(counterfeit) FROM flagged
    GROUP BY seller COLLATE NOCASE, brand
    UNION ALL SELECT seller, '', marketplace, count(*), sum(high), sum(counterfeit) FROM listing
    GROUP BY seller COLLATE NOCASE, marketplace
    UNION ALL SELECT seller, '', '', count(*), sum(high), sum(counterfeit) FROM listing
    GROUP BY seller COLLATE NOCASE"""
# Every brand's view of a listing: its facts with that brand's assessment and verdict.
ASSESSED_LISTINGS = """
CREATE VIEW IF NOT EXISTS assessed_listings AS
SELECT l.marketplace, l.listing_id, l.marketplace || ':' || l.listing_id AS key, a.brand,
       a.keyword, a.score, a.risk, a.reasons, a.verdict, a.verdict_at, l.url, l.title,
       l.price_min, l.price_max, l.currency, l.price_min_usd, l.price_max_usd, l.moq,
       l.moq_unit, l.seller_name, l.seller_id, l.seller_url, l.seller_country,
       l.seller_location, l.seller_years, l.badges, l.sold_count, l.image_url,
       l.evidence_sha256, l.first_seen, l.last_seen, l.times_seen, l.last_crawl_id
FROM assessments a JOIN listings l USING (marketplace, listing_id)
"""
# Timestamps before schema 3 were ISO-8601 with an offset, which SQLite's date functions
# do not compare as dates; they are rewritten as `YYYY-MM-DD HH:MM:SS` (UTC), its own form.
TIMESTAMPS = {"listings": ("first_seen", "last_seen"), "observations": ("seen_at",),
              "crawls": ("started_at", "finished_at")}


class StoreError(Exception):
    """A file that cannot be this project's database (another program's, not SQLite); one line."""


def add_columns(conn: sqlite3.Connection, table: str, columns: Mapping[str, str]) -> None:
    """Add the columns an older shape of `table` lacks."""
    existing = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
    for column, kind in columns.items():
        if column not in existing:
            conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {kind}')


def _ensure_table(conn: sqlite3.Connection, table: str, columns: Mapping[str, str],
                  key: tuple[str, ...]) -> None:
    """Create `table`, or add the columns an older shape of it lacks."""
    definitions = ", ".join(f'"{column}" {kind}' for column, kind in columns.items())
    conn.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({definitions}, '
                 f'PRIMARY KEY ({", ".join(key)}))')
    add_columns(conn, table, columns)


def released_tables(conn: sqlite3.Connection) -> None:
    """Version 1: the tables as released before schema versions, created or completed."""
    _ensure_table(conn, "listings", RELEASED_LISTING_COLUMNS, ("marketplace", "listing_id"))
    _ensure_table(conn, "crawls", RELEASED_CRAWL_COLUMNS, ("id",))
    _ensure_table(conn, "observations", RELEASED_OBSERVATION_COLUMNS,
                  ("crawl_id", "marketplace", "listing_id"))
    conn.execute("CREATE INDEX IF NOT EXISTS idx_listings_risk_score ON listings (risk, score)")
    conn.execute("CREATE INDEX IF NOT EXISTS idx_listings_brand ON listings (brand)")
    conn.execute("CREATE INDEX IF NOT EXISTS idx_observations_marketplace_listing_id "
                 "ON observations (marketplace, listing_id)")
    conn.execute("CREATE VIEW IF NOT EXISTS review_queue AS SELECT * FROM listings "
                 "WHERE risk IN ('high', 'medium') ORDER BY score DESC, last_seen DESC")


def crawl_accounting(conn: sqlite3.Connection) -> None:
    """Version 2: crawls count the listings they lost, and name their process."""
    add_columns(conn, "crawls", ACCOUNTING_COLUMNS)


def reviewers_database(conn: sqlite3.Connection) -> None:
    """Version 3: per-brand assessments, reviews and evidence as history, FTS, fast queries.

    Schema 1's per-listing score and verdict columns stay as they were (no longer written):
    each listing's score becomes its brand's assessment, each verdict a review.
    """
    add_columns(conn, "listings", FACT_COLUMNS)
    add_columns(conn, "crawls", {"job_id": "TEXT"})
    _observations_with_keys(conn)
    for statement in (ASSESSMENTS, REVIEWS, EVIDENCE, REVIEW_STATE, ASSESSED_LISTINGS,
                      *INDEXES):
        conn.execute(statement)
    for table, columns in TIMESTAMPS.items():
        for column in columns:
            conn.execute(f"UPDATE {table} SET {column} = datetime({column}) "
                         f"WHERE {column} LIKE '%T%'")
    conn.execute(
        "INSERT OR IGNORE INTO assessments (brand, marketplace, listing_id, keyword, score, "
        "risk, reasons, first_seen, last_seen, times_seen, last_crawl_id) "
        "SELECT brand, marketplace, listing_id, keyword, score, risk, reasons, first_seen, "
        "last_seen, times_seen, last_crawl_id FROM listings WHERE brand IS NOT NULL")
    conn.execute(
        "INSERT INTO reviews (brand, marketplace, listing_id, verdict, note, reviewer, "
        "created_at) SELECT brand, marketplace, listing_id, verdict, verdict_note, "
        "'schema 1 verdict', coalesce(datetime(verdict_at), datetime('now')) FROM listings "
        "WHERE verdict IS NOT NULL AND brand IS NOT NULL")
    conn.execute("DROP VIEW IF EXISTS review_queue")  # a view holds no data: rebuilt on the join
    conn.execute(REVIEW_QUEUE)


def _observations_with_keys(conn: sqlite3.Connection) -> None:
    """Observations rebuilt with foreign keys to listings and crawls (SQLite cannot add them
    to a table), every row copied as it was."""
    add_columns(conn, "observations", OBSERVATION_COLUMNS)
    columns = {**RELEASED_OBSERVATION_COLUMNS, **OBSERVATION_COLUMNS}
    names = ", ".join(columns)
    definitions = ", ".join(f"{column} {kind}" for column, kind in columns.items())
    conn.execute(f"CREATE TABLE observations_keyed ({definitions}, "
                 "PRIMARY KEY (crawl_id, marketplace, listing_id), "
                 f"FOREIGN KEY (crawl_id) REFERENCES crawls (id), {LISTING_KEY})")
    conn.execute(f"INSERT INTO observations_keyed ({names}) SELECT {names} FROM observations")
    conn.execute("DROP TABLE observations")
    conn.execute("ALTER TABLE observations_keyed RENAME TO observations")
    conn.execute("CREATE INDEX IF NOT EXISTS idx_observations_marketplace_listing_id "
                 "ON observations (marketplace, listing_id)")


def ensure_full_text_search(db) -> None:
    """FTS5 on titles and sellers, through sqlite-utils (its table and triggers), filled from
    listings. Outside the migration's transaction: sqlite-utils commits as it goes."""
    table = db["listings"]
    if table.detect_fts() is not None:
        return
    try:
        table.enable_fts(["title", "seller_name"], fts_version="FTS5", create_triggers=True,
                         tokenize="unicode61 remove_diacritics 2")
    except sqlite3.OperationalError:
        if table.detect_fts() is None:  # not another process creating it at the same moment
            raise
        return
    # sqlite-utils' update trigger re-indexes a row on every update; a re-seen listing
    # (last_seen, times_seen) changes neither indexed column.
    with db.conn:
        db.conn.execute("DROP TRIGGER IF EXISTS listings_au")
        db.conn.execute(FTS_UPDATE)


def seller_counts(conn: sqlite3.Connection) -> None:
    """Version 4: sellers' flagged listings counted ahead, every seller counted now."""
    for statement in SELLER_COUNTS:
        conn.execute(statement)
    conn.execute(COUNT_SELLERS)


# MIGRATIONS[n] takes a database from schema version n to n + 1. Additive only: tables and
# columns are added, never dropped or rewritten (reviewers' verdicts live here); an index,
# which holds no data, may be replaced by a better one.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    released_tables, crawl_accounting, reviewers_database, seller_counts]
SCHEMA_VERSION = len(MIGRATIONS)
# PRAGMA application_id marks the file as this project's ("BrCr").
APPLICATION_ID = int.from_bytes(b"BrCr", "big")


def schema_version(conn: sqlite3.Connection, path: str) -> int:
    """The file's schema version; StoreError when it is not, or no longer, this project's.

    Call it inside a transaction: the header and the tables are read as of one moment.
    """
    try:
        application_id, version = conn.execute(
            "SELECT application_id, user_version FROM pragma_application_id, "
            "pragma_user_version").fetchone()
        tables = sorted(row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        keys = {row[1] for row in conn.execute("PRAGMA table_info(listings)")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a SQLite database ({exc})") from None
    if application_id == APPLICATION_ID:
        if version > SCHEMA_VERSION:
            raise StoreError(f"{path} was written by a newer brand-crawler (schema version "
                             f"{version}; this one knows up to {SCHEMA_VERSION})")
        return version
    if application_id or version:
        raise StoreError(f"{path} is another program's SQLite database (application_id "
                         f"{application_id}, user_version {version}); not touching it")
    if tables and not {"marketplace", "listing_id"} <= keys:
        raise StoreError(f"{path} is not a brand-crawler database (its tables: "
                         f"{', '.join(tables[:5])}{', ...' if len(tables) > 5 else ''})")
    return 0  # empty, or written before schema versions
