"""Words the scorer looks for in titles and seller names, in the languages sellers use."""

from __future__ import annotations

import re
from collections.abc import Iterator

from crawler.text import by_first_character, fold

# Product categories, matched against the folded title; the first one named wins.
CATEGORIES = {
    "earbuds": (
        "airpods|airpod|earbuds|earbud|earphones|earphone|headphones|headphone|headsets"
        "|headset|tws|auriculares|fones|écouteurs|наушники|耳机|سماعات"
    ),
    "phone_case": (
        "phone case|phone cases|iphone case|iphone cases|airpods case|airpods cases"
        "|phone cover|case for iphone|cases for iphone|case for airpods|cover for iphone"
        "|case for samsung|funda|capinha|coque|чехол|手机壳"
    ),
    "charger": (
        "charger|chargers|charging cable|power adapter|usb-c cable|usb c cable|cargador"
        "|carregador|chargeur|зарядное|充电器"
    ),
    "watch": (
        "watch|watches|chronograph|reloj|relógio|montre|часы|手表|ساعة"
    ),
    "sunglasses": (
        "sunglasses|sun glasses|eyewear|shades|eyeglasses|gafas|óculos|lunettes|очки|墨镜|太阳镜"
    ),
    "wallet": (
        "wallet|wallets|card holder|card holders|cardholder|card case|coin purse|money clip"
        "|cartera|carteira|portefeuille|geldborse|portafoglio|portfel|cuzdan|dompet|кошелек"
        "|кошелёк|钱包|卡包|지갑|財布|محفظة"
    ),
    "belt": (
        "belt|belts|gurtel|cintura|pasek|kemer|ikat pinggang|cinturón|cinturon|cinto|ceinture"
        "|ремень|皮带|腰带|벨트|ベルト|حزام"
    ),
    "shoes": (
        "shoes|shoe|sneakers|sneaker|trainers|loafers|heels|pumps|sandals|sandal|slides"
        "|slippers|boots|mules|espadrilles|flats|runners|zapatos|zapatillas|tenis|sapatos"
        "|chaussures|baskets|escarpins|schuhe|scarpe|buty|ayakkabi|sepatu|кроссовки|туфли|鞋"
        "|运动鞋|운동화|스니커즈|신발|靴|スニーカー|حذاء|أحذية"
    ),
    "scarf": (
        "scarf|scarves|shawl|shawls|stole|bandana|twilly|bufanda|echarpe|écharpe|платок|围巾|丝巾"
    ),
    "perfume": (
        "perfume|perfumes|fragrance|fragrances|eau de parfum|eau de toilette|cologne|parfum"
        "|духи|香水"
    ),
    "jewelry": (
        "necklace|necklaces|bracelet|bracelets|ring|rings|earrings|pendant|jewelry|jewellery"
        "|brooch|collar|pulsera|colar|bijoux|项链|手链|耳环"
    ),
    "hat": (
        "hat|hats|cap|caps|beanie|beanies|bucket hat|gorra|boné|casquette|кепка|帽子"
    ),
    "tracksuit": (
        "tracksuit|tracksuits|sweatsuit|sweatsuits|velour set|2 piece set|two piece set"
        "|track suit|jogging suit|chandal|survetement|dres|komplet|conjunto|tuta|esofman"
        "|trainingsanzug|костюм|运动套装|套装|트레이닝 세트|ジャージ|bo do|bộ đồ|ชุดวอร์ม"
        "|بدلة رياضية"
    ),
    "clothing": (
        "hoodie|hoodies|sweatshirt|t-shirt|t-shirts|tshirt|tee|tees|shirt|shirts|jacket"
        "|jackets|sweater|dress|dresses|jeans|pants|trousers|coat|coats"
        "|jersey|shorts|polo|cardigan|joggers|hooded|leggings|bottoms|tops|sudadera"
        "|moletom|camiseta|chandail|bluza|spodnie|толстовка|卫衣|外套|t恤"
        "|트레이닝|후드티|パーカー"
    ),
    "bag": (
        "bag|bags|handbag|handbags|tote|totes|purse|purses|backpack|backpacks|clutch|clutches"
        "|crossbody|satchel|satchels|duffle|duffel|luggage|suitcase|pouch|pouches|hobo"
        "|messenger|sling|torebka|torba|canta|tas|กระเป๋า|bolsa|bolsas|bolso|bolsos|borsa|borse|sac"
        "|sacs|tasche|taschen|сумка|сумки|包|手提包|挎包|가방|백|バッグ|鞄|حقيبة|شنطة"
    ),
}

# A category a brand has no reference price for is priced as its broader one.
PARENT_CATEGORY = {"tracksuit": "clothing"}

# Words sellers of copies use, in English, Chinese, Spanish, Portuguese, French, Italian,
# German, Russian, Turkish, Indonesian, Vietnamese and Thai.
REPLICA_PHRASES = (
    "replica|replicas|reps|top quality copy|high copy|super fake|superfake|fake|copy|copies"
    "|knockoff|knock-off|knockoffs|dupe|dupes|original quality|same as original"
    "|same as the original|master quality|god quality|ua quality|mirror quality|mirror grade"
    "|mirror copy|mirror version|mirror level|original logo|logo original|1:1|1 : 1"
    "|高仿|复刻|a货|精仿|原单|原版|高版本|顶级版本|纯原|一比一|1比1|莆田|原厂皮"
    "|réplica|primeira linha|cópia|copia|calidad espejo|imitación|imitação|falsificado"
    "|falsificada|qualité miroir|réplique|copie|contrefaçon|qualità specchio|fälschung"
    "|replik|копия|реплика|люкс копия|подделка|çakma|sahte|replika|kw super|hàng fake"
    "|hàng nhái|hàng super fake|ก๊อป|งานก๊อป|เกรดมิลเลอร์|งานมิลเลอร์|มิลเลอร์"
    "|미러급|레플리카|짝퉁|이미테이션|정품급|スーパーコピー|コピー品|n級|s級|偽物|レプリカ"
    "|ماستر كوالتي|كوبي ون|طبق الأصل|تقليد|هاي كوبي"
)
REPLICA_PATTERNS = r"aaa+(?!\s*batter)|[1-9]a\s+quality|[5-9]a(?=\s|$)"
# A replica word that is negated or means something else: "NOT a replica", "replica-free",
# "copy of the original receipt", "copy-proof".
NEGATED_BEFORE = re.compile(r"(?:\bnot|\bno|\bnon|\bnever|\bzero|\banti)[\s-]*(?:an?\s+)?$")
NEGATED_AFTER = re.compile(r"^(?:[\s-]*free\b|-?proof\b|\s+of\s+(?:the\s+)?(?:original\s+)?"
                           r"(?:receipt|invoice|certificate|papers?|card))")
PAPERWORK_BEFORE = re.compile(r"(?:receipt|invoice|certificate)\s*$")

DESIGNER_PHRASES = (
    "luxury designer|designer brand|designer brands|famous brand|famous brands|top brand"
    "|top brands|big brand|big brands|luxury brand|luxury brands|brand designer"
    "|high end brand|designer logo|marca famosa|grife|marque de luxe|大牌|名牌"
)
PRE_OWNED_PHRASES = (
    "pre-owned|preowned|pre owned|preloved|pre-loved|second hand|second-hand|secondhand|vintage"
    "|1950s|1960s|1970s|1980s|1990s|2000s|2010s"
    "|gently used|used condition|rank a|rank ab|rank b|rank bc|rank s|seminuevo|usado"
    "|d'occasion|seminovo|二手|中古"
)
# Words after a brand that make it a look-alike ("Gucci style", 구찌 스타일, 橘滋同款), and words
# before one that make an accessory for it ("strap for", "para", "для", 호환).
INSPIRED_WORDS = ("styles", "style", "styled", "inspired", "look alike", "lookalike", "look-alike",
                   "type", "designer style", "design style", "vibe", "vibes", "st", "同款", "风格",
                   "風格", "風", "스타일", "estilo", "stil")
FOR_WORDS = ("for", "compatible with", "fits", "fit", "fit for", "suitable for", "designed for",
              "replacement for", "works with", "para", "compatible con", "compativel com", "pour",
              "compatible avec", "fur", "для", "适用于", "适用", "호환", "対応")
# Words that may stand between "for" and the brand in an accessory title ("insert for
# Neverfull & Gucci totes") - but not people: "bag for women Gucci" is a branded bag.
PEOPLE = r"women|woman|men|man|ladies|lady|girls?|boys?|kids|unisex|her|him|female|male|gifts?"
# "Original" before "for Apple": the seller claims the brand's own part, not an accessory.
GENUINE_RE = re.compile(r"(?<![a-z])(?:original|genuine|oem|authentic)(?![a-z])"
                         r"(?!\s+(?:leather|cowhide|calfskin|suede|silk|wood))")

# Sellers that make or wholesale goods - by their trade, or as companies of the mainland
# manufacturing hubs: the brands' genuine new goods do not come from them.
FACTORY_SELLER = re.compile(
    r"factory|manufactur|industrial|trading firm|garment|leather (?:products|goods)"
    r"|handbags? co|bags? co|luggage|\b(?:guangzhou|shenzhen|dongguan|yiwu|putian|jinjiang"
    r"|quanzhou|baigou|baoding|hangzhou|ningbo|wenzhou|xiamen|foshan|shantou|jinhua|fujian"
    r"|zhejiang|guangdong|hebei|jiangsu|shandong)\b", re.IGNORECASE)
# Accessories by what they are: certified or "compatible" parts, screen protectors.
COMPATIBLE_PHRASES = (
    "mfi certified|mfi-certified|made for iphone|made for ipad|made for ipod|compatible"
    "|for iwatch|screen protector|tempered glass|protective film|钢化膜|защитное стекло"
    "|pelicula de vidro|ฟิล์มกระจก"
)
# Genuine stock sold off in lots: department-store overstock, liquidations, closeouts.
LIQUIDATION_RE = re.compile(r"\b(?:liquidation|closeout|close-out|overstock|stock lot|ex-showroom"
                            r"|ex-retail|store returns|surplus stock)\b")
# Luxury houses sellers stuff into generic titles as search words ("... gucci lv prada style");
# a title naming three or more of them names none in earnest.
LUXURY_NAMES = {
    "gucci": "gucci", "louis vuitton": "lv", "lv": "lv", "saint laurent": "ysl", "ysl": "ysl",
    "bottega": "bv", "balenciaga": "balenciaga", "prada": "prada", "chanel": "chanel",
    "hermes": "hermes", "dior": "dior", "fendi": "fendi", "burberry": "burberry",
    "versace": "versace", "celine": "celine", "givenchy": "givenchy", "valentino": "valentino",
    "coach": "coach", "michael kors": "mk", "miu miu": "miumiu", "loewe": "loewe",
}
LUXURY_RE = re.compile(r"(?:" + by_first_character(
    [re.escape(n).replace(r"\ ", r"\s+") for n in sorted(LUXURY_NAMES, key=len, reverse=True)],
    "a-z0-9")[0] + r")(?![a-z0-9])")


def _written_with_spaces(char: str) -> bool:
    """Latin, Greek, Cyrillic... words stand between spaces; Chinese, Japanese, Korean (whose
    compounds join words: 숄더백) and Thai ones need not."""
    return (char.isalnum() and ord(char) < 0x2E80 and not "\u0e00" <= char <= "\u0e7f"
            and not "\u1100" <= char <= "\u11ff")


def _phrase_regex(phrase: str) -> str:
    """A folded phrase as a regex: any spacing where it has a space; a phrase that ends in a
    word written between spaces ends at a word boundary."""
    body = re.escape(phrase).replace(r"\ ", r"\s*")
    return body + (r"(?!\w)" if _written_with_spaces(phrase[-1]) else "")


def _ordered(phrases: str) -> list[str]:
    """'|'-separated phrases, folded, in the order they are tried: the longest regex first
    (counting the word-boundary guard a phrase written between spaces starts with)."""
    folded = {fold(p) for p in phrases.split("|") if p.strip()}
    return sorted(folded, key=lambda p: (
        -len(_phrase_regex(p)) - len(r"(?<!\w)") * _written_with_spaces(p[0]), _phrase_regex(p)))


def _alternation(phrases: list[str], owners: list[str] | None = None) -> tuple[str, list[str]]:
    """Ordered phrases as one regex (see text.by_first_character), and with owners, the owner
    of each group. Phrases written between spaces start where no word character stands
    before; with many first characters one word-boundary test goes before all of them (the
    regex engine's own first-character scan is faster for few). The others (Chinese, Thai,
    ...) are tried only where one of their first characters stands."""
    parts, groups = [], []
    for spaced in (True, False):
        indices = [i for i, p in enumerate(phrases) if _written_with_spaces(p[0]) == spaced]
        if not indices:
            continue
        regexes = [_phrase_regex(phrases[i]) for i in indices]
        which = [owners[i] for i in indices] if owners else None
        firsts = sorted({phrases[i][0] for i in indices})
        if len(firsts) > 12:
            pattern, found = by_first_character(regexes, owners=which)
            lead = r"\b" if spaced else f"(?=[{''.join(map(re.escape, firsts))}])"
            parts.append(f"{lead}(?:{pattern})")
        else:
            pattern, found = by_first_character(regexes, r"\w" if spaced else "", which)
            parts.append(pattern)
        groups += found
    return "|".join(parts), groups


class PhraseRegex:
    """Ordered phrases (and an extra pattern, tried last) as a regex on folded text, with a
    smaller one for ASCII text: without the phrases that cannot start in it."""

    def __init__(self, phrases: list[str], owners: list[str] | None = None, extra: str = ""):
        self._regexes = {}
        for only_ascii in (False, True):
            kept = [i for i, p in enumerate(phrases) if p[0].isascii() or not only_ascii]
            pattern, groups = _alternation([phrases[i] for i in kept],
                                           [owners[i] for i in kept] if owners else None)
            regex = re.compile("|".join(p for p in (pattern, extra) if p))
            self._regexes[only_ascii] = (regex, groups)

    def search(self, text: str) -> re.Match | None:
        """The first match in `text`."""
        return self._regexes[text.isascii()][0].search(text)

    def finditer(self, text: str) -> Iterator[re.Match]:
        """Every match in `text`, in order."""
        return self._regexes[text.isascii()][0].finditer(text)

    def first_owner(self, text: str) -> str | None:
        """The owner of the phrase that matches first in `text`."""
        regex, groups = self._regexes[text.isascii()]
        found = regex.search(text)
        return groups[found.lastindex - 1] if found else None


def phrase_regex(phrases: str, extra: str = "") -> PhraseRegex:
    """A regex for '|'-separated phrases, matched on folded text (the extra pattern last)."""
    return PhraseRegex(_ordered(phrases), extra=extra)


# One regex for all categories: the first match in the title is the category it names first,
# the category whose group captured it.
_CATEGORY_PHRASES = [(name, phrase) for name, words in CATEGORIES.items()
                     for phrase in _ordered(words)]
CATEGORY_RE = PhraseRegex([p for _, p in _CATEGORY_PHRASES], [n for n, _ in _CATEGORY_PHRASES])
REPLICA_RE = phrase_regex(REPLICA_PHRASES, REPLICA_PATTERNS)
DESIGNER_RE = phrase_regex(DESIGNER_PHRASES)
COMPATIBLE_RE = phrase_regex(COMPATIBLE_PHRASES)
PRE_OWNED_RE = phrase_regex(
    PRE_OWNED_PHRASES, r"u(?<!\w.)sed(?!\s+(?:for|to|in|as|with|by|on)\b)(?!\w)")
