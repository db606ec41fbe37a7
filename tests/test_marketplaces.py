"""Marketplace page objects on realistic fixture pages, checked against each page's ground truth."""

import json
import re

import pytest
from scrapy.http import HtmlResponse

from crawler.marketplaces import MARKETPLACES
from tests.conftest import FIXTURES

SITES = [name for name in MARKETPLACES if (FIXTURES / name / "expected.json").exists()]
TRUTHS = [(site, "") for site in SITES] + [("alibaba", "legacy/")]  # + the 2014 HTML cards
PAGES = [
    (site, folder + file, truth)
    for site, folder in TRUTHS
    for file, truth in json.loads((FIXTURES / site / folder / "expected.json").read_text()).items()
]


def response(site: str, file: str, url: str | None = None) -> HtmlResponse:
    market = MARKETPLACES[site]
    url = url or market.base_url + market.search_path("gucci bag", 1)
    body = (FIXTURES / site / file).read_bytes()
    return HtmlResponse(url=url, body=body, encoding="utf-8")


def extract(site: str, file: str) -> list[dict]:
    return MARKETPLACES[site].page(response(site, file)).listings()


@pytest.mark.parametrize(("site", "file", "truth"), PAGES, ids=[f"{s}/{f}" for s, f, _ in PAGES])
def test_every_listing_matches_ground_truth(site, file, truth):
    got = extract(site, file)
    expected = [{k: v for k, v in e.items() if k != "label"} for e in truth["listings"]]
    assert len(got) == len(expected)
    for have, want in zip(got, expected, strict=True):
        assert {k: have[k] for k in want} == want


@pytest.mark.parametrize(("site", "file", "truth"), PAGES[::4], ids=[f"{s}/{f}" for s, f, _ in
                                                                     PAGES[::4]])
@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_a_page_in_another_encoding_reads_as_in_utf_8(site, file, truth, encoding):
    text = (FIXTURES / site / file).read_text(encoding="utf-8")
    url = response(site, file).url
    other = HtmlResponse(url=url, body=text.encode(encoding), encoding=encoding)
    assert MARKETPLACES[site].page(other).listings() == extract(site, file)


@pytest.mark.parametrize(("site", "file", "truth"), PAGES, ids=[f"{s}/{f}" for s, f, _ in PAGES])
def test_next_page_follows_the_pages_own_pagination(site, file, truth):
    page = MARKETPLACES[site].page(response(site, file))
    next_url = page.next_page_url(truth["page"])
    if truth["page"] < truth["page_count"]:
        assert re.search(rf"page={truth['page'] + 1}\b|/{truth['page'] + 1}\.html", next_url)
    else:
        assert next_url is None


@pytest.mark.parametrize("site", SITES)
def test_empty_search_is_recognised(site):
    page = MARKETPLACES[site].page(response(site, "empty.html"))
    assert page.listings() == [] and page.is_empty() and not page.is_blocked()


@pytest.mark.parametrize("site", [s for s in SITES if (FIXTURES / s / "captcha.html").exists()])
def test_captcha_page_is_blocked_not_empty(site):
    page = MARKETPLACES[site].page(response(site, "captcha.html"))
    assert page.is_blocked() and page.listings() == [] and not page.is_empty()


@pytest.mark.parametrize("site", SITES)
def test_changed_layout_is_neither_empty_nor_blocked(site):
    page = MARKETPLACES[site].page(response(site, "layout-changed.html"))
    assert page.listings() == [] and not page.is_empty() and not page.is_blocked()


@pytest.mark.parametrize(("site", "file", "truth"), PAGES, ids=[f"{s}/{f}" for s, f, _ in PAGES])
def test_results_pages_are_not_mistaken_for_bot_walls(site, file, truth):
    assert not MARKETPLACES[site].page(response(site, file)).is_blocked()


def alibaba_page(offer_list: str) -> HtmlResponse:
    body = (
        "<html><head><title>gucci bag - Alibaba</title></head><body><script>"
        "if (window.__page__data_sse10._offer_list) { render(); }"
        "window.__page__data_sse10 = window.__page__data_sse10 || {};"
        f"window.__page__data_sse10._offer_list = {offer_list};</script></body></html>"
    )
    return HtmlResponse(url="https://www.alibaba.com/trade/search?SearchText=g", body=body,
                        encoding="utf-8")


def test_alibaba_tolerates_missing_keys_and_wrong_types():
    offers = json.dumps({"offerResultData": {"offers": [
        1, "x", None, {"id": 5}, {"id": 6, "title": ["list"], "price": 12, "moq": {"n": 1},
                                  "badges": "ag", "goldSupplierYears": 3},
        {"productId": "7", "title": "t", "badges": [None, {"loopType": None}, {"title": "ta"}]},
    ], "paginationData": {"pageCount": "x", "urlRule": None}}})
    page = MARKETPLACES["alibaba"].page(alibaba_page(offers))
    got = page.listings()
    assert [g["listing_id"] for g in got] == ["5", "6", "7"]
    assert got[1]["title"] is None and got[1]["price_min"] == 12.0
    assert got[1]["badges"] == ["gold_supplier"] and got[1]["seller_years"] == 3
    assert got[2]["badges"] == ["trade_assurance"]
    assert page.next_page_url(1) is None


@pytest.mark.parametrize("broken", ["{", "{\"offerResultData\": ", "[]", "null", "{\"a\": 1}"])
def test_alibaba_truncated_or_foreign_json_yields_nothing(broken):
    page = MARKETPLACES["alibaba"].page(alibaba_page(broken))
    assert page.listings() == [] and not page.is_empty()


@pytest.mark.parametrize("script", [
    'window.runParams = {"mods": {"itemList": {"content": [ITEM]}}, "pageInfo": {}};',
    "window.runParams = { data: {\"mods\": {\"itemList\": {\"content\": [ITEM]}}} };",
    "window._dida_config_._init_data_= { data: {\"root\": {\"fields\": {\"mods\": "
    "{\"itemList\": {\"content\": [ITEM]}}}}} }",
])
def test_aliexpress_reads_older_script_shapes(script):
    item = json.dumps({"productId": "1005", "title": {"displayTitle": "Gucci bag"},
                       "prices": {"salePrice": {"minPrice": 3.5, "currencyCode": "EUR"},
                                  "originalPrice": {"minPrice": 99}}})
    body = f"<html><script>{script.replace('ITEM', item)}</script></html>"
    page = MARKETPLACES["aliexpress"].page(
        HtmlResponse(url="https://www.aliexpress.com/w/wholesale-g.html", body=body,
                     encoding="utf-8"))
    [fields] = page.listings()
    assert (fields["listing_id"], fields["price_min"], fields["currency"]) == ("1005", 3.5, "EUR")
    assert fields["url"] == "https://www.aliexpress.com/item/1005.html"


@pytest.mark.parametrize(("title", "body", "url"), [
    ("Captcha Interception", "", "https://www.alibaba.com/trade/search?SearchText=x"),
    ("滑动验证页面", "<div id='nc_1_n1z'></div>", "https://www.aliexpress.com/w/wholesale-x.html"),
    ("Just a moment...", "<div id='cf-challenge'></div>", "https://www.made-in-china.com/x"),
    ("x", "", "https://www.alibaba.com/_____tmd_____/punish?x5secdata=abc"),
])
def test_bot_walls_of_several_kinds_are_recognised(title, body, url):
    page = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    for market in MARKETPLACES.values():
        response = HtmlResponse(url=url, body=page, encoding="utf-8")
        assert market.page(response).is_blocked()


@pytest.mark.parametrize(("infos", "moq"), [
    ('<div class="info">1,000 Pieces (MOQ)</div>', 1000),
    ('<div class="info">500 Pairs</div><div class="info">(MOQ)</div>', 500),
    ('<div class="info">Material: PU</div>', None),
    ('<div class="info">MOQ: 20 Sets</div>', 20),
])
def test_made_in_china_moq_variants(infos, moq):
    card = (
        '<div class="list-node"><div class="prod-info"><h2 class="product-name">'
        '<a href="https://x.en.made-in-china.com/product/AbC123/China-Bag.html" title="Bag">'
        'Bag</a></h2><div class="product-property"><div class="price-info">'
        f'<strong class="price">US$<span>7.60</span></strong></div>{infos}</div></div></div>'
    )
    page = MARKETPLACES["made_in_china"].page(
        HtmlResponse(url="https://www.made-in-china.com/x", body=f"<html>{card}</html>",
                     encoding="utf-8"))
    [fields] = page.listings()
    assert fields["moq"] == moq and fields["listing_id"] == "AbC123"
