"""Schema versions: every earlier database is migrated in place, only ever by adding; a file
that is not this project's database is refused in one line and left untouched."""

import shutil
import sqlite3

import pytest

from crawler.arguments import ArgumentError, database_path
from crawler.store import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, Store, StoreError
from crawler.store.schema import TIMESTAMPS
from tests.conftest import FIXTURES, rows
from tests.test_store_faults import finish, listings, scrape, started

# Written by the Store as released before schema versions: 5 listings, 2 verdicts, 2 crawls.
RELEASED = FIXTURES / "db" / "schema-v0.db"
VERDICTS = {("alibaba", "1600000001"): "counterfeit", ("alibaba", "1600000003"): "legitimate"}


def released_copy(path):
    shutil.copy(RELEASED, path)
    return path


def alter(db, *statements: str) -> None:
    conn = sqlite3.connect(db)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def as_sqlite_times(records: list[dict], table: str) -> list[dict]:
    """Rows with the crawler's ISO-8601 timestamps in SQLite's own form, as schema 3 rewrites
    them (a reviewer's `verdict_at` stays as written)."""
    def normal(column, value):
        if column in TIMESTAMPS[table] and isinstance(value, str) and "T" in value:
            return value.replace("T", " ")[:19]
        return value
    return [{k: normal(k, v) for k, v in r.items()} for r in records]


def schema(db) -> dict:
    """Each table's and index's columns, and the views: what a migration must produce."""
    objects = rows(db, "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    return {(o["type"], o["name"]): sorted(r["name"] for r in rows(
        db, f"SELECT name FROM pragma_{'index' if o['type'] == 'index' else 'table'}_info(?)",
        o["name"])) for o in objects}


@pytest.fixture(scope="module")
def current_schema(tmp_path_factory):
    db = tmp_path_factory.mktemp("fresh") / "fresh.db"
    Store(db).close()
    return schema(db)


# Shapes older than the released one, as a pre-release could have left them.
OLDER_SHAPES = {
    "released": (),
    "crawls without status": ("ALTER TABLE crawls DROP COLUMN status",),
    "listings missing columns": tuple(f"ALTER TABLE listings DROP COLUMN {c}" for c in
                                      ("sold_count", "image_url", "seller_years")),
    "no observations": ("DROP TABLE observations",),
}


@pytest.mark.parametrize("shape", OLDER_SHAPES)
def test_a_database_from_before_schema_versions_is_migrated_in_place(tmp_path, shape,
                                                                     current_schema):
    db = released_copy(tmp_path / "old.db")
    alter(db, *OLDER_SHAPES[shape])
    listings_before = rows(db, "SELECT * FROM listings ORDER BY marketplace, listing_id")
    crawls_before = rows(db, "SELECT * FROM crawls ORDER BY id")

    store = Store(db)
    assert rows(db, "SELECT * FROM pragma_user_version, pragma_application_id") == [
        {"user_version": SCHEMA_VERSION, "application_id": APPLICATION_ID}]
    assert schema(db) == current_schema
    listings_after = rows(db, "SELECT * FROM listings ORDER BY marketplace, listing_id")
    kept = [{k: r[k] for k in old} for old, r in zip(listings_before, listings_after,
                                                     strict=True)]
    assert kept == as_sqlite_times(listings_before, "listings")
    crawls_after = rows(db, "SELECT * FROM crawls ORDER BY id")
    kept = [{k: r[k] for k in old} for old, r in zip(crawls_before, crawls_after, strict=True)]
    assert kept == as_sqlite_times(crawls_before, "crawls")
    assert store.judged() == {("gucci", *key): verdict for key, verdict in VERDICTS.items()}
    assert rows(db, "SELECT listing_id, verdict, note FROM reviews ORDER BY listing_id") == [
        {"listing_id": "1600000001", "verdict": "counterfeit", "note": "GG clasp, $3"},
        {"listing_id": "1600000003", "verdict": "legitimate", "note": listings_before[2][
            "verdict_note"]}]
    assert rows(db, "SELECT count(*) AS n FROM assessments") == [{"n": len(listings_before)}]

    crawl = store.start_crawl("gucci", ["alibaba"])
    seen_again = {**listings(1)[0], "listing_id": "1600000001", "sold_count": 7}
    store.save([seen_again], crawl, progress={"listings_scraped": 1, "listings_stored": 1})
    store.finish_crawl(crawl, status="ok", listings_lost=0)
    store.close()
    assert rows(db, "SELECT times_seen, sold_count, verdict, verdict_note FROM listings "
                    "WHERE listing_id = '1600000001'") == [
        {"times_seen": 3, "sold_count": 7, "verdict": "counterfeit",
         "verdict_note": "GG clasp, $3"}]
    assert rows(db, "SELECT status, listings_stored, listings_lost FROM crawls WHERE id = ?",
                crawl) == [{"status": "ok", "listings_stored": 1, "listings_lost": 0}]


def test_a_crawl_into_an_older_database_stores_its_listings(tmp_path):
    db = released_copy(tmp_path / "l.db")  # where started() crawls
    alter(db, *OLDER_SHAPES["listings missing columns"], *OLDER_SHAPES["crawls without status"])
    crawler, record, pipeline = started(tmp_path)
    scrape(crawler, pipeline, listings(144, start=1000))
    row = finish(crawler, record, pipeline)
    assert (row["status"], row["listings_scraped"], row["listings_stored"]) == ("ok", 144, 144)
    assert rows(db, "SELECT count(*) AS n FROM listings") == [{"n": 5 + 144}]


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_each_schema_version_is_migrated_to_the_current_one(tmp_path, version, current_schema):
    db = tmp_path / "v.db"
    conn = sqlite3.connect(db)
    for migration in MIGRATIONS[:version]:
        migration(conn)
    if version:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    Store(db).close()
    assert rows(db, "PRAGMA user_version") == [{"user_version": SCHEMA_VERSION}]
    assert schema(db) == current_schema


def test_opening_a_current_database_changes_no_schema(tmp_path):
    db = tmp_path / "l.db"
    Store(db).close()
    before = rows(db, "SELECT * FROM sqlite_master")
    Store(db).close()
    assert rows(db, "SELECT * FROM sqlite_master") == before


def _not_sqlite(path):
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 40)


def _other_programs_tables(path):
    alter(path, "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)")


def _other_programs_version(path):
    released_copy(path)
    alter(path, "PRAGMA user_version = 7")


def _newer_brand_crawler(path):
    Store(path).close()
    alter(path, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")


@pytest.mark.parametrize(("make", "message"), [
    (_not_sqlite, "is not a SQLite database (file is not a database)"),
    (_other_programs_tables, "is not a brand-crawler database (its tables: users)"),
    (_other_programs_version, "is another program's SQLite database (application_id 0, "
                              "user_version 7); not touching it"),
    (_newer_brand_crawler, f"was written by a newer brand-crawler (schema version "
                           f"{SCHEMA_VERSION + 1}; this one knows up to {SCHEMA_VERSION})"),
])
def test_a_file_that_is_not_this_projects_database_is_refused_untouched(tmp_path, make,
                                                                        message):
    path = tmp_path / "listings.db"
    make(path)
    content = path.read_bytes()
    with pytest.raises(StoreError) as refused:
        Store(path)
    assert str(refused.value) == f"{path} {message}"
    with pytest.raises(ArgumentError) as before_the_crawl:
        database_path(str(path))
    assert str(before_the_crawl.value) == f"SQLITE_PATH: {path} {message}"
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["listings.db"]


def test_the_argument_check_reads_without_migrating_or_creating(tmp_path):
    db = released_copy(tmp_path / "old.db")
    assert database_path(str(db)) == db
    assert rows(db, "PRAGMA user_version") == [{"user_version": 0}]
    assert database_path(str(tmp_path / "new.db")) == tmp_path / "new.db"
    assert not (tmp_path / "new.db").exists()
