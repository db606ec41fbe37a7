"""The SQLite database reviewers query: batched writes of listings, assessments, evidence and
reviews; the crawls rows. With `schema` and `queries`, the only SQL."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from crawler.currency import RATES_DATE, usd
from crawler.store.queries import CRAWLS_ENDED, NEW_HIGH_RISK, run
from crawler.store.schema import (
    APPLICATION_ID,
    CRAWL_COLUMNS,
    MIGRATIONS,
    OBSERVED,
    SCHEMA_VERSION,
    StoreError,
    ensure_full_text_search,
    schema_version,
)

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA_VERSION", "Store", "StoreError", "VERDICTS"]

# A listing's facts as the crawler last saw them (one row per marketplace and listing id).
FACTS = ("url", "title", "price_min", "price_max", "currency", "price_min_usd", "price_max_usd",
         "usd_rates_date", "moq", "moq_unit", "seller_name", "seller_id", "seller_url",
         "seller_country", "seller_location", "seller_years", "badges", "sold_count",
         "image_url", "evidence_sha256")
# What an observation records when it changes between crawls: the listing's history.
TRACKED = ("title", "seller_name", *OBSERVED)
# Where every scraped listing went: listings_scraped is the sum of these.
ACCOUNTED = ("listings_stored", "listings_lost", "listings_dropped", "listings_duplicates")
# A reviewer's verdicts, and the crawler's own entries: a reported listing found removed on
# its product page (`recheck`), a removed one seen again in a search. None clears a verdict.
VERDICTS = ("counterfeit", "legitimate", "unsure", "reported", "removed", "relisted")
BUSY_TIMEOUT = 60.0
# SQLite's error codes for failures that may pass, and the cause they are counted under.
FAILURE_CAUSES = {"SQLITE_BUSY": "locked", "SQLITE_LOCKED": "locked", "SQLITE_FULL": "disk_full",
                  "SQLITE_IOERR": "io_error"}
CACHE_KIB = 64 * 1024  # page cache per connection: a million listings' indexes stay in memory
CHECKPOINT_PAGES = 10_000
KEYS_PER_QUERY = 300  # (marketplace, listing_id) pairs per look-up: within SQLite's 32,766

_UPSERT_FACTS = """
INSERT INTO listings (marketplace, listing_id, {columns}, first_seen, last_seen, times_seen,
                      last_crawl_id)
VALUES (:marketplace, :listing_id, {values}, :seen, :seen, 1, :crawl_id)
ON CONFLICT (marketplace, listing_id) DO UPDATE SET {updates},
    evidence_sha256 = coalesce(excluded.evidence_sha256, listings.evidence_sha256),
    last_seen = excluded.last_seen,
    times_seen = listings.times_seen + (listings.last_crawl_id IS NOT excluded.last_crawl_id),
    last_crawl_id = excluded.last_crawl_id
""".format(
    columns=", ".join(FACTS), values=", ".join(f":{c}" for c in FACTS),
    updates=", ".join(f"{c} = excluded.{c}" for c in FACTS if c != "evidence_sha256"),
)
# A listing seen again exactly as it was: only the sighting is recorded.
_SEEN_AGAIN = """
UPDATE listings SET last_seen = :seen,
    times_seen = times_seen + (last_crawl_id IS NOT :crawl_id), last_crawl_id = :crawl_id
WHERE marketplace = :marketplace AND listing_id = :listing_id
"""
_UPSERT_ASSESSMENT = """
INSERT INTO assessments (brand, marketplace, listing_id, keyword, score, risk, reasons,
                         first_seen, last_seen, times_seen, last_crawl_id)
VALUES (:brand, :marketplace, :listing_id, :keyword, :score, :risk, :reasons, :seen, :seen, 1,
        :crawl_id)
ON CONFLICT (brand, marketplace, listing_id) DO UPDATE SET keyword = excluded.keyword,
    score = excluded.score, risk = excluded.risk, reasons = excluded.reasons,
    last_seen = excluded.last_seen,
    times_seen = assessments.times_seen
                 + (assessments.last_crawl_id IS NOT excluded.last_crawl_id),
    last_crawl_id = excluded.last_crawl_id
"""
_OBSERVE = """
INSERT OR REPLACE INTO observations (crawl_id, marketplace, listing_id, seen_at, {columns},
                                     changed)
VALUES (:crawl_id, :marketplace, :listing_id, :seen, {values}, :changed)
""".format(columns=", ".join(TRACKED), values=", ".join(f":{c}" for c in TRACKED))
_EVIDENCE = """
INSERT OR IGNORE INTO evidence (marketplace, listing_id, sha256, card, page_url, crawl_id,
                                seen_at)
VALUES (:marketplace, :listing_id, :evidence_sha256, :card, :page_url, :crawl_id, :seen)
"""
_REVIEW = """
INSERT INTO reviews (brand, marketplace, listing_id, verdict, note, reviewer, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?)
"""


def utc_now() -> str:
    """The current time in UTC as SQLite writes it (`YYYY-MM-DD HH:MM:SS`), so that
    `first_seen > datetime('now', '-1 day')` compares as dates."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")


def failure_cause(exc: BaseException) -> str:
    """Why a write failed: `locked`, `disk_full`, `io_error` (may pass), or `error`."""
    name = getattr(exc, "sqlite_errorname", None) or ""
    return next((cause for code, cause in FAILURE_CAUSES.items() if name.startswith(code)),
                "error")


def _read_schema_version(conn: sqlite3.Connection, path: str) -> int:
    conn.execute("BEGIN")
    try:
        return schema_version(conn, path)
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
            self.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            # Checkpoints (the one fsync in WAL mode) every ~40 MB of WAL, not every 4 MB.
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
            if version < SCHEMA_VERSION:
                self._migrate()
            self.db = sqlite_utils.Database(self.conn)
            _until_unlocked(lambda: ensure_full_text_search(self.db), timeout)
        except BaseException:
            self.conn.close()
            raise

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
            version = schema_version(self.conn, self.path)
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

    def start_crawl(self, brand: str, marketplaces: Iterable[str],
                    job_id: str | None = None) -> int:
        """Record a crawl that is starting in this process (a scrapyd job's id, if any); its id."""
        with self._transaction():
            cursor = self.conn.execute(
                "INSERT INTO crawls (brand, marketplaces, started_at, status, pid, host, job_id) "
                "VALUES (?, ?, ?, 'running', ?, ?, ?)",
                (brand, ",".join(marketplaces), utc_now(), os.getpid(), socket.gethostname(),
                 job_id))
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
        """Store a batch of listings (one per brand that found it) in one transaction; how
        many were written.

        A listing's facts are kept once; each brand's assessment beside them; an observation
        when a tracked value changed (or on first sight); its card as evidence when its hash
        changed; a `relisted` review when a brand had it as removed. `progress` (crawls
        columns) is written to the crawl's row in the same transaction, so the row never
        counts a listing as stored that is not.
        """
        if not listings:
            return 0
        seen = seen or utc_now()
        facts = {(item["marketplace"], item["listing_id"]): _fact_row(item, seen, crawl_id)
                 for item in listings}
        with self._transaction():
            before = self._facts_before(list(facts))
            observed = [row for key, row in facts.items() if _observe(row, before.get(key))]
            fresh = [row for key, row in facts.items() if row["evidence_sha256"]
                     and row["evidence_sha256"] != (before.get(key) or {}).get("sha")]
            same, changed = [], []
            for key, row in facts.items():
                (same if _unchanged(row, before.get(key)) else changed).append(row)
            self.conn.executemany(_UPSERT_FACTS, changed)
            self.conn.executemany(_SEEN_AGAIN, same)
            self.conn.executemany(_OBSERVE, observed)
            self.conn.executemany(_EVIDENCE, [{**row, "card": zlib.compress(
                row["card"].encode("utf-8", "surrogatepass"))} for row in fresh])
            assessed = [_assessment_row(item, seen, crawl_id) for item in listings]
            relisted = self._removed_before(assessed)
            self.conn.executemany(_UPSERT_ASSESSMENT, assessed)
            self.conn.executemany(_REVIEW, [
                (*key, "relisted", "seen again in a search", "crawler", seen) for key in relisted])
            if progress:
                self._update_crawl(crawl_id, progress)
        return len(listings)

    def _facts_before(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], dict]:
        """The facts stored for each listing key, if any (the evidence hash as `sha`)."""
        found = {}
        by_marketplace: dict[str, list[str]] = {}
        for marketplace, listing_id in keys:
            by_marketplace.setdefault(marketplace, []).append(listing_id)
        columns = ", ".join(FACTS)
        for marketplace, ids in by_marketplace.items():
            for chunk in _chunks(ids):  # the key's prefix, then IN: a search of its index
                cursor = self.conn.execute(
                    f"SELECT listing_id, {columns} FROM listings "
                    f"WHERE marketplace = ? AND listing_id IN ({', '.join('?' * len(chunk))})",
                    [marketplace, *chunk])
                for listing_id, *values in cursor:
                    row = dict(zip(FACTS, values, strict=True))
                    found[(marketplace, listing_id)] = {**row, "sha": row["evidence_sha256"]}
        return found

    def _removed_before(self, assessed: list[dict]) -> list[tuple[str, str, str]]:
        """(brand, marketplace, listing_id) of the assessments a review had as removed."""
        keys = list({(a["brand"], a["marketplace"], a["listing_id"]) for a in assessed})
        removed = []
        for chunk in _chunks(keys):
            cursor = self.conn.execute(
                "SELECT brand, marketplace, listing_id FROM assessments WHERE verdict = "
                f"'removed' AND (brand, marketplace, listing_id) IN (VALUES "
                f"{_triples(len(chunk))})",
                [part for key in chunk for part in key])
            removed += [tuple(row) for row in cursor]
        return removed

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

    def add_review(self, marketplace: str, listing_id: str, verdict: str | None,
                   note: str = "", reviewer: str | None = None,
                   brand: str | None = None) -> int:
        """Record a verdict (None clears it) on a listing, for one brand or every brand that
        assessed it; how many assessments it applies to (0: no such listing)."""
        return self.add_reviews([(marketplace, listing_id, verdict, note)], reviewer, brand)[0]

    def add_reviews(self, reviews: Iterable[tuple[str, str, str | None, str | None]],
                    reviewer: str | None = None, brand: str | None = None) -> list[int]:
        """Record (marketplace, listing_id, verdict, note) reviews in one transaction, each for
        one brand or every brand that assessed the listing; how many assessments each
        applies to (0: no such listing)."""
        reviews = list(reviews)
        for *_, verdict, _ in reviews:
            if verdict is not None and verdict not in VERDICTS:
                raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}")
        applied = []
        with self._transaction():
            for marketplace, listing_id, verdict, note in reviews:
                brands = [row[0] for row in self.conn.execute(
                    "SELECT brand FROM assessments WHERE marketplace = ? AND listing_id = ? "
                    "AND (? IS NULL OR brand = ?)", (marketplace, listing_id, brand, brand))]
                self.conn.executemany(_REVIEW, [
                    (b, marketplace, listing_id, verdict, note or None, reviewer, utc_now())
                    for b in brands])
                applied.append(len(brands))
        return applied

    def record_removed(self, marketplace: str, listing_id: str, brands: Iterable[str],
                       note: str) -> int:
        """A `removed` review by `recheck` for each of `brands` whose latest verdict on the
        listing is still counterfeit or reported; how many were added."""
        with self._transaction():
            cursor = self.conn.execute(
                "INSERT INTO reviews (brand, marketplace, listing_id, verdict, note, reviewer, "
                "created_at) SELECT brand, marketplace, listing_id, 'removed', ?, 'recheck', ? "
                "FROM assessments WHERE marketplace = ? AND listing_id = ? "
                "AND verdict IN ('counterfeit', 'reported') "
                "AND brand IN (SELECT value FROM json_each(?))",
                (note, utc_now(), marketplace, listing_id, json.dumps(list(brands))))
        return cursor.rowcount

    def cards(self, marketplace: str, listing_id: str) -> list[dict]:
        """A listing's evidence rows, oldest first, each with its card as text."""
        return [{**row, "card": zlib.decompress(row["card"]).decode("utf-8", "replace")}
                for row in run(self.conn, "evidence_cards", marketplace=marketplace,
                               listing_id=listing_id)]

    def judged(self) -> dict[tuple[str, str, str], str]:
        """Each judged assessment's verdict by (brand, marketplace, listing_id)."""
        cursor = self.conn.execute("SELECT brand, marketplace, listing_id, verdict "
                                   "FROM assessments WHERE verdict IS NOT NULL")
        return {(b, m, i): v for b, m, i, v in cursor}

    def recent_crawls(self, limit: int) -> list[dict]:
        """The latest crawls, newest first."""
        return list(self.db.query("SELECT * FROM crawls ORDER BY id DESC LIMIT ?", [limit]))

    def ended_crawls(self) -> list[dict]:
        """Every crawl that has ended (any status but `running`), oldest first."""
        return list(self.db.query(CRAWLS_ENDED))

    def new_high_risk(self, crawl_id: int) -> list[dict]:
        """The high-risk, unjudged assessments crawl `crawl_id` saw that no alert has named,
        with their listings' facts; highest score first."""
        return list(self.db.query(NEW_HIGH_RISK, {"crawl_id": crawl_id}))

    def mark_alerted(self, keys: Iterable[tuple[str, str, str]]) -> None:
        """Remember that an alert named these (brand, marketplace, listing_id) assessments."""
        keys, now = list(keys), utc_now()
        with self._transaction():
            for chunk in _chunks(keys):
                self.conn.execute(
                    "UPDATE assessments SET alerted_at = ? WHERE alerted_at IS NULL AND "
                    f"(brand, marketplace, listing_id) IN (VALUES {_triples(len(chunk))})",
                    [now, *(part for key in chunk for part in key)])

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


def _chunks(keys: list) -> list[list]:
    return [keys[i:i + KEYS_PER_QUERY] for i in range(0, len(keys), KEYS_PER_QUERY)]


def _triples(count: int) -> str:
    return ", ".join(["(?, ?, ?)"] * count)


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _json(value: object) -> str:
    return _ENCODER.encode(value or [])


def _fact_row(item: Mapping, seen: str, crawl_id: int) -> dict:
    """A listing's facts as columns: JSON badges, prices in USD too, the card's hash."""
    card = item.get("card")
    card_hash = hashlib.sha256(card.encode("utf-8", "surrogatepass")) if card else None
    row = {column: item.get(column) for column in FACTS}
    row.update(
        marketplace=item["marketplace"], listing_id=item["listing_id"],
        badges=_json(item.get("badges")),
        price_min_usd=usd(item.get("price_min"), item.get("currency")),
        price_max_usd=usd(item.get("price_max"), item.get("currency")),
        usd_rates_date=RATES_DATE if item.get("price_min") is not None else None,
        evidence_sha256=card_hash.hexdigest() if card_hash else None,
        card=card, page_url=item.get("page_url"), seen=seen, crawl_id=crawl_id,
    )
    return row


def _unchanged(row: dict, before: dict | None) -> bool:
    """Whether every fact is as stored (a missing card keeps the stored evidence hash)."""
    return before is not None and all(
        row[c] == before[c] or (c == "evidence_sha256" and row[c] is None) for c in FACTS)


def _observe(row: dict, before: dict | None) -> bool:
    """Whether a listing's tracked values changed (or it is new); notes which in the row."""
    changed = [c for c in TRACKED if before is None or before[c] != row[c]]
    row["changed"] = _json(["first seen"] if before is None else changed)
    return bool(changed)


def _assessment_row(item: Mapping, seen: str, crawl_id: int) -> dict:
    return {"brand": item["brand"], "marketplace": item["marketplace"],
            "listing_id": item["listing_id"], "keyword": item.get("keyword"),
            "score": item.get("score"), "risk": item.get("risk"),
            "reasons": _json(item.get("reasons")), "seen": seen, "crawl_id": crawl_id}
