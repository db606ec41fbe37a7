"""AliExpress: listings in the `_init_data_` object (JSON inside a JavaScript wrapper)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import quote

from w3lib.url import add_or_replace_parameter

from crawler.items import RawListing
from crawler.marketplaces.base import (
    Marketplace,
    SearchPage,
    card_json,
    dig,
    embedded_objects,
    first,
    page_text,
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
        text = page_text(self.response)
        for marker in MARKERS:
            for prefix in PREFIXES:
                for value in embedded_objects(text, marker, prefix):
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


class AliExpress(Marketplace):
    """aliexpress.com, the retail marketplace."""

    name = "aliexpress"
    base_url = "https://www.aliexpress.com"
    domains = ("aliexpress.com", "aliexpress.us")
    page_class = AliExpressSearchPage

    def search_path(self, keyword: str, page: int) -> str:
        slug = "-".join(quote(word, safe="") for word in keyword.split())
        return f"/w/wholesale-{slug}.html?page={page}"
