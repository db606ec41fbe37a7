"""Pages shaped like real captures: bot walls anywhere in a page, 2025 and 2022 Alibaba layouts."""

import json
import re
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from crawler.marketplaces import MARKETPLACES
from crawler.marketplaces.alibaba import offer_record
from crawler.parsing import listing_fields
from tests.conftest import crawl, rows

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
WALLS = FIXTURES / "walls"
WALL_FILES = [
    "aliexpress-captcha-late-title.html",
    "aliexpress-punish-untitled.html",
    "alibaba-product-wall.html",
    "dhgate-akamai-denied.html",
]
NEAR_MISS = "aliexpress-results-mentioning-captcha.html"
WALL_WORDS = (b"x5sec", b"nocaptcha", b"_____tmd_____", b"baxia", b"punish")
VARIANTS = [
    (folder, file, truth)
    for folder in ("2025", "2022")
    for file, truth in json.loads(
        (FIXTURES / "alibaba" / folder / "expected.json").read_text(encoding="utf-8")
    ).items()
]
VARIANT_IDS = [f"{folder}/{file}" for folder, file, _ in VARIANTS]
# 100 KB of script that means nothing: what a padded page is padded with.
PADDING = b"<script>window.__pad__=[" + b"0," * 50_000 + b"0];</script>\n"


def search_response(site: str, body: bytes) -> HtmlResponse:
    """The body as served with HTTP 200 at the marketplace's own search URL (no redirect)."""
    market = MARKETPLACES[site]
    url = market.base_url + market.search_path("gucci bag", 1)
    return HtmlResponse(url=url, body=body, encoding="utf-8", status=200)


def alibaba_page(folder: str, file: str):
    body = (FIXTURES / "alibaba" / folder / file).read_bytes()
    return MARKETPLACES["alibaba"].page(search_response("alibaba", body))


def padding(size: int) -> bytes:
    """Whole PADDING blocks, at least `size` bytes of them."""
    return PADDING * -(-size // len(PADDING))


def test_wall_fixtures_keep_the_shapes_of_the_captures():
    late = (WALLS / "aliexpress-captcha-late-title.html").read_text(encoding="utf-8")
    assert 200_000 < len(late) < 240_000 and 115_000 < late.find("<title>") < 125_000
    assert min(late.find("nocaptcha"), late.find("baxia")) > 115_000
    assert "unusual traffic from your network" in late
    untitled = (WALLS / "aliexpress-punish-untitled.html").read_text(encoding="utf-8")
    assert 90_000 < len(untitled) < 150_000 and "<title" not in untitled.lower()
    assert min(untitled.find(w) for w in ("x5sec", "nocaptcha", "_____tmd_____")) > 81_000
    assert 'class="punish-component"' in untitled
    assert "/_____tmd_____/punish?x5secdata=" in untitled
    product = (WALLS / "alibaba-product-wall.html").read_text(encoding="utf-8")
    assert 90_000 < len(product) < 110_000 and product.find("<title>") < 1000
    assert len((WALLS / "dhgate-akamai-denied.html").read_bytes()) < 500
    near = (WALLS / NEAR_MISS).read_text(encoding="utf-8")
    assert len(near) > 1_000_000 and '"captcha":' in near and '"punishUrl":' in near


@pytest.mark.parametrize("site", list(MARKETPLACES))
@pytest.mark.parametrize("file", WALL_FILES)
def test_bot_walls_are_blocked_wherever_their_markers_sit(file, site):
    page = MARKETPLACES[site].page(search_response(site, (WALLS / file).read_bytes()))
    assert page.is_blocked()


def test_results_page_that_mentions_captcha_is_not_a_wall():
    page = MARKETPLACES["aliexpress"].page(
        search_response("aliexpress", (WALLS / NEAR_MISS).read_bytes())
    )
    assert not page.is_blocked() and len(page.listings()) == 60


def test_32_mb_results_page_is_not_a_wall():
    body = (WALLS / NEAR_MISS).read_bytes()
    at = body.index(b">", body.index(b"<body")) + 1
    body = body[:at] + padding(32_000_000 - len(PADDING) - len(body)) + body[at:]
    assert 31_900_000 < len(body) <= 32_000_000
    page = MARKETPLACES["aliexpress"].page(search_response("aliexpress", body))
    assert not page.is_blocked() and len(page.listings()) == 60


@pytest.mark.parametrize("site", list(MARKETPLACES))
def test_wall_with_its_markers_at_30_mb_is_blocked(site):
    body = (WALLS / "aliexpress-punish-untitled.html").read_bytes()
    at = body.index(b"</head>")
    body = body[:at] + padding(30_000_000 - at) + body[at:]
    assert min(body.find(word) for word in WALL_WORDS) >= 30_000_000
    assert MARKETPLACES[site].page(search_response(site, body)).is_blocked()


@pytest.mark.parametrize(("folder", "file", "truth"), VARIANTS, ids=VARIANT_IDS)
def test_variant_listings_match_ground_truth(folder, file, truth):
    page = alibaba_page(folder, file)
    got = page.listings()
    expected = [{k: v for k, v in e.items() if k != "label"} for e in truth["listings"]]
    assert len(got) == len(expected)
    for have, want in zip(got, expected, strict=True):
        assert {k: have[k] for k in want} == want


@pytest.mark.parametrize(("folder", "file", "truth"), VARIANTS, ids=VARIANT_IDS)
def test_variant_pages_are_results_not_walls_or_empty(folder, file, truth):
    page = alibaba_page(folder, file)
    assert not page.is_blocked() and not page.is_empty()


@pytest.mark.parametrize(("folder", "file", "truth"), VARIANTS, ids=VARIANT_IDS)
def test_degraded_reason_says_when_listings_came_from_a_fallback(folder, file, truth):
    reason = alibaba_page(folder, file).degraded_reason()
    if truth["degraded"]:
        assert isinstance(reason, str) and reason.strip()
    else:
        assert reason is None


@pytest.mark.parametrize(("folder", "file", "truth"), VARIANTS, ids=VARIANT_IDS)
def test_variant_next_page_follows_the_pages_own_paging(folder, file, truth):
    page = alibaba_page(folder, file)
    assert re.search(r"[?&]page=2(?:&|$)", page.next_page_url(1) or "")
    assert page.next_page_url(truth["page_count"]) is None


def test_2022_next_page_is_the_paging_url_up_to_the_total_count():
    page = alibaba_page("2022", "gucci-bag-p1.html")
    rule = "https://www.alibaba.com/trade/search?fsb=y&IndexArea=product_en&SearchText=gucci+bag"
    assert page.response.urljoin(page.next_page_url(1)) == rule + "&page=2"
    assert page.response.urljoin(page.next_page_url(25)) == rule + "&page=26"
    assert page.next_page_url(26) is None  # 1234 offers at 48 a page


def test_2022_cards_are_read_as_they_show():
    file = "gucci-bag-cards-only.html"
    page = alibaba_page("2022", file)
    got = page.listings()
    [truth] = [t for folder, f, t in VARIANTS if (folder, f) == ("2022", file)]
    shown = ("price_min", "price_max", "currency", "moq", "moq_unit")
    assert [tuple(g[k] for k in shown) for g in got[:1]] == [(158.33, 190.0, "CNY", 25, "piece")]
    assert [tuple(g[k] for k in shown) for g in got] == [
        tuple(t[k] for k in shown) for t in truth["listings"]
    ]  # "CN¥158.33-CN¥190.00", "25 Pieces (MOQ)"
    assert [g["seller_name"] for g in got] == [None] * 8  # the slot's label "Supplier"


def _serve_page(body: bytes):
    return lambda target: (404, b"") if target.startswith("/robots.txt") else (200, body)


@pytest.mark.parametrize(("site", "file"), [
    ("aliexpress", "aliexpress-captcha-late-title.html"),
    ("aliexpress", "aliexpress-punish-untitled.html"),
    ("alibaba", "aliexpress-punish-untitled.html"),
])
async def test_a_crawl_answered_by_a_deep_wall_is_blocked(serve, tmp_path, site, file):
    db = tmp_path / "x.db"
    await crawl(site, serve(_serve_page((WALLS / file).read_bytes())), db,
                keywords="gucci bag", settings={"BOT_WALL_BACKOFF": 0.01})
    assert rows(db, "SELECT status, blocked_pages, listings_stored FROM crawls") == [
        {"status": "blocked", "blocked_pages": 1, "listings_stored": 0}]


@pytest.mark.parametrize(("folder", "file", "truth"),
                         [v for v in VARIANTS if not v[2]["degraded"]],
                         ids=[i for i, v in zip(VARIANT_IDS, VARIANTS, strict=True)
                              if not v[2]["degraded"]])
async def test_every_offer_of_each_layout_is_stored_and_the_crawl_is_ok(serve, tmp_path, folder,
                                                                        file, truth):
    db = tmp_path / "x.db"
    body = (FIXTURES / "alibaba" / folder / file).read_bytes()
    await crawl("alibaba", serve(_serve_page(body)), db, keywords="gucci bag", max_pages=1)
    stored = {r["listing_id"]: r for r in rows(db, "SELECT * FROM assessed_listings")}
    assert len(stored) == len(truth["listings"])
    for want in truth["listings"]:
        have = stored[want["listing_id"]]
        for key in ("price_min", "price_max", "currency", "moq", "moq_unit", "seller_name",
                    "seller_country", "seller_years", "sold_count"):
            assert have[key] == want[key], (key, want["listing_id"])
        assert json.loads(have["badges"]) == want["badges"]
    assert rows(db, "SELECT status FROM crawls") == [{"status": "ok"}]


@pytest.mark.parametrize(("found", "page_size", "total", "page", "short"), [
    (48, 48, 1234, 1, False),
    (21, 48, 1234, 1, False),  # the 2022 layout's pages: fewer than the page size, not short
    (5, 48, 1234, 1, True),  # a page that lost most of its listings
    (5, 48, 1234, 26, True),  # the last page: 1234 - 25 * 48 = 34 expected
    (5, 60, 6000, 3, True),
    (3, 60, 63, 2, False),  # the last page holds only 3
    (0, 60, 63, 3, False),  # past the last page
    (0, None, None, 1, False),  # the page says nothing of its size
])
def test_a_page_far_short_of_its_own_count_is_degraded(found, page_size, total, page, short):
    from crawler.marketplaces.base import short_page

    reason = short_page(found, page_size, total, page)
    assert (reason is not None) == short


def test_an_aliexpress_page_with_a_fraction_of_its_items_is_degraded():
    items = [{"productId": f"1005{i}", "title": {"displayTitle": "Gucci bag"},
              "prices": {"salePrice": {"minPrice": 3.5, "currencyCode": "USD"}}}
             for i in range(5)]
    data = {"data": {"root": {"fields": {"mods": {"itemList": {"content": items}},
                                         "pageInfo": {"page": 1, "pageSize": 60,
                                                      "totalResults": 6000}}}}}
    body = f"<html><script>window._dida_config_._init_data_= {json.dumps(data)}</script></html>"
    page = MARKETPLACES["aliexpress"].page(search_response("aliexpress", body.encode()))
    assert len(page.listings()) == 5
    assert page.degraded_reason(1) == "5 listings where the page's own data says 60"
    assert page.degraded_reason(101) is None  # past the end: nothing more was promised


def test_alibaba_fields_wrapped_in_objects_are_read():
    offer = {"productId": "1601", "title": "Gucci bag",
             "productUrl": "//www.alibaba.com/x_1601.html",
             "priceV2": {"text": "$2.00-5.00", "currency": "USD"},
             "moqV2": {"text": "Min. order: 2,000 pieces"},
             "marketingPowerCommon": {"text": "7,869 sold", "icon": "//img"},
             "companyName": {"name": "Guangzhou X Co., Ltd."}}
    record = offer_record(offer)
    fields = listing_fields(record)
    assert (fields["price_min"], fields["price_max"], fields["moq"], fields["sold_count"],
            fields["seller_name"]) == (2.0, 5.0, 2000, 7869, "Guangzhou X Co., Ltd.")
