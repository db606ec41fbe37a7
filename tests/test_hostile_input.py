"""Hostile and broken input is stored as text or dropped with a count; parsers never raise."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.items import RawListing
from crawler.parsing import (
    canonical_badges,
    clean_text,
    listing_fields,
    parse_count,
    parse_price,
    parse_quantity,
    record_fields,
)
from tests.conftest import FIXTURES, crawl, rows

EVIL = [
    "Robert'); DROP TABLE listings;-- \"quoted\" Gucci bag",
    "<script>alert('x')</script> Gucci <img src=x onerror=alert(1)> belt",
    "nul\x00byte Gucci wallet",
    "\u202egnp.exe Gucci\u200b\u200f\u2066 zero-width RTL",
    "lone surrogate \ud800 Gucci scarf",
    "Gucci " + "A" * 100_000,
]
WRONG_TYPES = [
    {"productId": "t1", "title": ["Gucci", "bag"], "price": 12.5, "productUrl": "//x/1.html"},
    {"productId": "t2", "title": "Gucci bag", "price": {"min": 1}, "moq": [1, 2],
     "productUrl": "//x/2.html", "companyName": {"n": 1}, "badges": "ag",
     "goldSupplierYears": True, "soldOrder": -5},
    {"productId": 3.5, "title": "Gucci belt", "price": "$2-5", "productUrl": 7},
    {"id": None, "title": "no id"},
    "a string where an offer should be",
    None,
]


def alibaba_page(offers: list) -> bytes:
    """A results page shaped like the real one, carrying the given offers."""
    page = (FIXTURES / "alibaba" / "gucci-wallet-p1.html").read_text(encoding="utf-8")
    start = page.index("window.__page__data_sse10._offer_list")
    start = page.index("{", start)
    end = start + json.JSONDecoder().raw_decode(page[start:])[1]
    data = {"offerResultData": {"offers": offers, "totalCount": len(offers),
                                "paginationData": {"pageCount": 1}}}
    return (page[:start] + json.dumps(data) + page[end:]).encode("utf-8", "surrogatepass")


def hostile_offer(number: int, title: str) -> dict:
    return {"id": 900 + number, "productId": str(900 + number), "title": title,
            "productUrl": f"//www.alibaba.com/product-detail/x_{900 + number}.html",
            "price": "$2-5", "moq": "Min. order: 500 pieces", "companyName": title[:200]}


async def test_hostile_text_and_wrong_types_are_stored_or_dropped_and_the_crawl_goes_on(
        serve, tmp_path, caplog):
    offers = [hostile_offer(n, t) for n, t in enumerate(EVIL)] + WRONG_TYPES
    pages = {"evil": alibaba_page(offers),
             "bytes": alibaba_page([hostile_offer(50, "BYTES_HERE Gucci bag")]).replace(
                 b"BYTES_HERE", b"\xff\xfe\xc3("),
             "truncated": (FIXTURES / "alibaba" / "gucci-bag-p1.html").read_bytes()[:700_000],
             "huge": b"<html>" + b"x" * (50 * 1024 * 1024) + b"</html>",
             "fine": (FIXTURES / "alibaba" / "gucci-wallet-p1.html").read_bytes()}

    def resolve(target):
        if target.startswith("/robots"):
            return 404, b""
        return 200, next(body for key, body in pages.items() if f"SearchText={key}" in target)

    db = tmp_path / "x.db"
    await crawl("alibaba", serve(resolve), db, settings={"RETRY_TIMES": 0},
                keywords="evil,bytes,truncated,huge,fine")
    assert "Traceback" not in caplog.text
    stored = {r["listing_id"]: r for r in rows(db, "SELECT * FROM assessed_listings")}
    assert stored["900"]["title"] == EVIL[0]
    assert stored["901"]["title"] == "Gucci belt"  # markup is not text
    assert stored["902"]["title"] == "nul byte Gucci wallet"
    assert stored["903"]["title"] == "gnp.exe Gucci\u200b zero-width RTL"  # no direction tricks
    assert stored["904"]["title"].startswith("lone surrogate")
    assert len(stored["905"]["title"]) == 4000
    assert "t1" not in stored  # a list is no title: dropped and counted
    assert stored["t2"]["price_min"] is None and stored["t2"]["seller_name"] is None
    assert stored["950"]["title"].endswith("Gucci bag")
    truth = json.loads((FIXTURES / "alibaba" / "expected.json").read_text())
    wallet = {item["listing_id"] for item in truth["gucci-wallet-p1.html"]["listings"]}
    assert wallet <= set(stored)  # the crawl went on to the last page
    crawl_row = rows(db, "SELECT * FROM crawls")[0]
    assert crawl_row["listings_dropped"] == 2  # the title-less list and the id-less offer
    assert crawl_row["layout_changed_pages"] == 1  # the truncated page
    assert crawl_row["status"] == "layout_changed"
    stats = json.loads(crawl_row["stats"])
    assert stats["listings/failed_pages"] == 1  # the 50 MB page, over DOWNLOAD_MAXSIZE


ANYTHING = st.one_of(
    st.text(), st.binary().map(lambda b: b.decode("utf-8", "replace")), st.none(),
    st.integers(), st.floats(), st.booleans(), st.lists(st.text(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
)


@settings(max_examples=400, deadline=None)
@given(ANYTHING)
def test_parsers_never_raise(value):
    low, high, currency = parse_price(value)
    assert low is None or (0 <= low <= high)
    assert currency is None or len(currency) == 3
    quantity, _ = parse_quantity(value)
    assert quantity is None or quantity >= 0
    assert parse_count(value) is None or parse_count(value) >= 0
    text = clean_text(value)
    assert text is None or (text.strip() == text and "\x00" not in text)
    canonical_badges(value)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["listing_id", "url", "title", "price", "moq", "badges",
                                        "sold", "seller_name", "currency", "price_min",
                                        "seller_years", "image_url"]), ANYTHING))
def test_record_builders_never_raise(record):
    listing_fields(RawListing(**{k: v for k, v in record.items() if k != "price_min"}))
    record_fields(record)
