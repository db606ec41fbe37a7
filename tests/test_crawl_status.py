"""Crawls of every marketplace, and the status that tells found, blocked and broken apart."""

import json
import logging

import pytest
from werkzeug import Response

from tests.conftest import FIXTURES, always, crawl, rows

FAST = {"BOT_WALL_BACKOFF": 0.05, "RETRY_TIMES": 1}
SEARCHES = []
for site in ("aliexpress", "made_in_china"):
    truth = json.loads((FIXTURES / site / "expected.json").read_text())
    for keyword in sorted({page["keyword"] for page in truth.values() if page["listings"]}):
        pages = [p for p in truth.values() if p["keyword"] == keyword]
        SEARCHES.append((site, keyword, [item for p in pages for item in p["listings"]]))


@pytest.mark.parametrize(("site", "keyword", "expected"), SEARCHES,
                         ids=[f"{s}-{k}" for s, k, _ in SEARCHES])
async def test_every_listing_is_stored_with_its_fields(serve, tmp_path, site, keyword, expected):
    db = tmp_path / "x.db"
    await crawl(site, serve(site), db, keywords=keyword)
    stored = {r["listing_id"]: r for r in rows(db, "SELECT * FROM assessed_listings")}
    assert len(stored) == len(expected)
    for want in expected:
        have = stored[want["listing_id"]]
        for key in ("url", "title", "price_min", "price_max", "currency", "moq", "moq_unit",
                    "seller_name", "seller_url", "seller_country", "sold_count"):
            assert have[key] == want[key], (key, want["listing_id"])
        assert json.loads(have["badges"]) == want["badges"]
    assert rows(db, "SELECT status FROM crawls") == [{"status": "ok"}]


@pytest.mark.parametrize(("site", "status"), [("alibaba", 200), ("aliexpress", 200),
                                              ("alibaba", 403), ("aliexpress", 429)])
async def test_a_crawl_answered_only_by_a_captcha_is_blocked(serve, tmp_path, caplog, site,
                                                             status):
    db = tmp_path / "x.db"
    await crawl(site, serve(always(site, "captcha.html", status)), db, settings=FAST,
                keywords="gucci bag,gucci belt")
    assert rows(db, "SELECT count(*) AS n FROM listings") == [{"n": 0}]
    crawl_row = rows(db, "SELECT status, blocked_pages, listings_stored FROM crawls")[0]
    assert crawl_row == {"status": "blocked", "blocked_pages": 2, "listings_stored": 0}
    blocked_errors = [r.getMessage() for r in caplog.records
                      if r.levelno == logging.ERROR and "Blocked by a bot wall" in r.getMessage()]
    assert len(blocked_errors) == 2  # once per page, with its URL
    assert "/search" in blocked_errors[0] or "/w/" in blocked_errors[0]
    stats = json.loads(rows(db, "SELECT stats FROM crawls")[0]["stats"])
    assert stats["listings/retries/bot_wall"] == 2 * 2  # two retries per page


async def test_a_redirect_to_a_punish_page_is_a_wall(serve, tmp_path):
    captcha = (FIXTURES / "alibaba" / "captcha.html").read_bytes()

    def resolve(target):
        if target.startswith("/_____tmd_____/punish"):
            return 200, captcha
        if target.startswith("/trade/search"):
            return Response(b"", status=302, headers={
                "Location": "/_____tmd_____/punish?x5secdata=xd3f&x5step=1"})
        return 404, b""

    db = tmp_path / "x.db"
    await crawl("alibaba", serve(resolve), db, settings=FAST, keywords="gucci bag")
    assert rows(db, "SELECT status, blocked_pages FROM crawls") == [
        {"status": "blocked", "blocked_pages": 1}]


async def test_a_wall_that_lifts_is_retried_and_the_listings_stored(serve, tmp_path):
    answers = iter([(FIXTURES / "alibaba" / "captcha.html").read_bytes()])
    site = always("alibaba", "gucci-wallet-p1.html")

    def resolve(target):
        wall = next(answers, None)
        return (200, wall) if wall and not target.startswith("/robots") else site(target)

    db = tmp_path / "x.db"
    await crawl("alibaba", serve(resolve), db, settings=FAST, keywords="gucci wallet")
    assert rows(db, "SELECT status, listings_stored FROM crawls") == [
        {"status": "ok", "listings_stored": 48}]


@pytest.mark.parametrize("site", ["alibaba", "aliexpress", "made_in_china"])
async def test_a_changed_layout_is_reported_not_mistaken_for_no_results(serve, tmp_path, caplog,
                                                                        site):
    db = tmp_path / "x.db"
    await crawl(site, serve(always(site, "layout-changed.html")), db, keywords="gucci bag")
    assert rows(db, "SELECT status, layout_changed_pages FROM crawls") == [
        {"status": "layout_changed", "layout_changed_pages": 1}]
    assert "page layout may have changed" in caplog.text


@pytest.mark.parametrize("site", ["alibaba", "aliexpress", "made_in_china"])
async def test_an_empty_search_is_ok_with_no_listings(serve, tmp_path, site):
    db = tmp_path / "x.db"
    await crawl(site, serve(always(site, "empty.html")), db, keywords="zzz")
    assert rows(db, "SELECT status, pages, listings_stored FROM crawls") == [
        {"status": "ok", "pages": 1, "listings_stored": 0}]


async def test_server_errors_that_persist_make_the_crawl_partial_or_failed(serve, tmp_path):
    broken, fine = always("alibaba", "empty.html", 500), always("alibaba", "gucci-wallet-p1.html")

    def resolve(target):
        return (broken if "SearchText=gucci+bag" in target else fine)(target)

    db = tmp_path / "x.db"
    base_url = serve(resolve)
    await crawl("alibaba", base_url, db, settings=FAST, keywords="gucci bag,gucci wallet")
    assert rows(db, "SELECT status, listings_stored FROM crawls") == [
        {"status": "partial", "listings_stored": 48}]
    await crawl("alibaba", base_url, db, settings=FAST, keywords="gucci bag")
    assert rows(db, "SELECT status FROM crawls WHERE id = 2") == [{"status": "failed"}]
