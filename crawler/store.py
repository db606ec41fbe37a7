"""The SQLite database reviewers query: schema versions, batched upserts, crawls. The only SQL."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

LISTING_COLUMNS = {
    "marketplace": "TEXT", "listing_id": "TEXT", "url": "TEXT", "title": "TEXT",
    "brand": "TEXT", "keyword": "TEXT", "price_min": "REAL", "price_max": "REAL",
    "currency": "TEXT", "moq": "INTEGER", "moq_unit": "TEXT", "seller_name": "TEXT",
    "seller_url": "TEXT", "seller_country": "TEXT", "seller_years": "INTEGER", "badges": "TEXT",
    "sold_count": "INTEGER", "image_url": "TEXT", "score": "INTEGER", "risk": "TEXT",
    "reasons": "TEXT", "first_seen": "TEXT", "last_seen": "TEXT",
    "times_seen": "INTEGER NOT NULL DEFAULT 0", "last_crawl_id": "INTEGER", "verdict": "TEXT",
    "verdict_note": "TEXT", "verdict_at": "TEXT",
}
SCRAPED = [c for c in LISTING_COLUMNS if c not in
           ("first_seen", "last_seen", "times_seen", "last_crawl_id", "verdict",
            "verdict_note", "verdict_at")]
JSON_COLUMNS = ("badges", "reasons")
OBSERVATION_COLUMNS = ("price_min", "price_max", "currency", "moq", "moq_unit", "sold_count",
                       "score", "risk")
RELEASED_CRAWL_COLUMNS = {
    "id": "INTEGER", "brand": "TEXT", "marketplaces": "TEXT", "started_at": "TEXT",
    "finished_at": "TEXT", "finish_reason": "TEXT", "status": "TEXT", "pages": "INTEGER",
    "listings_scraped": "INTEGER", "listings_dropped": "INTEGER",
    "listings_duplicates": "INTEGER", "listings_stored": "INTEGER", "blocked_pages": "INTEGER",
    "layout_changed_pages": "INTEGER", "errors": "INTEGER", "stats": "TEXT",
}
# Schema version 2: what a crawl lost and why, and which process runs it.
ACCOUNTING_COLUMNS = {"listings_lost": "INTEGER", "lost_reason": "TEXT", "pid": "INTEGER",
                      "host": "TEXT"}
CRAWL_COLUMNS = {**RELEASED_CRAWL_COLUMNS, **ACCOUNTING_COLUMNS}
# Where every scraped listing went: listings_scraped is the sum of these.
ACCOUNTED = ("listings_stored", "listings_lost", "listings_dropped", "listings_duplicates")
VERDICTS = ("counterfeit", "legitimate", "unsure")
# PRAGMA application_id marks the file as this project's ("BrCr").
APPLICATION_ID = int.from_bytes(b"BrCr", "big")
BUSY_TIMEOUT = 60.0
# SQLite's error codes for failures that may pass, and the cause they are counted under.
FAILURE_CAUSES = {"SQLITE_BUSY": "locked", "SQLITE_LOCKED": "locked", "SQLITE_FULL": "disk_full",
                  "SQLITE_IOERR": "io_error"}

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


class StoreError(Exception):
    """A file that cannot be this project's database (another program's, not SQLite); one line."""


def utc_now() -> str:
    """The current time as ISO-8601 UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def failure_cause(exc: BaseException) -> str:
    """Why a write failed: `locked`, `disk_full`, `io_error` (may pass), or `error`."""
    name = getattr(exc, "sqlite_errorname", None) or ""
    return next((cause for code, cause in FAILURE_CAUSES.items() if name.startswith(code)),
                "error")


def _add_columns(conn: sqlite3.Connection, table: str, columns: Mapping[str, str]) -> None:
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
    _add_columns(conn, table, columns)


def _released_tables(conn: sqlite3.Connection) -> None:
    """Version 1: the tables as released before schema versions, created or completed."""
    _ensure_table(conn, "listings", LISTING_COLUMNS, ("marketplace", "listing_id"))
    _ensure_table(conn, "crawls", RELEASED_CRAWL_COLUMNS, ("id",))
    _ensure_table(conn, "observations",
                  {"crawl_id": "INTEGER", "marketplace": "TEXT", "listing_id": "TEXT",
                   "seen_at": "TEXT", **{c: LISTING_COLUMNS[c] for c in OBSERVATION_COLUMNS}},
                  ("crawl_id", "marketplace", "listing_id"))
    conn.execute("CREATE INDEX IF NOT EXISTS idx_listings_risk_score ON listings (risk, score)")
    conn.execute("CREATE INDEX IF NOT EXISTS idx_listings_brand ON listings (brand)")
    conn.execute("CREATE INDEX IF NOT EXISTS idx_observations_marketplace_listing_id "
                 "ON observations (marketplace, listing_id)")
    conn.execute(f"CREATE VIEW IF NOT EXISTS review_queue AS {_REVIEW_QUEUE}")


def _crawl_accounting(conn: sqlite3.Connection) -> None:
    """Version 2: crawls count the listings they lost, and name their process."""
    _add_columns(conn, "crawls", ACCOUNTING_COLUMNS)


# MIGRATIONS[n] takes a database from schema version n to n + 1. Additive only: tables,
# columns and indexes are added, never dropped or rewritten (reviewers' verdicts live here).
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_released_tables, _crawl_accounting]
SCHEMA_VERSION = len(MIGRATIONS)


def _schema_version(conn: sqlite3.Connection, path: str) -> int:
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


def _read_schema_version(conn: sqlite3.Connection, path: str) -> int:
    conn.execute("BEGIN")
    try:
        return _schema_version(conn, path)
    finally:
        conn.rollback()


def _until_unlocked(action: Callable[[], object], timeout: float) -> None:
    """Run `action`, retrying while SQLite answers 'database is locked' without waiting."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            action()
            return
        except sqlite3.OperationalError as exc:
            if failure_cause(exc) != "locked" or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


class Store:
    """The listings database at `path`: created, or migrated to SCHEMA_VERSION, on first use."""

    def __init__(self, path: str | Path, timeout: float = BUSY_TIMEOUT) -> None:
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, timeout=timeout, check_same_thread=False)
        try:
            version = _read_schema_version(self.conn, self.path)
            # Switching to WAL fails at once, not after the busy timeout, while another
            # connection creates the same file.
            if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                _until_unlocked(lambda: self.conn.execute("PRAGMA journal_mode = WAL"), timeout)
            self.conn.execute("PRAGMA synchronous = NORMAL")
            if version < SCHEMA_VERSION:
                self._migrate()
        except BaseException:
            self.conn.close()
            raise
        self.db = sqlite_utils.Database(self.conn)

    @staticmethod
    def check(path: str | Path) -> None:
        """StoreError unless `path` is missing (to be created) or a database Store can open."""
        if not Path(path).exists():
            return
        try:
            conn = sqlite3.connect(str(path))
        except sqlite3.Error as exc:
            raise StoreError(f"{path} cannot be opened ({exc})") from None
        try:
            _read_schema_version(conn, str(path))
        finally:
            conn.close()

    def _migrate(self) -> None:
        with self._transaction():  # one process migrates; the others wait, then see it done
            version = _schema_version(self.conn, self.path)
            for migration in MIGRATIONS[version:]:
                migration(self.conn)
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def _transaction(self):
        """BEGIN IMMEDIATE: the write lock up front (waiting the busy timeout), then commit."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise

    def _update_crawl(self, crawl_id: int, fields: Mapping[str, object]) -> None:
        values = {k: v for k, v in fields.items() if k in CRAWL_COLUMNS and k != "id"}
        if values:
            assignments = ", ".join(f"{column} = :{column}" for column in values)
            self.conn.execute(f"UPDATE crawls SET {assignments} WHERE id = :id",
                              {**values, "id": crawl_id})

    def start_crawl(self, brand: str, marketplaces: Iterable[str]) -> int:
        """Record a crawl that is starting in this process; its id."""
        with self._transaction():
            cursor = self.conn.execute(
                "INSERT INTO crawls (brand, marketplaces, started_at, status, pid, host) "
                "VALUES (?, ?, ?, 'running', ?, ?)",
                (brand, ",".join(marketplaces), utc_now(), os.getpid(), socket.gethostname()))
        return cursor.lastrowid

    def resume_crawl(self, crawl_id: int) -> None:
        """Mark an interrupted crawl as running again, in this process (resumed from JOBDIR)."""
        with self._transaction():
            self._update_crawl(crawl_id, {"status": "running", "finished_at": None,
                                          "pid": os.getpid(), "host": socket.gethostname()})

    def crawl(self, crawl_id: int) -> dict | None:
        """A crawl's row, or None."""
        rows = list(self.db.query("SELECT * FROM crawls WHERE id = ?", [crawl_id]))
        return rows[0] if rows else None

    def save(self, listings: list[Mapping], crawl_id: int, seen: str | None = None,
             progress: Mapping[str, object] | None = None) -> int:
        """Upsert listings and their observations in one transaction; how many were written.

        `progress` (crawls columns) is written to the crawl's row in the same transaction, so
        the row never counts a listing as stored that is not.
        """
        if not listings:
            return 0
        seen = seen or utc_now()
        rows = [
            {**{c: _column_value(item.get(c), c) for c in SCRAPED},
             "seen": seen, "crawl_id": crawl_id}
            for item in listings
        ]
        with self._transaction():
            self.conn.executemany(_UPSERT, rows)
            self.conn.executemany(_OBSERVE, rows)
            if progress:
                self._update_crawl(crawl_id, progress)
        return len(rows)

    def finish_crawl(self, crawl_id: int, **fields: object) -> None:
        """Record how a crawl ended."""
        with self._transaction():
            self._update_crawl(crawl_id, {**fields, "finished_at": utc_now()})

    def interrupt_crawl(self, crawl_id: int, reason: str,
                        progress: Mapping[str, object] | None = None) -> dict | None:
        """Close a `running` crawl that cannot finish: `interrupted`, its row as closed (or None).

        Every listing it scraped that is not stored, lost, dropped or a duplicate is counted
        lost for `reason` ("process gone", "forced shutdown").
        """
        with self._transaction():
            row = self.crawl(crawl_id)
            if not row or row["status"] != "running":
                return None
            row.update(progress or {})
            for column in ("listings_scraped", *ACCOUNTED):
                row[column] = row[column] or 0
            missing = row["listings_scraped"] - sum(row[c] for c in ACCOUNTED)
            if missing > 0:
                row["listings_lost"] += missing
                row["lost_reason"] = "; ".join(
                    filter(None, [row["lost_reason"], f"{reason}: {missing} listings"]))
            row.update(status="interrupted", finish_reason=reason.replace(" ", "_"),
                       finished_at=utc_now())
            self._update_crawl(crawl_id, row)
        return row

    def mark_stale_crawls(self) -> list[dict]:
        """Mark `interrupted` the crawls left `running` by a process of this host that is gone
        (killed, out of memory); their rows, as marked."""
        cursor = self.conn.execute(
            "SELECT id, pid FROM crawls WHERE status = 'running' AND host = ? "
            "AND pid IS NOT NULL", (socket.gethostname(),))
        stale = [crawl_id for crawl_id, pid in cursor.fetchall() if not _process_alive(pid)]
        marked = (self.interrupt_crawl(crawl_id, "process gone") for crawl_id in stale)
        return [row for row in marked if row]

    def set_verdict(self, marketplace: str, listing_id: str, verdict: str, note: str = "") -> bool:
        """Record a reviewer's verdict on a listing; False when there is no such listing."""
        if verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}")
        with self._transaction():
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
