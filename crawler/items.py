"""The Listing item: one marketplace offer, with the columns of the listings table."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Listing:
    """A marketplace listing as extracted, then scored."""

    marketplace: str
    listing_id: str | None
    url: str | None
    title: str | None
    brand: str
    keyword: str
    price_min: float | None = None
    price_max: float | None = None
    currency: str | None = None
    moq: int | None = None
    moq_unit: str | None = None
    seller_name: str | None = None
    seller_url: str | None = None
    seller_country: str | None = None
    seller_years: int | None = None
    badges: list[str] = field(default_factory=list)
    sold_count: int | None = None
    image_url: str | None = None
    score: int | None = None
    risk: str | None = None
    reasons: list[dict] = field(default_factory=list)
