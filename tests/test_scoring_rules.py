"""Every scoring rule, one table each: listings it fires on and listings it must not."""

import re
from pathlib import Path

import pytest

from crawler import watchlist
from crawler.scoring import RULES, Evidence, Judged, score
from crawler.scoring.rules import RuleError, load

WATCHLIST = watchlist.load()
SELLER = "Guangzhou Star Leather Goods Co., Ltd."
HISTORY = Evidence.of(counterfeit=[(SELLER, "alibaba:1")],
                      high_risk=[("Busy Shop", f"alibaba:{n}") for n in range(1, 5)])
JUDGED = Evidence.of(judged=[
    Judged("alibaba:7", "Luxury GG canvas tote bag women shoulder bag 2025", "counterfeit"),
    Judged("alibaba:8", "Gucci Ophidia small shoulder bag beige ebony canvas", "legitimate"),
])


def listing(title, price=None, currency="USD", moq=None, **extra):
    return {"title": title, "price_min": price, "price_max": price, "currency": currency,
            "moq": moq, "moq_unit": "piece", "marketplace": "alibaba", "listing_id": "99",
            **extra}


# rule: [(brand, listing, evidence, fires)]
CASES = {
    "authorized_seller": [
        ("gucci", listing("Gucci Marmont bag", 2400, seller_name="Nordstrom"), None, True),
        ("gucci", listing("Gucci Marmont bag", 2400, seller_name="nordstrom "), None, True),
        ("gucci", listing("Gucci Marmont bag", 2400, seller_name="Nordstrom Rack Fan"), None,
         False),
    ],
    "disguised_brand": [
        ("gucci", listing("G-ucci belt men"), None, True),
        ("louis-vuitton", listing("驴牌 老花 手提包"), None, True),  # nicknames
        ("gucci", listing("Gucci belt men"), None, False),
    ],
    "monogram_only": [
        ("gucci", listing("GG canvas tote bag"), None, True),
        ("gucci", listing("Gucci GG canvas tote bag"), None, False),
        ("gucci", listing("egg cup set"), None, False),
    ],
    "product_line_only": [
        ("louis-vuitton", listing("Neverfull MM tote bag"), None, True),
        ("saint-laurent", listing("Libre 90ml perfume 1:1"), None, True),  # a common word, copied
        ("saint-laurent", listing("Libre 90ml perfume"), None, False),  # ... alone
        ("gucci", listing("Sealed perfume mixed lot Bloom Guilty Flora 100ml"), None,
         True),  # several of its fragrance lines together
        ("gucci", listing("Women bamboo handle tote bag"), None, False),
        ("bottega-veneta", listing("Intrecciato woven bag private label"), None, False),
        ("louis-vuitton", listing("Louis Vuitton Neverfull MM"), None, False),
        ("louis-vuitton", listing("Personalised monogram leather wallet"), None, False),
        ("balenciaga", listing("OtterBox Defender case for Samsung"), None, False),
    ],
    "product_imitation": [
        ("apple", listing("i15 Pro Max smartphone 6.8 inch Android 14"), None, True),
        ("apple", listing("New smartphone dynamic island face id 5G"), None, True),
        ("apple", listing("Phone case for 15 Pro Max shockproof"), None, False),  # fits it
        ("apple", listing("Android smartphone face id 6.5 inch"), None, False),  # one feature
        ("apple", listing("Apple iPhone 15 Pro Max 256GB"), None, False),  # the real name
    ],
    "hidden_mark": [
        ("gucci", listing("Women shoulder bag brand logo shown in photo"), None, True),
        ("louis-vuitton", listing("Tote bag DM for brand logo pics"), None, True),
        ("balenciaga", listing("Sneakers men VIP link"), None, True),
        ("gucci", listing("Women shoulder bag, photo shows the real item"), None, False),
    ],
    "unnamed_brand_mark": [
        ("balenciaga", listing("Wholesale famous brand dad shoes logo printed", 9), None, True),
        ("louis-vuitton", listing("Famous brands tote bag flower letter print canvas", 4), None,
         True),
        ("gucci", listing("Luxury designer sunglasses women brand logo temple", 3), None, True),
        ("gucci", listing("Luxury designer sunglasses women, custom logo printed", 1), None,
         False),  # the buyer's mark
        ("gucci", listing("Wholesale dad shoes logo printed", 9), None, False),  # no designer talk
        ("gucci", listing("Famous brand Gucci belt logo buckle", 9), None, False),  # named
    ],
    "logo_on_part": [
        ("apple", listing("Back glass replacement for iPhone 13 with logo"), None, True),
        ("apple", listing("Case for AirPods Pro with logo cutout"), None, False),
        ("apple", listing("Back glass replacement for iPhone 13"), None, False),
    ],
    "unbranded_goods": [
        ("juicy-couture", listing("Blank velour tracksuit custom logo, juicy couture style"),
         None, True),
        ("gucci", listing("Canvas tote bag private label OEM"), None, True),
        ("gucci", listing("Quilted bag dupe style Marmont look, no logo"), None, True),
        ("bottega-veneta", listing("Intrecciato style woven handbag OEM private label"), None,
         True),  # a weave named like the model, sold unbranded
        ("gucci", listing("Blank GG canvas tote bag"), None, False),  # a mark on it
        ("gucci", listing("Replica Marmont bag no logo"), None, False),  # a copy all the same
    ],
    "inspired_phrasing": [
        ("gucci", listing("Gucci-style tote bag"), None, True),
        ("balenciaga", listing("Triple S style chunky sneakers"), None, True),
        ("gucci", listing("Blank tote bag, custom logo, gucci style"), None, False),
    ],
    "replica_vocabulary": [
        ("gucci", listing("Gucci bag AAA replica"), None, True),
        ("gucci", listing("Gucci Marmont bag top version original leather"), None, True),
        ("gucci", listing("Gucci çanta birebir orijinal kalite"), None, True),
        ("gucci", listing("حقيبة غوتشي كوبي ون درجة أولى"), None, True),
        ("gucci", listing("Gucci bag - NOT a replica"), None, False),
        ("gucci", listing("AAA grade leather tote bag"), None, False),
    ],
    "generic_replica_vocabulary": [
        ("gucci", listing("AAA grade leather tote bag"), None, True),
        ("gucci", listing("Gucci bag AAA replica"), None, False),
        ("apple", listing("AAA batteries 24 pack"), None, False),
    ],
    "designer_vocabulary": [
        ("gucci", listing("Luxury designer Gucci belt"), None, True),
        ("gucci", listing("Luxury designer leather belt"), None, False),  # no brand claim
    ],
    "compatible_accessory": [
        ("apple", listing("Case for AirPods Pro 2 silicone"), None, True),
        ("apple", listing("AirPods Pro 2 対応 ケース シリコン"), None, True),  # after what it fits
        ("apple", listing("Ốp lưng cho iPhone 15 Pro Max"), None, True),
        ("apple", listing("สายชาร์จ USB-C สำหรับ iPhone 15"), None, True),
        ("apple", listing("سوار نايلون لساعة Apple Watch Ultra"), None, True),
        ("apple", listing("Case for iPhone15 Pro Max"), None, True),  # a model number glued on
        ("balenciaga", listing("Replacement shoelaces 140cm (Triple S length)"), None, True),
        ("apple", listing("Case for AirPods Pro 2 1:1 copy"), None, False),
        ("apple", listing("Apple charger for iPhone 20W"), None, False),  # the brand's own
    ],
    "price_far_below_retail": [
        ("gucci", listing("Gucci bag", 5), None, True),
        ("gucci", listing("Gucci bag", 100), None, False),
        ("gucci", listing("Women tote bag", 5), None, False),  # no brand claim
        ("apple", listing("Case for AirPods Pro", 2), None, False),
    ],
    "price_well_below_retail": [
        ("gucci", listing("Gucci bag", 100), None, True),
        ("gucci", listing("Gucci bag", 5), None, False),
        ("gucci", listing("Gucci bag", 200), None, False),
    ],
    "price_below_retail": [
        ("gucci", listing("Gucci bag", 200), None, True),
        ("gucci", listing("Gucci bag", 300), None, False),
    ],
    "sealed_below_retail": [
        ("apple", listing("AirPods Pro 2 brand new sealed original lot", 95), None, True),
        ("apple", listing("AirPods Pro 2 brand new sealed original", 230), None, False),
        ("apple", listing("AirPods Pro 2 pre-owned, new sealed box", 95), None, False),
        ("apple", listing("Apple Watch Series 9 45mm lacrado original", 36), None, True),
        ("apple", listing("Air Pods Pro 2nd gen MagSafe case original box", 23), None, True),
    ],
    "price_near_retail": [
        ("gucci", listing("Gucci bag", 700), None, True),
        ("gucci", listing("Gucci Bloom eau de parfum 5ml decant", 9), None, True),  # per ml
        ("gucci", listing("Gucci bag replica", 700), None, False),
        ("gucci", listing("Gucci", 700), None, False),  # no category or model named
    ],
    "large_bulk_moq": [
        ("gucci", listing("Gucci bag", 5, moq=2000), None, True),
        ("gucci", listing("Gucci bag", 700, moq=2000), None, False),  # a distributor's price
    ],
    "bulk_moq": [
        ("gucci", listing("Gucci bag", 5, moq=100), None, True),
        ("gucci", listing("Gucci bag", 5, moq=10), None, False),
        ("gucci", listing("Gucci bag", 5, moq=2000), None, False),
    ],
    "large_sales_volume": [
        ("gucci", listing("Gucci bag", 5, sold_count=20000), None, True),
        ("gucci", listing("Gucci bag", 700, sold_count=20000), None, False),
    ],
    "sales_volume": [
        ("gucci", listing("Gucci bag", 5, sold_count=2000), None, True),
        ("gucci", listing("Gucci bag", 5, sold_count=20000), None, False),
    ],
    "brand_soup": [
        ("gucci", listing("Dupe style tote bag ysl gucci lv prada"), None, True),
        ("gucci", listing("Gucci tote bag"), None, False),
    ],
    "logo_claim": [
        ("apple", listing("Smart watch 49mm with Apple logo", 30), None, True),
        ("apple", listing("Smart watch 49mm", 30), None, False),
    ],
    "liquidation_stock": [
        ("gucci", listing("Gucci belts overstock closeout lot", 200), None, True),
        ("apple", listing("AirPods Pro brand new sealed original stock lot", 95), None, False),
        ("gucci", listing("Gucci belts replica stock lot", 20), None, False),
    ],
    "pre_owned": [
        ("gucci", listing("Pre-owned Gucci Jackie 1961 bag", 1650), None, True),
        ("gucci", listing("Gucci bag used for travel", 100), None, False),
    ],
    "brand_word_in_other_trade": [
        ("juicy-couture", listing("Juicy fishing lure soft bait 10pcs"), None, True),
        ("apple", listing("Organic apple cider vinegar 500ml"), None, True),
        ("bottega-veneta", listing("Bottega Gold Prosecco sparkling wine"), None, True),
        ("juicy-couture", listing("Juicy Couture velour tracksuit candy pink"), None, False),
        ("apple", listing("Apple AirPods Pro 2"), None, False),
    ],
    "brand_as_subject": [
        ("louis-vuitton", listing("Louis Vuitton: the birth of modern luxury hardcover", 58),
         None, True),
        ("balenciaga", listing("Cristóbal Balenciaga fashion history book", 42), None, True),
        ("louis-vuitton", listing("Louis Vuitton book tote bag", 58), None, False),  # its goods
    ],
    "generic_shape": [
        ("gucci", listing("Men horsebit loafers leather"), None, True),
        ("balenciaga", listing("Women hourglass top handle bag"), None, True),
        ("gucci", listing("Men horsebit loafers leather GG buckle"), None, False),
    ],
    "no_brand_claim": [
        ("gucci", listing("Women canvas tote bag"), None, True),
        ("gucci", listing("Gucci tote bag"), None, False),
        ("gucci", listing("Men horsebit loafers leather"), None, False),  # says why instead
    ],
    "factory_seller": [
        ("gucci", listing("Gucci bag", 5, seller_name=SELLER), None, True),
        ("gucci", listing("Gucci bag", 5, seller_name="Dongguan Zhen Trading Co."), None, True),
        ("gucci", listing("Gucci bag", 700, seller_name=SELLER), None, False),
        ("gucci", listing("Gucci bag", 5, seller_name="Maison Boutique"), None, False),
    ],
    "seller_history": [
        ("gucci", listing("Women tote bag", seller_name=SELLER), HISTORY, True),
        ("gucci", listing("Women tote bag", seller_name="Busy Shop"), HISTORY, True),
        ("gucci", listing("Women tote bag", seller_name=SELLER, listing_id="1"),
         HISTORY, False),  # its own verdict does not count
        ("gucci", listing("Women tote bag", seller_name="Quiet Shop"), HISTORY, False),
        ("gucci", listing("Women tote bag", seller_name=SELLER), None, False),
    ],
    "similar_to_judged_counterfeit": [
        ("gucci", listing("Luxury GG canvas tote bag women shoulder bag 2025 new"), JUDGED,
         True),
        ("gucci", listing("women shoulder bag luxury GG canvas tote bag 2025"), JUDGED, True),
        ("gucci", listing("Luxury GG canvas tote bag women shoulder bag 2025",
                          listing_id="7"), JUDGED, False),  # itself
        ("gucci", listing("Plain canvas tote bag"), JUDGED, False),
    ],
    "similar_to_judged_legitimate": [
        ("gucci", listing("Gucci Ophidia small shoulder bag beige ebony canvas"), JUDGED, True),
        ("gucci", listing("Gucci Marmont belt"), JUDGED, False),
    ],
    "seller_badges": [
        ("gucci", listing("Gucci bag", badges=["gold_supplier"], seller_years=9), None, True),
        ("gucci", listing("Gucci bag"), None, False),
    ],
}
TABLE = [(rule, *case) for rule, cases in CASES.items() for case in cases]


def fired(slug, item, evidence=None):
    _, _, reasons = score(item, WATCHLIST.find(slug), WATCHLIST.replica_terms, evidence)
    return {r["rule"]: r for r in reasons}


@pytest.mark.parametrize(("rule", "slug", "item", "evidence", "fires"), TABLE,
                         ids=[f"{t[0]}-{t[2]['title'][:30]}" for t in TABLE])
def test_rule(rule, slug, item, evidence, fires):
    reasons = fired(slug, item, evidence)
    assert (rule in reasons) == fires, reasons
    if fires:
        assert reasons[rule]["detail"] and "{" not in reasons[rule]["detail"]


def test_every_rule_has_cases_both_ways():
    for rule in RULES:
        outcomes = {case[-1] for case in CASES.get(rule.id, [])}
        assert outcomes == {True, False}, rule.id
    assert set(CASES) == {rule.id for rule in RULES}


def test_evidence_reasons_name_the_listings_they_point_to():
    assert "alibaba:1" in fired("gucci", listing("Tote", seller_name=SELLER),
                                HISTORY)["seller_history"]["detail"]
    similar = fired("gucci", listing("Luxury GG canvas tote bag women shoulder bag 2025 new"),
                    JUDGED)["similar_to_judged_counterfeit"]
    assert similar["points"] > 0 and "alibaba:7" in similar["detail"]


def test_a_verdict_in_the_listing_changes_nothing():
    item = listing("Gucci bag", 5, moq=2000)
    assert fired("gucci", {**item, "verdict": "legitimate"}) == fired("gucci", item)


@pytest.mark.parametrize(("text", "problem"), [
    ('[[rule]]\nid = "x"\npoints = 1\nrequires = ["no_such_fact"]', "not a known fact"),
    ('[[rule]]\nid = "x"\npoints = 1\nunless = ["later"]\n[[rule]]\nid = "later"\npoints = 1',
     "not a known fact"),
    ('[[rule]]\nid = "x"\npoints = 1\ndetail = "{no_such_fact}"', "names no fact"),
    ('[[rule]]\nid = "x"\npoints = 1\n[[rule]]\nid = "x"\npoints = 2', "taken"),
    ('[[rule]]\nid = "brand_claim"\npoints = 1', "taken"),
    ('[[rule]]\nid = "x"\npoints = "many"', "integer points"),
])
def test_a_broken_rules_file_is_refused(text, problem):
    with pytest.raises(RuleError, match=problem):
        load(text)


def test_the_readme_lists_every_rule_with_its_points():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Score reasons", 1)[1].split("\n\n", 3)[2]
    documented = {}
    for row in section.splitlines()[2:]:
        names, points = row.split("|")[1:3]
        for name, value in zip(re.findall(r"`(\w+)`", names), points.split("/"), strict=True):
            documented[name] = int(value.strip().replace("+", ""))
    assert documented == {rule.id: rule.points for rule in RULES}
