"""`crawler` command: demo, review and the other tools around the crawl."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from crawler import watchlist
from crawler.evaluation import evaluate
from crawler.parsing import record_fields
from crawler.scoring import score_for
from crawler.store import VERDICTS, Store

DEFAULT_DB = "listings.db"
LABELED = tuple(f"fixtures/labeled/{name}.jsonl"
                for name in ("listings", "holdout", "second-author", "third-author",
                             "fourth-author", "fifth-author", "sixth-author"))


def _money(row: dict) -> str:
    low, high, currency = row.get("price_min"), row.get("price_max"), row.get("currency") or ""
    if low is None:
        return "-"
    return f"{low:,.2f}" + (f"-{high:,.2f}" if high not in (None, low) else "") + f" {currency}"


def _cut(text: object, width: int) -> str:
    text = str(text or "-")
    return text if len(text) <= width else text[: width - 1] + "…"


def print_queue(rows: list[dict]) -> None:
    """Print review-queue rows as a fixed-width table."""
    header = f"{'score':>5} {'risk':<6} {'market':<13} {'price':<17} {'MOQ':>7} " \
             f"{'seller':<26} {'title':<46} why"
    print(header)
    print("-" * len(header))
    for row in rows:
        reasons = [r["rule"] for r in json.loads(row["reasons"] or "[]") if r["points"] > 0]
        print(f"{row['score']:>5} {row['risk']:<6} {row['marketplace']:<13} "
              f"{_cut(_money(row), 17):<17} {row['moq'] or '-':>7} "
              f"{_cut(row['seller_name'], 26):<26} {_cut(row['title'], 46):<46} "
              f"{', '.join(reasons)}")


def cmd_demo(args: argparse.Namespace) -> int:
    """Serve the bundled fixture marketplace, crawl a brand through it, show what was flagged."""
    from crawler.demo import run_demo

    fixtures = Path(args.fixtures)
    if not (fixtures / "alibaba" / "routes.json").exists():
        print(f"error: no fixture marketplace in {fixtures}/ (run from the repository)",
              file=sys.stderr)
        return 2
    marketplaces = [m for m in args.marketplaces.split(",") if (fixtures / m).is_dir()]
    code = run_demo(fixtures, args.brand, marketplaces, args.db)
    store = Store(args.db)
    try:
        crawls, (total, flagged) = store.recent_crawls(len(marketplaces)), store.counts()
        rows = store.review_queue(args.top)
    finally:
        store.close()
    for crawl in reversed(crawls):
        print(f"crawl {crawl['id']} on {crawl['marketplaces']}: {crawl['status']}, "
              f"{crawl['pages']} pages, {crawl['listings_stored']} listings stored")
    print(f"""
Query it yourself:
  sqlite3 {args.db} "SELECT score, risk, title, url FROM review_queue LIMIT 20"
  sqlite3 {args.db} "SELECT * FROM crawls ORDER BY id DESC LIMIT 5"
  crawler review --db {args.db}                      # the same queue
  crawler review --db {args.db} --mark alibaba:ID counterfeit   # record a verdict

{total} listings in {args.db}; {flagged} flagged for review. Top {len(rows)}:
""")
    print_queue(rows)
    return code


def cmd_review(args: argparse.Namespace) -> int:
    """Show the review queue, or record a reviewer's verdict on one listing."""
    if not Path(args.db).exists():
        print(f"error: no database at {args.db}", file=sys.stderr)
        return 2
    store = Store(args.db)
    try:
        if args.mark:
            marketplace, _, listing_id = args.mark[0].partition(":")
            if not store.set_verdict(marketplace, listing_id, args.mark[1], args.note or ""):
                print(f"error: no listing {args.mark[0]} in {args.db}", file=sys.stderr)
                return 2
            print(f"{args.mark[0]}: {args.mark[1]}")
        else:
            print_queue(store.review_queue(args.top))
    finally:
        store.close()
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    """Score JSON Lines listings from stdin; write them to stdout with score, risk, reasons."""
    brands = watchlist.load(args.watchlist)
    scored = skipped = 0
    for number, raw in enumerate(sys.stdin.buffer, 1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
            value, risk, reasons = score_for(record_fields(record), brands)
        except (ValueError, watchlist.WatchlistError) as exc:
            print(f"line {number}: skipped: {str(exc).splitlines()[0][:200]}", file=sys.stderr)
            skipped += 1
            continue
        record.update(score=value, risk=risk, reasons=reasons)
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
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
        result = evaluate(path, brands)
        print(result.report(str(path)))
        print(result.rules_report())
        print(result.calibration_report())
        for miss in result.misses[: args.misses]:
            print(f"  missed: {miss['label']} flagged {miss['risk']}: {miss['title']}")
        print()
    return 0


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    main_parser = argparse.ArgumentParser(prog="crawler", description=__doc__)
    commands = main_parser.add_subparsers(dest="command", required=True)

    demo = commands.add_parser("demo", help=cmd_demo.__doc__)
    demo.add_argument("--brand", default="gucci")
    demo.add_argument("--db", default="demo.db")
    demo.add_argument("--fixtures", default="fixtures")
    demo.add_argument("--marketplaces", default="alibaba,aliexpress,made_in_china")
    demo.add_argument("--top", type=int, default=15)
    demo.set_defaults(run=cmd_demo)

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


if __name__ == "__main__":
    sys.exit(main())
