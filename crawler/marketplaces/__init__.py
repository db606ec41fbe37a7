"""The marketplaces the crawler knows; adding one is a module plus a line here."""

from __future__ import annotations

from crawler.marketplaces.alibaba import Alibaba
from crawler.marketplaces.aliexpress import AliExpress
from crawler.marketplaces.base import Marketplace, SearchPage
from crawler.marketplaces.made_in_china import MadeInChina

MARKETPLACES: dict[str, Marketplace] = {
    m.name: m for m in (Alibaba(), AliExpress(), MadeInChina())
}

__all__ = ["MARKETPLACES", "Marketplace", "SearchPage"]
