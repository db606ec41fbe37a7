"""A malformed record loses only itself: deep nesting, control and direction characters."""

import json

import pytest
from scrapy.http import HtmlResponse

from crawler.items import RawListing
from crawler.marketplaces import MARKETPLACES
from crawler.marketplaces.base import MAX_DEPTH
from crawler.parsing import clean_text, listing_fields, record_fields
from tests.conftest import FIXTURES

DEEP = 5_000  # levels: far past the JSON decoder's recursion limit (about 1,000)


def nested(levels: int, inner: str = '"x"', kind: str = "[]") -> str:
    """JSON text of a value nested `levels` deep: [[[...]]] or {"a": {"a": ...}}."""
    if kind == "[]":
        return "[" * levels + inner + "]" * levels
    return '{"a": ' * levels + inner + "}" * levels


def offer(number: int, **extra: str) -> str:
    """One Alibaba offer as JSON text, with extra keys given as raw JSON text."""
    fields = {"productId": str(1000 + number), "title": f'Gucci bag "{number}" [x] {{y}}',
              "productUrl": f"//www.alibaba.com/product-detail/x_{1000 + number}.html",
              "price": "$2-5", "moq": "Min. order: 500 pieces"}
    text = json.dumps(fields)[:-1]
    return text + "".join(f", {json.dumps(key)}: {value}" for key, value in extra.items()) + "}"


def alibaba_page(offers: list[str], pagination: str = '{"pageCount": 3, "urlRule": '
                 '"//www.alibaba.com/trade/search?SearchText=x&page={0}"}') -> HtmlResponse:
    data = f'{{"offerResultData": {{"offers": [{", ".join(offers)}], "totalCount": 99, ' \
           f'"paginationData": {pagination}}}}}'
    body = ("<html><head><script>var other = {\"a\": [1, 2]};</script><script>"
            f"window.__page__data_sse10._offer_list = {data};</script></head><body></body></html>")
    return HtmlResponse("https://www.alibaba.com/trade/search?SearchText=x&page=1",
                        body=body.encode(), encoding="utf-8")


def read(response: HtmlResponse, market: str = "alibaba"):
    page = MARKETPLACES[market].page_class(response)
    return page, [listing["listing_id"] for listing in page.listings()]


@pytest.mark.parametrize("deep_part", [
    {"extra": nested(DEEP)},  # a key no field reads
    {"title": nested(DEEP, kind="{}")},
    {"productList": nested(DEEP, inner=offer(9), kind="[]")},  # an ad offer's products
])
def test_an_offer_nested_too_deep_is_dropped_and_counted_and_the_others_kept(deep_part):
    page, ids = read(alibaba_page([offer(1), offer(2, **deep_part), offer(3)]))
    assert ids == ["1001", "1003"]
    assert page.malformed == 1
    assert page.listings()[0]["title"] == 'Gucci bag "1" [x] {y}'  # brackets in strings kept
    assert not page.is_empty() and not page.is_blocked()
    assert page.next_page_url(1) == "//www.alibaba.com/trade/search?SearchText=x&page=2"


def test_on_a_real_page_one_deep_offer_of_48_is_lost_alone():
    text = (FIXTURES / "alibaba" / "gucci-bag-p1.html").read_text(encoding="utf-8")
    marker = text.index('"productId"', text.index('"productId"') + 1)  # the second offer's
    deep_text = text[:marker] + f'"extra": {nested(DEEP)}, ' + text[marker:]
    url = "https://www.alibaba.com/trade/search?SearchText=gucci+bag&page=1"
    whole, ids = read(HtmlResponse(url, body=text.encode(), encoding="utf-8"))
    page, deep_ids = read(HtmlResponse(url, body=deep_text.encode(), encoding="utf-8"))
    assert (len(ids), whole.malformed) == (48, 0)
    assert (deep_ids, page.malformed) == (ids[:1] + ids[2:], 1)
    assert page.next_page_url(1) == whole.next_page_url(1) is not None


def test_each_deep_offer_counts_once():
    offers = [offer(1, extra=nested(DEEP)), offer(2),
              offer(3, a=nested(DEEP), b=nested(DEEP, kind="{}")), offer(4, c=nested(DEEP))]
    page, ids = read(alibaba_page(offers))
    assert (ids, page.malformed) == (["1002"], 3)


def test_nesting_within_the_limit_is_read_as_it_is():
    page, ids = read(alibaba_page([offer(1, extra=nested(MAX_DEPTH * 2)), offer(2)]))
    assert (ids, page.malformed) == (["1001", "1002"], 0)


def test_deep_nesting_outside_the_offers_costs_only_what_it_holds():
    page, ids = read(alibaba_page([offer(1), offer(2)], pagination=nested(DEEP, kind="{}")))
    assert (ids, page.malformed) == (["1001", "1002"], 0)
    assert page.next_page_url(1) is None  # the pagination is unreadable, not invented


def test_deep_nesting_that_never_closes_loses_the_data_without_raising():
    response = alibaba_page([offer(1), offer(2, extra="[" * DEEP)])
    page, ids = read(response)
    assert (ids, page.malformed) == ([], 0)
    assert not page.is_blocked()


def test_an_aliexpress_item_nested_too_deep_loses_only_itself():
    def item(number: int, extra: str = "1") -> str:
        return (f'{{"productId": "{number}", "title": {{"displayTitle": "Gucci case {number}"}}, '
                f'"prices": {{"salePrice": {{"minPrice": 2.5, "currencyCode": "USD"}}}}, '
                f'"extra": {extra}}}')
    items = ", ".join([item(1), item(2, nested(DEEP)), item(3)])
    body = ('<script>window._dida_config_._init_data_= { data: {"root": {"fields": {"mods": '
            f'{{"itemList": {{"content": [{items}]}}}}, "pageInfo": {{"page": 1, "pageSize": 60,'
            ' "totalResults": 3}}}}};</script>')
    response = HtmlResponse("https://www.aliexpress.com/w/wholesale-gucci.html?page=1",
                            body=body.encode(), encoding="utf-8")
    page, ids = read(response, "aliexpress")
    assert (ids, page.malformed) == (["1", "3"], 1)


def deep_python(levels: int) -> list:
    value: list = ["Gucci"]
    for _ in range(levels):
        value = [value]
    return value


def test_field_mapping_of_deeply_nested_values_never_raises():
    deep = deep_python(100_000)
    fields = listing_fields(RawListing(listing_id=deep, url=deep, title=deep, price=deep,
                                       moq=deep, seller_name=deep, badges=[deep, deep],
                                       sold=deep, image_url=deep))
    assert fields.pop("badges") == [] and set(fields.values()) == {None}
    record = record_fields({"title": deep, "price_min": deep, "moq_unit": deep, "brand": "gucci"})
    assert record["title"] is None and record["price_min"] is None
    assert clean_text(deep) is None and clean_text({"a": deep}) is None


@pytest.mark.parametrize(("raw", "stored"), [
    ("Gucci\x9bbag", "Gucci bag"),  # C1 CSI: a terminal escape without ESC
    ("Gucci\x85bag\x80\x9f", "Gucci bag"),
    ("\u202egnp.exe Gucci", "gnp.exe Gucci"),  # right-to-left override
    ("Gu\u200ecci \u200fbag", "Gucci bag"),  # direction marks
    ("\u2066Gucci\u2069 \u2067bag\u2068", "Gucci bag"),  # isolates
    ("\u202a\u202b\u202cGucci\u202d", "Gucci"),  # embeddings, pop
    ("حقيبة\u061c Gucci", "حقيبة Gucci"),  # Arabic letter mark
    ("\x00\x1b[31mGucci\x7f", "[31mGucci"),  # C0, as before
    ("\u200f\u202e\x9b", None),
    ("Café Gucci 古驰 — 10%", "Café Gucci 古驰 — 10%"),  # ordinary text untouched
])
def test_clean_text_neutralises_control_and_direction_characters(raw, stored):
    assert clean_text(raw) == stored
