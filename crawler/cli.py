"""`crawler` command: review, score, evaluate - the tools around the crawl."""

from __future__ import annotations

import argparse
import getpass
import io
import json
import os
import shutil
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

from crawler import health, review, watchlist
from crawler.review import plain as _plain
from crawler.store import VERDICTS, Store, StoreError

DEFAULT_DB = "listings.db"
LABELED = tuple(f"fixtures/labeled/{name}.jsonl"
                for name in ("listings", "holdout", "second-author", "third-author",
                             "fourth-author", "fifth-author", "sixth-author", "eighth-author"))


class OneLineParser(argparse.ArgumentParser):
    """argparse whose errors are one line and exit code 2, like every other error here."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {message} (see {self.prog} --help)\n")


# --- crawler review ---

def _default_db() -> str:
    """The crawl's database: CRAWLER_DB, as for `scrapy crawl`, else listings.db."""
    return os.environ.get("CRAWLER_DB") or DEFAULT_DB


def _since(value: str) -> str:
    try:
        return review.since_timestamp(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _reviewer() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return None


def _width() -> int:
    return shutil.get_terminal_size().columns


def _print(lines: list[str]) -> None:
    print("\n".join(lines))


def _filters(args: argparse.Namespace) -> review.Filters:
    return review.Filters(brand=args.brand, marketplace=args.marketplace, risk=args.risk,
                          since=args.since, seller=args.seller, limit=args.limit)


def _rows(rows: list[dict], output_format: str, lines) -> None:
    """Rows as CSV, a JSON list, or the terminal lines `lines(rows, width)` make."""
    if output_format == "csv":
        review.write_csv(rows, sys.stdout)
    elif output_format == "json":
        review.write_json(rows, sys.stdout)
    else:
        _print(lines(rows, _width()))


def review_queue(store: Store, args: argparse.Namespace) -> int:
    """The review queue: flagged listings no reviewer judged yet (or relisted)."""
    _rows(review.queue(store, _filters(args)), args.format, review.queue_lines)
    return 0


def review_show(store: Store, args: argparse.Namespace) -> int:
    """Everything about one listing, also after it vanished from the site."""
    found = review.show(store, args.key, cards=args.card, brand=args.brand)
    if args.format == "json":
        review.write_json(found, sys.stdout)
    else:
        _print(review.show_lines(found, _width()))
    return 0


def _marks(store: Store, args: argparse.Namespace) -> list[tuple[str, str, str | None]]:
    """(key, verdict, note) of what `crawler review mark` was asked to record."""
    words, verdicts = args.words, ", ".join(review.REVIEWER_VERDICTS)
    if args.from_csv or args.seller:
        if len(words) > 1:
            raise review.ReviewError("with --seller or --from-csv, give only the VERDICT")
        verdict = words[0] if words else None
    else:
        if len(words) < 2:
            missing = "--note needs a verdict" if args.note else "no VERDICT"
            raise review.ReviewError(f"{missing}: crawler review mark KEY... VERDICT "
                                     f"(one of {verdicts})")
        verdict = words[-1]
    if verdict is None and not args.from_csv:
        raise review.ReviewError(f"no VERDICT (one of {verdicts}) after --seller")
    if verdict is not None and verdict not in review.REVIEWER_VERDICTS:
        raise review.ReviewError(f"verdict must be one of {verdicts}, not {verdict!r}")
    if args.from_csv:
        return review.read_marks(Path(args.from_csv), verdict, args.note)
    if args.seller:
        keys = review.seller_keys(store, args.seller, args.marketplace, args.brand)
        if not keys:
            raise review.ReviewError(f"no flagged listing of seller {args.seller!r} in {args.db}")
    else:
        keys = words[:-1]
    return [(key, verdict, args.note) for key in keys]


def review_mark(store: Store, args: argparse.Namespace) -> int:
    """Record a verdict on listings: by KEY, every flagged listing of a seller, or a CSV file."""
    for key, verdict in review.mark(store, _marks(store, args), args.by, args.brand):
        print(f"{key}: {verdict}")
    return 0


def review_unmark(store: Store, args: argparse.Namespace) -> int:
    """Clear the verdict on listings (back in the queue when flagged)."""
    for key, _ in review.mark(store, [(key, None, None) for key in args.keys], args.by,
                              args.brand):
        print(f"{key}: cleared")
    return 0


def review_sellers(store: Store, args: argparse.Namespace) -> int:
    """Sellers of flagged listings, the most high-risk listings first."""
    _rows(review.sellers(store, args.brand, args.marketplace, args.limit), args.format,
          review.seller_lines)
    return 0


def review_export(store: Store, args: argparse.Namespace) -> int:
    """The evidence takedown requests need, as CSV or JSON Lines."""
    verdicts = [v.strip() for value in args.verdict or [] for v in value.split(",") if v.strip()]
    unknown = [v for v in verdicts if v not in VERDICTS]
    if unknown:
        raise review.ReviewError(f"--verdict must be among {', '.join(VERDICTS)}, "
                                 f"not {unknown[0]!r}")
    rows = review.export(store, _filters(args), verdicts or review.EXPORTED_VERDICTS)
    out = io.StringIO()
    if args.export_format == "jsonl":
        out.writelines(review.json_lines(rows))
    else:
        review.write_csv(rows, out)
    if not args.out:
        sys.stdout.write(out.getvalue())
        return 0
    try:
        Path(args.out).write_text(out.getvalue(), encoding="utf-8", newline="")
    except OSError as exc:
        raise review.ReviewError(f"--out {args.out}: {exc.strerror or exc}") from None
    print(f"{len(rows)} listings exported to {args.out}", file=sys.stderr)
    return 0


def review_report(store: Store, args: argparse.Namespace) -> int:
    """Per brand and marketplace: new high-risk, open, reported, removed, relisted, and the
    median days from a report to the removal."""
    _rows(review.report(store, args.brand, args.marketplace), args.format, review.report_lines)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """The reviewer's tools: queue, show, mark, unmark, sellers, export, report."""
    if args.action is None and args.note and not args.mark:
        raise review.ReviewError("--note needs a verdict: --mark KEY VERDICT --note TEXT")
    if args.action is None and args.mark:  # the form before subcommands
        args = argparse.Namespace(**{**vars(args), "words": args.mark, "from_csv": None,
                                     "by": _reviewer()})
    if not Path(args.db).exists():
        print(f"error: no database at {args.db}", file=sys.stderr)
        return 2
    if args.brand:
        args.brand = watchlist.load(args.watchlist).find(args.brand).slug
    store = Store(args.db)
    try:
        action = REVIEW_ACTIONS[args.action or ("mark" if args.mark else "queue")]
        return action(store, args)
    finally:
        store.close()


REVIEW_ACTIONS = {"queue": review_queue, "show": review_show, "mark": review_mark,
                  "unmark": review_unmark, "sellers": review_sellers, "export": review_export,
                  "report": review_report}


def _options(parser: argparse.ArgumentParser, on_action: bool):
    """An add_argument for options `crawler review` takes both before its subcommand (for the
    queue, the default action) and after it: after it they have no default, so that a value
    given before it stays."""
    def add(*flags: str, default: object = None, **kwargs: object) -> None:
        parser.add_argument(*flags, default=argparse.SUPPRESS if on_action else default,
                            **kwargs)
    return add


def _shared_options(parser: argparse.ArgumentParser, on_action: bool) -> None:
    add = _options(parser, on_action)
    add("--db", default=_default_db(), help="the database (default: $CRAWLER_DB, else "
        "listings.db)")
    add("--brand", help="only this brand (slug or display name)")
    add("--watchlist", help="the brands TOML file --brand is looked up in (default: bundled)")


def _listing_filters(parser: argparse.ArgumentParser, on_action: bool) -> None:
    add = _options(parser, on_action)
    add("--marketplace", help="only this marketplace")
    add("--risk", choices=("high", "medium", "low"))
    add("--since", type=_since,
        help="first seen since: 2026-11-30, '2026-11-30 06:00' (UTC), 24h, 7d")
    add("--seller", help="only this seller (its name, any case)")
    add("--limit", "--top", type=int, help="at most this many rows")


def _format(parser: argparse.ArgumentParser, on_action: bool, *choices: str) -> None:
    _options(parser, on_action)("--format", choices=choices, default=choices[0])


def _review_parser(commands) -> None:
    """`crawler review` and its subcommands; without one, the queue (as before subcommands)."""
    review_parser = commands.add_parser("review", help=cmd_review.__doc__,
                                        description=cmd_review.__doc__)
    _shared_options(review_parser, on_action=False)
    _listing_filters(review_parser, on_action=False)
    _format(review_parser, False, "table", "csv", "json")
    review_parser.add_argument("--mark", nargs=2, metavar=("KEY", "VERDICT"),
                               help="record a verdict (as `review mark KEY VERDICT`)")
    review_parser.add_argument("--note", help="with --mark: the verdict's note")
    review_parser.set_defaults(run=cmd_review)
    actions = review_parser.add_subparsers(dest="action", metavar="ACTION")

    def action(name: str) -> argparse.ArgumentParser:
        doc = REVIEW_ACTIONS[name].__doc__
        parser = actions.add_parser(name, help=doc, description=doc)
        _shared_options(parser, on_action=True)
        return parser

    queue = action("queue")
    _listing_filters(queue, on_action=True)
    _format(queue, True, "table", "csv", "json")

    show = action("show")
    show.add_argument("key", metavar="KEY", help="marketplace:listing_id")
    show.add_argument("--card", action="store_true", help="also print each stored card")
    _format(show, True, "table", "json")

    mark = action("mark")
    mark.add_argument("words", nargs="*", metavar="KEY... VERDICT",
                      help=f"verdict: {', '.join(review.REVIEWER_VERDICTS)}")
    add = _options(mark, on_action=True)
    add("--note")
    add("--seller", help="every flagged listing of this seller")
    add("--marketplace", help="with --seller: only on this marketplace")
    mark.add_argument("--from-csv", metavar="FILE",
                      help="a CSV file with a key column, and optional verdict and note")
    mark.add_argument("--by", default=_reviewer(), help="who judged (default: your login)")

    unmark = action("unmark")
    unmark.add_argument("keys", nargs="+", metavar="KEY")
    unmark.add_argument("--by", default=_reviewer(), help="who cleared (default: your login)")

    sellers = action("sellers")
    add = _options(sellers, on_action=True)
    add("--marketplace")
    add("--limit", type=int)
    _format(sellers, True, "table", "csv", "json")

    export = action("export")
    _listing_filters(export, on_action=True)
    export.add_argument("--verdict", action="append",
                        help="verdicts to export, comma-separated or repeated "
                             "(default: counterfeit,reported)")
    export.add_argument("--format", dest="export_format", choices=("csv", "jsonl"),
                        default="csv")
    export.add_argument("--out", metavar="FILE", help="write to FILE (default: stdout)")

    report = action("report")
    _options(report, on_action=True)("--marketplace")
    _format(report, True, "table", "csv", "json")


def score_line(raw: bytes, brands: watchlist.Watchlist) -> str:
    """One JSON Lines record scored, as a line to write; ValueError saying why it cannot be."""
    from crawler.parsing import record_fields  # the scorer's imports: only `score` needs them
    from crawler.scoring import score_for

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
    from crawler.evaluation import evaluate  # the scorer's imports: only `evaluate` needs them

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
    main_parser = OneLineParser(prog="crawler", description=__doc__)
    commands = main_parser.add_subparsers(dest="command", required=True)
    _review_parser(commands)

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
    try:
        return args.run(args)
    except (watchlist.WatchlistError, review.ReviewError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except StoreError as exc:  # another program's database, or not SQLite: left untouched
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:  # unreadable
        print(f"error: database {args.db}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `crawler review export | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
