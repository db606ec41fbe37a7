"""Alibaba.com: listings in the `_offer_list` JSON embedded in the search page's scripts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from scrapy.http import Response

from crawler.marketplaces.base import Marketplace, SearchPage, dig, embedded_objects, page_text
from crawler.parsing import pick_badge

DATA_MARKER = "window.__page__data_sse10._offer_list"


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

    def is_empty(self) -> bool:
        return isinstance(self.data.get("offers"), list) and not self.data["offers"]

    def listings(self) -> list[dict]:
        return [self._record(offer) for offer in self.offers]

    def next_page_url(self, page: int) -> str | None:
        pagination = self.data.get("paginationData")
        count = dig(pagination, "pageCount")
        if not isinstance(count, int | str) or not str(count).isdigit() or page >= int(count):
            return None
        rule = dig(pagination, "urlRule")
        if isinstance(rule, str) and "{0}" in rule:
            return rule.replace("{0}", str(page + 1))
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
