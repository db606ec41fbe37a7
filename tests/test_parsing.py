"""Parsing of real-world price, MOQ, count, title, URL and badge strings."""

import pytest

from crawler.items import RawListing
from crawler.marketplaces import MARKETPLACES
from crawler.parsing import (
    absolute_url,
    canonical_badge,
    canonical_badges,
    canonical_url,
    clean_text,
    country_code,
    find_number,
    listing_fields,
    parse_count,
    parse_price,
    parse_quantity,
)

PRICES = [
    ("$2-5", (2.0, 5.0, "USD")),
    ("$8-12", (8.0, 12.0, "USD")),
    ("$7.55-9.40", (7.55, 9.4, "USD")),
    ("$0.87-1.68", (0.87, 1.68, "USD")),
    ("$15", (15.0, 15.0, "USD")),
    ("US $2.00 - 5.00 / Piece", (2.0, 5.0, "USD")),
    ("US $2.00-5.00/Piece", (2.0, 5.0, "USD")),
    ("US$7.60-7.90", (7.6, 7.9, "USD")),
    ("US$ 7.60 - 7.90 (FOB Price)", (7.6, 7.9, "USD")),
    ("US $1.79", (1.79, 1.79, "USD")),
    ("US $1,200.00", (1200.0, 1200.0, "USD")),
    ("$1,250.00", (1250.0, 1250.0, "USD")),
    ("$1,200-1,500", (1200.0, 1500.0, "USD")),
    ("USD 3.50", (3.5, 3.5, "USD")),
    ("3.50 USD", (3.5, 3.5, "USD")),
    ("USD 3.50 - 4.20", (3.5, 4.2, "USD")),
    ("€12,50", (12.5, 12.5, "EUR")),
    ("€ 12,50 - 15,00", (12.5, 15.0, "EUR")),
    ("1.234,56 €", (1234.56, 1234.56, "EUR")),
    ("12,50 €", (12.5, 12.5, "EUR")),
    ("EUR 99", (99.0, 99.0, "EUR")),
    ("¥ 35.00", (35.0, 35.0, "CNY")),
    ("¥35-58", (35.0, 58.0, "CNY")),
    ("CN¥35.00", (35.0, 35.0, "CNY")),
    ("RMB 120", (120.0, 120.0, "CNY")),
    ("JP¥4,500", (4500.0, 4500.0, "JPY")),
    ("RSD 452.71", (452.71, 452.71, "RSD")),
    ("£1,299", (1299.0, 1299.0, "GBP")),
    ("£19.99 - £24.99", (19.99, 24.99, "GBP")),
    ("R$ 199,90", (199.9, 199.9, "BRL")),
    ("HK$ 88", (88.0, 88.0, "HKD")),
    ("C$ 45.00", (45.0, 45.0, "CAD")),
    ("A$ 60", (60.0, 60.0, "AUD")),
    ("₹ 999", (999.0, 999.0, "INR")),
    ("₽ 1 500", (1500.0, 1500.0, "RUB")),
    ("PLN 79,99", (79.99, 79.99, "PLN")),
    ("US $5 ~ 8", (5.0, 8.0, "USD")),
    ("$3.5 to $6", (3.5, 6.0, "USD")),
    ("$5 – $9", (5.0, 9.0, "USD")),
    ("$12-8", (8.0, 12.0, "USD")),
    ("<span>US$</span><strong>7.60</strong>-<strong>7.90</strong>", (7.6, 7.9, "USD")),
    ("  $ 4.99 ", (4.99, 4.99, "USD")),
    ("7.60", (7.6, 7.6, None)),
    (12.5, (12.5, 12.5, None)),
    (3, (3.0, 3.0, None)),
    ("", (None, None, None)),
    ("Negotiable", (None, None, None)),
    ("Contact supplier", (None, None, None)),
    (None, (None, None, None)),
    (["$5"], (None, None, None)),
    ({"min": 5}, (None, None, None)),
    (True, (None, None, None)),
    (float("nan"), (None, None, None)),
]


@pytest.mark.parametrize(("text", "expected"), PRICES)
def test_parse_price(text, expected):
    low, high, currency = parse_price(text)
    assert (low, high) == pytest.approx(expected[:2]) if low is not None else expected[0] is None
    assert currency == expected[2]


QUANTITIES = [
    ("Min. order: 2,000 pieces", (2000, "piece")),
    ("Min. order: 5 sets", (5, "set")),
    ("Min. order: 50 units", (50, "unit")),
    ("Min. order: 10 packs", (10, "pack")),
    ("Min. order: 2 pairs", (2, "pair")),
    ("Min. order: 1 piece", (1, "piece")),
    ("Min. order: 100 boxes", (100, "box")),
    ("Min. Order: 1 Pair", (1, "pair")),
    ("Min. order : 300 Bags", (300, "bag")),
    ("2000 Pieces (Min. Order)", (2000, "piece")),
    ("2,000 Pieces (Min. Order)", (2000, "piece")),
    ("1,000 Pieces (MOQ)", (1000, "piece")),
    ("500 Pairs (MOQ)", (500, "pair")),
    ("10 Sets (MOQ)", (10, "set")),
    ("MOQ: 1 pc", (1, "piece")),
    ("MOQ: 12 pcs", (12, "piece")),
    ("MOQ 100PCS", (100, "piece")),
    ("MOQ:50pcs", (50, "piece")),
    ("1 Piece", (1, "piece")),
    ("1 piece/pieces", (1, "piece")),
    ("3 Pieces", (3, "piece")),
    ("20 Cartons", (20, "carton")),
    ("5 Dozens", (5, "dozen")),
    ("1 Unit", (1, "unit")),
    ("100 Meters", (100, "meter")),
    ("500 Kilograms", (500, "kilogram")),
    ("2 Tons", (2, "ton")),
    ("10 Rolls", (10, "roll")),
    ("1 Set (Min. Order)", (1, "set")),
    ("50 Packets", (50, "pack")),
    ("起订量 100 件", (100, "piece")),
    ("起订量：2双", (2, "pair")),
    ("100个起批", (100, "piece")),
    ("Minimum order quantity: 3,000 pieces", (3000, "piece")),
    ("Min. order: 1.000 pieces", (1000, "piece")),
    ("Min. order: 10000 Piece", (10000, "piece")),
    ("Min order 6 Barrels", (6, "barrel")),
    ("Min. order: 2 Lots", (2, "lot")),
    ("min. order 200", (200, None)),
    ("200", (200, None)),
    (250, (250, None)),
    ("", (None, None)),
    ("Min. order:", (None, None)),
    ("Negotiable", (None, None)),
    (None, (None, None)),
    ({"q": 2}, (None, None)),
]


@pytest.mark.parametrize(("text", "expected"), QUANTITIES)
def test_parse_quantity(text, expected):
    assert parse_quantity(text) == expected


COUNTS = [
    ("2,959 sold", 2959),
    ("10,000+ sold", 10000),
    ("5 sold", 5),
    ("1.2K sold", 1200),
    ("5k+ sold", 5000),
    ("Sold 300", 300),
    ("1万+ 已售", 10000),
    ("9 yrs", 9),
    ("1 yr", 1),
    ("0 sold", 0),
    ("5 months", 5),  # a suffix letter followed by more letters is a word, not a multiplier
    ("3 more sold", 3),
    ("2 km away", 2),
    ("1.2M sold", 1_200_000),
    ("10万+", 100_000),
    ("3千+ 件", 3_000),
    ("1,2 mil vendidos", 1200),
    ("1,2 mil", 1200),
    ("12 mil", 12_000),
    ("2.959 vendidos", 2959),
    ("10 000 sold", 10_000),
    ("10K+", 10_000),
    (42, 42),
    ("", None),
    ("no sales yet", None),
    (None, None),
]


@pytest.mark.parametrize(("text", "expected"), COUNTS)
def test_parse_count(text, expected):
    assert parse_count(text) == expected


@pytest.mark.parametrize("text", ["1.2M sold", "5 months", "3 more sold", "10万+", "1,2 mil",
                                  "2,959 sold", "1.2K sold"])
def test_quantity_and_count_read_numbers_alike(text):
    assert parse_quantity(text)[0] == parse_count(text) == find_number(text)[0]


TITLES = [
    ("Wholesale <strong>Gucci</strong> Bag", "Wholesale Gucci Bag"),
    ("Tom &amp; Jerry&#39;s  bag", "Tom & Jerry's bag"),
    ("  multi\n\tline   title ", "multi line title"),
    ("<strong>GG</strong>&nbsp;canvas", "GG canvas"),
    ("nul\x00byte", "nul byte"),
    ("", None),
    (None, None),
    (["list"], None),
]


@pytest.mark.parametrize(("raw", "expected"), TITLES)
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


def test_clean_text_caps_length():
    assert len(clean_text("x" * 100_000)) == 4000


URLS = [
    ("//www.alibaba.com/p/x_1.html?s=p", "https://www.alibaba.com/p/x_1.html?s=p"),
    ("https://a.en.made-in-china.com/product/1/x.html", "https://a.en.made-in-china.com/product/1/x.html"),
    ("/item/100.html", "https://www.aliexpress.com/item/100.html"),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("raw", "expected"), URLS)
def test_absolute_url(raw, expected):
    assert absolute_url(raw, "https://www.aliexpress.com/w/wholesale-x.html") == expected


BADGES = [
    ("Gold Supplier", "gold_supplier"),
    ("Verified", "verified_supplier"),
    ("Verified Supplier", "verified_supplier"),
    ("local_stock", "local_stock"),
    ("Trade Assurance", "trade_assurance"),
    ("Audited Supplier", "audited_supplier"),
    ("Gold Member", "gold_member"),
    ("Diamond Member", "diamond_member"),
    ("Secured Trading Service", "secured_trading"),
    ("Choice", "choice"),
    ("Top selling on AliExpress", "top_selling"),
    ("Free Shipping!", None),
    ("customizable", None),
    ("TRADE-ASSURANCE", "trade_assurance"),
    ("", None),
]


@pytest.mark.parametrize(("raw", "expected"), BADGES)
def test_canonical_badge(raw, expected):
    assert canonical_badge(raw) == expected


MARKETPLACE_CODES = [
    ("alibaba", "ag", "verified_supplier"),
    ("alibaba", "ta", "trade_assurance"),
    ("alibaba", "gs", "gold_supplier"),
    ("alibaba", "local_stock", "local_stock"),
    ("aliexpress", "choice_atm", "choice"),
    ("aliexpress", "ag", None),  # one marketplace's code means nothing on another
    ("made_in_china", "choice_atm", None),
    ("made_in_china", "Gold Member", "gold_member"),
]


@pytest.mark.parametrize(("site", "code", "expected"), MARKETPLACE_CODES)
def test_badge_codes_belong_to_their_marketplace(site, code, expected):
    codes = MARKETPLACES[site].page_class.badge_codes
    assert canonical_badge(code, codes) == expected
    assert canonical_badge(code) in (None, expected)


def test_canonical_badges_sorted_and_unique():
    codes = MARKETPLACES["alibaba"].page_class.badge_codes
    assert canonical_badges(["ta", "Trade Assurance", "Gold Supplier", None], codes) == [
        "gold_supplier", "trade_assurance"]


def test_unknown_codes_beside_a_known_label_are_passed_over():
    assert canonical_badges(["xq_92", "Verified Supplier"]) == ["verified_supplier"]
    assert canonical_badges(["xq_92", None]) == []


def test_listing_fields_from_raw_strings():
    fields = listing_fields(RawListing(
        listing_id=1600123, url="//www.alibaba.com/product-detail/a_1600123.html",
        title="<strong>Gucci</strong> bag", price="$2-5",
        moq="Min. order: 2,000 pieces", seller_name="Guangzhou X Co., Ltd.",
        seller_url="//gzx.en.alibaba.com", seller_country="CN", seller_years="9 yrs",
        badges=["gold_supplier", "ag"], sold="2,959 sold",
        image_url="//s.alicdn.com/a.jpg",
    ), badge_codes=MARKETPLACES["alibaba"].page_class.badge_codes)
    assert fields == {
        "listing_id": "1600123", "url": "https://www.alibaba.com/product-detail/a_1600123.html",
        "title": "Gucci bag", "price_min": 2.0, "price_max": 5.0, "currency": "USD",
        "moq": 2000, "moq_unit": "piece", "seller_name": "Guangzhou X Co., Ltd.",
        "seller_id": None, "seller_url": "https://gzx.en.alibaba.com", "seller_country": "CN",
        "seller_location": None, "seller_years": 9,
        "badges": ["gold_supplier", "verified_supplier"], "sold_count": 2959,
        "image_url": "https://s.alicdn.com/a.jpg", "card": None,
    }


CANONICAL_URLS = [
    ("//www.alibaba.com/product-detail/X_1.html?spm=a2700.galleryofferlist.d_title.9",
     "https://www.alibaba.com/product-detail/X_1.html"),
    ("//www.alibaba.com/product-detail/X_1.html?spm=a.b&s=p&cardType=gallery#top",
     "https://www.alibaba.com/product-detail/X_1.html"),
    ("https://www.aliexpress.com/item/1.html?algo_pvid=9&utm_source=x&sku_id=12",
     "https://www.aliexpress.com/item/1.html?sku_id=12"),
    ("https://gzx.en.alibaba.com/company_profile.html?spm=a2700.x.d_companylogo",
     "https://gzx.en.alibaba.com/company_profile.html"),
    ("https://detail.1688.com/offer.htm?id=7&spm=1", "https://detail.1688.com/offer.htm?id=7"),
    ("https://x.example/p?q=a%20b", "https://x.example/p?q=a%20b"),
    # parameters that start like HTML entities stay parameters; an escaped & is one
    ("https://x.example/p?id=1&region=cn&copy=2&notify=1&amp;lang=en&spm=9",
     "https://x.example/p?id=1&region=cn&copy=2&notify=1&lang=en"),
    (None, None),
]


@pytest.mark.parametrize(("raw", "expected"), CANONICAL_URLS)
def test_canonical_url_drops_tracking_parameters(raw, expected):
    assert canonical_url(raw) == expected


COUNTRIES = [
    ("CN", "CN"), ("cn", "CN"), ("Zhejiang, China", "CN"), ("Sichuan, China", "CN"),
    ("Hong Kong, China", "CN"), ("Hong Kong", "HK"), ("Viet Nam", "VN"), ("Vietnam", "VN"),
    ("Turkey", "TR"), ("Istanbul, Türkiye", "TR"), ("India", "IN"), ("Guangdong", None),
    ("", None), (None, None),
]


@pytest.mark.parametrize(("location", "code"), COUNTRIES)
def test_country_code_from_a_location(location, code):
    assert country_code(location) == code


def test_a_location_is_kept_beside_its_code():
    fields = listing_fields(RawListing(seller_country="Zhejiang, China"))
    assert (fields["seller_country"], fields["seller_location"]) == ("CN", "Zhejiang, China")
    fields = listing_fields(RawListing(seller_country="CN"))
    assert (fields["seller_country"], fields["seller_location"]) == ("CN", None)


def test_stated_currency_wins_over_symbol():
    assert listing_fields(RawListing(price="€12,50", currency="eur"))["currency"] == "EUR"
    assert listing_fields(RawListing(price="12.50", currency="XXX?"))["currency"] is None
