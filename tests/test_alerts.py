"""Alerts after a crawl: new high-risk listings once each, an unhealthy crawl, a webhook that
fails or hangs (the crawl stays as it was), and ALERT_FILE's lines."""

from __future__ import annotations

import json
import logging
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from crawler.extensions.alerts import WebhookError, post_json
from tests.conftest import always, crawl, rows

HOOK = "/services/T000/B000/secret-token"  # a webhook URL's path is its secret
FAST = {"ALERT_TRIES": 3, "ALERT_TIMEOUT": 0.2, "ALERT_BACKOFF": 0.05, "BOT_WALL_BACKOFF": 0.05}


class Webhook:
    """A webhook endpoint on 127.0.0.1: what it received, and how it answers (200 by default)."""

    def __init__(self, server: HTTPServer) -> None:
        self.server, self.received, self.answer = server, [], lambda: Response("ok")
        server.expect_request(HOOK, method="POST").respond_with_handler(self._handle)
        self.url = server.url_for(HOOK)

    def _handle(self, request: Request) -> Response:
        self.received.append(request)
        return self.answer()

    def payloads(self) -> list[dict]:
        return [json.loads(request.get_data()) for request in self.received]


@pytest.fixture
def webhook(threaded_httpserver):
    """The session's threaded server (a hung answer blocks no other) as a webhook."""
    yield Webhook(threaded_httpserver)
    threaded_httpserver.clear()


@pytest.fixture
def crawl_wallets(serve):
    """Crawl the local Alibaba for Gucci wallets: the fixture page (23 high-risk listings) or
    another page."""
    page = ["gucci-wallet-p1.html"]
    site = serve(lambda target: always("alibaba", page[0])(target))

    async def run(db, settings: dict, served: str = "gucci-wallet-p1.html"):
        page[0] = served
        return await crawl("alibaba", site, db, keywords="gucci wallet", max_pages=1,
                           settings={**FAST, **settings})

    return run


def high_risk(db) -> list[dict]:
    return rows(db, "SELECT marketplace || ':' || listing_id AS key, alerted_at FROM assessments "
                    "WHERE risk = 'high' ORDER BY key")


async def test_new_high_risk_listings_are_posted_once_across_two_crawls(crawl_wallets,
                                                                         webhook, tmp_path):
    db = tmp_path / "listings.db"
    for _ in range(2):
        await crawl_wallets(db, {"ALERT_WEBHOOK_URL": webhook.url})
    [request] = webhook.received  # the second crawl found nothing new, and was ok
    assert request.headers["Content-Type"] == "application/json"
    [payload] = webhook.payloads()
    flagged = high_risk(db)
    assert len(flagged) == 23 and all(row["alerted_at"] for row in flagged)
    assert payload["crawl"] == 1 and payload["status"] == "ok"
    assert payload["brand"] == "gucci" and payload["marketplaces"] == "alibaba"
    assert sorted(item["key"] for item in payload["listings"]) == [r["key"] for r in flagged]
    top = payload["listings"][0]
    assert top["score"] >= 70 and top["brand"] == "gucci" and top["url"].startswith("https://")
    assert {"title", "price_min", "price_max", "currency", "price_min_usd", "moq",
            "seller_name"} <= set(top)
    assert all(reason["rule"] and "points" in reason for reason in top["reasons"])
    # Slack shows `text`: the crawl's summary line, then the top listings.
    lines = payload["text"].splitlines()
    assert lines[:2] == ["brand-crawler: crawl 1 of gucci on alibaba: ok, 1 pages, 48 listings "
                         "stored", "23 new high-risk listings:"]
    assert lines[2].startswith(f"• {top['score']} gucci {top['key']}: ")
    assert len(lines) == 2 + 10 + 1 and lines[-1] == "... and 13 more"


async def test_a_crawl_that_is_not_ok_is_alerted_with_its_status(crawl_wallets, webhook,
                                                                 tmp_path):
    db = tmp_path / "listings.db"
    await crawl_wallets(db, {"ALERT_WEBHOOK_URL": webhook.url}, served="captcha.html")
    [payload] = webhook.payloads()
    assert payload["status"] == "blocked" and payload["listings"] == []  # the row's, as closed
    assert payload["text"] == ("brand-crawler: crawl 1 of gucci on alibaba: blocked, 1 pages, "
                               "0 listings stored, 1 blocked pages")


@pytest.mark.parametrize("failure", ["HTTP 500", "timeout"])
async def test_a_failing_webhook_is_retried_logged_and_leaves_the_crawl_ok(crawl_wallets,
                                                                          webhook, tmp_path,
                                                                          caplog, failure):
    def fail() -> Response:
        if failure == "timeout":
            time.sleep(0.5)  # past ALERT_TIMEOUT (0.2 s)
        return Response("down", status=500)

    webhook.answer = fail
    db = tmp_path / "listings.db"
    started = time.monotonic()
    crawler = await crawl_wallets(db, {"ALERT_WEBHOOK_URL": webhook.url})
    assert time.monotonic() - started < 5
    assert len(webhook.received) == 3  # ALERT_TRIES
    assert crawler.stats.get_value("listings/status") == "ok"
    assert rows(db, "SELECT status FROM crawls") == [{"status": "ok"}]
    [error] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert error.startswith("Alert for crawl 1 (ok, 23 new high-risk listings) not delivered: "
                            "webhook on 127.0.0.1: ")
    assert "after 3 tries" in error
    assert not any("secret-token" in r.getMessage() for r in caplog.records
                   if r.name.startswith("crawler"))
    # Not delivered, not alerted: the next crawl that sees them offers them again.
    assert not any(row["alerted_at"] for row in high_risk(db))
    webhook.answer = lambda: Response("ok")
    await crawl_wallets(db, {"ALERT_WEBHOOK_URL": webhook.url})
    assert len(webhook.payloads()[-1]["listings"]) == 23


async def test_alert_file_gets_one_json_line_per_alert(crawl_wallets, tmp_path):
    db, alerts = tmp_path / "listings.db", tmp_path / "alerts.jsonl"
    for page in ("gucci-wallet-p1.html", "gucci-wallet-p1.html", "captcha.html"):
        await crawl_wallets(db, {"ALERT_FILE": str(alerts)}, served=page)
    first, blocked = (json.loads(line) for line in alerts.read_text().splitlines())
    assert (first["crawl"], first["status"], len(first["listings"])) == (1, "ok", 23)
    assert (blocked["crawl"], blocked["status"], blocked["listings"]) == (3, "blocked", [])


async def test_alerts_are_off_by_default(crawl_wallets, webhook, tmp_path):
    crawler = await crawl_wallets(tmp_path / "listings.db", {})
    assert not any(type(e).__name__ == "Alerts" for e in crawler.extensions.middlewares)
    assert not any(row["alerted_at"] for row in high_risk(tmp_path / "listings.db"))


def test_a_webhook_that_refuses_the_request_is_not_retried(webhook):
    webhook.answer = lambda: Response("no such hook", status=404)
    with pytest.raises(WebhookError, match="HTTP Error 404: NOT FOUND after 1 try"):
        post_json(webhook.url, b"{}", tries=3, timeout=1, backoff=0, user_agent="test")
    assert len(webhook.received) == 1


def test_only_http_webhooks_are_posted_to():
    with pytest.raises(WebhookError, match="must be an http:// or https:// URL"):
        post_json("file:///etc/passwd", b"{}", tries=1, timeout=1, backoff=0, user_agent="t")
