"""Alibaba.com: listings in offer JSON embedded in the search page's scripts (today's
`_offer_list`, the 2022 `__page__data__config`), or - older layouts - in HTML result cards."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from lxml import etree
from parsel import Selector

from crawler.items import RawListing
from crawler.marketplaces.base import (
    Marketplace,
    ProductPage,
    SearchPage,
    card_json,
    dig,
    embedded_objects,
    first,
    ld_price,
    page_text,
    read_fields,
    short_page,
    textual,
)

# Scripts that carry the offers, newest layout first, and where the offers sit in them.
DATA_MARKERS = ("window.__page__data_sse10._offer_list", "window.__page__data__config")
RESULT_PATHS = (("offerResultData",), ("props", "offerResultData"), ("data", "offerResultData"))
OFFER_LISTS = ("offers", "offerList")
# Each listing field's keys in an offer, in order of preference: every alias seen in the wild.
# Promotion prices (promotionPrice, promotionPriceV2) are never the price: they are conditional.
OFFER_FIELDS = {
    "listing_id": (("productId",), ("id",), ("information", "id")),
    "url": (("productUrl",), ("information", "productUrl")),
    "title": (("title",), ("information", "puretitle"), ("information", "title")),
    "price": (("price",), ("priceV2",), ("tradePrice", "price")),
    "moq": (("moq",), ("moqV2",), ("tradePrice", "minOrder")),
    "seller_name": (("companyName",), ("supplier", "supplierName")),
    "seller_id": (("companyId",), ("supplier", "supplierId")),
    "seller_url": (("supplierHref",), ("supplier", "supplierHref"),
                   ("supplier", "supplierHomeHref")),
    "seller_country": (("countryCode",), ("supplier", "supplierCountry", "id"),
                       ("supplier", "supplierCountry")),
    "seller_years": (("goldSupplierYears",), ("goldYearsNumber",), ("supplier", "supplierYear")),
    "sold": (("soldOrder",), ("marketingPowerCommon", "text")),
    "image_url": (("mainImage",), ("image", "mainImage")),
}
BADGE_KEYS = ("loopType", "title", "name", "text")
# Flags that stand for a badge, each with the label it stands for.
BADGE_FLAGS = (
    ("Gold Supplier", (("goldSupplierIcon",), ("goldSupplierYears",), ("goldYearsNumber",),
                       ("goldSupplier",), ("supplier", "goldSupplier"))),
    ("Verified", (("verifiedSupplier",), ("verifiedSupplierPro",),
                  ("supplier", "assessedSupplier"))),
    ("Trade Assurance", (("tradeAssurance",), ("company", "tradeAssurance"))),
)
FALSE_FLAGS = (False, 0, "0", "false", "N", "n", "")
# What a product nested in an ad offer's `productList` takes from the offer: its seller.
SELLER_KEYS = ("companyName", "companyId", "supplierHref", "countryCode", "goldSupplierYears",
               "goldYearsNumber", "goldSupplierIcon", "goldSupplier", "verifiedSupplier",
               "verifiedSupplierPro", "tradeAssurance", "badges", "supplier", "company")
BADGE_CODES = {"ag": "verified_supplier", "gs": "gold_supplier", "gold": "gold_supplier",
               "ta": "trade_assurance", "local_stock": "local_stock"}

# Older HTML cards: found by their links to product pages, read by the words they show.
PRODUCT_LINK = re.compile(r"/product-detail/[^\"'?#]*?(\d{5,})\.html")
_CURRENCY = r"(?:(?:US|CN|HK|JP|AU|MX|C|A|R|S)?\s?[$€£¥₹₽₩₺]|USD|EUR|CNY|RMB)"
CARD_PRICE = re.compile(rf"{_CURRENCY}\s*[\d.,]+(?:\s*[-~–]\s*(?:{_CURRENCY})?\s*[\d.,]+)?")
CARD_MOQ = re.compile(
    r"[\d,.]+\s*[A-Za-z]*\s*\(\s*(?:Min\.?\s*Order|MOQ)\s*\)|Min\.?\s*order\s*:?\s*[\d,.]+\s*"
    r"[A-Za-z]*|MOQ\s*:?\s*[\d,.]+\s*[A-Za-z]*", re.IGNORECASE)
CARD_SOLD = re.compile(r"[\d,.]+\+?\s*(?:sold|orders?)\b", re.IGNORECASE)
CARD_YEARS = re.compile(r"(\d{1,2})\s*(?:yrs?|years?)\b", re.IGNORECASE)
CARD_BADGES = {"gold supplier": "Gold Supplier", "gold-supplier": "Gold Supplier",
               "trade assurance": "Trade Assurance", "trade-assurance": "Trade Assurance",
               "verified": "Verified", "assessed": "Assessed Supplier"}
SELLER_LINK = re.compile(r"\.en\.alibaba\.com|/company/|/supplier", re.IGNORECASE)
# What a card's seller slot may show instead of the company's name: years, a country code
# and a label ("11 yrs CN Supplier").
SELLER_LABELS = frozenset(("supplier", "seller", "store", "shop", "company", "manufacturer",
                           "visit store", "contact supplier", "chat now", "view supplier"))
SLOT_NOISE = re.compile(r"\b\d{1,2}\s*(?:yrs?|years?)\b|\b[A-Z]{2}\b")
COUNTRY_CODE = re.compile(r"[A-Z]{2}")
# Cards of the script-rendered layouts: read alone, they are a fallback, not the page's data.
MODERN_CARD = "J-offer-wrapper"
_TEXT_NODES = etree.XPath(".//text()")
_MARKS = etree.XPath(".//@alt | .//@title | .//@class")
_LINKS = etree.XPath(".//a[@href]")
_CODES = etree.XPath(".//text() | .//img/@alt")
_IMAGES = etree.XPath(".//img[@data-src or @src]")
NO_RESULTS = re.compile(r"no (?:matching )?(?:products?|results?) (?:were )?(?:found|matching)"
                        r"|did not match any", re.IGNORECASE)


def _whole(value: object) -> int | None:
    """A non-negative whole number given as a number or digits, else None."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    return int(value) if str(value).strip().isdigit() else None


def _flag(value: object) -> bool:
    return value is not None and value not in FALSE_FLAGS and not isinstance(value, dict | list)


def _moq(offer: dict) -> object:
    """The MOQ string, with the unit the 2022 layout keeps apart ("25" + "Piece")."""
    moq = textual(first(offer, *OFFER_FIELDS["moq"]))
    unit = dig(offer, "tradePrice", "unit")
    if isinstance(moq, str | int) and str(moq).strip().isdigit() and isinstance(unit, str):
        return f"{moq} {unit}"
    return moq


def offer_record(offer: dict) -> RawListing:
    """A raw listing from one offer object of any JSON layout."""
    fields = {name: textual(first(offer, *paths)) for name, paths in OFFER_FIELDS.items()}
    listing_id = fields["listing_id"]
    badges = [b.get(key) for b in offer.get("badges") or [] if isinstance(b, dict)
              for key in BADGE_KEYS]
    badges += [label for label, paths in BADGE_FLAGS
               if any(_flag(dig(offer, *path)) for path in paths)]
    return RawListing(**{
        **fields,
        "url": fields["url"]
        or (f"//www.alibaba.com/product-detail/_{listing_id}.html" if listing_id else None),
        "moq": _moq(offer),
        "badges": badges,
        "card": card_json(offer),
    })


def _card_roots(links: dict[str, list]) -> dict[str, object]:
    """Each product's card: the largest element around its link that holds no other product.

    One walk up from each link, stopping at the first element already shared by two
    products, so a page of n cards costs O(n x depth), not O(n^2).
    """
    owner: dict[object, str | None] = {}  # element -> its one product, or None when shared
    for product, anchors in links.items():
        for anchor in anchors:
            node = anchor
            while node is not None and owner.get(node, product) == product:
                owner[node] = product
                node = node.getparent()
            if node is not None:
                owner[node] = None
    cards = {}
    for product, anchors in links.items():
        node = anchors[0]
        while (parent := node.getparent()) is not None and owner.get(parent) == product:
            node = parent
        cards[product] = node
    return cards


def _text(element) -> str:
    """An element's text nodes, joined by single spaces."""
    return " ".join(" ".join(_TEXT_NODES(element)).split())


def _seller(card) -> tuple[object | None, str | None, str | None]:
    """The seller link of a card, the seller's name (not a slot's label) and country code."""
    for link in _LINKS(card):
        if not SELLER_LINK.search(link.get("href")):
            continue
        name = link.get("title") or _text(link)
        rest = " ".join(SLOT_NOISE.sub(" ", name).split())
        codes = [t.strip() for t in _CODES(link) if COUNTRY_CODE.fullmatch(t.strip())]
        real = bool(rest) and rest.lower() not in SELLER_LABELS
        return link, name if real else None, codes[0] if codes else None
    return None, None, None


def html_card_records(selector: Selector) -> list[RawListing]:
    """Raw listings from HTML result cards (layouts without offer JSON, or its fallback).

    Read on lxml elements with precompiled XPaths: a 3,000-card page is one pass.
    """
    links: dict[str, list] = {}
    for link in selector.root.iter("a"):
        found = PRODUCT_LINK.search(link.get("href") or "")
        if found:
            links.setdefault(found.group(1), []).append(link)
    records = []
    for product, card in _card_roots(links).items():
        text = _text(card)
        anchors = links[product]
        titles = [a.get("title") or _text(a) for a in anchors]
        marks = " ".join([*_MARKS(card), text]).lower()
        seller, seller_name, country = _seller(card)
        price, moq = CARD_PRICE.search(text), CARD_MOQ.search(text)
        sold = CARD_SOLD.search(text)
        # Years on the marketplace as the seller slot shows them, else a Gold Supplier's years.
        years = CARD_YEARS.search(_text(seller)) if seller is not None else None
        if not years and "gold" in marks:
            years = CARD_YEARS.search(text)
        images = _IMAGES(card)
        records.append(RawListing(
            listing_id=product,
            url=anchors[0].get("href"),
            title=max(titles, key=lambda t: len(t or "")) or None,
            price=price.group(0) if price else None,
            moq=moq.group(0) if moq else None,
            seller_name=seller_name,
            seller_url=seller.get("href") if seller is not None else None,
            seller_country=country,
            seller_years=years.group(1) if years else None,
            badges=[label for key, label in CARD_BADGES.items() if key in marks],
            sold=sold.group(0) if sold else None,
            image_url=(images[0].get("data-src") or images[0].get("src")) if images else None,
            card=etree.tostring(card, encoding="unicode", method="html", with_tail=False),
        ))
    return records


@dataclass
class AlibabaSearchPage(SearchPage):
    """An Alibaba search-results page."""

    badge_codes = BADGE_CODES

    @cached_property
    def data(self) -> dict:
        """The `offerResultData` object of any known layout, or {} when the page has none."""
        for marker in DATA_MARKERS:
            for value in embedded_objects(self.response, marker):
                result = first(value, *RESULT_PATHS)
                if isinstance(result, dict) and any(
                        isinstance(result.get(key), list) for key in OFFER_LISTS):
                    return result
        return {}

    @property
    def offers(self) -> list[dict]:
        """Offer objects, each followed by the products an ad offer nests in `productList`
        (sold by the offer's seller)."""
        offers = first(self.data, *((key,) for key in OFFER_LISTS))
        found = []
        for offer in offers if isinstance(offers, list) else []:
            if not isinstance(offer, dict):
                continue
            found.append(offer)
            nested = offer.get("productList")
            seller = {key: offer[key] for key in SELLER_KEYS if key in offer}
            found += [{**seller, **product} for product in nested if isinstance(product, dict)
                      ] if isinstance(nested, list) else []
        return found

    @cached_property
    def selector(self) -> Selector:
        return Selector(text=page_text(self.response) or "<html></html>")

    def is_empty(self) -> bool:
        if self.data:
            return not any(self.data.get(key) for key in OFFER_LISTS)
        return not self.listings() and bool(NO_RESULTS.search(_text(self.selector.root)))

    def records(self) -> list[RawListing]:
        if self.data:
            return [offer_record(offer) for offer in self.offers]
        return html_card_records(self.selector)

    def degraded_reason(self, page: int = 1) -> str | None:
        if self.data:
            size = first(self.data, ("pageSize",), ("paginationData", "pageSize"))
            total = first(self.data, ("totalCount",), ("paginationData", "totalCount"))
            return short_page(len(self.offers), _whole(size), _whole(total), page)
        if not self.listings():
            return None
        text = page_text(self.response)
        if MODERN_CARD in text or any(marker in text for marker in DATA_MARKERS):
            return (f"no readable offer data; {len(self.listings())} listings read from the "
                    "server-rendered cards only")
        return None

    def next_page_url(self, page: int) -> str | None:
        if not self.data:
            return self._pager_link(page)
        rule = first(self.data, ("paginationData", "urlRule"), ("pagingUrl",))
        if page >= self.page_count() or not (isinstance(rule, str) and "{0}" in rule):
            return None
        return rule.replace("{0}", str(page + 1))

    def page_count(self) -> int:
        """How many results pages the search has, by the page's own data (0: unknown)."""
        count = _whole(dig(self.data, "paginationData", "pageCount"))
        if count is not None:
            return count
        total, size = _whole(self.data.get("totalCount")), _whole(self.data.get("pageSize"))
        return -(-total // size) if total is not None and size else 0

    def _pager_link(self, page: int) -> str | None:
        """The pager's link to the next page: labelled with its number, or carrying page=N."""
        wanted = re.compile(rf"[?&]page={page + 1}(?:&|$)")
        for link in self.selector.xpath("//body//a[@href]"):
            href = link.attrib["href"]
            if PRODUCT_LINK.search(href):
                continue
            if _text(link.root) == str(page + 1) or wanted.search(href):
                return self.response.urljoin(href)
        return None


# Product-detail pages: `window.detailData = {...}` (globalData.product) and a JSON-LD Product;
# a removed listing's URL answers with a page titled "Product Not Available".
DETAIL_MARKER = "window.detailData"
PRODUCT_FIELDS = {
    "listing_id": (("detail", "globalData", "product", "productId"), ("ld", "sku"),
                   ("ld", "productID")),
    "title": (("detail", "globalData", "product", "subject"), ("ld", "name")),
    "price": (("ladder",), ("ld_price",)),
}
REMOVED_TITLE = re.compile(r"product not available(?: - alibaba\.com)?")
REMOVED_NOTICE = re.compile(r"product is no longer available|page you requested can ?not be found",
                            re.IGNORECASE)


def ladder_price(ladder: object) -> str | None:
    """A quantity price ladder (dearest first) as the range it shows ("$2.00-$5.00"), or None."""
    shown = [step["formatPrice"] for step in ladder if isinstance(step, dict)
             and isinstance(step.get("formatPrice"), str)] if isinstance(ladder, list) else []
    if not shown:
        return None
    return shown[0] if shown[0] == shown[-1] else f"{shown[-1]}-{shown[0]}"


@dataclass
class AlibabaProductPage(ProductPage):
    """An Alibaba product-detail page."""

    removed_title = REMOVED_TITLE
    removed_notice = REMOVED_NOTICE

    @cached_property
    def detail(self) -> dict:
        """The `window.detailData` object that holds `globalData.product`, or {}."""
        for value in embedded_objects(self.response, DETAIL_MARKER):
            if isinstance(dig(value, "globalData", "product"), dict):
                return value
        return {}

    def product(self) -> dict[str, object]:
        ladder = dig(self.detail, "globalData", "product", "price", "productLadderPrices")
        sources = {"detail": self.detail, "ld": self.ld_product, "ladder": ladder_price(ladder),
                   "ld_price": ld_price(self.ld_product)}
        return read_fields(sources, PRODUCT_FIELDS)

    def shown_id(self) -> object:
        found = PRODUCT_LINK.search(self.canonical)
        return found.group(1) if found else None


class Alibaba(Marketplace):
    """alibaba.com, the B2B marketplace."""

    name = "alibaba"
    base_url = "https://www.alibaba.com"
    domains = ("alibaba.com",)
    page_class = AlibabaSearchPage
    product_class = AlibabaProductPage

    def search_path(self, keyword: str, page: int) -> str:
        return "/trade/search?" + urlencode({"SearchText": keyword, "page": page})
