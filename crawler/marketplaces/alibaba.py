"""Alibaba.com: listings in the `_offer_list` JSON embedded in the search page's scripts,
or - older layouts - in HTML cards around links to product-detail pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from parsel import Selector
from scrapy.http import Response

from crawler.marketplaces.base import Marketplace, SearchPage, dig, embedded_objects, page_text
from crawler.parsing import pick_badge

DATA_MARKER = "window.__page__data_sse10._offer_list"
# Older HTML cards: found by their links to product pages, read by the words they show.
PRODUCT_LINK = re.compile(r"/product-detail/[^\"'?#]*?(\d{5,})\.html")
CARD_PRICE = re.compile(r"(?:US\s?\$|USD|\$|€|£|¥)\s*[\d.,]+(?:\s*-\s*(?:US\s?\$|\$)?\s*[\d.,]+)?")
CARD_MOQ = re.compile(
    r"[\d,.]+\s*[A-Za-z]*\s*\(\s*Min\.?\s*Order\s*\)|Min\.?\s*order\s*:?\s*[\d,.]+\s*[A-Za-z]*"
    r"|MOQ\s*:?\s*[\d,.]+\s*[A-Za-z]*", re.IGNORECASE)
CARD_SOLD = re.compile(r"[\d,.]+\+?\s*(?:sold|orders?)\b", re.IGNORECASE)
CARD_YEARS = re.compile(r"(\d{1,2})\s*(?:yrs?|years?)\b", re.IGNORECASE)
CARD_BADGES = {"gold supplier": "Gold Supplier", "gold-supplier": "Gold Supplier",
               "trade assurance": "Trade Assurance", "trade-assurance": "Trade Assurance",
               "verified": "Verified", "assessed": "Assessed Supplier"}
SELLER_LINK = re.compile(r"\.en\.alibaba\.com|/company/|/supplier", re.IGNORECASE)
NO_RESULTS = re.compile(r"no (?:matching )?(?:products?|results?) (?:were )?(?:found|matching)"
                        r"|did not match any", re.IGNORECASE)


def _words(node: Selector) -> str:
    return " ".join(" ".join(node.css("::text").getall()).split())


def _card_of(link: Selector, product: str) -> Selector:
    """The largest element around a product link that holds no other product's link."""
    card = link
    for ancestor in reversed(link.xpath("ancestor::*")):
        ids = {m.group(1) for h in ancestor.xpath(".//a/@href").getall()
               if (m := PRODUCT_LINK.search(h))}
        if ids - {product}:
            break
        card = ancestor
    return card


def html_card_records(selector: Selector) -> list[dict]:
    """Raw records from HTML result cards (the pre-JSON layouts of the search page)."""
    links: dict[str, list[Selector]] = {}
    for link in selector.xpath("//body//a[@href]"):
        found = PRODUCT_LINK.search(link.attrib["href"])
        if found:
            links.setdefault(found.group(1), []).append(link)
    records = []
    for product, anchors in links.items():
        card = _card_of(anchors[0], product)
        text = _words(card)
        titles = [a.attrib.get("title") or _words(a) for a in anchors]
        marks = " ".join(card.xpath(".//@alt | .//@title | .//@class").getall() + [text]).lower()
        seller = next((a for a in card.xpath(".//a[@href]")
                       if SELLER_LINK.search(a.attrib["href"]) and _words(a)), None)
        price, moq = CARD_PRICE.search(text), CARD_MOQ.search(text)
        sold, years = CARD_SOLD.search(text), CARD_YEARS.search(text)
        records.append({
            "listing_id": product,
            "url": anchors[0].attrib["href"],
            "title": max(titles, key=lambda t: len(t or "")) or None,
            "price": price.group(0) if price else None,
            "moq": moq.group(0) if moq else None,
            "seller_name": (seller.attrib.get("title") or _words(seller)) if seller else None,
            "seller_url": seller.attrib["href"] if seller else None,
            "seller_years": years.group(1) if years and "gold" in marks else None,
            "badges": [label for key, label in CARD_BADGES.items() if key in marks],
            "sold": sold.group(0) if sold else None,
            "image_url": card.css("img::attr(data-src), img::attr(src)").get(),
        })
    return records


@dataclass
class AlibabaSearchPage(SearchPage):
    """An Alibaba search-results page."""

    @cached_property
    def data(self) -> dict:
        """The `offerResultData` object, or {} when the page does not carry one."""
        for value in embedded_objects(page_text(self.response), DATA_MARKER):
            result = dig(value, "offerResultData")
            if isinstance(result, dict) and "offers" in result:
                return result
        return {}

    @property
    def offers(self) -> list[dict]:
        offers = self.data.get("offers")
        return [o for o in offers if isinstance(o, dict)] if isinstance(offers, list) else []

    @cached_property
    def selector(self) -> Selector:
        return Selector(text=page_text(self.response) or "<html></html>")

    def is_empty(self) -> bool:
        if self.data:
            return isinstance(self.data.get("offers"), list) and not self.data["offers"]
        return not self.listings() and bool(NO_RESULTS.search(_words(self.selector.css("body"))))

    @cached_property
    def _listings(self) -> list[dict]:
        if self.data:
            return [self._record(offer) for offer in self.offers]
        return html_card_records(self.selector)

    def listings(self) -> list[dict]:
        return self._listings

    def next_page_url(self, page: int) -> str | None:
        if not self.data:
            return self._pager_link(page)
        pagination = self.data.get("paginationData")
        count = dig(pagination, "pageCount")
        if not isinstance(count, int | str) or not str(count).isdigit() or page >= int(count):
            return None
        rule = dig(pagination, "urlRule")
        if isinstance(rule, str) and "{0}" in rule:
            return rule.replace("{0}", str(page + 1))
        return None

    def _pager_link(self, page: int) -> str | None:
        """The pager's link to the next page: labelled with its number, or carrying page=N."""
        wanted = re.compile(rf"[?&]page={page + 1}(?:&|$)")
        for link in self.selector.xpath("//body//a[@href]"):
            href = link.attrib["href"]
            if PRODUCT_LINK.search(href):
                continue
            if _words(link) == str(page + 1) or wanted.search(href):
                return self.response.urljoin(href)
        return None

    @staticmethod
    def _record(offer: dict) -> dict:
        listing_id = offer.get("productId") or offer.get("id")
        badges = [
            pick_badge(b.get("loopType"), b.get("title"), b.get("name"), b.get("text"))
            for b in offer.get("badges") or []
            if isinstance(b, dict)
        ]
        years = offer.get("goldSupplierYears") or offer.get("goldYearsNumber")
        if years or offer.get("goldSupplierIcon") or offer.get("goldSupplier") is True:
            badges.append("gold_supplier")
        if offer.get("verifiedSupplier") is True or offer.get("verifiedSupplierPro") is True:
            badges.append("verified_supplier")
        if offer.get("tradeAssurance") is True:
            badges.append("trade_assurance")
        return {
            "listing_id": listing_id,
            "url": offer.get("productUrl")
            or (f"//www.alibaba.com/product-detail/_{listing_id}.html" if listing_id else None),
            "title": offer.get("title"),
            "price": offer.get("price") or offer.get("promotionPrice"),
            "moq": offer.get("moq"),
            "seller_name": offer.get("companyName"),
            "seller_url": offer.get("supplierHref"),
            "seller_country": offer.get("countryCode"),
            "seller_years": years,
            "badges": badges,
            "sold": offer.get("soldOrder"),
            "image_url": offer.get("mainImage"),
        }


class Alibaba(Marketplace):
    """alibaba.com, the B2B marketplace."""

    name = "alibaba"
    base_url = "https://www.alibaba.com"
    domains = ("alibaba.com",)

    def search_path(self, keyword: str, page: int) -> str:
        return "/trade/search?" + urlencode({"SearchText": keyword, "page": page})

    def page(self, response: Response) -> AlibabaSearchPage:
        return AlibabaSearchPage(response)
