"""`scrapy crawl` that checks the brand and recheck spiders' arguments first (one line, no
traceback) and ends with one summary line and an exit code that says how the crawl went."""

from __future__ import annotations

import argparse
import logging
import sys
from contextlib import suppress

from scrapy.commands.crawl import Command as ScrapyCrawl

from crawler.arguments import ArgumentError, RecheckPlan, resolve, resolve_recheck
from crawler.spiders.brand import BrandSpider
from crawler.spiders.recheck import RecheckSpider

logger = logging.getLogger(__name__)

ARGUMENT_ERROR = 2
# The exit code of each crawl status (README: "Exit codes"); 2 is a refused argument.
EXIT_CODES = {"ok": 0, "failed": 1, "partial": 3, "degraded": 4, "layout_changed": 5,
              "blocked": 6, "interrupted": 7}
# The spiders whose arguments are checked before Scrapy starts.
PLANS = {BrandSpider.name: resolve, RecheckSpider.name: resolve_recheck}


def summary(stats: dict, plan) -> str:
    """One line a cron mail or a scrapyd log shows: what was crawled and how it went."""
    brands = ",".join(b.slug for b in plan.brands)
    markets = ",".join(m.name for m in plan.marketplaces)
    head = (f"{stats.get('listings/crawl_id')} of {brands} on {markets}: "
            f"{stats.get('listings/status')}, {stats.get('listings/pages', 0)} pages")
    if isinstance(plan, RecheckPlan):
        states = ", ".join(f"{stats.get(f'listings/recheck/{state}', 0)} {state}"
                           for state in ("removed", "live", "unknown"))
        line = f"recheck {head} of {stats.get('listings/recheck/listings', 0)} listings: {states}"
    else:
        line = f"crawl {head}, {stats.get('listings/stored', 0)} listings stored"
    extras = {"lost": "listings/lost", "blocked pages": "listings/blocked",
              "failed pages": "listings/failed_pages"}
    return line + "".join(f", {stats[key]} {label}" for label, key in extras.items()
                          if stats.get(key))


class Command(ScrapyCrawl):
    """Run a spider; for the brand and recheck spiders, refuse bad arguments before Scrapy
    even starts."""

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        check = PLANS.get(args[0]) if args else None
        if check:
            try:
                check(opts.spargs, self.settings)
            except ArgumentError as exc:
                print(f"error: {exc}", file=sys.stderr)
                if log_file := self.settings.get("LOG_FILE"):  # scrapyd's job log, say
                    with suppress(OSError), open(log_file, "a", encoding="utf-8") as log:
                        print(f"error: {exc}", file=log)
                sys.exit(ARGUMENT_ERROR)

    def _create_crawler(self, spidercls):
        self.crawler = super()._create_crawler(spidercls)
        return self.crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        super().run(args, opts)
        crawler = getattr(self, "crawler", None)
        stats = crawler.stats.get_stats() if crawler else {}
        status = stats.get("listings/status")
        if status not in EXIT_CODES:  # not a brand crawl, or it never opened
            return
        line = summary(stats, crawler.spider.plan)
        logger.log(logging.INFO if status == "ok" else logging.ERROR, line)
        if self.settings.get("LOG_FILE"):  # else the log line is on stderr already
            print(line, file=sys.stderr)
        self.exitcode = max(self.exitcode, EXIT_CODES[status])
