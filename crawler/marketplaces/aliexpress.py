"""AliExpress: listings in the `_init_data_` object (JSON inside a JavaScript wrapper)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import quote, urlsplit

from w3lib.url import add_or_replace_parameter

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
    read_fields,
    short_page,
)

# `window._dida_config_._init_data_= { data: {...} }`: JavaScript around a JSON object;
# older pages: `window.runParams = {...}`, sometimes wrapped the same way.
MARKERS = ("_init_data_", "window.runParams")
PREFIXES = (r"\s*=\s*\{\s*[\"']?data[\"']?\s*:\s*", r"\s*=\s*")
FIELD_PATHS = (("data", "root", "fields"), ("root", "fields"), ("data",), ())
BADGE_CODES = {"choice_atm": "choice"}


@dataclass
class AliExpressSearchPage(SearchPage):
    """An AliExpress search-results page."""

    badge_codes = BADGE_CODES

    @cached_property
    def fields(self) -> dict:
        """The `root.fields` object (mods, pageInfo), or {} when the page has none."""
        for marker in MARKERS:
            for prefix in PREFIXES:
                for value in embedded_objects(self.response, marker, prefix):
                    for path in FIELD_PATHS:
                        found = dig(value, *path)
                        if isinstance(found, dict) and isinstance(found.get("mods"), dict):
                            return found
        return {}

    @property
    def items(self) -> list[dict]:
        content = dig(self.fields, "mods", "itemList", "content")
        return [i for i in content if isinstance(i, dict)] if isinstance(content, list) else []

    def is_empty(self) -> bool:
        content = dig(self.fields, "mods", "itemList", "content")
        total = dig(self.fields, "pageInfo", "totalResults")
        return bool(self.fields) and not content and (content == [] or total in (0, "0"))

    def records(self) -> list[RawListing]:
        return [self._record(item) for item in self.items]

    def degraded_reason(self, page: int = 1) -> str | None:
        info = dig(self.fields, "pageInfo")
        return short_page(len(self.items), dig(info, "pageSize"), dig(info, "totalResults"),
                          page)

    def next_page_url(self, page: int) -> str | None:
        info = dig(self.fields, "pageInfo")
        size, total = dig(info, "pageSize"), dig(info, "totalResults")
        if not all(isinstance(n, int) and n > 0 for n in (size, total)) or page * size >= total:
            return None
        return add_or_replace_parameter(self.response.url, "page", str(page + 1))

    @staticmethod
    def _record(item: dict) -> RawListing:
        product_id = item.get("productId") or item.get("itemId")
        sale = dig(item, "prices", "salePrice")  # never originalPrice: that is crossed out
        low, high = dig(sale, "minPrice"), dig(sale, "maxPrice")
        if isinstance(low, int | float) and not isinstance(low, bool):
            price = f"{low}-{high}" if isinstance(high, int | float) and high != low else low
        else:
            price = dig(sale, "formattedPrice")
        title = dig(item, "title", "displayTitle") or dig(item, "title", "seoTitle")
        return RawListing(
            listing_id=product_id,
            url=f"https://www.aliexpress.com/item/{product_id}.html" if product_id else None,
            title=title if title else item.get("title"),
            price=price,
            currency=dig(sale, "currencyCode"),
            seller_name=dig(item, "store", "storeName"),
            seller_id=first(item, ("store", "storeId"), ("store", "sellerId")),
            seller_url=dig(item, "store", "storeUrl"),
            badges=[label for point in item.get("sellingPoints") or [] if isinstance(point, dict)
                    for label in (point.get("source"), dig(point, "tagContent", "tagText"))],
            sold=dig(item, "trade", "tradeDesc"),
            image_url=dig(item, "image", "imgUrl"),
            card=card_json(item),
        )


# Product-detail pages: `window.runParams = { data: {...} }` (priceModule, actionModule, ...),
# newer pages a JSON-LD Product; og:title starts with the price ("1.73US $ 32% OFF|<title>").
ITEM_PATH = re.compile(r"/item/(\d+)\.html")
PRODUCT_MODULES = ("actionModule", "priceModule", "skuModule", "titleModule", "pageModule")
_MONEY = r"(?:US\s?\$|[$€£¥₹₽₩])"
PRICED_OG_TITLE = re.compile(rf"(?P<price>(?:[\d.,]+\s?{_MONEY}|{_MONEY}\s?[\d.,]+)[^|]*?)"
                             r"\s*\|\s*(?P<title>.+)", re.DOTALL)
PRODUCT_FIELDS = {
    "listing_id": (("run", "actionModule", "productId"), ("run", "pageModule", "productId"),
                   ("run", "commonModule", "productId"), ("ld", "sku"), ("ld", "productID")),
    # The sale (activity) price before the list price, which is crossed out when both show.
    "price": (("run", "priceModule", "formatedActivityPrice"),
              ("run", "priceModule", "formatedPrice"), ("ld_price",), ("og", "price")),
    "title": (("run", "titleModule", "subject"), ("run", "pageModule", "title"), ("ld", "name"),
              ("og", "title")),
}
# "Sorry, this item can't be shipped to your address" alone is a regional limit, not a removal.
REMOVED_NOTICE = re.compile(r"(?:item|product) is no longer available"
                            r"|page you requested can ?not be found", re.IGNORECASE)


@dataclass
class AliExpressProductPage(ProductPage):
    """An AliExpress item page (or where a removed item's URL leads)."""

    removed_notice = REMOVED_NOTICE

    @cached_property
    def run_data(self) -> dict:
        """The `data` object of `window.runParams` that holds the product modules, or {}."""
        for value in embedded_objects(self.response, "window.runParams", PREFIXES[0]):
            if isinstance(value, dict) and any(
                    isinstance(value.get(module), dict) for module in PRODUCT_MODULES):
                return value
        return {}

    def product(self) -> dict[str, object]:
        og = self.selector.xpath('//meta[@property="og:title"]/@content').get() or ""
        priced = PRICED_OG_TITLE.fullmatch(og.strip())
        sources = {"run": self.run_data, "ld": self.ld_product,
                   "ld_price": ld_price(self.ld_product),
                   "og": priced.groupdict() if priced else {}}
        return read_fields(sources, PRODUCT_FIELDS)

    def shown_id(self) -> object:
        found = ITEM_PATH.search(urlsplit(self.canonical).path)
        return found.group(1) if found else None

    def is_removed(self) -> bool:
        return super().is_removed() or self._redirected_to_search()

    def _redirected_to_search(self) -> bool:
        """An item URL redirected to a search page: AliExpress's answer for a removed item."""
        request = self.response.request
        origins = request.meta.get("redirect_urls", []) if request is not None else []
        return (bool(origins) and bool(ITEM_PATH.search(urlsplit(origins[0]).path))
                and not ITEM_PATH.search(urlsplit(self.response.url).path)
                and bool(AliExpressSearchPage(self.response).fields))


class AliExpress(Marketplace):
    """aliexpress.com, the retail marketplace."""

    name = "aliexpress"
    base_url = "https://www.aliexpress.com"
    domains = ("aliexpress.com", "aliexpress.us")
    page_class = AliExpressSearchPage
    product_class = AliExpressProductPage

    def search_path(self, keyword: str, page: int) -> str:
        slug = "-".join(quote(word, safe="") for word in keyword.split())
        return f"/w/wholesale-{slug}.html?page={page}"
