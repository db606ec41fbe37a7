"""`crawler` command: review, score, evaluate - the tools around the crawl."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

from crawler import health, watchlist
from crawler.evaluation import evaluate
from crawler.parsing import record_fields, without_controls
from crawler.scoring import score_for
from crawler.store import VERDICTS, Store, StoreError

DEFAULT_DB = "listings.db"
LABELED = tuple(f"fixtures/labeled/{name}.jsonl"
                for name in ("listings", "holdout", "second-author", "third-author",
                             "fourth-author", "fifth-author", "sixth-author", "eighth-author"))


def _money(row: dict) -> str:
    low, high, currency = row.get("price_min"), row.get("price_max"), row.get("currency") or ""
    if low is None:
        return "-"
    return f"{low:,.2f}" + (f"-{high:,.2f}" if high not in (None, low) else "") + f" {currency}"


def _plain(text: object) -> str:
    """Text to print: one line, no control or direction characters (whatever a file holds)."""
    return " ".join(without_controls(str(text or "-")).split()) or "-"


def _cut(text: object, width: int) -> str:
    text = _plain(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def print_queue(rows: list[dict]) -> None:
    """Print review-queue rows as a fixed-width table."""
    header = f"{'score':>5} {'risk':<6} {'market':<13} {'price':<17} {'MOQ':>7} " \
             f"{'seller':<26} {'title':<46} why"
    print(header)
    print("-" * len(header))
    for row in rows:
        reasons = [r["rule"] for r in json.loads(row["reasons"] or "[]") if r["points"] > 0]
        print(f"{row['score']:>5} {row['risk']:<6} {_cut(row['marketplace'], 13):<13} "
              f"{_cut(_money(row), 17):<17} {_cut(row['moq'], 7):>7} "
              f"{_cut(row['seller_name'], 26):<26} {_cut(row['title'], 46):<46} "
              f"{', '.join(reasons)}")


def cmd_review(args: argparse.Namespace) -> int:
    """Show the review queue, or record a reviewer's verdict on one listing."""
    if not Path(args.db).exists():
        print(f"error: no database at {args.db}", file=sys.stderr)
        return 2
    store = Store(args.db)
    try:
        if args.mark:
            marketplace, _, listing_id = args.mark[0].partition(":")
            if not store.add_review(marketplace, listing_id, args.mark[1], args.note or ""):
                print(f"error: no listing {args.mark[0]} in {args.db}", file=sys.stderr)
                return 2
            print(f"{args.mark[0]}: {args.mark[1]}")
        else:
            print_queue(store.review_queue(args.top))
    finally:
        store.close()
    return 0


def score_line(raw: bytes, brands: watchlist.Watchlist) -> str:
    """One JSON Lines record scored, as a line to write; ValueError saying why it cannot be."""
    try:
        record = json.loads(raw.decode("utf-8"))
        if not isinstance(record, dict):
            raise ValueError("not a JSON object")
        value, risk, reasons = score_for(record_fields(record), brands)
        record.update(score=value, risk=risk, reasons=reasons)
        line = json.dumps(record, ensure_ascii=False)
        line.encode("utf-8")
    except RecursionError:
        raise ValueError("nested too deep to read") from None
    except UnicodeEncodeError as exc:
        raise ValueError(f"a lone surrogate (\\u{ord(exc.object[exc.start]):04x}) "
                         "is not text") from None
    return line + "\n"


def cmd_score(args: argparse.Namespace) -> int:
    """Score JSON Lines listings from stdin; write them to stdout with score, risk, reasons."""
    brands = watchlist.load(args.watchlist)
    scored = skipped = 0
    for number, raw in enumerate(sys.stdin.buffer, 1):
        if not raw.strip():
            continue
        try:
            line = score_line(raw, brands)
        except ValueError as exc:
            print(f"line {number}: skipped: {str(exc).splitlines()[0][:200]}", file=sys.stderr)
            skipped += 1
            continue
        sys.stdout.write(line)
        scored += 1
    print(f"scored {scored}, skipped {skipped}", file=sys.stderr)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Per labeled set: precision, recall and F1 with a confusion table, how often each rule
    fires and how often rightly, and the share of counterfeits per score band."""
    brands = watchlist.load(args.watchlist)
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            print(f"error: no labeled file at {path}", file=sys.stderr)
            return 2
        try:
            result = evaluate(path, brands)
        except (OSError, ValueError) as exc:
            print(f"error: {path}: {exc}", file=sys.stderr)
            return 2
        print(result.report(str(path)))
        print(result.rules_report())
        print(result.calibration_report())
        for miss in result.misses[: args.misses]:
            print(f"  missed: {miss['label']} flagged {miss['risk']}: {_plain(miss['title'])}")
        print()
    return 0


def cmd_health(args: argparse.Namespace) -> int:
    """Check the crawls (README "Watching unattended runs"): 0 when healthy, else 1 and one
    line per problem."""
    if not Path(args.db).exists():
        print(f"error: no database at {args.db}", file=sys.stderr)
        return 2
    store, now = Store(args.db), datetime.now(UTC)
    try:
        stale = store.mark_stale_crawls()  # running rows whose process is gone
        problems = health.check(store.ended_crawls(), stale, now, args.max_age)
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps(health.report(problems, now), ensure_ascii=False))
    else:
        for problem in problems:
            print(problem.line())
    return 0 if health.healthy(problems) else 1


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    main_parser = argparse.ArgumentParser(prog="crawler", description=__doc__)
    commands = main_parser.add_subparsers(dest="command", required=True)

    review = commands.add_parser("review", help=cmd_review.__doc__)
    review.add_argument("--db", default=DEFAULT_DB)
    review.add_argument("--top", type=int, default=20)
    review.add_argument("--mark", nargs=2, metavar=("MARKETPLACE:ID", "VERDICT"))
    review.add_argument("--note")
    review.set_defaults(run=cmd_review)

    score = commands.add_parser("score", help=cmd_score.__doc__)
    score.add_argument("--watchlist", help="a brands TOML file (default: the bundled one)")
    score.set_defaults(run=cmd_score)

    evaluation = commands.add_parser("evaluate", help=cmd_evaluate.__doc__)
    evaluation.add_argument("files", nargs="*", default=list(LABELED))
    evaluation.add_argument("--watchlist")
    evaluation.add_argument("--misses", type=int, default=10, help="misses to list per file")
    evaluation.set_defaults(run=cmd_evaluate)

    checks = commands.add_parser("health", help=cmd_health.__doc__)
    checks.add_argument("--db", default=os.environ.get("CRAWLER_DB", DEFAULT_DB))
    checks.add_argument("--max-age", type=health.parse_age, default=health.DEFAULT_MAX_AGE,
                        help="a crawl must have finished within this (26h, 90m, 2d)")
    checks.add_argument("--format", choices=("text", "json"), default="text")
    checks.set_defaults(run=cmd_health)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `crawler` console script."""
    args = parser().parse_args(argv)
    if getattr(args, "mark", None) and args.mark[1] not in VERDICTS:
        print(f"error: verdict must be one of {', '.join(VERDICTS)}", file=sys.stderr)
        return 2
    try:
        return args.run(args)
    except watchlist.WatchlistError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except StoreError as exc:  # another program's database, or not SQLite: left untouched
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:  # unreadable
        print(f"error: database {args.db}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
