"""After each brand crawl: its new high-risk listings, and its status when not `ok`, POSTed as
JSON to ALERT_WEBHOOK_URL and/or appended as one JSON line to ALERT_FILE (off unless one is
set). Sent on a thread once the crawls row is closed, retried briefly, never failing the crawl."""

from __future__ import annotations

import http.client
import json
import logging
import sqlite3
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from crawler.commands.crawl import summary
from crawler.extensions.crawl_record import CRAWL_ID_STAT, STATUS_STAT
from crawler.store import BUSY_TIMEOUT, Store, StoreError

logger = logging.getLogger(__name__)

TEXT_LISTINGS = 10  # listings the `text` names; `listings` holds every one
DELIVERY_ERRORS = (OSError, http.client.HTTPException)  # urllib's, refused, reset, timed out


class WebhookError(Exception):
    """A webhook that did not take the alert."""


def _slack(text: object) -> str:
    """Text for a Slack message: its three control characters escaped."""
    return str(text or "-").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _listing(row: Mapping) -> dict:
    return {**row, "reasons": json.loads(row.get("reasons") or "[]")}


def alert(stats: Mapping, plan, listings: Sequence[Mapping]) -> dict:
    """A crawl's alert: a Slack-compatible `text` beside the crawl, its status and listings."""
    items = [_listing(row) for row in listings]
    lines = [f"brand-crawler: {summary(stats, plan)}"]
    if items:
        lines.append(f"{len(items)} new high-risk listing{'' if len(items) == 1 else 's'}:")
    for item in items[:TEXT_LISTINGS]:
        price = "-" if item["price_min_usd"] is None else f"US${item['price_min_usd']:,.2f}"
        lines.append(f"• {item['score']} {item['brand']} {item['key']}: {_slack(item['title'])}"
                     f" ({price}) {item['url']}")
    if len(items) > TEXT_LISTINGS:
        lines.append(f"... and {len(items) - TEXT_LISTINGS} more")
    return {"text": "\n".join(lines), "crawl": stats.get(CRAWL_ID_STAT),
            "status": stats.get(STATUS_STAT), "brand": ",".join(b.slug for b in plan.brands),
            "marketplaces": ",".join(m.name for m in plan.marketplaces), "listings": items}


def post_json(url: str, body: bytes, tries: int, timeout: float, backoff: float,
              user_agent: str) -> None:
    """POST a JSON body; a timeout, a network error, HTTP 429 or 5xx is tried again, waiting
    `backoff` seconds, doubled each time. WebhookError after the last try."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise WebhookError("ALERT_WEBHOOK_URL must be an http:// or https:// URL")
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json", "User-Agent": user_agent})
    for attempt in range(1, tries + 1):
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return
        except DELIVERY_ERRORS as exc:
            hopeless = isinstance(exc, urllib.error.HTTPError) and exc.code < 500 \
                and exc.code != 429
            if hopeless or attempt == tries:
                raise WebhookError(f"{exc} after {attempt} "
                                   f"{'try' if attempt == 1 else 'tries'}") from None
            delay = backoff * 2 ** (attempt - 1)
            # The host only: a webhook URL's path is its secret.
            logger.warning("Alert webhook on %s: %s; trying again in %g s (try %d of %d)",
                           urlsplit(url).hostname, exc, delay, attempt + 1, tries)
            time.sleep(delay)


class Alerts:
    """Alert on each brand crawl after the crawl-record extension has closed its row (it is
    earlier in EXTENSIONS, so its spider_closed runs first and sets the status)."""

    def __init__(self, crawler) -> None:
        settings = crawler.settings
        self.webhook = (settings.get("ALERT_WEBHOOK_URL") or "").strip()
        self.file = (settings.get("ALERT_FILE") or "").strip()
        if not (self.webhook or self.file):
            raise NotConfigured  # without a message: Scrapy logs one at WARNING
        self.stats = crawler.stats
        self.tries = settings.getint("ALERT_TRIES", 3)
        self.timeout = settings.getfloat("ALERT_TIMEOUT", 5.0)
        self.backoff = settings.getfloat("ALERT_BACKOFF", 1.0)
        self.db_timeout = settings.getfloat("SQLITE_TIMEOUT", BUSY_TIMEOUT)
        self.user_agent = settings.get("USER_AGENT")
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def spider_closed(self, spider, reason: str) -> None:
        """Send the crawl's alert on a thread (the reactor goes on); the crawl waits for it."""
        from twisted.internet import reactor  # the one Scrapy installed

        plan = getattr(spider, "plan", None)
        stats = self.stats.get_stats()
        if plan is None or stats.get(CRAWL_ID_STAT) is None or not stats.get(STATUS_STAT):
            return  # not a brand crawl, or its row was never started
        # A daemon thread, outside the reactor's pool: a webhook still trying when a second
        # SIGINT forces the shutdown never keeps the process from exiting.
        sender = ThreadPool(minthreads=1, maxthreads=1, name="alerts")
        sender.threadFactory = partial(threading.Thread, daemon=True)
        sender.start()
        try:
            await maybe_deferred_to_future(
                deferToThreadPool(reactor, sender, self.send, plan, dict(stats)))
        finally:
            sender.stop()

    def send(self, plan, stats: dict) -> None:
        """Find the crawl's new high-risk listings, deliver the alert (when there are any, or
        the status is not `ok`), and remember them as alerted once it was delivered."""
        crawl_id = stats[CRAWL_ID_STAT]
        try:
            store = Store(plan.database, timeout=self.db_timeout)
        except (sqlite3.Error, StoreError) as exc:
            logger.error("Alert for crawl %s not sent: database %s: %s", crawl_id,
                         plan.database, exc)
            return
        try:
            listings = store.new_high_risk(crawl_id)
            if not listings and stats[STATUS_STAT] == "ok":
                return
            if self.deliver(alert(stats, plan, listings)) and listings:
                store.mark_alerted((row["brand"], row["marketplace"], row["listing_id"])
                                   for row in listings)
        except sqlite3.Error as exc:
            logger.error("Alert for crawl %s: database %s: %s", crawl_id, plan.database, exc)
        finally:
            store.close()

    def deliver(self, payload: dict) -> bool:
        """Append the alert to ALERT_FILE and POST it to ALERT_WEBHOOK_URL; whether every
        destination took it (else its listings are offered again by the next crawl)."""
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        failed = []
        if self.file:
            try:
                with Path(self.file).expanduser().open("ab", buffering=0) as file:
                    file.write(body + b"\n")  # one write: lines of concurrent crawls stay whole
            except OSError as exc:
                failed.append(f"ALERT_FILE: {exc}")
        if self.webhook:
            try:
                post_json(self.webhook, body, self.tries, self.timeout, self.backoff,
                          self.user_agent)
            except WebhookError as exc:
                failed.append(f"webhook on {urlsplit(self.webhook).hostname}: {exc}")
        crawl, count = payload["crawl"], len(payload["listings"])
        if failed:
            logger.error("Alert for crawl %s (%s, %d new high-risk listings) not delivered: %s; "
                         "its listings are offered again by the next crawl that sees them",
                         crawl, payload["status"], count, "; ".join(failed))
            return False
        logger.info("Alert for crawl %s sent (%s, %d new high-risk listings)", crawl,
                    payload["status"], count)
        return True
