"""Shared vocabulary for the labeled-listing generator (gen_labeled.py).

Everything that is file-specific (templates, disguised spellings, replica words,
sellers, hand-written rows) lives in rows_main.py / rows_holdout.py so that the
hold-out file is written independently of listings.jsonl.
"""

# How a seller writes the brand openly in a title.
OPEN_NAMES = {
    "gucci": ["Gucci", "GUCCI", "Gucci", "gucci"],
    "saint-laurent": ["YSL", "Saint Laurent", "Yves Saint Laurent", "SAINT LAURENT", "YSL"],
    "bottega-veneta": ["Bottega Veneta", "BOTTEGA VENETA", "Bottega", "BV Bottega Veneta"],
    "balenciaga": ["Balenciaga", "BALENCIAGA", "Balenciaga Paris"],
    "louis-vuitton": ["Louis Vuitton", "LV", "LOUIS VUITTON", "Louis Vuitton"],
    "apple": ["Apple"],
    "juicy-couture": ["Juicy Couture", "JUICY COUTURE", "Juicy"],
}

# The `brand` column: mostly the slug, ~15% the display name in odd case.
ODD_BRAND = {
    "gucci": ["GUCCI", "Gucci"],
    "saint-laurent": ["yves saint laurent", "YVES SAINT LAURENT", "Yves Saint Laurent"],
    "bottega-veneta": ["BOTTEGA VENETA", "bottega veneta", "Bottega Veneta"],
    "balenciaga": ["BALENCIAGA", "Balenciaga"],
    "louis-vuitton": ["LOUIS VUITTON", "louis vuitton", "Louis Vuitton"],
    "apple": ["APPLE", "Apple"],
    "juicy-couture": ["JUICY COUTURE", "juicy couture", "Juicy Couture"],
}

# Product models per brand and category (used by counterfeit templates).
MODELS = {
    "gucci": {
        "bag": ["Marmont", "Dionysus", "Jackie 1961", "Horsebit 1955", "Ophidia", "Soho Disco", "Blondie", "Bamboo 1947"],
        "wallet": ["Marmont", "Ophidia", "Zumi", "Blondie"],
        "belt": ["Marmont", "Double G Buckle", "Web Stripe", "Interlocking G"],
        "shoes": ["Ace", "Princetown", "Jordaan", "Rhyton", "Screener", "Horsebit"],
        "sunglasses": ["GG0061S", "GG1188S", "Square Web", "Oversized"],
        "scarf": ["GG Wool", "Flora Silk", "Web Stripe"],
    },
    "saint-laurent": {
        "bag": ["Loulou", "Kate", "Sunset", "Le 5 a 7", "Niki", "Icare", "Envelope", "Lou Camera"],
        "wallet": ["Cassandre", "Monogram Zip", "Uptown", "Envelope"],
        "shoes": ["Opyum", "Tribute", "Court Classic", "Wyatt"],
        "belt": ["Cassandre", "Monogram Buckle"],
        "perfume": ["Libre", "Black Opium", "Y EDP", "Mon Paris"],
    },
    "bottega-veneta": {
        "bag": ["Jodie", "Cassette", "Andiamo", "Arco", "Pouch", "Sardine", "Hop", "Padded Cassette"],
        "wallet": ["Intrecciato", "Cassette", "French Flap"],
        "shoes": ["Lido", "Tire", "Puddle", "Orbit"],
    },
    "balenciaga": {
        "shoes": ["Triple S", "Track", "Speed Trainer", "Defender", "3XL", "Runner"],
        "bag": ["Le Cagole", "Hourglass", "City Classic", "Le Cagole Shoulder"],
        "clothing": ["Logo", "Political Campaign", "BB Corp", "Paris Logo", "Campaign Logo"],
        "hat": ["BB Cap", "Logo Beanie"],
    },
    "louis-vuitton": {
        "bag": ["Neverfull", "Speedy 25", "Speedy 30", "Alma BB", "Keepall 45", "Pochette Metis", "OnTheGo", "Multi Pochette", "Noe"],
        "wallet": ["Zippy", "Victorine", "Multiple", "Sarah"],
        "belt": ["Initiales", "Reversible 40mm", "Pyramide"],
        "scarf": ["Monogram Shawl", "Confidential Bandeau"],
    },
    "juicy-couture": {
        "clothing": ["Velour Tracksuit", "Velour Hoodie", "Track Pants", "Zip Hoodie Set"],
        "bag": ["Velour Tote", "Crossbody", "Rhinestone Shoulder Bag"],
        "phone_case": ["Glitter", "Rhinestone", "Velour"],
        "perfume": ["Viva La Juicy", "Oui", "Peace Love"],
    },
}

# Where a counterfeit row's category comes from (weights follow the brand's keywords).
CATS = {
    "gucci": ["bag", "bag", "belt", "belt", "wallet", "shoes", "sunglasses", "scarf"],
    "saint-laurent": ["bag", "bag", "bag", "wallet", "wallet", "shoes", "perfume", "belt"],
    "bottega-veneta": ["bag", "bag", "bag", "wallet", "wallet", "shoes", "shoes"],
    "balenciaga": ["shoes", "shoes", "shoes", "bag", "bag", "clothing", "clothing", "hat"],
    "louis-vuitton": ["bag", "bag", "bag", "wallet", "wallet", "belt", "belt", "scarf"],
    "juicy-couture": ["clothing", "clothing", "clothing", "bag", "bag", "phone_case", "phone_case", "perfume"],
}

NOUNS = {
    "bag": ["Shoulder Bag", "Crossbody Bag", "Tote Bag", "Handbag", "Messenger Bag", "Mini Bag", "Bucket Bag", "Chain Bag", "Clutch"],
    "wallet": ["Wallet", "Card Holder", "Zipper Wallet", "Long Wallet", "Coin Purse", "Bifold Wallet"],
    "belt": ["Belt", "Leather Belt", "Waist Belt", "Reversible Belt"],
    "shoes": ["Sneakers", "Loafers", "Slides", "Running Shoes", "Trainers", "Casual Shoes"],
    "sunglasses": ["Sunglasses", "Shades", "Sun Glasses"],
    "scarf": ["Scarf", "Shawl", "Silk Scarf", "Wool Scarf"],
    "clothing": ["Hoodie", "T-Shirt", "Tracksuit", "Sweatshirt", "Jacket", "Sweatsuit"],
    "hat": ["Baseball Cap", "Bucket Hat", "Beanie", "Trucker Hat"],
    "phone_case": ["Phone Case", "iPhone Case", "Mobile Cover", "Phone Cover"],
    "perfume": ["Perfume", "Eau De Parfum", "Fragrance", "Parfum Spray"],
}

ATTRS = {
    "bag": ["Black", "Beige", "Brown", "White", "Pink", "Caramel", "Red", "Green", "Cream"],
    "wallet": ["Black", "Brown", "Pink", "Beige", "Tan", "Red"],
    "belt": ["3.8cm", "4cm", "Black Gold Buckle", "Brown", "105cm", "Silver Buckle"],
    "shoes": ["Size 35-46", "White", "Black", "36-45", "Grey", "Beige"],
    "sunglasses": ["UV400", "Black Frame", "Tortoise", "Gradient Lens"],
    "scarf": ["180x70cm", "90x90cm", "Beige", "Blue"],
    "clothing": ["S-XXL", "Black", "Pink", "Grey", "M-3XL", "Velour"],
    "hat": ["Adjustable", "Black", "Unisex", "Cotton"],
    "phone_case": ["iPhone 15 Pro Max", "iPhone 14 13", "iPhone 16 Pro", "Samsung S24"],
    "perfume": ["100ml", "90ml", "50ml", "EDP 100ml"],
}

GENDER = {
    "default": ["Women", "Women's", "Ladies", "Men", "Unisex", "Female"],
    "shoes": ["Men", "Women", "Unisex", "Couple"],
    "belt": ["Men", "Men's", "Women", "Unisex"],
    "clothing": ["Women", "Men", "Unisex", "Ladies"],
    "phone_case": ["Girls", "Women", "Cute"],
    "perfume": ["Women", "Men", "Lady", "Unisex"],
}

# Counterfeit price (USD) per category when the brand is used at an implausible price.
FAKE_PRICE = {
    "bag": (11, 48), "wallet": (3.5, 16), "belt": (2.6, 13), "shoes": (13, 38),
    "sunglasses": (2.2, 9), "scarf": (2.8, 11), "clothing": (7.5, 24), "hat": (2.5, 8),
    "phone_case": (0.75, 3.2), "perfume": (2.8, 12), "jewelry": (1.5, 8),
    "earbuds": (12, 25), "watch": (16, 42), "charger": (0.55, 2.6),
}

UNITS = {cat: "pair" if cat == "shoes" else "piece" for cat in FAKE_PRICE}

# Category words in other languages (for non-English replica vocabulary), one column per category.
LANG_CATS = ["bag", "wallet", "belt", "shoes", "sunglasses", "scarf", "clothing", "hat", "phone_case", "perfume"]
LANG_WORDS = {
    "pt": ["Bolsa", "Carteira", "Cinto", "Tênis", "Óculos de Sol", "Lenço", "Moletom", "Boné", "Capinha", "Perfume"],
    "es": ["Bolso", "Cartera", "Cinturón", "Zapatillas", "Gafas de Sol", "Bufanda", "Sudadera", "Gorra", "Funda", "Perfume"],
    "fr": ["Sac", "Portefeuille", "Ceinture", "Baskets", "Lunettes de Soleil", "Écharpe", "Sweat", "Casquette", "Coque", "Parfum"],
    "zh": ["包包", "钱包", "皮带", "鞋", "太阳镜", "围巾", "卫衣", "帽子", "手机壳", "香水"],
    "de": ["Tasche", "Geldbörse", "Gürtel", "Schuhe", "Sonnenbrille", "Schal", "Hoodie", "Kappe", "Handyhülle", "Parfüm"],
    "it": ["Borsa", "Portafoglio", "Cintura", "Scarpe", "Occhiali da Sole", "Sciarpa", "Felpa", "Cappello", "Cover", "Profumo"],
}
LANG_NOUN = {lang: dict(zip(LANG_CATS, words, strict=True)) for lang, words in LANG_WORDS.items()}

# Words that make a title look alarming; used only to describe rows in `why`.
REPLICA_TERMS = [
    "super fake", "mirror quality", "calidad espejo", "qualidade espelho", "top quality copy", "original quality",
    "primeira linha", "high end replica", "1:1", "AAA", "7A", "5A", "高仿", "复刻", "A货", "精仿", "réplica", "réplique",
    "replica", "replik", "copia", "copy", "dupe", "qualità specchio",
]
