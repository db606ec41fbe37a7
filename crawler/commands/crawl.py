"""`scrapy crawl` that checks the brand spider's arguments first: one line, no traceback."""

from __future__ import annotations

import argparse
import sys

from scrapy.commands.crawl import Command as ScrapyCrawl

from crawler.arguments import ArgumentError, resolve
from crawler.spiders.brand import BrandSpider


class Command(ScrapyCrawl):
    """Run a spider; for the brand spider, refuse bad arguments before Scrapy even starts."""

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        if args and args[0] == BrandSpider.name:
            try:
                resolve(opts.spargs, self.settings)
            except ArgumentError as exc:
                print(f"error: {exc}", file=sys.stderr)
                sys.exit(2)
