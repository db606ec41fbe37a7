"""The suspicion scorer: risk for real-world listing shapes, and reasons that add up."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler import watchlist
from crawler.brandnames import match_brand
from crawler.scoring import WEIGHTS, category_of, risk_level, score
from crawler.text import by_first_character

WATCHLIST = watchlist.load()


def listing(title, price=None, currency="USD", moq=None, **extra):
    return {"title": title, "price_min": price, "price_max": price, "currency": currency,
            "moq": moq, "moq_unit": "piece", **extra}


CASES = [
    # brand, listing, expected risk
    ("gucci", listing("Wholesale GG canvas Gucci bag women tote", 5, moq=2000,
                      badges=["gold_supplier", "trade_assurance"], seller_years=9), "high"),
    ("gucci", listing("Gucci GG Marmont small shoulder bag", 700, moq=1, seller_name="FARFETCH"),
     "low"),
    ("gucci", listing("AAA quality Gucci Dionysus bag 1:1 mirror", 85), "high"),
    ("gucci", listing("G-ucci belt men luxury leather", 6.5, moq=100), "high"),
    ("gucci", listing("GUCC1 wallet card holder", 3.2, moq=50), "high"),
    ("gucci", listing("Guuci sunglasses women 2024", 4), "high"),
    ("gucci", listing("G U C C I slides slippers", 7, moq=10), "high"),
    # a generic shape named like a model claims nothing alone; with the brand's mark it does
    ("gucci", listing("Horsebit loafers men leather", 18, moq=200), "low"),
    ("gucci", listing("Horsebit loafers men leather GG buckle", 18, moq=200), "high"),
    ("gucci", listing("Designer inspired GG style tote bag", 9, moq=300), "high"),
    ("gucci", listing("高仿 Gucci 包 女士手提包", 120, "CNY"), "high"),
    ("gucci", listing("Bolsa Gucci réplica primeira linha", 45), "high"),
    ("gucci", listing("Women canvas tote bag large capacity", 3, moq=500), "low"),
    ("gucci", listing("Twilly scarf handle wrap for Gucci bags", 4.7, moq=20), "low"),
    ("gucci", listing("Pre-owned Gucci Jackie 1961 bag, authentic", 1650), "low"),
    ("gucci", listing("Gucci Ace leather sneakers", 790, seller_name="Nordstrom"), "low"),
    ("apple", listing("Case for AirPods Pro 2 silicone cover", 2.5, moq=100), "low"),
    ("apple", listing("Apple AirPods Pro 2nd generation", 249, seller_name="Best Buy"), "low"),
    ("apple", listing("AirPods Pro 2 TWS earbuds ANC 1:1", 18, moq=10), "high"),
    ("apple", listing("AAA batteries 24 pack", 9), "low"),
    ("louis-vuitton", listing("Louis Vuiton Neverfull MM monogram tote", 35), "high"),
    ("louis-vuitton", listing("Bag organizer insert for Neverfull MM felt", 12), "low"),
    ("louis-vuitton", listing("LV monogram print canvas handbag", 14, moq=50), "high"),
    ("balenciaga", listing("Paris Triple S chunky sneakers men", 23, moq=5), "high"),
    ("balenciaga", listing("Cedar shoe trees for Balenciaga Speed Trainer", 9.9, moq=300), "low"),
    ("juicy-couture", listing("J-JuicysS Couture Phone Case iPhone 15", 1.2, moq=10), "high"),
    ("saint-laurent", listing("Y.S.L Kate chain bag women", 25), "high"),
    ("saint-laurent", listing("Saint Laurent Loulou medium bag", 2350,
                              seller_name="Saint Laurent"), "low"),
    ("bottega-veneta", listing("B0ttega intrecciato woven pouch clutch", 30), "high"),
    # negated copy words and pre-owned resellers
    ("gucci", listing("AUTHENTIC Gucci Soho Disco bag, pre-owned - NOT a replica", 540), "low"),
    ("saint-laurent", listing("Saint Laurent Kate bag pre-owned, replica-free guarantee", 1090),
     "low"),
    ("bottega-veneta", listing("Bottega Veneta Jodie, authentic, copy of original receipt", 1380),
     "low"),
    ("juicy-couture", listing("Velour tracksuit - NOT Juicy Couture, no logo", 17), "low"),
    # other languages and scripts
    ("saint-laurent", listing("Сумка YSL кожаная люкс копия с коробкой", 3450, "RUB"), "high"),
    ("balenciaga", listing("巴黎世家 经典刺绣连帽卫衣 原版定织面料", 36, moq=2), "high"),
    ("juicy-couture", listing("ชุดวอร์ม Juicy Couture งานก๊อปเกรดพรีเมียม", 490, "THB"), "high"),
    ("saint-laurent", listing("Opyum escarpins talon logo femme qualité miroir", 48, "EUR"),
     "high"),
    ("gucci", listing("Cinturón de cuero hebilla doble G, réplica AAA", 9.87, "EUR"), "high"),
    # models, initials, trade dress
    ("gucci", listing("Gucci Jackie 1961 small shoulder bag", 289,
                      seller_name="Guangzhou Junyue Leather Goods Co., Ltd."), "medium"),
    ("saint-laurent", listing("Black 0pium eau de parfum 90ml", 9.99), "medium"),
    ("saint-laurent", listing("Wallet card holder with metal Y letter logo", 5.4), "high"),
    ("louis-vuitton", listing("Men's belt with letter logo L&V reversible", 3.4, moq=100), "high"),
    ("balenciaga", listing("Hourglass top handle bag croc embossed B buckle", 29.99), "high"),
    ("apple", listing("Pro 2 earbuds ANC with logo, iOS pop-up window, rename GPS", 11.5), "high"),
    ("apple", listing("Original 20W USB-C power adapter for Apple with retail box", 1.8,
                      moq=100), "medium"),
    ("apple", listing("MFi certified Lightning to USB-C cable, Apple C94 connector", 2.1,
                      moq=500), "low"),
    ("apple", listing("Genuine leather strap for Apple Watch 45mm", 15), "low"),
    # more scripts, names in them, and words that only look like the brand
    ("gucci", listing("구찌 스타일 GG 마몬트 미니 체인백 여성 숄더백", 28900, "KRW"), "high"),
    ("louis-vuitton", listing("ルイヴィトン 風 モノグラム 財布 スーパーコピー N級", 5800, "JPY"),
     "high"),
    ("balenciaga", listing("حذاء بالنسياغا تريبل اس رجالي ماستر كوالتي", 45), "high"),
    ("louis-vuitton", listing("Органайзер для сумки Louis Vuitton Neverfull", 14), "low"),
    ("apple", listing("Correa de nailon para Apple Watch Serie 9 45mm", 4.5), "low"),
    ("juicy-couture", listing("Cute Juicy Peach phone case for iPhone 15", 2.2), "low"),
    ("juicy-couture", listing("橘滋同款 丝绒运动套装 女 烫钻", 16.5), "high"),
    ("bottega-veneta", listing("Vintage Bottega Veneta Intrecciato bag 2000s authentic", 690),
     "low"),
    ("louis-vuitton", listing("L V belt reversible Initiales buckle", 7, moq=10), "high"),
    ("juicy-couture", listing("Luxury Brand J Couture rhinestone phone case", 2.5), "high"),
    ("juicy-couture", listing("Dres damski welurowy Juicy Couture komplet bluza", 79.99, "PLN"),
     "medium"),
    ("apple", listing("ساعة ابل الترا 2 نسخة طبق الأصل", 35), "high"),
    ("saint-laurent", listing("Wyatt Chelsea boots SL style leather 1:1 top version", 60), "high"),
    ("gucci", listing("Women tote bag canvas ysl saint laurent gucci lv prada style", 6), "low"),
    ("bottega-veneta", listing("Genuine BOTTEGA VENETA sunglasses stock lot 60 pcs, ex-showroom",
                               150, moq=60), "low"),
    ("bottega-veneta", listing("Luxury brand sunglasses BV1095S triangle women shield", 12),
     "high"),
    ("apple", listing("Smart Watch Ultra 2 49mm titanium original box Apple logo", 380,
                      seller_name="Shenzhen Zhiyue Trading Co., Ltd."), "high"),  # in its box
    ("louis-vuitton", listing("Belt bag with interlaced L and V initials, quatrefoil flower print",
                              19), "high"),
    ("juicy-couture", listing("Velour tracksuit embroidered Scottie Dog & Crown Crest logo", 18),
     "medium"),
    ("juicy-couture", listing("Chándal Juicy Couture mujer terciopelo conjunto", 29), "medium"),
    ("gucci", listing("กระเป๋า Gucci Soho Disco งานมิลเลอร์ หนังแท้ พร้อมกล่อง", 1890, "THB"),
     "high"),
    ("apple", listing("ฟิล์มกระจกนิรภัย iPhone 16 Pro เต็มจอ", 1.2), "low"),
]


@pytest.mark.parametrize(("slug", "item", "risk"), CASES, ids=[c[1]["title"][:40] for c in CASES])
def test_risk_for_real_world_listings(slug, item, risk):
    value, got, reasons = score(item, WATCHLIST.find(slug))
    assert got == risk, reasons
    assert value == max(0, min(100, sum(r["points"] for r in reasons)))
    assert all(r["detail"] and r["rule"] in WEIGHTS for r in reasons)


def test_seed_case_reasons_explain_price_and_moq():
    _, _, reasons = score(CASES[0][1], WATCHLIST.find("gucci"))
    rules = {r["rule"]: r for r in reasons}
    assert "price_far_below_retail" in rules and "$795" in rules["price_far_below_retail"]["detail"]
    assert "large_bulk_moq" in rules and "2,000" in rules["large_bulk_moq"]["detail"]
    assert rules["seller_badges"]["points"] == 0  # Gold Supplier is shown, not trusted


@pytest.mark.parametrize(("value", "level"), [(100, "high"), (70, "high"), (69, "medium"),
                                              (40, "medium"), (39, "low"), (0, "low")])
def test_risk_levels(value, level):
    assert risk_level(value) == level


@pytest.mark.parametrize(("title", "category"), [
    ("Gucci Marmont shoulder bag", "bag"), ("GG belt buckle", "belt"),
    ("card holder wallet", "wallet"), ("Triple S sneakers", "shoes"),
    ("silk scarf", "scarf"), ("aviator sunglasses", "sunglasses"),
    ("case for airpods pro", "phone_case"), ("airpods pro earbuds", "earbuds"),
    ("velour tracksuit", "tracksuit"), ("velour hoodie", "clothing"),
    ("eau de parfum 100ml", "perfume"), ("widget", None),
])
def test_category_of(title, category):
    assert category_of(title) == category


@pytest.mark.parametrize(("slug", "title", "field", "value"), [
    ("gucci", "G-ucci bag", "disguised", "g ucci"),
    ("gucci", "GUCC1 wallet", "disguised", "gucc1"),
    ("gucci", "Guccy belt", "disguised", "guccy"),
    ("gucci", "Gucci bag", "disguised", None),
    ("gucci", "GG canvas", "monogram", "GG"),
    ("gucci", "egg cup", "monogram", None),
    ("gucci", "Gucci-style tote", "inspired", "gucci-style"),
    ("apple", "apply pineapple sticker", "disguised", None),
    ("louis-vuitton", "Louis Vuitton bag", "disguised", None),
    ("louis-vuitton", "Louis Vuiton bag", "disguised", "louis vuiton"),
    ("juicy-couture", "J-JuicysS Couture case", "disguised", "juicyss couture"),
    ("gucci", "G\u200bucci bag", "named", "gucci"),
    ("juicy-couture", "not juicy couture, no logo", "named", None),
    ("gucci", "古驰 女士 包", "named", "古驰"),
    ("louis-vuitton", "L&V buckle belt", "monogram", "L&V"),
    ("gucci", "hebilla doble G", "monogram", "doble G"),
    ("saint-laurent", "Black 0pium perfume", "product_line", "Black Opium"),
    ("balenciaga", "Hourglass top handle bag", "product_line", "Hourglass bag"),
])
def test_brand_matching(slug, title, field, value):
    assert getattr(match_brand(title, WATCHLIST.find(slug)), field) == value


PHRASES = ["gg", "gucci", "gucci bag", "bag", "ba", "1:1", "a货", "高仿", "包", "t恤", "tee",
           "top version", "to"]


@given(st.text(alphabet="gucibatope 1:货高仿包恤x-", max_size=40))
def test_phrases_grouped_by_first_character_match_as_the_plain_alternation(text):
    plain = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, PHRASES)) + ")")
    grouped = re.compile(by_first_character([re.escape(p) for p in PHRASES], r"\w"))
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
