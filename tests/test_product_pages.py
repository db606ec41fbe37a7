"""Product-detail page objects (rechecking listings): live, removed, blocked or unknown."""

import json
from urllib.parse import urljoin

import pytest
from scrapy.http import HtmlResponse, Request, Response

from crawler.marketplaces import MARKETPLACES
from crawler.marketplaces.base import PRODUCT_STATES
from crawler.walls import is_wall_text
from tests.conftest import FIXTURES

PRODUCTS = FIXTURES / "products"
WALL = (FIXTURES / "walls" / "alibaba-product-wall.html").read_bytes()
SITES = list(MARKETPLACES)
ROUTES = [
    (site, route, json.loads((PRODUCTS / site / "expected.json").read_text())[route["file"]])
    for site in SITES
    for route in json.loads((PRODUCTS / site / "routes.json").read_text())
]
ROUTE_IDS = [f"{site}/{route['file'].rsplit('/', 1)[-1]}" for site, route, _ in ROUTES]
LIVE = [(site, route["file"]) for site, route, truth in ROUTES if truth["state"] == "live"]
LIVE_PATH = {site: route["path"] for site, route, _ in ROUTES if route["file"] == "live.html"}
ITEM = "https://www.aliexpress.com/item/1005007970079556.html"


def body(site: str, file: str) -> bytes:
    return (PRODUCTS / site / file).read_bytes()


def product_page(site: str, content: bytes, status: int = 200, url: str | None = None,
                 request: Request | None = None):
    """The marketplace's product page object of a response served at a listing's URL."""
    market = MARKETPLACES[site]
    url = url or market.base_url + LIVE_PATH[site]
    response = HtmlResponse(url=url, body=content, status=status, encoding="utf-8",
                            request=request)
    return market.product_page(response)


def redirected(url: str, origin: str) -> Request:
    """The request Scrapy's redirect middleware makes: it remembers where it came from."""
    return Request(url, meta={"redirect_urls": [origin]})


@pytest.mark.parametrize(("site", "route", "truth"), ROUTES, ids=ROUTE_IDS)
def test_every_fixture_page_shows_its_state_and_listing(site, route, truth):
    market = MARKETPLACES[site]
    page = product_page(site, body(site, route["file"]), route["status"],
                        market.base_url + route["path"])
    assert page.state() == truth["state"]
    assert page.listing_id() == truth["listing_id"]
    assert page.is_blocked() == (truth["state"] == "blocked")
    if truth["state"] == "live":
        assert (page.title(), page.price()) == (truth["title"], truth["price"])


@pytest.mark.parametrize(("site", "route", "truth"), ROUTES, ids=ROUTE_IDS)
def test_product_path_is_the_stored_urls_path_without_tracking(site, route, truth):
    market = MARKETPLACES[site]
    assert market.product_path(truth["url"]) == route["path"]
    tracked = truth["url"] + "?spm=a2700.details.0.0.6b2d3c&src=ggl&scm=1007.1&pdp_npi=4"
    assert market.product_path(tracked) == route["path"]
    assert market.product_path(truth["url"].removeprefix("https:")) == route["path"]


def test_product_path_keeps_the_query_that_names_the_listing():
    market = MARKETPLACES["aliexpress"]
    assert market.product_path(ITEM + "?sku_id=12000041&spm=a2g0o#reviews") == (
        "/item/1005007970079556.html?sku_id=12000041")
    assert market.product_path("/item/1005007970079556.html") == "/item/1005007970079556.html"


@pytest.mark.parametrize("url", ["https:////evil.example/item/1.html", "javascript:alert(1)",
                                 "", "//", "https://www.aliexpress.com"])
def test_product_path_never_names_another_host(url):
    path = MARKETPLACES["aliexpress"].product_path(url)
    assert path.startswith("/") and not path.startswith("//")
    assert urljoin("http://127.0.0.1:8000/", path).startswith("http://127.0.0.1:8000/")


def test_fixture_pages_keep_the_shapes_of_the_captures():
    for site, file in LIVE:
        text = body(site, file).decode()
        assert 1_000_000 < len(text) < 1_400_000, file
        # Without their product data, the Alibaba-family pages' anti-bot SDK reads as a wall.
        assert is_wall_text(text) == (site != "made_in_china")
    ali = body("aliexpress", "live.html").decode()
    assert '<link rel="canonical" href="https://www.aliexpress.com/item/' in ali
    assert 'property="og:title" content="91.25US $ ' in ali and '"@type":"Product"' in ali
    runparams = body("aliexpress", "live-2022.html").decode()
    assert "window.runParams = {\n    data: {" in runparams and '"@type":"Product"' not in runparams
    assert all(f'"{m}":' in runparams for m in ("priceModule", "skuModule", "actionModule"))
    mic = body("made_in_china", "live.html").decode()
    assert '<input type="hidden" name="productId"' in mic and '"priceValidUntil":' in mic
    assert ".en.made-in-china.com/product/" in mic and '"availability":' in mic
    alibaba = body("alibaba", "live.html").decode()
    assert "window.detailData = {" in alibaba and '"productId":61225268322' in alibaba
    assert "<title>Product Not Available</title>" in body("alibaba", "removed.html").decode()


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("status", [404, 410])
def test_gone_is_removed_whatever_the_body(site, status):
    for content in (b"", b"<html><body>Not found</body></html>", body(site, "live.html")):
        assert product_page(site, content, status).state() == "removed"


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("status", [200, 403, 404, 410, 429])
def test_a_wall_is_blocked_never_removed(site, status):
    page = product_page(site, WALL, status)
    assert page.state() == "blocked" and page.is_blocked() and page.listing_id() is None


@pytest.mark.parametrize("site", SITES)
def test_a_redirect_to_the_punish_page_is_blocked(site):
    url = MARKETPLACES[site].base_url + "/_____tmd_____/punish?x5secdata=xd1f2e&x5step=1"
    assert product_page(site, b"", 200, url).state() == "blocked"
    assert product_page(site, b"", 404, url).state() == "blocked"


@pytest.mark.parametrize("site", SITES)
def test_a_page_that_is_neither_is_unknown(site):
    search = (FIXTURES / site / "gucci-bag-p1.html").read_bytes()  # 30-60 listings, none this one
    for content, status in ((search, 200), (b"<html><title>Home</title><body>Hi</body></html>",
                                            200), (b"<html><body>Forbidden</body></html>", 403),
                            (b"", 500), (b"", 200)):
        page = product_page(site, content, status)
        assert page.state() == "unknown" and page.listing_id() is None


@pytest.mark.parametrize(("site", "file"), [(s, f) for s, f in LIVE if f != "live-2022.html"])
@pytest.mark.parametrize("availability", ["OutOfStock", "Discontinued", "SoldOut"])
def test_out_of_stock_is_live_not_removed(site, file, availability):
    stock = b"schema.org/" + availability.encode()
    content = body(site, file).replace(b"schema.org/InStock", stock)
    page = product_page(site, content)
    assert page.state() == "live" and page.availability() == availability
    assert product_page(site, body(site, file)).availability() == "InStock"


def test_aliexpress_redirect_from_the_item_to_a_search_is_removed():
    search = (FIXTURES / "aliexpress" / "gucci-bag-p1.html").read_bytes()
    url = "https://www.aliexpress.com/w/wholesale-gucci-bag.html"
    page = product_page("aliexpress", search, 200, url, redirected(url, ITEM))
    assert page.state() == "removed"
    # The same search without a redirect, or reached from a search, says nothing of the item.
    assert product_page("aliexpress", search, 200, url).state() == "unknown"
    from_search = redirected(url, url + "?page=1")
    assert product_page("aliexpress", search, 200, url, from_search).state() == "unknown"


def test_aliexpress_redirect_to_a_wall_or_another_item_is_not_removed():
    url = "https://www.aliexpress.com/w/wholesale-gucci-bag.html"
    assert product_page("aliexpress", WALL, 200, url, redirected(url, ITEM)).state() == "blocked"
    other = "https://www.aliexpress.com/item/1005006762451965.html"
    page = product_page("aliexpress", body("aliexpress", "live-2022.html"), 200, other,
                        redirected(other, ITEM))
    assert page.state() == "live" and page.listing_id() == "1005006762451965"


def test_aliexpress_not_found_page_as_a_redirect_target_is_removed():
    url = "https://www.aliexpress.com/p/error/404.html"
    page = product_page("aliexpress", body("aliexpress", "not-found.html"), 200, url,
                        redirected(url, ITEM))
    assert page.state() == "removed"


def test_aliexpress_cant_be_shipped_alone_is_not_a_removal():
    notice = (b"<html><head><title>AliExpress</title></head><body><h1>Sorry, this item can't be "
              b"shipped to your address</h1></body></html>")
    assert product_page("aliexpress", notice).state() == "unknown"
    live = body("aliexpress", "live-2022.html").replace(
        b'<div id="root">', b'<div id="root"><p>Sorry, this item can\'t be shipped to your '
                            b'address</p>', 1)
    assert product_page("aliexpress", live).state() == "live"


@pytest.mark.parametrize("site", SITES)
def test_a_removed_notice_beside_the_listings_data_is_live(site):
    noticed = body(site, "live.html").replace(
        b"</h1>", b"</h1><p>This product has been removed. The item is no longer available.</p>", 1)
    assert product_page(site, noticed).state() == "live"


def test_alibabas_removed_title_beats_the_listings_data():
    titled = body("alibaba", "live.html").replace(
        b"<title>", b"<title>Product Not Available</title><title>", 1)
    assert product_page("alibaba", titled).state() == "removed"


DEEP = b"[" * 5000 + b"]" * 5000
HOSTILE = [
    b"",
    b"\x00\xff\xfe" * 3000,
    b"<html><title>" + b"A" * 200_000,
    b"<script>window.runParams = { data: " + DEEP + b"}</script>",
    b'<script>window.runParams = { data: {"actionModule": ' + DEEP + b"}}</script>",
    b'<script>window.runParams = { data: {"priceModule": {"formatedPrice": ["x"]}, '
    b'"actionModule": {"productId": {"a": 1}}}}</script>',
    b"<script>window.detailData = {" + b'"globalData":' * 3000 + b"}</script>",
    b'<script>window.detailData = {"globalData": {"product": {"productId": true, "subject": 5,'
    b' "price": {"productLadderPrices": "cheap"}}}}</script>',
    b'<script type="application/ld+json">' + DEEP + b"</script>",
    b'<script type="application/ld+json">{"@type": {"x": 1}, "name": ["a"]}</script>'
    b'<script type="application/ld+json">{"@type": "Product", "name": {"x": 1}, '
    b'"offers": "free", "sku": [1]}</script>',
    b'<script type="application/ld+json">{"@graph": [{"@type": ["Product"], "offers": '
    b'[{"price": true, "availability": 7}]}]}</script>',
    b'<script type="application/ld+json">{"@type": "Product", "unclosed": </script>',
    b'<meta property="og:title" content="' + b"1.2US $" * 20_000 + b'|">',
    b'<input type="hidden" name="productId" value="' + b"\xe2\x80\xae" * 10 + b'">',
    b'<link rel="canonical" href="javascript:alert(1)//item/1.html">',
]


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("status", [200, 404])
@pytest.mark.parametrize("content", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_bodies_never_raise(site, status, content):
    page = product_page(site, content, status)
    assert page.state() in PRODUCT_STATES
    assert page.state() in (("live", "unknown") if status == 200 else ("removed",))
    for value in (page.listing_id(), page.title(), page.price(), page.availability()):
        assert value is None or isinstance(value, str)


@pytest.mark.parametrize("site", SITES)
def test_a_body_that_is_not_text_never_raises(site):
    market = MARKETPLACES[site]
    response = Response(url=market.base_url + "/item/1.html", body=b"\x89PNG\r\n\x1a\n" * 100)
    assert market.product_page(response).state() == "unknown"


@pytest.mark.parametrize("site", SITES)
def test_one_product_page_per_response(site):
    market = MARKETPLACES[site]
    response = HtmlResponse(url=market.base_url + "/x.html", body=b"<html></html>")
    assert market.product_page(response) is market.product_page(response)
    assert market.product_page(response) is not market.page(response)
