"""Made-in-China.com: listings in HTML cards (`div.list-node`), paging in `div.pager`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from parsel import Selector

from crawler.items import RawListing
from crawler.marketplaces.base import (
    Marketplace,
    ProductPage,
    SearchPage,
    ld_price,
    page_text,
    read_fields,
)

_NO_RESULTS_RE = re.compile(r"no (?:products?|results?|items?) (?:matching|found|were found)",
                            re.IGNORECASE)
_MOQ_RE = re.compile(r"\(MOQ\)|\bMOQ\b|min\.? ?order", re.IGNORECASE)
_ID_RE = re.compile(r"/product/([^/?#]+)/")
_SHOP_RE = re.compile(r"^(?:https?:)?//([a-z0-9-]+)\.en\.made-in-china\.com", re.IGNORECASE)
SEARCH_QUERY = {
    "subaction": "hunt", "style": "b", "mode": "and", "code": "0", "comProvince": "nolimit",
    "order": "0", "isOpenCorrection": "1", "org": "top", "searchType": "0",
}


def _text(node: Selector) -> str:
    return " ".join(node.css("::text").getall())


def _moq(infos: list[str]) -> str | None:
    """The MOQ line of a card ("1,000 Pieces (MOQ)"), also when "(MOQ)" stands on its own."""
    for number, info in enumerate(infos):
        if _MOQ_RE.search(info):
            has_digits = any(c.isdigit() for c in info)
            return info if has_digits or not number else f"{infos[number - 1]} {info}"
    return None


def _shop(url: str | None) -> str | None:
    """The shop's name in its subdomain (https://<shop>.en.made-in-china.com): its seller id."""
    found = _SHOP_RE.match(url or "")
    return found.group(1).lower() if found else None


@dataclass
class MadeInChinaSearchPage(SearchPage):
    """A Made-in-China search-results page."""

    @cached_property
    def selector(self) -> Selector:
        return Selector(text=page_text(self.response) or "<html></html>")

    @property
    def cards(self) -> list[Selector]:
        return self.selector.css("div.list-node")

    def is_empty(self) -> bool:
        if self.cards:
            return False
        notice = self.selector.css(".search-result-empty, .no-result, .empty-result")
        return bool(notice) or bool(_NO_RESULTS_RE.search(_text(self.selector.css("body"))))

    def records(self) -> list[RawListing]:
        return [self._record(card) for card in self.cards]

    def next_page_url(self, page: int) -> str | None:
        links = self.selector.css("div.pager a[href]")
        wanted = re.compile(rf"[?&]page={page + 1}(?:&|$)")
        for href in links.css("::attr(href)").getall():
            if wanted.search(href):
                return self.response.urljoin(href)
        return None

    @staticmethod
    def _record(card: Selector) -> RawListing:
        link = card.css("h2.product-name a, .product-name a")[:1]
        url = link.attrib.get("href") if link else None
        found = _ID_RE.search(url or "")
        infos = [_text(info) for info in card.css("div.info, li.info")]
        seller = card.css("a.compnay-name, a.company-name")[:1]
        auth = card.css("div.auth-block li")
        badges = [label for li in auth for label in (li.css("img::attr(alt)").get(), _text(li))]
        badges += card.css("b.trade-icon-holder::attr(data-icon-alt)").getall()
        return RawListing(
            listing_id=found.group(1) if found else card.attrib.get("data-prodid"),
            url=url,
            title=(link.attrib.get("title") or _text(link)) if link else None,
            price=_text(card.css("div.price-info strong.price, strong.price")[:1]) or None,
            moq=_moq(infos),
            seller_name=(seller.attrib.get("title") or _text(seller)) if seller else None,
            seller_id=_shop(seller.attrib.get("href")) if seller else None,
            seller_url=seller.attrib.get("href") if seller else None,
            seller_country=_text(card.css("li.company-address-info")[:1]),
            badges=badges,
            image_url=card.css("div.prod-image img::attr(data-original)").get()
            or card.css("div.prod-image img::attr(src)").get(),
            card=card.get(),
        )


# Product pages (on the seller's subdomain): a hidden input `productId`, a JSON-LD Product
# whose offers carry price, priceValidUntil and availability, the title in an h1.
PRODUCT_FIELDS = {
    "listing_id": (("input",), ("ld", "sku"), ("ld", "productID")),
    "title": (("ld", "name"), ("h1",)),
    "price": (("shown_price",), ("ld_price",)),
}
PRODUCT_PRICE = "div.sr-proMainInfo-baseInfo-propertyPrice span.price, .only-one-priceNum"
REMOVED_NOTICE = re.compile(r"(?:product|page)\b[^.]{0,40}?\b(?:has been removed|does not exist"
                            r"|is no longer available)", re.IGNORECASE)


@dataclass
class MadeInChinaProductPage(ProductPage):
    """A Made-in-China product page."""

    removed_notice = REMOVED_NOTICE

    def product(self) -> dict[str, object]:
        sel = self.selector
        sources = {
            "input": sel.xpath('//input[@name="productId"]/@value').get(),
            "ld": self.ld_product,
            "h1": " ".join(sel.css("h1.sr-proMainInfo-baseInfoH1 ::text").getall()),
            "shown_price": " ".join(sel.css(f"{PRODUCT_PRICE} ::text").getall()),
            "ld_price": ld_price(self.ld_product),
        }
        return read_fields(sources, PRODUCT_FIELDS)

    def shown_id(self) -> object:
        found = _ID_RE.search(self.canonical)
        return found.group(1) if found else None


class MadeInChina(Marketplace):
    """made-in-china.com, the B2B marketplace."""

    name = "made_in_china"
    base_url = "https://www.made-in-china.com"
    domains = ("made-in-china.com",)
    page_class = MadeInChinaSearchPage
    product_class = MadeInChinaProductPage

    def search_path(self, keyword: str, page: int) -> str:
        return "/productdirectory.do?" + urlencode({**SEARCH_QUERY, "word": keyword, "page": page})
