"""`crawler review` on a crawled database: the queue, one listing, verdicts one by one and in
bulk, sellers, takedown exports and the takedown report, as a reviewer runs them."""

import csv
import io
import json
import sqlite3
import subprocess
import sys
import zlib

import pytest
import pytest_twisted

from crawler.cli import main
from crawler.review import since_timestamp, spreadsheet_safe
from crawler.store import Store
from tests.conftest import ROOT, always, crawl, rows

WIDTH = 120


@pytest.fixture
def review(capsys, monkeypatch):
    """Run `crawler review ARGS` in this process on a terminal WIDTH columns wide."""
    monkeypatch.setenv("COLUMNS", str(WIDTH))

    def review(*args: str) -> subprocess.CompletedProcess:
        try:
            code = main(["review", *args])
        except SystemExit as exit_:  # argparse's errors
            code = exit_.code
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)

    return review


@pytest_twisted.async_fixture
async def db(serve, tmp_path):
    """A database with one crawl of the Alibaba gucci bag results page (48 listings)."""
    path = tmp_path / "listings.db"
    await crawl("alibaba", serve(always("alibaba", "gucci-bag-p1.html")), path,
                keywords="gucci bag", max_pages=1)
    return path


def queue_json(review, db, *args: str) -> list[dict]:
    result = review("queue", "--db", str(db), "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def flagged(db) -> list[dict]:
    return rows(db, "SELECT * FROM review_queue")


async def test_the_queue_as_a_table_json_and_csv_with_filters(review, db):
    expected = flagged(db)
    assert len(expected) > 20
    data = queue_json(review, db)
    assert [r["key"] for r in data] == [r["key"] for r in expected[:50]]
    for row in data:
        assert row["key"] == f"{row['marketplace']}:{row['listing_id']}"
        assert row["risk"] in ("high", "medium") and row["verdict"] is None
        assert isinstance(row["badges"], list) and isinstance(row["reasons"], list)
    assert [r["score"] for r in data] == sorted((r["score"] for r in data), reverse=True)

    table = review("--db", str(db), "--top", "3").stdout.splitlines()  # as before subcommands
    assert table == review("queue", "--db", str(db), "--limit", "3").stdout.splitlines()
    assert table[0].split()[:5] == ["score", "risk", "key", "USD", "MOQ"]
    assert len(table) == 2 + 3 * 3 and all(len(line) <= WIDTH for line in table)
    top = data[0]
    assert top["key"] in table[2] and f"{top['score']} high" in table[2]
    assert table[3].strip().startswith(top["url"][:40])
    best = max((r for r in top["reasons"]), key=lambda r: r["points"])
    assert f"{best['rule']} +{best['points']}: {best['detail'][:20]}" in table[4]


    medium = queue_json(review, db, "--risk", "medium")
    assert medium and {r["risk"] for r in medium} == {"medium"}
    assert len(queue_json(review, db, "--limit", "4")) == 4
    seller = top["seller_name"]
    own = queue_json(review, db, "--seller", seller.upper())
    assert own and {r["seller_name"] for r in own} == {seller}
    assert len(queue_json(review, db, "--since", "1h")) == len(data)
    assert queue_json(review, db, "--since", "2999-01-01") == []
    assert queue_json(review, db, "--marketplace", "aliexpress") == []
    assert len(queue_json(review, db, "--brand", "GUCCI")) == len(data)  # a display name, any case

    lines = list(csv.DictReader(io.StringIO(review("queue", "--db", str(db), "--format", "csv")
                                            .stdout)))
    assert [line["key"] for line in lines] == [r["key"] for r in data]
    assert lines[0]["reasons"].startswith(f"{best['rule']} +{best['points']}: ")


async def test_the_table_fits_a_narrow_terminal(review, db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "70")
    for args in (["queue"], ["sellers"], ["report"], ["show", flagged(db)[0]["key"]]):
        out = review(*args, "--db", str(db)).stdout.splitlines()
        assert out and max(len(line) for line in out) <= 70, args
    queue = review("queue", "--db", str(db)).stdout.splitlines()
    assert flagged(db)[0]["key"] in queue[2]  # keys are never cut
    assert any(line.endswith("…") for line in queue)


async def test_show_tells_everything_about_one_listing(review, db, serve, tmp_path):
    top = flagged(db)[0]
    key = top["key"]
    assert review("mark", key, "reported", "--db", str(db), "--note", "form 7", "--by", "ana") \
        .returncode == 0
    # The listing vanishes from the results: a later crawl finds nothing.
    await crawl("alibaba", serve(always("alibaba", "empty.html")), db, keywords="gucci bag",
                max_pages=1)

    text = review("show", key, "--db", str(db))
    assert text.returncode == 0
    out = text.stdout
    assert out.splitlines()[0] == key
    for fact in (top["url"][:60], top["title"][:60], top["seller_name"][:40]):
        assert fact in out
    assert "assessments\n  gucci: " in out and "reported at" in out
    reasons = json.loads(top["reasons"])
    assert f"{reasons[0]['points']:+d} {reasons[0]['rule']}: {reasons[0]['detail'][:30]}" in out
    assert "\nhistory\n" in out and "first seen" in out
    evidence = rows(db, "SELECT sha256, card FROM evidence WHERE marketplace = ? AND "
                        "listing_id = ?", top["marketplace"], top["listing_id"])
    assert evidence[0]["sha256"][:40] in out
    assert "form 7" in out and "ana" in out

    card = review("show", key, "--db", str(db), "--card").stdout
    assert zlib.decompress(evidence[0]["card"]).decode() in card

    data = json.loads(review("show", key, "--db", str(db), "--format", "json", "--card").stdout)
    assert data["listing"]["key"] == key and data["listing"]["url"] == top["url"]
    assert [a["brand"] for a in data["assessments"]] == ["gucci"]
    assert data["assessments"][0]["reasons"] == reasons
    assert data["history"][0]["changed"] == ["first seen"]
    assert data["evidence"][0]["card"] == zlib.decompress(evidence[0]["card"]).decode()
    assert [(r["verdict"], r["reviewer"], r["note"]) for r in data["reviews"]] == [
        ("reported", "ana", "form 7")]
    other = json.loads(review("show", key, "--db", str(db), "--format", "json", "--brand",
                              "balenciaga").stdout)
    assert other["assessments"] == other["reviews"] == [] and other["listing"]["key"] == key


async def test_mark_one_many_a_seller_a_csv_file_and_unmark(review, db, tmp_path):
    keys = [r["key"] for r in flagged(db)]
    d = str(db)
    assert review("mark", keys[0], "counterfeit", "--db", d, "--note", "GG clasp",
                  "--by", "ana").stdout == f"{keys[0]}: counterfeit\n"
    assert keys[0] not in [r["key"] for r in flagged(db)]
    assert review("mark", keys[1], keys[2], "unsure", "--db", d, "--by", "bo").stdout == \
        f"{keys[1]}: unsure\n{keys[2]}: unsure\n"
    assert review("--db", d, "--mark", keys[3], "legitimate", "--note", "own shop").returncode \
        == 0  # the form before subcommands

    seller = rows(db, "SELECT seller_name, count(*) AS n FROM review_queue GROUP BY 1 "
                      "ORDER BY 2 DESC LIMIT 1")[0]
    theirs = {r["key"] for r in rows(db, "SELECT key FROM assessed_listings WHERE "
                                         "seller_name = ? AND risk IN ('high', 'medium')",
                                     seller["seller_name"])}
    bulk = review("mark", "reported", "--seller", seller["seller_name"].lower(),
                  "--marketplace", "alibaba", "--db", d, "--by", "ana")
    assert bulk.returncode == 0
    assert {line.split(": ")[0] for line in bulk.stdout.splitlines()} == theirs
    marked = {r["key"]: r["verdict"] for r in rows(db, "SELECT key, verdict FROM "
                                                       "assessed_listings")}
    assert {marked[k] for k in theirs} == {"reported"}

    rest = [r["key"] for r in flagged(db)]
    sheet = tmp_path / "verdicts.csv"
    sheet.write_text(f"key,verdict,note\n{rest[0]},counterfeit,logo\n{rest[1]},unsure,\n"
                     f"{rest[1]},unsure,\n", encoding="utf-8-sig")
    assert review("mark", "--from-csv", str(sheet), "--db", d).stdout == \
        f"{rest[0]}: counterfeit\n{rest[1]}: unsure\n"
    assert rows(db, "SELECT note FROM reviews WHERE marketplace || ':' || listing_id = ?",
                rest[0]) == [{"note": "logo"}]
    # An export, marked reported in one go: the command line's verdict and note for every row.
    exported = tmp_path / "takedowns.csv"
    assert review("export", "--db", d, "--out", str(exported)).returncode == 0
    reported = review("mark", "--from-csv", str(exported), "reported", "--note", "form 9",
                      "--db", d)
    assert {line.split(": ")[0] for line in reported.stdout.splitlines()} == {
        keys[0], rest[0], *theirs}
    assert review("mark", "--from-csv", str(exported), "counterfeit", "--db", d).returncode == 0
    history = rows(db, "SELECT verdict, note, reviewer FROM reviews WHERE marketplace || ':' || "
                       "listing_id = ? ORDER BY id", keys[0])
    assert history[:2] == [{"verdict": "counterfeit", "note": "GG clasp", "reviewer": "ana"},
                           {"verdict": "reported", "note": "form 9", "reviewer": history[1][
                               "reviewer"]}]

    assert review("unmark", keys[0], rest[0], "--db", d, "--by", "ana").stdout == \
        f"{keys[0]}: cleared\n{rest[0]}: cleared\n"
    assert {keys[0], rest[0]} <= {r["key"] for r in flagged(db)}  # back in the queue
    assert rows(db, "SELECT verdict FROM reviews WHERE marketplace || ':' || listing_id = ? "
                    "ORDER BY id", keys[0]) == [{"verdict": v} for v in (
                        "counterfeit", "reported", "counterfeit", None)]


@pytest.mark.parametrize(("args", "message"), [
    (["mark", "alibaba:1", "counterfeit"], "error: no listing alibaba:1 in {db}; nothing marked"),
    (["mark", "{key}", "alibaba:1", "reported"], "error: no listing alibaba:1 in {db}; nothing"),
    (["mark", "{key}", "relisted"], "error: verdict must be one of counterfeit, legitimate, "
                                    "unsure, reported, removed, not 'relisted'"),
    (["mark", "{key}", "--note", "GG clasp"], "error: --note needs a verdict: crawler review "
                                              "mark KEY... VERDICT"),
    (["--note", "GG clasp"], "error: --note needs a verdict: --mark KEY VERDICT --note TEXT"),
    (["--mark", "{key}", "maybe"], "error: verdict must be one of"),
    (["mark", "reported", "--seller", "Nobody Ltd"], "error: no flagged listing of seller "
                                                     "'Nobody Ltd' in {db}"),
    (["mark", "--from-csv", "{csv}"], "error: {csv} line 3: no verdict"),
    (["mark", "{key}", "reported", "--brand", "apple"], "error: no listing assessed for apple "),
    (["show", "alibaba:1"], "error: no listing alibaba:1 in {db}"),
    (["show", "nokey"], "error: 'nokey' is not a KEY (marketplace:listing_id"),
    (["queue", "--since", "yesterday"], "error: argument --since: not a date (2026-11-30), "),
    (["queue", "--brand", "nope"], "error: unknown brand 'nope'; known brands: "),
    (["queue", "--bogus"], "error: unrecognized arguments: --bogus"),
    (["export", "--verdict", "fake"], "error: --verdict must be among counterfeit, "),
])
async def test_a_bad_request_is_one_line_and_exit_2_and_changes_nothing(review, db, tmp_path,
                                                                        args, message):
    key = flagged(db)[0]["key"]
    sheet = tmp_path / "v.csv"
    sheet.write_text(f"key,verdict\n{key},reported\n{key},\n")
    before = rows(db, "SELECT * FROM reviews")
    result = review(*(a.format(key=key, csv=sheet) for a in args), "--db", str(db))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(message.format(db=db, csv=sheet))
    assert result.stderr.count("\n") == 1
    assert rows(db, "SELECT * FROM reviews") == before


@pytest.mark.parametrize("args", [["queue"], ["show", "alibaba:1"], ["sellers"], ["export"],
                                  ["report"], ["mark", "alibaba:1", "counterfeit"]])
def test_a_file_that_is_no_database_is_one_line(review, tmp_path, args):
    path = tmp_path / "listings.db"
    path.write_bytes(b"not a database" * 100)
    result = review(*args, "--db", str(path))
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", f"error: {path} is not a SQLite database (file is not a database)\n")
    missing = review(*args, "--db", str(tmp_path / "none.db"))
    assert (missing.returncode, missing.stderr) == (2, f"error: no database at "
                                                       f"{tmp_path / 'none.db'}\n")


async def test_the_database_defaults_to_crawler_db(review, db, monkeypatch):
    monkeypatch.setenv("CRAWLER_DB", str(db))
    assert review("queue", "--limit", "1", "--format", "json").returncode == 0


async def test_sellers_one_row_each_most_high_risk_first(review, db):
    d = str(db)
    data = json.loads(review("sellers", "--db", d, "--format", "json").stdout)
    per_seller = rows(db, "SELECT seller_name, count(*) AS listings, sum(risk = 'high') AS high "
                          "FROM review_queue WHERE seller_name IS NOT NULL GROUP BY 1")
    assert {r["seller"]: (r["listings"], r["high_risk"]) for r in data} == {
        r["seller_name"]: (r["listings"], r["high"]) for r in per_seller}
    assert [r["high_risk"] for r in data] == sorted((r["high_risk"] for r in data), reverse=True)
    assert {r["marketplaces"] for r in data} == {"alibaba"} and {r["brands"] for r in data} == {
        "gucci"}
    top = data[0]
    review("mark", "counterfeit", "--seller", top["seller"], "--db", d)
    again = {r["seller"]: r for r in json.loads(review("sellers", "--db", d, "--format",
                                                       "json").stdout)}
    assert again[top["seller"]]["counterfeit_verdicts"] == top["listings"]
    table = review("sellers", "--db", d, "--limit", "3").stdout.splitlines()
    assert table[0].split()[:3] == ["seller", "marketplaces", "listings"] and len(table) == 5


async def test_export_has_what_a_takedown_needs_and_is_safe_in_a_spreadsheet(review, db,
                                                                              tmp_path):
    d = str(db)
    keys = [r["key"] for r in flagged(db)]
    store = Store(db)
    hostile = {"marketplace": "alibaba", "listing_id": "999", "brand": "gucci",
               "keyword": "gucci bag", "url": "https://www.alibaba.com/product-detail/x_999.html",
               "title": "=HYPERLINK(\"http://evil\",\"Replica Gucci\")",
               "seller_name": "+Guangzhou Fakes", "seller_url": "@shop", "score": 95,
               "risk": "high", "price_min": 2.0, "price_max": 5.0, "currency": "USD",
               "reasons": [{"rule": "replica_vocabulary", "points": 40, "detail": "-replica"}],
               "card": '{"title": "=HYPERLINK"}'}
    store.save([hostile], store.start_crawl("gucci", ["alibaba"]), seen="2026-11-01 00:00:00")
    # The seller edits the title after it was flagged: the export keeps the flagged one.
    store.save([{**hostile, "title": "Gucci style bag", "card": '{"title": "Gucci style"}'}],
               store.start_crawl("gucci", ["alibaba"]), seen="2026-11-02 00:00:00")
    store.close()
    review("mark", "alibaba:999", keys[0], "counterfeit", "--db", d)
    review("mark", keys[1], "reported", "--db", d)
    review("mark", keys[2], "legitimate", "--db", d)

    out = review("export", "--db", d)
    assert out.returncode == 0
    exported = list(csv.DictReader(io.StringIO(out.stdout)))
    assert sorted(r["key"] for r in exported) == sorted(["alibaba:999", keys[0], keys[1]])
    row = next(r for r in exported if r["key"] == "alibaba:999")
    assert row["title_flagged"] == "'=HYPERLINK(\"http://evil\",\"Replica Gucci\")"
    assert row["title"] == "Gucci style bag"
    assert row["seller_name"] == "'+Guangzhou Fakes" and row["seller_url"] == "'@shop"
    assert row["reasons"] == "replica_vocabulary +40: -replica"
    assert (row["price_min"], row["price_max"], row["currency"], row["score"]) == (
        "2.0", "5.0", "USD", "95")
    assert (row["first_seen"], row["last_seen"]) == ("2026-11-01 00:00:00", "2026-11-02 00:00:00")
    evidence = rows(db, "SELECT sha256, crawl_id FROM evidence WHERE listing_id = '999' "
                        "ORDER BY id")
    assert row["evidence_sha256"] == evidence[0]["sha256"]  # the card as flagged
    assert row["latest_evidence_sha256"] == evidence[1]["sha256"]
    assert (row["evidence_crawl_id"], row["first_crawl_id"], row["last_crawl_id"]) == (
        str(evidence[0]["crawl_id"]), str(evidence[0]["crawl_id"]), str(evidence[1]["crawl_id"]))
    for column in ("url", "seller_url", "moq", "verdict", "verdict_at", "brand"):
        assert column in row

    path = tmp_path / "takedowns.jsonl"
    result = review("export", "--db", d, "--format", "jsonl", "--out", str(path),
                    "--verdict", "legitimate,reported")
    assert result.stderr == f"2 listings exported to {path}\n"
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert {line["verdict"] for line in lines} == {"legitimate", "reported"}
    assert isinstance(lines[0]["reasons"], list)


@pytest.mark.parametrize(("value", "safe"), [
    ("=1+1", "'=1+1"), ("+31 6", "'+31 6"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("Gucci", "Gucci"), (-2, -2), (None, None), ("", ""),
])
def test_spreadsheet_safe_cells(value, safe):
    assert spreadsheet_safe(value) == safe


def add_reviews(db, reviews: list[tuple[str, str, str]]) -> None:
    """(listing_id, verdict, created_at) reviews for gucci on alibaba, written as SQL would."""
    conn = sqlite3.connect(db)
    conn.executemany("INSERT INTO reviews (brand, marketplace, listing_id, verdict, reviewer, "
                     "created_at) VALUES ('gucci', 'alibaba', ?, ?, 'ana', ?)", reviews)
    conn.commit()
    conn.close()


async def test_the_takedown_report_and_the_median_days_to_removal(review, db):
    ids = [r["listing_id"] for r in flagged(db)]
    add_reviews(db, [
        (ids[0], "reported", "2026-11-01 00:00:00"), (ids[0], "removed", "2026-11-03 00:00:00"),
        (ids[1], "reported", "2026-11-01 00:00:00"), (ids[1], "removed", "2026-11-05 00:00:00"),
        # Reported, removed after a day, back, reported again, removed a week later.
        (ids[2], "reported", "2026-11-01 00:00:00"), (ids[2], "removed", "2026-11-02 00:00:00"),
        (ids[2], "relisted", "2026-11-08 00:00:00"), (ids[2], "reported", "2026-11-10 00:00:00"),
        (ids[2], "removed", "2026-11-17 00:00:00"),
        # Reported twice: counted from the first report.
        (ids[3], "reported", "2026-11-01 00:00:00"), (ids[3], "reported", "2026-11-02 12:00:00"),
        (ids[3], "removed", "2026-11-06 00:00:00"),
        (ids[4], "reported", "2026-11-20 00:00:00"),
        (ids[5], "removed", "2026-11-20 00:00:00"), (ids[5], "relisted", "2026-11-21 00:00:00"),
        (ids[6], "counterfeit", "2026-11-20 00:00:00"),
    ])
    # Days to removal: 2, 4, 1, 7, 5: the median is 4.
    data = json.loads(review("report", "--db", str(db), "--format", "json").stdout)
    assert len(data) == 1
    report = data[0]
    flagged_now = len(rows(db, "SELECT 1 FROM assessments WHERE risk IN ('high', 'medium')"))
    high = len(rows(db, "SELECT 1 FROM assessments WHERE risk = 'high'"))
    assert report == {
        "brand": "gucci", "marketplace": "alibaba", "new_high_risk": high,
        "open": flagged_now - 7, "reported": 1, "removed": 4, "relisted": 1, "takedowns": 5,
        "median_days_to_removal": 4.0, "last_crawl_started": report["last_crawl_started"]}

    add_reviews(db, [(ids[4], "removed", "2026-11-21 00:00:00")])  # a sixth: 1 day; even count
    assert json.loads(review("report", "--db", str(db), "--format", "json").stdout)[0][
        "median_days_to_removal"] == 3.0
    table = review("report", "--db", str(db)).stdout.splitlines()
    assert table[0].split() == ["brand", "marketplace", "new", "high", "open", "reported",
                                "removed", "relisted", "median", "days"]
    assert table[2].split() == ["gucci", "alibaba", str(high), str(flagged_now - 7), "0", "5",
                                "1", "3.0"]
    assert json.loads(review("report", "--db", str(db), "--format", "json",
                             "--marketplace", "aliexpress").stdout) == []


async def test_new_high_risk_counts_only_the_latest_crawls_finds(review, db, serve):
    before = json.loads(review("report", "--db", str(db), "--format", "json").stdout)[0]
    await crawl("alibaba", serve(always("alibaba", "gucci-bag-p1.html")), db,
                keywords="gucci bag", max_pages=1)
    after = json.loads(review("report", "--db", str(db), "--format", "json").stdout)[0]
    assert before["new_high_risk"] > 0 and after["new_high_risk"] == 0  # all seen before


def test_since_takes_dates_times_and_ages():
    from datetime import UTC, datetime
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    assert since_timestamp("24h", now) == "2026-11-30 12:00:00"
    assert since_timestamp("7d", now) == "2026-11-24 12:00:00"
    assert since_timestamp("2026-11-30") == "2026-11-30 00:00:00"
    assert since_timestamp("2026-11-30T06:30") == "2026-11-30 06:30:00"
    for bad in ("yesterday", "2026-13-01", "7x", ""):
        with pytest.raises(ValueError):
            since_timestamp(bad)


@pytest.mark.e2e
def test_crawler_review_errors_from_the_console_script(tmp_path):
    path = tmp_path / "x.db"
    path.write_text("no database")
    for args in (["review", "queue", "--db", str(path)], ["review", "queue", "--limit", "x"]):
        result = subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=ROOT,
                                capture_output=True, text=True, timeout=60, check=False)
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
        assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
