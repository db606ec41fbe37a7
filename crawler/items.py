"""Items: the raw record a page object reads, and the Listing item (the listings columns)."""

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
    seller_id: str | None = None
    seller_url: str | None = None
    seller_country: str | None = None  # ISO 3166 alpha-2
    seller_location: str | None = None  # as the page writes it ("Zhejiang, China")
    seller_years: int | None = None
    badges: list[str] = field(default_factory=list)
    sold_count: int | None = None
    image_url: str | None = None
    card: str | None = None  # the listing as served (evidence), see RawListing.card
    page_url: str | None = None  # the results page it was read from
    score: int | None = None
    risk: str | None = None
    reasons: list[dict] = field(default_factory=list)


@dataclass
class RawListing:
    """One listing as the page shows it: values as found (strings, numbers), not yet parsed."""

    listing_id: object = None
    url: object = None
    title: object = None
    price: object = None
    currency: object = None  # an ISO code the page states outright (AliExpress currencyCode)
    moq: object = None
    seller_name: object = None
    seller_id: object = None
    seller_url: object = None
    seller_country: object = None  # a code or a location
    seller_years: object = None
    badges: list[object] = field(default_factory=list)  # labels, codes or alt texts
    sold: object = None
    image_url: object = None
    card: str | None = None  # the listing as served: its JSON object or HTML element, as text
