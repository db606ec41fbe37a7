"""The reviewer's tools behind `crawler review`: the queue, one listing, verdicts, sellers,
takedown evidence and the takedown report, as pure functions over the store's queries, and
their output as terminal text, CSV or JSON."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

from crawler.store import VERDICTS, Store
from crawler.store.queries import run
from crawler.text import without_controls

# What a reviewer writes; the store also knows `relisted`, which only the crawler records.
REVIEWER_VERDICTS = tuple(v for v in VERDICTS if v != "relisted")
EXPORTED_VERDICTS = ("counterfeit", "reported")
TOP_REASONS = 3
_AGE_RE = re.compile(r"(\d+)\s*([mhdw])")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_MOMENT_RE = re.compile(r"(\d{4}-\d\d-\d\d)(?:[ T](\d\d:\d\d(?::\d\d)?))?")
# A spreadsheet reads a cell starting with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ReviewError(ValueError):
    """A reviewer's request that cannot be done (an unknown key, a bad file); one line."""


@dataclass(frozen=True)
class Filters:
    """Which listings a queue or an export shows; None leaves a filter out."""

    brand: str | None = None
    marketplace: str | None = None
    risk: str | None = None
    since: str | None = None  # SQLite timestamp: first seen at or after it
    seller: str | None = None
    limit: int | None = None


def since_timestamp(value: str, now: datetime | None = None) -> str:
    """`24h`, `7d`, `30m`, `2w` ago, or a date or time (`2026-11-30`, `2026-11-30 06:00`, UTC),
    as a SQLite timestamp; ValueError for anything else."""
    text = value.strip()
    if age := _AGE_RE.fullmatch(text.lower()):
        moment = (now or datetime.now(UTC)) - timedelta(**{_UNITS[age[2]]: int(age[1])})
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    if moment := _MOMENT_RE.fullmatch(text):
        try:
            parsed = datetime.fromisoformat(f"{moment[1]} {moment[2] or '00:00'}")
        except ValueError:
            pass
        else:
            return parsed.strftime("%Y-%m-%d %H:%M:%S")
    raise ValueError(f"not a date (2026-11-30), a time (2026-11-30 06:00) or an age (24h, 7d): "
                     f"{value!r}")


def parse_key(key: str) -> tuple[str, str]:
    """(marketplace, listing_id) of a KEY `marketplace:listing_id`; ReviewError if it is not one."""
    marketplace, _, listing_id = key.strip().partition(":")
    if not marketplace or not listing_id:
        raise ReviewError(f"{key!r} is not a KEY (marketplace:listing_id, e.g. alibaba:1600123456)")
    return marketplace, listing_id


def _json_list(text: str | None) -> list:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def reasons_text(reasons: list[dict], top: int | None = None) -> str:
    """The reasons that add points, most first: `rule +40: detail; ...`."""
    adding = sorted((r for r in reasons if isinstance(r, dict) and (r.get("points") or 0) > 0),
                    key=lambda r: -r["points"])
    return "; ".join(f"{r.get('rule')} +{r['points']}: {r.get('detail') or ''}".rstrip(": ")
                     for r in adding[:top])


# --- what the commands read and write ---

def queue(store: Store, filters: Filters) -> list[dict]:
    """Flagged listings no reviewer judged yet (or relisted), highest score first."""
    return run(store.conn, "filtered_queue", **asdict(filters))


def show(store: Store, key: str, cards: bool = False, brand: str | None = None) -> dict:
    """Everything the database knows of one listing: facts, each brand's (or one brand's)
    assessment and reviews, its history, and its evidence (with the cards when asked)."""
    marketplace, listing_id = parse_key(key)
    where = {"marketplace": marketplace, "listing_id": listing_id}
    found = run(store.conn, "listing", **where)
    if not found:
        raise ReviewError(f"no listing {key} in {store.path}")

    def of_brand(rows: list[dict]) -> list[dict]:
        return [row for row in rows if brand in (None, row["brand"])]

    return {
        "listing": found[0],
        "assessments": of_brand(run(store.conn, "listing_assessments", **where)),
        "history": run(store.conn, "price_history", **where),
        "evidence": store.cards(**where) if cards else run(store.conn, "evidence", **where),
        "reviews": of_brand(run(store.conn, "listing_reviews", **where)),
    }


def seller_keys(store: Store, seller: str, marketplace: str | None = None,
                brand: str | None = None) -> list[str]:
    """The KEYs of a seller's flagged listings (any case of its name)."""
    found = run(store.conn, "seller_flagged", seller=seller, marketplace=marketplace, brand=brand)
    return [f"{row['marketplace']}:{row['listing_id']}" for row in found]


def read_marks(path: Path, verdict: str | None, note: str | None) -> list[tuple[str, str, str]]:
    """(key, verdict, note) from a CSV file with a `key` column and optional `verdict` and
    `note` columns (an export is one); `verdict` and `note`, when given, apply to every row.
    A row repeated (an export's row per brand) counts once."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            reader = csv.DictReader(file)
            if "key" not in (reader.fieldnames or []):
                raise ReviewError(f"{path}: no 'key' column (columns: key, verdict, note)")
            marks = []
            for row in reader:
                where = f"{path} line {reader.line_num}"
                chosen = verdict or (row.get("verdict") or "").strip().lower()
                if not chosen:
                    raise ReviewError(f"{where}: no verdict (in a verdict column, or after "
                                      "--from-csv FILE)")
                if chosen not in REVIEWER_VERDICTS:
                    raise ReviewError(f"{where}: verdict must be one of "
                                      f"{', '.join(REVIEWER_VERDICTS)}, not {chosen!r}")
                marks.append((row["key"] or "", chosen,
                              note or (row.get("note") or "").strip() or None))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ReviewError(f"{path}: cannot read it as a CSV file ({exc})") from None
    return list(dict.fromkeys(marks))


def _judgeable(store: Store, marketplace: str, listing_id: str, brand: str | None) -> bool:
    """Whether `brand` (or any brand, when None) assessed the listing."""
    brands = {a["brand"] for a in run(store.conn, "listing_assessments", marketplace=marketplace,
                                      listing_id=listing_id)}
    return brand in brands if brand else bool(brands)


def mark(store: Store, marks: Iterable[tuple[str, str | None, str | None]],
         reviewer: str | None = None, brand: str | None = None) -> list[tuple[str, str | None]]:
    """Record (key, verdict, note) reviews (verdict None clears it) in one transaction; the
    (key, verdict) of each. Nothing is recorded when a key is unknown."""
    marks = list(marks)
    reviews = [(*parse_key(key), verdict, note) for key, verdict, note in marks]
    missing = [key for (key, *_), (marketplace, listing_id, *_) in zip(marks, reviews, strict=True)
               if not _judgeable(store, marketplace, listing_id, brand)]
    if missing:
        whose = f" assessed for {brand}" if brand else ""
        raise ReviewError(f"no listing{whose} {', '.join(missing[:5])}"
                          f"{' ...' if len(missing) > 5 else ''} in {store.path}; nothing marked")
    store.add_reviews(reviews, reviewer, brand)
    return [(key, verdict) for key, verdict, _ in marks]


def sellers(store: Store, brand: str | None = None, marketplace: str | None = None,
            limit: int | None = None) -> list[dict]:
    """Sellers of flagged listings, the most high-risk listings first."""
    return run(store.conn, "sellers", brand=brand, marketplace=marketplace, limit=limit)


def export(store: Store, filters: Filters,
           verdicts: Iterable[str] = EXPORTED_VERDICTS) -> list[dict]:
    """The evidence a takedown request needs, per brand and listing with one of `verdicts`."""
    return run(store.conn, "export", verdicts=",".join(verdicts), **asdict(filters))


def report(store: Store, brand: str | None = None, marketplace: str | None = None) -> list[dict]:
    """Per brand and marketplace: new high-risk, open, reported, removed, relisted, and the
    median days from a report to the removal."""
    return run(store.conn, "takedown_report", brand=brand, marketplace=marketplace)


# --- output ---

def plain(value: object) -> str:
    """A value as one line of text: no control or direction characters, whatever a file holds."""
    if value is None or value == "":
        return "-"
    text = f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)
    return " ".join(without_controls(text).split()) or "-"


def cut(text: str, width: int) -> str:
    """`text` in at most `width` characters, ending with an ellipsis when it is cut."""
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: width - 1] + "…"


def money(low: float | None, high: float | None, currency: str | None = "") -> str:
    """A price range as text: `2.00-5.00 USD`, `-` when there is none."""
    if low is None:
        return "-"
    shown = f"{low:,.2f}" + (f"-{high:,.2f}" if high not in (None, low) else "")
    return f"{shown} {currency}".strip()


def usd(low: float | None, high: float | None) -> str:
    """A price range in US dollars: `$2.00-5.00`, `-` when there is none."""
    return "-" if low is None else f"${money(low, high)}"


def quantity(value: int | None, unit: str | None) -> str:
    """A minimum order as text: `2,000 piece`, `-` when there is none."""
    return "-" if value is None else f"{value:,} {unit or ''}".strip()


@dataclass(frozen=True)
class Column:
    """A table column: its header, the widest it gets, its alignment, and whether it may be
    narrowed (text) or not (keys, numbers, times) to fit the terminal."""

    header: str
    widest: int = 200
    right: bool = False
    shrinks: bool = True


def fit(widths: list[int], least: list[int], width: int) -> list[int]:
    """Column widths whose table (columns one space apart) fits `width`: the widest column
    gives up a character, again and again, none below its `least`."""
    widths = list(widths)
    while sum(widths) + len(widths) - 1 > width:
        shrinkable = [i for i, w in enumerate(widths) if w > least[i]]
        if not shrinkable:
            break
        widths[max(shrinkable, key=lambda i: widths[i])] -= 1
    return widths


def table(columns: list[Column], rows: list[list[object]], width: int,
          notes: list[list[str]] | None = None) -> list[str]:
    """Rows as a table that fits `width`: each column as wide as its widest cell (up to its
    limit), the widest ones narrowed until the table fits; each row's notes on lines of their
    own beneath it, under the third column; every line cut with an ellipsis."""
    cells = [[plain(value) for value in row] for row in rows]
    natural = [min(column.widest, max([len(column.header)] + [len(r[i]) for r in cells]))
               for i, column in enumerate(columns)]
    least = [min(w, max(len(c.header), 8)) if c.shrinks else w
             for w, c in zip(natural, columns, strict=True)]
    widths = fit(natural, least, width)
    indent = " " * (sum(widths[:2]) + 2) if len(widths) > 2 else "  "

    def line(values: list[str]) -> str:
        padded = [cut(v, w).rjust(w) if c.right else cut(v, w).ljust(w)
                  for v, w, c in zip(values, widths, columns, strict=True)]
        return cut(" ".join(padded).rstrip(), width)

    lines = [line([c.header for c in columns]), line(["-" * w for w in widths])]
    for number, row in enumerate(cells):
        lines.append(line(row))
        if notes:
            lines += [cut(indent + plain(note), width) for note in notes[number]]
    return lines


# Numbers, keys and times keep their width; text is narrowed to fit.
NUMBER = {"right": True, "shrinks": False}
FIXED = {"shrinks": False}
QUEUE_COLUMNS = [Column("score", 5, **NUMBER), Column("risk", 6, **FIXED),
                 Column("key", 40, **FIXED), Column("USD", 19, **NUMBER),
                 Column("MOQ", 14, **NUMBER), Column("seller", 28), Column("title")]


def queue_lines(rows: list[dict], width: int) -> list[str]:
    """The queue for a terminal: a line per listing, then its URL, and its brand, price as
    listed, badges and top reasons."""
    cells = [[r["score"], r["risk"], r["key"],
              usd(r["price_min_usd"], r["price_max_usd"]),
              quantity(r["moq"], r["moq_unit"]), r["seller_name"], r["title"]] for r in rows]
    notes = [[r["url"], " · ".join(filter(None, [
        r["brand"] + (f" ({r['verdict']})" if r["verdict"] else ""),
        money(r["price_min"], r["price_max"], r["currency"]) if r["currency"] != "USD" else "",
        ", ".join(_json_list(r["badges"])),
        reasons_text(_json_list(r["reasons"]), TOP_REASONS)]))] for r in rows]
    return table(QUEUE_COLUMNS, cells, width, notes)


def show_lines(found: dict, width: int) -> list[str]:
    """One listing for a terminal: its facts, assessments, history, evidence and reviews."""
    item = found["listing"]
    seller = ", ".join(filter(None, [
        item["seller_country"], item["seller_location"],
        f"{item['seller_years']} years" if item["seller_years"] else None,
        f"id {item['seller_id']}" if item["seller_id"] else None]))
    facts = [
        ("url", item["url"]), ("title", item["title"]),
        ("price", money(item["price_min"], item["price_max"], item["currency"])
         + (f" ({usd(item['price_min_usd'], item['price_max_usd'])} at the rates of "
            f"{item['usd_rates_date']})"
            if item["currency"] != "USD" and item["price_min_usd"] is not None else "")),
        ("MOQ", quantity(item["moq"], item["moq_unit"])),
        ("seller", f"{plain(item['seller_name'])} ({seller})" if seller
         else item["seller_name"]),
        ("seller url", item["seller_url"]),
        ("badges", ", ".join(_json_list(item["badges"]))), ("sold", item["sold_count"]),
        ("image", item["image_url"]),
        ("seen", f"{item['first_seen']} to {item['last_seen']}, by {item['times_seen']} "
                 f"crawl{'' if item['times_seen'] == 1 else 's'} "
                 f"(the last: {item['last_crawl_id']})"),
        ("evidence", item["evidence_sha256"]),
    ]
    lines = [cut(item["key"], width)] + [cut(f"  {name:<11} {plain(value)}", width)
                                         for name, value in facts]
    lines += ["", "assessments"]
    for a in found["assessments"]:
        verdict = f"{a['verdict']} at {a['verdict_at']}" if a["verdict"] else "not judged"
        lines.append(cut(f"  {a['brand']}: {a['score']} {a['risk']}, {verdict}; search "
                         f"{plain(a['keyword'])}, seen {a['first_seen']} to {a['last_seen']}",
                         width))
        lines += [cut(f"    {r.get('points') or 0:+} {r.get('rule')}: {plain(r.get('detail'))}",
                      width) for r in _json_list(a["reasons"])]
    sections = [
        ("history", [Column("seen at", 19, **FIXED), Column("crawl", 6, **NUMBER),
                     Column("price", 24, **FIXED), Column("MOQ", 8, **NUMBER),
                     Column("sold", 8, **NUMBER), Column("changed", 24), Column("title")],
         [[h["seen_at"], h["crawl_id"], money(h["price_min"], h["price_max"], h["currency"]),
           h["moq"], h["sold_count"], ", ".join(_json_list(h["changed"])), h["title"]]
          for h in found["history"]]),
        ("evidence", [Column("seen at", 19, **FIXED), Column("crawl", 6, **NUMBER),
                      Column("sha256", 64, **FIXED), Column("page")],
         [[e["seen_at"], e["crawl_id"], e["sha256"], e["page_url"]] for e in found["evidence"]]),
        ("reviews", [Column("at", 19, **FIXED), Column("brand", 20),
                     Column("verdict", 11, **FIXED), Column("by", 16), Column("note")],
         [[r["created_at"], r["brand"], r["verdict"] or "(cleared)", r["reviewer"], r["note"]]
          for r in found["reviews"]]),
    ]
    for name, columns, rows in sections:
        lines += ["", name] + (table(columns, rows, width) if rows else ["  (none)"])
    for evidence in found["evidence"]:
        if "card" in evidence:
            lines += ["", f"card {evidence['sha256']} (crawl {evidence['crawl_id']}, "
                          f"{evidence['seen_at']}):", without_controls(evidence["card"])]
    return lines


SELLER_COLUMNS = [Column("seller", 44), Column("marketplaces", 28),
                  Column("listings", 8, **NUMBER), Column("high", 5, **NUMBER),
                  Column("counterfeit", 11, **NUMBER), Column("first seen", 10, **FIXED),
                  Column("last seen", 10, **FIXED), Column("brands")]


def seller_lines(rows: list[dict], width: int) -> list[str]:
    """Sellers for a terminal (counterfeit: listings judged so, whatever happened next)."""
    return table(SELLER_COLUMNS, [
        [r["seller"], r["marketplaces"], r["listings"], r["high_risk"],
         r["counterfeit_verdicts"], r["first_seen"][:10], r["last_seen"][:10], r["brands"]]
        for r in rows], width)


REPORT_COLUMNS = [Column("brand", 20), Column("marketplace", 13, **FIXED),
                  Column("new high", 8, **NUMBER), Column("open", 6, **NUMBER),
                  Column("reported", 8, **NUMBER), Column("removed", 7, **NUMBER),
                  Column("relisted", 8, **NUMBER), Column("median days", 11, **NUMBER)]


def report_lines(rows: list[dict], width: int) -> list[str]:
    """The takedown report for a terminal (median days from a report to the removal)."""
    return table(REPORT_COLUMNS, [
        [r["brand"], r["marketplace"], r["new_high_risk"], r["open"], r["reported"],
         r["removed"], r["relisted"],
         "-" if r["median_days_to_removal"] is None else f"{r['median_days_to_removal']:.1f}"]
        for r in rows], width)


def as_data(row: dict) -> dict:
    """A row for JSON: badges, reasons and `changed` as the lists they hold."""
    return {k: _json_list(v) if k in ("badges", "reasons", "changed") else v
            for k, v in row.items()}


def as_cells(row: dict) -> dict:
    """A row for CSV: badges as `a, b`, reasons as `rule +40: detail; ...`."""
    shaped = dict(row)
    if "badges" in row:
        shaped["badges"] = ", ".join(_json_list(row["badges"]))
    if "reasons" in row:
        shaped["reasons"] = reasons_text(_json_list(row["reasons"]))
    return shaped


def spreadsheet_safe(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: one starting with `=`, `+`, `-`, `@`, a tab or
    a carriage return gets a leading `'`, so it is never run as a formula."""
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value


def write_csv(rows: list[dict], out: TextIO) -> None:
    """Rows as CSV with a header line, every cell spreadsheet-safe."""
    if not rows:
        return
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: spreadsheet_safe(v) for k, v in as_cells(row).items()} for row in rows)


def json_lines(rows: list[dict]) -> Iterator[str]:
    """Rows as JSON Lines."""
    for row in rows:
        yield json.dumps(as_data(row), ensure_ascii=False) + "\n"


def write_json(value: list[dict] | dict, out: TextIO) -> None:
    """Rows (a list) or one listing (an object) as one JSON document."""
    data = [as_data(r) for r in value] if isinstance(value, list) else {
        name: as_data(part) if isinstance(part, dict) else [as_data(r) for r in part]
        for name, part in value.items()}
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
