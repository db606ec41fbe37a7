"""What the scorer knows about one listing: facts computed when a rule first asks for them.

Facts come in groups, each computed at once by one function (the title as the brand matcher
reads it, the title's words, the claims they make, the price, the seller, the evidence from
other listings). The rules (rules.toml) and their detail templates name facts by their keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache

from crawler import vocabulary
from crawler.brandnames import match_brand
from crawler.currency import usd
from crawler.scoring.evidence import Evidence
from crawler.text import fold
from crawler.watchlist import Brand

# A price at this share of retail or more is near it.
NEAR_RETAIL = 0.6
# Perfume reference prices are for a bottle of this size; a title's size scales them.
PERFUME_ML = 100
# Other listings of a seller that make its history count: one judged counterfeit, or this
# many at high risk.
SELLER_HIGH_RISK = 3

# Each fact's key, and the function that computes it with the rest of its group (a dict).
DETECTORS: dict[str, Callable[[Facts], object]] = {}


def facts(*keys: str) -> Callable:
    """Register a function that computes a group of facts (a dict of them) at once."""
    def register(function: Callable[[Facts], dict]) -> Callable[[Facts], dict]:
        DETECTORS.update(dict.fromkeys(keys, function))
        return function
    return register


class Facts(dict):
    """The facts of one listing, each group computed the first time one of them is read."""

    __slots__ = ("listing", "brand", "replica_terms", "evidence")

    def __init__(self, listing: Mapping, brand: Brand, replica_terms: tuple[str, ...] = (),
                 evidence: Evidence | None = None):
        super().__init__()
        self.listing, self.brand = listing, brand
        self.replica_terms, self.evidence = replica_terms, evidence

    def __missing__(self, key: str) -> object:
        found = DETECTORS[key](self)
        self.update(found)
        return found[key]


@lru_cache(maxsize=64)
def _folded(terms: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((term, fold(term)) for term in terms)


def _first_term(folded: str, terms: tuple[str, ...]) -> str | None:
    """The first of a watchlist's own copy words a (folded) title contains."""
    return next((term for term, form in _folded(terms) if form in folded), None)


def sells(brand: Brand, category: str | None) -> bool:
    """Whether the brand sells goods of a category (or of its broader one)."""
    return category in brand.categories or (
        vocabulary.PARENT_CATEGORY.get(category) in brand.categories)


def _priced(brand: Brand, category: str | None) -> str | None:
    """The category (or its broader one) the brand has a reference price for."""
    if category in brand.reference_prices:
        return category
    parent = vocabulary.PARENT_CATEGORY.get(category)
    return parent if parent in brand.reference_prices else None


@facts("match", "folded", "named", "disguised", "monogram", "inspired", "product_line",
       "brand_name")
def _matched(f: Facts) -> dict:
    """The title as the brand matcher reads it."""
    found = match_brand(f.listing.get("title") or "", f.brand)
    return {"match": found, "folded": found.folded, "named": found.named,
            "brand_name": f.brand.name,
            "disguised": found.disguised, "monogram": found.monogram,
            "inspired": found.inspired, "product_line": found.product_line}


_WORD_FACTS = {"look_alike": "look_alike_word", "designer": "designer_word",
               "pre_owned": "pre_owned_word", "liquidation": "liquidation_word",
               "new_sealed": "new_sealed_word", "unbranded": "unbranded_word",
               "hidden_mark": "hidden_mark_word", "logo_on_goods": "logo_on_goods",
               "compatible": "compatible_word"}


@facts("copy_matches", "categories_named", "product_category", "houses", "volume_ml",
       *_WORD_FACTS.values())
def _scanned(f: Facts) -> dict:
    """The first phrase of each word list in the title (copy words: all of them), the
    categories (and other trades) it names in order, the first product name's (iPhone: phone),
    how many fashion houses it names, a volume in ml: from one scan."""
    found: dict = dict.fromkeys((*_WORD_FACTS.values(), "product_category", "volume_ml"))
    copies, categories, houses = [], {}, set()
    for match in vocabulary.SCAN.finditer(f["folded"]):
        for kind, name in vocabulary.SCAN.owner(match):
            if kind == "category":
                categories.setdefault(name)
            elif kind == "house":
                houses.add(name)
            elif kind == "product":
                found["product_category"] = found["product_category"] or name
            elif kind == "volume":
                found["volume_ml"] = found["volume_ml"] or float(
                    match.group(0)[:-2].strip().replace(",", "."))
            elif name == "copy":
                copies.append(match)
            elif found[_WORD_FACTS[name]] is None:
                found[_WORD_FACTS[name]] = match.group(0)
    return {**found, "copy_matches": copies, "categories_named": tuple(categories),
            "houses": len(houses)}


def _copy_word(f: Facts) -> str | None:
    """The first copy word not negated ("NOT a replica"), or the watchlist's own, or a
    look-alike one ("dupe")."""
    text = f["folded"]
    for found in f["copy_matches"]:
        before, after = text[max(0, found.start() - 20):found.start()], text[found.end():]
        if vocabulary.NEGATED_BEFORE.search(before) or vocabulary.NEGATED_AFTER.search(after):
            continue
        if found.group(0).startswith("cop") and vocabulary.PAPERWORK_BEFORE.search(before):
            continue
        return found.group(0)
    return _first_term(text, f.replica_terms) or f["look_alike_word"]


def _imitation(f: Facts) -> str | None:
    """A product name imitated without the brand, or two of the product's signature features,
    in a listing of that product (or of no category): not an accessory "for 15 Pro Max"."""
    found, named_ones = f["match"], f["categories_named"]
    for category in dict.fromkeys(c for c, _ in (*found.imitations, *found.features)):
        if named_ones[:1] not in ((), (category,)):
            continue
        names = [what for c, what in found.imitations if c == category]
        features = [what for c, what in found.features if c == category]
        if names or len(features) >= 2:
            return " and ".join(names[:1] or features)
    return None


@facts("copy_word", "own_term", "other_trade", "mark_off_page", "unnamed_mark", "trade_name",
       "soup", "unbranded", "named_claim", "ordinary_word", "subject", "line_claim",
       "generic_line", "part_logo", "imitation", "brand_claim", "copy_claim", "accessory")
def _claims(f: Facts) -> dict:
    """What the title claims: the brand (by name, disguise, mark, model, product, a hidden
    mark), a copy, an accessory for the brand's goods - and what undoes a claim."""
    found = f["match"]
    own = _first_term(f["folded"], f.brand.replica_terms)  # "rename GPS" sells AirPods
    copy = _copy_word(f) or own
    look_alike = copy == f["look_alike_word"]  # "dupe": a copy of the look, not of the mark
    categories = f["categories_named"]
    # the title names goods the brand sells (a category, or a product of its: iPhone)
    its_goods = f["product_category"] or any(sells(f.brand, c) for c in categories)
    # else the trade it names (food and drink, toys, ...)
    other = None if its_goods else next(iter(categories), None)
    # search words stuffed into a generic title: many houses named, sold as no one's copy or
    # as a look-alike ("dupe")
    soup = f["houses"] >= 3 and (not copy or look_alike)
    # a name that is an ordinary word ("juicy", "apple") names the brand only beside its goods
    ordinary = found.named if found.named_ordinary and not its_goods else None
    # a book about the brand names it as its subject, not as its maker
    subject = found.named if other in vocabulary.SUBJECT_CATEGORIES else None
    # "blank tracksuit, custom logo", "dupe style ... no logo": no one's mark on the goods (and
    # a look-alike word then copies no one's)
    unbranded = f["unbranded_word"] if not copy or look_alike else None
    copy = None if unbranded else copy
    named = None if soup or ordinary or subject or unbranded else found.named
    hidden = None if unbranded else f["hidden_mark_word"]
    # designer talk and a mark described, not named: "famous brand ... logo printed"
    mark = (vocabulary.UNNAMED_MARK_RE.search(f["folded"])
            if f["designer_word"] and not unbranded else None)
    unnamed = mark and " ... ".join(dict.fromkeys((f["designer_word"], mark.group(0))))
    # a model, in one of the brand's trades, on goods not sold unbranded; one named with
    # ordinary words or a shape only with copy words or a mark beside it, or with another
    # such model of the brand ("Bloom Guilty Flora")
    line = found.product_line if not (other or unbranded) else None
    if line and found.generic_line and not (
            copy or found.monogram or found.inspired or hidden or f["designer_word"]
            or sum(name in f.brand.generic_lines for name in found.lines) >= 2):
        line = None
    for_it = found.accessory_for or f["compatible_word"]
    part_logo = f["logo_on_goods"] if for_it else None  # "with logo": the mark on a part
    imitation = _imitation(f)
    claim = bool(named or found.disguised or found.monogram or line or own or hidden
                 or unnamed or imitation or part_logo)
    copy_claim = bool(copy or found.inspired)
    first = next(iter(categories), None)
    kind = first.replace("_", " ") if first in vocabulary.ACCESSORY_CATEGORIES else None
    trade = (other or "").replace("_", " ").replace("food drink", "food and drink")
    return {"copy_word": copy, "own_term": own, "other_trade": other, "mark_off_page": hidden,
            "unnamed_mark": unnamed,
            "trade_name": f"the title names {trade or 'nothing'}, not what {f.brand.name} sells",
            "soup": soup, "unbranded": unbranded, "named_claim": named,
            "ordinary_word": ordinary, "subject": subject, "line_claim": line,
            "generic_line": found.product_line if found.generic_line and not line else None,
            "part_logo": part_logo, "imitation": imitation, "brand_claim": claim,
            "copy_claim": copy_claim,
            # made to go with the brand's goods ("case for AirPods", laces), unless sold as
            # a copy or with the brand's logo
            "accessory": None if copy_claim or part_logo else for_it or kind}


@facts("named_logo")
def _named_logo(f: Facts) -> dict:
    """The brand named as a logo on the goods ("... with Apple logo")."""
    name, text = f["named"], f["folded"]
    return {"named_logo": bool(name) and "logo" in text and bool(
        re.search(rf"{re.escape(name)}\W{{0,2}}logo", text))}


@facts("category", "price_usd", "reference", "price_ratio", "reference_known")
def _priced_against(f: Facts) -> dict:
    """The price a buyer pays (the top of a range) in USD; the brand's retail price to compare
    it with (USD, of what, whether the title named it) - the model's, else the category's,
    else the brand's cheapest category's; the price as a share of it."""
    listing = f.listing
    category = next((c for c in (_priced(f.brand, c) for c in f["categories_named"]) if c),
                    None)
    price = usd(listing.get("price_max") or listing.get("price_min"), listing.get("currency"))
    reference = _reference(f, category, price)
    ratio = price / reference[0] if price and reference else None
    return {"category": category, "price_usd": price, "reference": reference,
            "price_ratio": ratio, "reference_known": bool(reference and reference[2])}


@facts("price_detail")
def _price_detail(f: Facts) -> dict:
    reference, what, _ = f["reference"]
    return {"price_detail": f"${f['price_usd']:,.2f} is {f['price_ratio']:.0%} of the "
                            f"${reference:,.0f} retail price ({what})"}


def _reference(f: Facts, category: str | None,
               price_usd: float | None) -> tuple[float, str, bool] | None:
    prices = f.brand.reference_prices
    if not prices:
        return None
    line = next((line for line in f["match"].lines if line in f.brand.line_prices), None)
    product = _priced(f.brand, f["product_category"])
    if line:
        price, what, known = f.brand.line_prices[line], line, True
    elif category:
        price, what, known = prices[category], category, True
    elif product and ((price_usd or 0) >= NEAR_RETAIL * prices[product]
                      or f["new_sealed_word"]):
        # a product name alone prices a listing only at its retail price, or sold sealed:
        # far below it, the goods may be something made for that product (an iPhone charger)
        price, what, known = prices[product], product, True
    else:
        cheapest = min(prices, key=prices.get)
        price, what, known = prices[cheapest], f"cheapest category, {cheapest}", False
    size = f["volume_ml"]
    if size and category in ("perfume", None):
        price, what = price * size / PERFUME_ML, f"{what}, {size:g} ml"
    return price, what, known


@facts("moq", "moq_units", "sold", "seller_name", "authorized", "badges", "key")
def _listed(f: Facts) -> dict:
    """What the listing says besides its title: quantities, the seller, its badges."""
    listing = f.listing
    moq, sold = listing.get("moq"), listing.get("sold_count")
    unit = listing.get("moq_unit") or "unit"
    name = listing.get("seller_name") or ""
    badges = listing.get("badges") or []
    years = listing.get("seller_years")
    return {"moq": moq if isinstance(moq, int) else None,
            "moq_units": unit if unit.endswith("s") else unit + "s",
            "sold": sold if isinstance(sold, int) else None,
            "seller_name": name,
            "authorized": bool(name) and name.strip().lower() in _authorized(f.brand),
            "badges": ", ".join(badges) + (f"; {years} years as Gold Supplier" if years else "")
            if badges else "",
            "key": f"{listing.get('marketplace') or ''}:{listing.get('listing_id') or ''}"}


@lru_cache(maxsize=256)
def _authorized(brand: Brand) -> frozenset[str]:
    return frozenset(seller.lower() for seller in brand.authorized_sellers)


@facts("factory")
def _factory(f: Facts) -> dict:
    """The seller makes or wholesales goods (a factory, a manufacturing hub in its name)."""
    name = f["seller_name"]
    return {"factory": bool(name) and bool(vocabulary.FACTORY_SELLER_RE.search(fold(name)))}


@facts("seller_record", "similar_counterfeit", "similar_legitimate")
def _evidence(f: Facts) -> dict:
    """From other listings: the seller's others judged counterfeit or at high risk, and a
    judged listing whose title this one repeats."""
    found = dict.fromkeys(("seller_record", "similar_counterfeit", "similar_legitimate"))
    evidence = f.evidence
    if evidence is None:
        return found
    if f["seller_name"]:
        fakes = evidence.seller_counterfeit(f["seller_name"], f["key"])
        risky = evidence.seller_high_risk(f["seller_name"], f["key"])
        if fakes or len(risky) >= SELLER_HIGH_RISK:
            parts = [f"other listings judged counterfeit: {len(fakes)}" if fakes else "",
                     f"other high-risk listings: {len(risky)}"
                     if len(risky) >= SELLER_HIGH_RISK else ""]
            found["seller_record"] = (f"{'; '.join(p for p in parts if p)} "
                                      f"({', '.join((fakes or risky)[:3])})")
    similar = evidence.most_similar(f.listing.get("title") or "", f["key"])
    if similar:
        judged, alike = similar
        found[f"similar_{judged.verdict}"] = (f"{judged.key} ({alike:.0f}% alike: "
                                              f"{judged.title[:80]!r})")
    return found
