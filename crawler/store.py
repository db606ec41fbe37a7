"""The SQLite database reviewers query: schema, batched upserts, crawl records. The only SQL."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

LISTING_COLUMNS = {
    "marketplace": str, "listing_id": str, "url": str, "title": str, "brand": str,
    "keyword": str, "price_min": float, "price_max": float, "currency": str, "moq": int,
    "moq_unit": str, "seller_name": str, "seller_url": str, "seller_country": str,
    "seller_years": int, "badges": str, "sold_count": int, "image_url": str, "score": int,
    "risk": str, "reasons": str, "first_seen": str, "last_seen": str, "times_seen": int,
    "last_crawl_id": int, "verdict": str, "verdict_note": str, "verdict_at": str,
}
SCRAPED = [c for c in LISTING_COLUMNS if c not in
           ("first_seen", "last_seen", "times_seen", "last_crawl_id", "verdict",
            "verdict_note", "verdict_at")]
JSON_COLUMNS = ("badges", "reasons")
OBSERVATION_COLUMNS = ("price_min", "price_max", "currency", "moq", "moq_unit", "sold_count",
                       "score", "risk")
CRAWL_COLUMNS = {
    "id": int, "brand": str, "marketplaces": str, "started_at": str, "finished_at": str,
    "finish_reason": str, "status": str, "pages": int, "listings_scraped": int,
    "listings_dropped": int, "listings_duplicates": int, "listings_stored": int,
    "blocked_pages": int, "layout_changed_pages": int, "errors": int, "stats": str,
}
VERDICTS = ("counterfeit", "legitimate", "unsure")

_UPSERT = """
INSERT INTO listings ({columns}, first_seen, last_seen, times_seen, last_crawl_id)
VALUES ({values}, :seen, :seen, 1, :crawl_id)
ON CONFLICT (marketplace, listing_id) DO UPDATE SET {updates},
    last_seen = excluded.last_seen,
    times_seen = listings.times_seen + (listings.last_crawl_id IS NOT excluded.last_crawl_id),
    last_crawl_id = excluded.last_crawl_id
""".format(
    columns=", ".join(SCRAPED),
    values=", ".join(f":{c}" for c in SCRAPED),
    updates=", ".join(f"{c} = excluded.{c}" for c in SCRAPED if c not in ("marketplace",
                                                                          "listing_id")),
)
_OBSERVE = """
INSERT OR REPLACE INTO observations (crawl_id, marketplace, listing_id, seen_at, {columns})
VALUES (:crawl_id, :marketplace, :listing_id, :seen, {values})
""".format(
    columns=", ".join(OBSERVATION_COLUMNS), values=", ".join(f":{c}" for c in OBSERVATION_COLUMNS)
)
_REVIEW_QUEUE = """
SELECT score, risk, brand, marketplace, title, price_min, price_max, currency, moq, moq_unit,
       seller_name, badges, url, reasons, verdict, first_seen, last_seen, times_seen, listing_id
FROM listings WHERE risk IN ('high', 'medium') ORDER BY score DESC, last_seen DESC
"""


def utc_now() -> str:
    """The current time as ISO-8601 UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection that waits for other writers instead of failing with 'database is locked'."""
    conn = sqlite3.connect(str(path), timeout=60, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 60000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


class Store:
    """The listings database at `path`, schema created on first use."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.conn = connect(path)
        self.db = sqlite_utils.Database(self.conn)
        with self.conn:
            self._ensure_schema()

    def _ensure_schema(self) -> None:
        db = self.db
        db["listings"].create(LISTING_COLUMNS, pk=("marketplace", "listing_id"),
                              not_null={"times_seen"}, defaults={"times_seen": 0},
                              if_not_exists=True)
        db["crawls"].create(CRAWL_COLUMNS, pk="id", if_not_exists=True)
        db["observations"].create(
            {"crawl_id": int, "marketplace": str, "listing_id": str, "seen_at": str,
             **{c: LISTING_COLUMNS[c] for c in OBSERVATION_COLUMNS}},
            pk=("crawl_id", "marketplace", "listing_id"), if_not_exists=True,
        )
        db["listings"].create_index(["risk", "score"], if_not_exists=True)
        db["listings"].create_index(["brand"], if_not_exists=True)
        db["observations"].create_index(["marketplace", "listing_id"], if_not_exists=True)
        db.create_view("review_queue", _REVIEW_QUEUE, ignore=True)

    def start_crawl(self, brand: str, marketplaces: Iterable[str]) -> int:
        """Record a crawl that is starting; its id."""
        with self.conn:
            table = self.db["crawls"].insert(
                {"brand": brand, "marketplaces": ",".join(marketplaces),
                 "started_at": utc_now(), "status": "running"}
            )
        return table.last_pk

    def resume_crawl(self, crawl_id: int) -> None:
        """Mark an interrupted crawl as running again (resumed from its JOBDIR)."""
        with self.conn:
            self.db["crawls"].update(crawl_id, {"status": "running", "finished_at": None})

    def crawl(self, crawl_id: int) -> dict | None:
        """A crawl's row, or None."""
        rows = list(self.db.query("SELECT * FROM crawls WHERE id = ?", [crawl_id]))
        return rows[0] if rows else None

    def save(self, listings: list[Mapping], crawl_id: int, seen: str | None = None) -> int:
        """Upsert listings and their observations in one transaction; how many were written."""
        if not listings:
            return 0
        seen = seen or utc_now()
        rows = [
            {**{c: _column_value(item.get(c), c) for c in SCRAPED},
             "seen": seen, "crawl_id": crawl_id}
            for item in listings
        ]
        with self.conn:
            self.conn.executemany(_UPSERT, rows)
            self.conn.executemany(_OBSERVE, rows)
        return len(rows)

    def finish_crawl(self, crawl_id: int, **fields: object) -> None:
        """Record how a crawl ended."""
        values = {k: v for k, v in fields.items() if k in CRAWL_COLUMNS}
        values["finished_at"] = utc_now()
        with self.conn:
            self.db["crawls"].update(crawl_id, values)

    def set_verdict(self, marketplace: str, listing_id: str, verdict: str, note: str = "") -> bool:
        """Record a reviewer's verdict on a listing; False when there is no such listing."""
        if verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}")
        with self.conn:
            cursor = self.conn.execute(
                "UPDATE listings SET verdict = ?, verdict_note = ?, verdict_at = ? "
                "WHERE marketplace = ? AND listing_id = ?",
                (verdict, note, utc_now(), marketplace, listing_id),
            )
        return cursor.rowcount > 0

    def verdicts(self) -> dict[tuple[str, str], str]:
        """Reviewers' verdicts by (marketplace, listing_id)."""
        cursor = self.conn.execute(
            "SELECT marketplace, listing_id, verdict FROM listings WHERE verdict IS NOT NULL")
        return {(m, i): v for m, i, v in cursor}

    def recent_crawls(self, limit: int) -> list[dict]:
        """The latest crawls, newest first."""
        return list(self.db.query("SELECT * FROM crawls ORDER BY id DESC LIMIT ?", [limit]))

    def counts(self) -> tuple[int, int]:
        """How many listings there are, and how many of them the review queue holds."""
        listings = self.conn.execute("SELECT count(*) FROM listings").fetchone()[0]
        flagged = self.conn.execute("SELECT count(*) FROM review_queue").fetchone()[0]
        return listings, flagged

    def review_queue(self, limit: int = 20) -> list[dict]:
        """The highest-scoring high and medium risk listings."""
        return list(self.db.query("SELECT * FROM review_queue LIMIT ?", [limit]))

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def _column_value(value: object, column: str) -> object:
    if column in JSON_COLUMNS:
        return json.dumps(value or [], ensure_ascii=False)
    return value
