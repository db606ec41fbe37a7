"""Suspicion score: (listing, brand) -> score 0-100, risk, and the reasons that add up to it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from crawler import vocabulary
from crawler.brandnames import BrandMatch, match_brand
from crawler.text import fold
from crawler.watchlist import Brand, Watchlist

# Every weight in one place. A reason's points are what its rule adds (or, negative,
# removes); the score is their sum clamped to 0-100.
WEIGHTS = {
    "price_far_below_retail": 55,  # under 5% of the reference retail price
    "price_well_below_retail": 40,  # under 20%
    "price_below_retail": 25,  # under 35%
    "price_near_retail": -20,  # 60% of retail or more
    "replica_vocabulary": 40,
    "generic_replica_vocabulary": 15,  # the same words with no brand claim: AAA grade leather
    "disguised_brand": 30,
    "monogram_only": 20,
    "product_line_only": 15,  # a model name (Neverfull, Triple S) without the brand name
    "inspired_phrasing": 40,  # "Gucci style": a copy of the design, said outright
    "designer_vocabulary": 25,  # "luxury designer", "famous brand" next to a brand claim
    "bulk_moq": 15,  # 50+ units of a branded luxury good
    "large_bulk_moq": 20,  # 1,000+
    "sales_volume": 10,  # 1,000+ sold
    "large_sales_volume": 15,  # 10,000+ sold
    "compatible_accessory": -40,
    "factory_seller": 15,  # a manufacturer or wholesaler selling the branded good itself
    "logo_claim": 25,  # "... with Apple Logo": the brand's mark put on the goods
    "brand_soup": -30,  # three or more houses named: search words, not a claim
    "liquidation_stock": -30,  # genuine stock sold off in lots
    "pre_owned": -15,  # pre-owned, second hand: resellers of genuine goods say so
    "authorized_seller": -50,
    "no_brand_claim": -10,
    "seller_badges": 0,  # shown to reviewers; badges are no proof of authenticity
    "reviewer_legitimate": -100,  # a reviewer's verdict outweighs every signal
    "reviewer_counterfeit": 100,
}
RISK_LEVELS = (("high", 70), ("medium", 40), ("low", 0))

# Approximate USD value of one unit of each currency, to compare prices with retail.
USD_PER_UNIT = {
    "USD": 1.0, "EUR": 1.08, "GBP": 1.27, "CNY": 0.14, "JPY": 0.0067, "HKD": 0.128,
    "CAD": 0.73, "AUD": 0.66, "BRL": 0.18, "INR": 0.012, "RUB": 0.011, "KRW": 0.00073,
    "TRY": 0.029, "PLN": 0.25, "RSD": 0.0092, "CHF": 1.13, "MXN": 0.055, "SGD": 0.75,
    "MYR": 0.22, "THB": 0.028, "PHP": 0.017, "VND": 0.00004, "SEK": 0.095, "NOK": 0.093,
    "DKK": 0.145, "CZK": 0.043, "HUF": 0.0027, "AED": 0.27, "SAR": 0.27, "ZAR": 0.055,
    "NZD": 0.6, "TWD": 0.031, "IDR": 0.000063, "ILS": 0.27, "UAH": 0.024,
}


@dataclass(frozen=True)
class Reason:
    """One rule that fired, with its points and a detail a reviewer can read."""

    rule: str
    points: int
    detail: str

    def as_dict(self) -> dict:
        return {"rule": self.rule, "points": self.points, "detail": self.detail}


def risk_level(score: int) -> str:
    """high, medium or low for a clamped score."""
    return next(level for level, floor in RISK_LEVELS if score >= floor)


def category_of(title: str) -> str | None:
    """The product category a (folded) title names first: bag, wallet, belt, ..."""
    return vocabulary.CATEGORY_RE.first_owner(title)


def usd(amount: float | None, currency: str | None) -> float | None:
    """An amount in USD; listings without a currency are taken to be in USD."""
    if amount is None:
        return None
    rate = USD_PER_UNIT.get((currency or "USD").upper())
    return amount * rate if rate else None


def _price_reason(listing: Mapping, brand: Brand, category: str | None,
                  line: str | None) -> Reason | None:
    price = usd(listing.get("price_max") or listing.get("price_min"), listing.get("currency"))
    if not price or not brand.reference_prices:
        return None
    if line in brand.line_prices:
        reference, what = brand.line_prices[line], line
    elif category not in brand.reference_prices and (
            vocabulary.PARENT_CATEGORY.get(category) in brand.reference_prices):
        category = vocabulary.PARENT_CATEGORY[category]
        reference, what = brand.reference_prices[category], category
    elif category in brand.reference_prices:
        reference, what = brand.reference_prices[category], category
    else:
        what = min(brand.reference_prices, key=brand.reference_prices.get)
        reference = brand.reference_prices[what]
        what = f"cheapest category, {what}"
    ratio = price / reference
    detail = f"${price:,.2f} is {ratio:.0%} of the ${reference:,.0f} retail price ({what})"
    for rule, ceiling in (("price_far_below_retail", 0.05), ("price_well_below_retail", 0.2),
                          ("price_below_retail", 0.35)):
        if ratio < ceiling:
            return Reason(rule, WEIGHTS[rule], detail)
    if ratio >= 0.6 and (category in brand.reference_prices or line in brand.line_prices):
        return Reason("price_near_retail", WEIGHTS["price_near_retail"], detail)
    return None


@lru_cache(maxsize=256)
def _authorized(brand: Brand) -> frozenset[str]:
    """The brand's authorized sellers, in lower case."""
    return frozenset(seller.lower() for seller in brand.authorized_sellers)


def _seller_reasons(listing: Mapping, brand: Brand, claims_brand: bool) -> list[Reason]:
    reasons = []
    name = listing.get("seller_name") or ""
    if name and name.strip().lower() in _authorized(brand):
        reasons.append(Reason("authorized_seller", WEIGHTS["authorized_seller"],
                              f"{name} is an authorized seller of {brand.name}"))
    elif claims_brand and vocabulary.FACTORY_SELLER.search(name):
        reasons.append(Reason("factory_seller", WEIGHTS["factory_seller"],
                              f"{name} makes or wholesales goods; {brand.name} does not sell "
                              "through factories"))
    badges = listing.get("badges") or []
    if badges:
        years = listing.get("seller_years")
        detail = ", ".join(badges) + (f"; {years} years as Gold Supplier" if years else "")
        reasons.append(Reason("seller_badges", WEIGHTS["seller_badges"], detail))
    return reasons


def _volume_reasons(listing: Mapping) -> list[Reason]:
    reasons = []
    moq, unit = listing.get("moq"), listing.get("moq_unit") or "unit"
    if isinstance(moq, int) and moq >= 50:
        rule = "large_bulk_moq" if moq >= 1000 else "bulk_moq"
        reasons.append(Reason(rule, WEIGHTS[rule], f"minimum order {moq:,} {unit}s"))
    sold = listing.get("sold_count")
    if isinstance(sold, int) and sold >= 1000:
        rule = "large_sales_volume" if sold >= 10000 else "sales_volume"
        reasons.append(Reason(rule, WEIGHTS[rule], f"{sold:,} sold"))
    return reasons


def _brand_reasons(match: BrandMatch, brand: Brand) -> list[Reason]:
    reasons = []
    if match.disguised:
        reasons.append(Reason("disguised_brand", WEIGHTS["disguised_brand"],
                              f"{match.disguised!r} imitates {brand.name}"))
    if match.monogram and not (match.named or match.disguised):
        reasons.append(Reason("monogram_only", WEIGHTS["monogram_only"],
                              f"uses the {match.monogram} monogram without naming the brand"))
    if match.product_line and not (match.named or match.disguised or match.monogram):
        reasons.append(Reason("product_line_only", WEIGHTS["product_line_only"],
                              f"names the {match.product_line!r} model without the brand"))
    if match.inspired:
        reasons.append(Reason("inspired_phrasing", WEIGHTS["inspired_phrasing"],
                              f"{match.inspired!r} borrows the brand's design"))
    return reasons


def _vocabulary_reasons(match: BrandMatch, replica: str | None) -> list[Reason]:
    reasons = []
    if replica:
        rule = "replica_vocabulary" if match.claims_brand else "generic_replica_vocabulary"
        reasons.append(Reason(rule, WEIGHTS[rule], f"title says {replica!r}"))
    designer = vocabulary.DESIGNER_RE.search(match.folded) if match.claims_brand else None
    if designer:
        reasons.append(Reason("designer_vocabulary", WEIGHTS["designer_vocabulary"],
                              f"title says {designer.group(0)!r}"))
    return reasons


def _listing_reasons(match: BrandMatch, brand: Brand, copy_claim: bool) -> list[Reason]:
    """What the title says about the goods beyond the brand: logo, other houses, lots, used."""
    reasons = []
    houses = {vocabulary.LUXURY_NAMES[m.group(0).replace("  ", " ")]
              for m in vocabulary.LUXURY_RE.finditer(match.folded)}
    if len(houses) >= 3:
        reasons.append(Reason("brand_soup", WEIGHTS["brand_soup"],
                              f"names {len(houses)} fashion houses as search words"))
    elif match.named and "logo" in match.folded and re.search(
            rf"{re.escape(match.named)}\W{{0,2}}logo", match.folded):
        reasons.append(Reason("logo_claim", WEIGHTS["logo_claim"],
                              f"sells goods bearing the {brand.name} logo"))
    if copy_claim:
        return reasons  # a copy is neither pre-owned nor liquidated stock
    liquidation = vocabulary.LIQUIDATION_RE.search(match.folded)
    if liquidation:
        reasons.append(Reason("liquidation_stock", WEIGHTS["liquidation_stock"],
                              f"genuine stock sold off: {liquidation.group(0)!r}"))
    pre_owned = vocabulary.PRE_OWNED_RE.search(match.folded)
    if pre_owned:
        reasons.append(Reason("pre_owned", WEIGHTS["pre_owned"], f"sold as {pre_owned.group(0)!r}"))
    return reasons


def _verdict_reasons(listing: Mapping) -> list[Reason]:
    verdict = listing.get("verdict")
    if verdict == "legitimate":
        return [Reason("reviewer_legitimate", WEIGHTS["reviewer_legitimate"],
                       "a reviewer marked this listing legitimate")]
    if verdict == "counterfeit":
        return [Reason("reviewer_counterfeit", WEIGHTS["reviewer_counterfeit"],
                       "a reviewer marked this listing counterfeit")]
    return []


@lru_cache(maxsize=64)
def _folded(terms: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each of a watchlist's own copy words with its folded form."""
    return tuple((term, fold(term)) for term in terms)


def _first_term(folded: str, terms: tuple[str, ...]) -> str | None:
    """The first of a watchlist's own copy words a (folded) title contains."""
    return next((term for term, form in _folded(terms) if form in folded), None)


def _replica_term(folded: str, extra_terms: tuple[str, ...]) -> str | None:
    """The first replica word in a title that is not negated ("NOT a replica")."""
    for found in vocabulary.REPLICA_RE.finditer(folded):
        before, after = folded[max(0, found.start() - 20):found.start()], folded[found.end():]
        if vocabulary.NEGATED_BEFORE.search(before) or vocabulary.NEGATED_AFTER.search(after):
            continue
        if found.group(0).startswith("cop") and vocabulary.PAPERWORK_BEFORE.search(before):
            continue
        return found.group(0)
    return _first_term(folded, extra_terms)


def score(listing: Mapping, brand: Brand, replica_terms: tuple[str, ...] = ()) -> tuple[
    int, str, list[dict]
]:
    """Score a listing against the brand it was searched for: (score, risk, reasons)."""
    match = match_brand(listing.get("title") or "", brand)
    own_term = _first_term(match.folded, brand.replica_terms)
    if own_term and not match.claims_brand:  # "rename GPS" sells AirPods without naming them
        match = replace(match, monogram=own_term)
    replica = _replica_term(match.folded, replica_terms) or own_term
    reasons = _vocabulary_reasons(match, replica) + _brand_reasons(match, brand)
    copy_claim = bool(replica or match.inspired)
    # "Case for AirPods": made for the brand's goods - unless it also sells itself as a copy.
    compatible = vocabulary.COMPATIBLE_RE.search(match.folded)
    accessory = (match.accessory_for or (compatible and compatible.group(0))) if not (
        copy_claim) else None
    if accessory:
        reasons.append(Reason("compatible_accessory", WEIGHTS["compatible_accessory"],
                              f"made to go with the brand's goods: {accessory!r}"))
    if match.claims_brand and not accessory:
        price = _price_reason(listing, brand, category_of(match.folded), match.product_line)
        if price and not (copy_claim and price.points < 0):  # a copy is no bargain at retail
            reasons.append(price)
        reasons += _volume_reasons(listing)
        reasons += _listing_reasons(match, brand, copy_claim)
    if not match.claims_brand:
        reasons.append(Reason("no_brand_claim", WEIGHTS["no_brand_claim"],
                              f"the title does not name or imitate {brand.name}"))
    reasons += _seller_reasons(listing, brand, match.claims_brand and not accessory)
    reasons += _verdict_reasons(listing)
    clamped = max(0, min(100, sum(r.points for r in reasons)))
    return clamped, risk_level(clamped), [r.as_dict() for r in reasons]


def score_for(listing: Mapping, watchlist: Watchlist) -> tuple[int, str, list[dict]]:
    """Score a listing against the watchlist brand its `brand` field names (slug or name)."""
    return score(listing, watchlist.find(str(listing.get("brand") or "")),
                 watchlist.replica_terms)
