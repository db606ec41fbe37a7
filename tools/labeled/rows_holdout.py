"""Material for holdout.jsonl - written separately from rows_main.py.

Own templates, disguised spellings, replica words, sellers and hand-written rows, so a scorer
tuned on listings.jsonl is tested on phrasings it has not seen. Line format: see rows_main.py.
"""

SEED = 777013

YEARS = ["Spring 2025", "2026", "Autumn 2025", "New Season"]

T = {
    "open": [
        "Designer {B} {noun} {gender} {attr} Luxury {model} Collection",
        "{B} {model} {noun} Original Logo {attr} Free Shipping",
        "Luxury {noun} {B} {model} {yr} Latest Design Dropshipping",
        "{gender} {B} {noun} Best Price {attr} Fast Delivery",
        "Brand {B} {model} {noun} Full Set Packaging {attr}",
    ],
    "rep": [
        "{W} {B} {model} {noun} for {gender} {attr}",
        "{B} {noun} {W} Version {model} {attr}",
        "{yr} {B} {model} {noun} {W} Same as Boutique",
    ],
    "disg": [
        "New {D} Classic {noun} Fashion Trend {attr}",
        "{gender} {noun} {D} Logo Print Top Selling {attr}",
        "Hot {D} {model} {noun} Limited Edition",
        "{D} Lettering {noun} Streetwear {yr}",
        "{D} Paris {noun} {attr} Celebrity Same Style",
    ],
    "mono": [
        "{noun} {M} Logo Jacquard {attr} {yr}",
        "Vintage {M} Embossed {noun} {gender} Top Handle",
        "{M} All Over Print {noun} {attr} Trendy",
    ],
    "insp": [
        "{B} Look Alike {noun} Logo Print {attr}",
        "Dupe {B} {model} {noun} with Signature Logo",
        "{B}-Type {noun} Iconic Logo Version {attr}",
    ],
    "bulk": [
        "{B} {noun} {attr} Stock Clearance Lot Mixed Styles",
        "Supplier {B} {model} {noun} Large Quantity Discount",
        "{yr} {B} {noun} Export Quality Container Order",
    ],
}

W_EN = ["Top Quality Copy", "Original Quality", "7A Grade", "High End Replica", "Copy Brand", "1:1 Original Version"]
REPML = [
    ("zh", "精仿 {B} {model} {zh} {attr}"),
    ("zh", "{B} {zh} A货 {model} {noun}"),
    ("es", "{es} {B} {model} Copia Exacta {attr}"),
    ("pt", "{pt} {B} {model} Qualidade Espelho {attr}"),
    ("de", "{de} {B} {model} Replik Premium {attr}"),
    ("fr", "{fr} {B} Réplique 1:1 {model}"),
    ("it", "{it} {B} {model} Replica Prima Scelta"),
]

DISG = {
    "gucci": ["Gucii", "Gu-cci", "G.U.C.C.I", "GCCI", "Guchi"],
    "saint-laurent": ["Y S L", "YSL-style", "Yves Saint-Laurant", "S.Laurent"],
    "bottega-veneta": ["Botega Veneta", "Bottega-V", "B V Bottega-style", "Bott3ga"],
    "balenciaga": ["Balenciage", "Balenciga", "B-alenciaga", "Balen Ciaga"],
    "louis-vuitton": ["Louisvuitton", "L-V", "Louis Vitton", "Lovis Vuitton"],
    "juicy-couture": ["Juicyy", "JuiCy CouTure", "Juicy-C", "Juicee Couture"],
}
MONO = {
    "gucci": ["Interlocking G", "GG Jacquard", "GG Logo"],
    "saint-laurent": ["Cassandre Logo", "YSL Letter", "Y-S-L Logo"],
    "bottega-veneta": ["B.V Logo", "BV Triangle"],
    "balenciaga": ["Double B", "BB Monogram"],
    "louis-vuitton": ["LV Flower Monogram", "L-V Logo", "Damier Ebene"],
}

SELLERS_A = [
    ("Guangzhou Tianhe Jiamei Leather Co., Ltd.", "bag"), ("Yiwu Bolin Trading Firm", "gen"), ("Shenzhen Kaiyue Digital Co., Ltd.", "elec"),
    ("Putian Hanjiang Yuehua Shoes Firm", "shoe"), ("Hangzhou Xiaoshan Lianfa Garment Co., Ltd.", "apparel"), ("Jinhua Weiya Bags Co., Ltd.", "bag"),
    ("Guangzhou Sanyuanli Chuangxin Handbag Store", "bag"), ("Xiamen Huilong Optical Co., Ltd.", "eyewear"), ("Dongguan Tangxia Ouya Leather", "bag"),
    ("Shantou Chenghai Meibo Crafts Co., Ltd.", "gen"), ("Quanzhou Yuanfeng Sporting Goods Co., Ltd.", "shoe"), ("Ningbo Haishu Kingsun Trading Co., Ltd.", "gen"),
]
SELLERS_PRE = [
    ("Kyoto Brand Recycle Co., Ltd.", "JP"), ("Fukuoka Reuse Market Inc.", "JP"), ("Kowloon Prestige Pre-Owned Ltd.", "HK"),
    ("Yokohama Luxe Second Life K.K.", "JP"),
]
SELLERS_M = [
    ("Zhejiang Hongda Handbag Co., Ltd.", "hongdahandbag", "bag"), ("Guangdong Meirui Footwear Co., Ltd.", "meiruifootwear", "shoe"),
    ("Shenzhen Lanbo Audio Technology Co., Ltd.", "lanboaudio", "elec"), ("Hebei Baigou Zhongyi Bags Co., Ltd.", "zhongyibags", "bag"),
    ("Qingdao Sunrise Apparel Co., Ltd.", "sunriseapparel", "apparel"), ("Linyi Jiahe Crafts Co., Ltd.", "jiahecrafts", "gen"),
    ("Jiangxi Xinhe Optical Co., Ltd.", "xinheoptical", "eyewear"), ("Dongguan Yicheng Trading Co., Ltd.", "yichengtrade", "gen"),
    ("Guangzhou Jinmao Leather Co., Ltd.", "jinmaoleather", "bag"), ("Wenzhou Lucheng Yida Shoes Co., Ltd.", "yidashoes", "shoe"),
    ("Shenzhen Aoyu Electronics Co., Ltd.", "aoyuelec", "elec"), ("Hangzhou Silkroad Apparel Co., Ltd.", "silkroadapparel", "apparel"),
]
STORES_X = ["Sunny Bag Boutique Store", "Shop1104455123 Store", "Bling Case World Store", "Urban Kicks Store",
            "Mia Fashion Accessories Store", "Smart Gadget Zone Store"]

HAND = {
"gucci": r"""
X|auth|shoes|r1.01|-|Gucci Women's Jordaan Horsebit Leather Loafer Black|s=Nordstrom
A|pre|bag|r.58|1 piece|Authentic GUCCI Sherry Line Boston Bag GG Canvas Vintage Japan Used Rank B|s=Kyoto Brand Recycle Co., Ltd.;c=JP;n=GG canvas in title but vintage authentic from a reuse shop
X|compat|wallet|3.1|-|Replacement Key Ring Chain for Gucci Card Case, Gold Tone|sold=240
M|unbr|belt|0.95-1.4|1000 piece|Webbing Canvas Belt Green Red Stripe Plastic Buckle School Uniform|n=generic striped webbing, no brand/logo
X|benign|sunglasses|2.6|-|Cat Eye Sunglasses Women Gradient Mirror Pink UV400|n='mirror' = lens coating, unbranded
A|rep|bag|26-31|3 piece|Horsebit 1955 Gucci Shoulder Bag Top Quality Copy Full Packaging|gta=1
X|mono|belt|5.6|-|GG Buckle Belt Women Thin Black Leather 2cm|n=monogram-only GG buckle|raw=1
M|disg|scarf|2.1-2.8|50 piece|G-U-C-C-I Monogram Silk Scarf Horsebit Print Square Bandana|n=disguised name with dashes
""",
"saint-laurent": r"""
X|auth|perfume|r.96|-|YSL Y Eau de Parfum for Men 100ml|s=YSL Beauty Official Store;ccy=EUR
X|pre|shoes|r.4|-|Saint Laurent Tribute Sandals 75 pre-owned authentic size 38, soles worn|n=pre-owned at 40%
A|compat|bag|0.85-1.3|500 piece|Tassel Bag Charm Replacement Fits Saint Laurent Sunset Flap|n=fits; no logo sold
M|unbr|perfume|0.75-1.1|2000 piece|Wholesale 100ml Private Label Perfume Bottle Filled Arabic Scent OEM|n=private-label fragrance
X|rep|bag|23.5|-|Original Quality Sac de Jour Saint Laurent Grained Leather Tote|sold=61
A|bulk|wallet|2.3-2.9|300 piece|YSL Card Holder Caviar Leather Metal Logo Wholesale Mixed Colors|gta=1;n=no replica word, 0.5% of retail
M|repml|shoes|11-14|20 pair|Scarpe Saint Laurent Court Classic SL/06 Replica Prima Scelta|n=Italian replica vocabulary
""",
"bottega-veneta": r"""
X|auth|bag|r1.0|-|Bottega Veneta Small Andiamo Intrecciato Leather Bag - Net-a-Porter|s=Net-a-Porter
A|pre|bag|r.68|1 piece|Pre-owned BOTTEGA VENETA Intrecciato Cabat Tote Genuine Leather Used Japan|s=Fukuoka Reuse Market Inc.;c=JP
X|compat|shoes|7.4|-|Insoles for Bottega Veneta Lido Sandals Leather Thin Pad|n=fits; brand named only for fit
M|unbr|bag|5.9-7.3|300 piece|Knotted Handle Woven Clutch Bag Women Soft Nappa PU Evening Pouch|n=generic woven pouch, no brand/logo
A|benign|wallet|1.2-1.8|300 piece|Original Design Woven Leather Card Sleeve Makeup Mirror Inside No Brand|n='original design' + 'mirror' benign, no brand
X|disg|bag|27.8|-|Bott3ga Padded Cassette Bag Woven Crossbody Women|raw=1
A|insp|shoes|13-17|50 pair|Bottega Style Tire Chelsea Boots with BV Green Logo Tab|n=style copy carrying BV logo
""",
"balenciaga": r"""
X|auth|shoes|r.96|-|Balenciaga 3XL Sneaker Worn-Out Mesh Grey|s=FARFETCH;n=authorized; 'worn-out' is the design
X|pre|bag|r.43|-|Balenciaga Hourglass Small Top Handle Bag pre-owned authentic, scuffed corners|ccy=GBP
A|compat|shoes|0.55-0.8|1000 pair|Dust Proof Shoe Storage Bag Suitable for Balenciaga Triple S Drawstring|n=plain bag, fits size
M|unbr|clothing|3.8-4.6|300 piece|Distressed Oversize Hoodie Blank Vintage Wash 450gsm Streetwear|n=blank hoodie, no brand
X|benign|shoes|6.7|-|AAA Battery Light Up LED Shoelaces for Sneakers Party|n='AAA battery' powered laces
A|bulk|shoes|14-18|200 pair|Balenciaga Track 3.0 Sneakers Men Women Factory Price Shipping Worldwide|gta=1;n=no replica word
X|repml|clothing|11.2|-|Moletom Balenciaga Qualidade Espelho Unissex Oversize|n=Portuguese replica vocabulary
""",
"louis-vuitton": r"""
X|auth|bag|r1.04|-|Louis Vuitton Speedy Bandoulière 25 Monogram Empreinte Leather|s=Louis Vuitton;n=official seller, 'monogram' is the genuine material name
A|pre|bag|r.41-.43|1 piece|Authentic Louis Vuitton Monogram Mini Lin Speedy Used Vintage 2004 Japan|s=Yokohama Luxe Second Life K.K.;c=JP;n=pre-owned authentic vintage
X|compat|bag|5.8|-|Strap Extender Compatible with LV Neverfull Handles Leather Tan|sold=420
A|unbr|bag|1.4-2.1|300 piece|Brown Checkered Print Canvas Cosmetic Pouch Zipper Makeup Bag OEM|n=generic check print, no LV claim
M|benign|bag|0.35-0.6|3000 piece|AAA Quality Nonwoven Shopping Bag Laminated Custom Print Reusable|n='AAA quality' on a promo bag
A|rep|wallet|9-12|5 piece|Copy Brand Louis Vuitton Victorine Wallet With Box Receipt|gta=1
X|disg|bag|31|-|Lovis Vuitton Alma BB Patent Leather Shell Bag|sold=37
M|mono|belt|3.6-4.4|100 piece|Damier Ebene Belt Reversible LV Buckle 40mm Men|n=monogram/pattern-only copy
""",
"apple": r"""
X|genapple|watch|279|-|Apple Watch SE (2nd gen) GPS 44mm Midnight Aluminium Case|s=Apple Store
A|genapple|earbuds|r.9|20 piece|Genuine Apple AirPods 4 New Sealed Box, Distributor Stock with Invoice|s=Kowloon Digital Trading Ltd.;c=HK;n=genuine stock near retail
X|compat|earbuds|1.45|-|Protective Case for AirPods 4 Soft Silicone Cute Cartoon|sold=9000;b=choice
M|compat|watch|0.9-1.3|300 piece|Milanese Loop Band for Apple Watch Series 10 9 8 SE Ultra Magnetic Strap
X|benign|charger|9.9|-|AAA/AA Smart Battery Charger with USB-C Input 8 Slots|n='AAA' = battery size
A|airfake|earbuds|17.2-22.5|20 piece|Air pods Pro 2 ANC Earbuds Pop Up Rename GPS Locate Type-C Premium|gta=1
X|airfake|earbuds|18.6|-|Pro 2 TWS Earbuds for Apple iPhone Original 1:1 Box Seal|n=for-Apple wording hides a copy sold as AirPods Pro 2 in original box
M|disg|charger|0.55-0.75|2000 piece|App1e 20W PD Charger Adapter White Original Packing|n=disguised 'App1e'
""",
"juicy-couture": r"""
X|auth|clothing|r1.0|-|Juicy Couture Classic Velour Del Ray Pant Black|s=Juicy Couture Official Store
X|pre|clothing|r.55|-|Authentic Juicy Couture velour hoodie 2005 era pre-owned, size M|ccy=GBP
A|unbr|clothing|4.9-6.2|300 set|Ladies Velvet Jogging Suit Zip Jacket Flare Pants Custom Rhinestone Letters|n=blank set for buyer's own lettering
X|compat|bag|2.4|-|Replacement Crown Charm Chain for Juicy Couture Bag Keyring|n=replacement charm; names brand for fit
X|disg|clothing|12.4|-|JuiCy CouTure Hooded Zip Top and Flare Bottoms Y2K Sweatsuit|sold=510
M|mono|bag|3.4-4.2|200 piece|Velour Tote Bag with Crown JC Logo Rhinestone Women|n=logo-only copy (JC crown)
A|repml|phone_case|0.7-1.1|100 piece|Funda Juicy Couture Copia iPhone 15 Glitter|n=Spanish replica vocabulary
""",
}

AUTH_T = ["{B} {P}, {color}", "{BU} {P} ({color})", "{B} {P} {color} - boutique stock"]
PRE_T = [
    "Authentic {B} {P} {color} Pre-owned, {cond}",
    "{BU} {P} Used Vintage Genuine {color}, {cond}",
    "Genuine {B} {P} secondhand with authenticity card",
]
COND = ["gently used", "signs of use", "like new", "light patina", "edge wear"]
RANK = ["A", "B", "AB"]

FITS = {
    "gucci": [("bag", "Gucci Horsebit 1955"), ("bag", "Gucci Dionysus Medium"), ("shoes", "Gucci Rhyton"),
              ("sunglasses", "Gucci GG0036S"), ("belt", "Gucci 3cm GG")],
    "saint-laurent": [("bag", "YSL Loulou Small"), ("bag", "Saint Laurent Niki Medium"), ("perfume", "YSL Libre"),
                      ("shoes", "Saint Laurent Wyatt Boots")],
    "bottega-veneta": [("bag", "Bottega Veneta Jodie Teen"), ("bag", "Bottega Veneta Hop"), ("shoes", "Bottega Veneta Orbit"),
                       ("wallet", "Bottega Veneta Intrecciato Card Case")],
    "balenciaga": [("shoes", "Balenciaga Runner"), ("shoes", "Balenciaga Defender"), ("bag", "Balenciaga City")],
    "louis-vuitton": [("bag", "Speedy Bandouliere 30"), ("bag", "Pochette Accessoires"), ("bag", "Neverfull PM"),
                      ("bag", "Felicie Pochette"), ("wallet", "LV Zippy Coin Purse")],
    "juicy-couture": [("phone_case", "Juicy Couture Phone Wristlet"), ("bag", "Juicy Couture Crossbody")],
}
COMPAT_T = {
    "bag": ["Silk Handle Scarf Wrap Suitable for {FIT} {attr}", "Zipper Organizer Bag in Bag for {FIT}",
            "Chain Strap Extender for {FIT} {attr}"],
    "shoes": ["Heel Grips and Liners for {FIT} Soft Cushion", "Lace Locks Compatible with {FIT}"],
    "wallet": ["Slim Leather Sleeve Protector for {FIT}"],
    "sunglasses": ["Nose Pads Replacement for {FIT} Frames", "Polarized Replacement Lens Set for {FIT}"],
    "perfume": ["Travel Spray Refill Pump for {FIT} Easy Fill"],
    "belt": ["Extra Belt Holes Leather Extender for {FIT}"],
    "phone_case": ["Wrist Strap Replacement for {FIT}"],
}
COMPAT_PRICE = {"bag": (1.5, 9), "shoes": (0.7, 5), "wallet": (1, 5), "sunglasses": (1.5, 10), "perfume": (0.9, 3.5),
                "belt": (1.2, 5), "phone_case": (0.5, 2)}

UNBR_T = {
    "bag": ["{mat} {noun} {gender} Large Capacity {attr} Daily", "{yr} Minimalist {mat} {noun} {attr} Factory OEM"],
    "wallet": ["{mat} Trifold {noun} {gender} {attr}", "Mini {noun} Keychain {mat} {attr}"],
    "belt": ["{gender} Braided Elastic Belt {attr}", "{mat} Jeans Belt Double Pin {attr} {gender}"],
    "shoes": ["{gender} Knit Sock {noun} Slip On {attr}", "Retro Court {noun} {gender} {attr} Lace Up"],
    "sunglasses": ["Small Oval {noun} 90s {attr}", "{gender} Rimless {noun} {attr}"],
    "scarf": ["Long Pashmina {noun} {attr} Solid", "Chiffon {noun} Beach Cover Up {attr}"],
    "clothing": ["{gender} Zip Up {noun} Plain {attr}", "Jogger Set {gender} Two Piece {attr} Blank"],
    "hat": ["Corduroy {noun} {attr} Unisex", "Blank Washed {noun} {attr}"],
    "perfume": ["Roll On {noun} Oil {gender} {attr}", "Mini {noun} Gift Set 4x25ml {gender}"],
    "phone_case": ["Heart Pattern {noun} {attr} Slim", "Pearl Chain {noun} for {attr}"],
}
MATS = ["PU", "Suede", "Split Leather", "Oxford Cloth", "Crocodile Print PU", "Felt", "Microfiber"]
UNBR_PRICE = {"bag": (3, 12), "wallet": (0.8, 4), "belt": (0.7, 3.5), "shoes": (4, 12), "sunglasses": (0.6, 3),
              "scarf": (0.9, 4), "clothing": (3.5, 8), "hat": (0.9, 2.2), "perfume": (0.9, 4.5), "phone_case": (0.35, 2)}

BENIGN_T = {
    "bag": [("Acrylic Mirror Box Clutch {attr} Evening Bag", "'mirror' = acrylic finish"),
            ("Original Factory {mat} {noun} Grade AAA Stitching {attr}", "'original factory'/'AAA' without brand")],
    "sunglasses": [("Blue Mirror Ski Goggles Style {noun} {attr}", "'mirror' = coating")],
    "shoes": [("Mirror Finish Patent {noun} {gender} {attr}", "'mirror' = patent finish")],
    "clothing": [("Original Design Embroidered {noun} {gender} {attr} Own Label", "'original design' = seller's own label, no watched brand")],
    "wallet": [("{noun} with Pop-up Mirror Card Slots {attr}", "'mirror' = feature")],
    "belt": [("AAA Grade Buffalo Leather Belt {attr} Handmade", "'AAA grade' = leather grade")],
    "perfume": [("Original Scent Long Lasting Body Mist {attr}", "'original scent' = own fragrance")],
    "scarf": [("Mirror Embroidery Boho {noun} {attr}", "'mirror' = shisha embroidery")],
    "hat": [("Top Quality Cotton {noun} {attr} No Logo", "'top quality' without brand")],
    "phone_case": [("Mirror Glass {noun} for {attr}", "'mirror' = mirror glass back")],
}

APPLE_FEAT = {
    "earbuds": ["Noise Cancelling", "Bluetooth 5.3", "Find My", "Adaptive Audio", "Type-C", "Ear Detection"],
    "watch": ["Heart Rate", "Blood Oxygen", "Sapphire", "Cellular", "2.1 inch"],
    "charger": ["Fast Charge", "Type C", "UK Plug", "18W"],
    "phone_case": ["Leather", "Magnetic", "Matte"],
}
APPLE_C = {
    "airfake": [("earbuds", "Pro 2nd Generation Earphones {feat} Apple Logo Full Function"),
                ("earbuds", "AirPods 3 Wireless Earbuds {feat} Copy 1:1"),
                ("earbuds", "Airpods Pro2 Huaqiangbei Version {feat} Original Sealed")],
    "open": [("earbuds", "Apple AirPods Max Headphones {feat} Sale Price"),
             ("watch", "Apple Watch SE 44mm {feat} Smart Watch Clearance")],
    "rep": [("earbuds", "Original Quality AirPods Pro 2 {feat} Top Quality Copy"),
            ("watch", "7A Apple Watch Series 10 {feat} High End Replica")],
    "repml": [("earbuds", "Auriculares AirPods Pro 2 Copia Exacta {feat}"),
              ("earbuds", "AirPods Pro 2 精仿 {feat} 一比一")],
    "disg": [("earbuds", "A1rPods Pro 2 {feat} Earbuds"), ("watch", "iWatch Series 10 Clone {feat} With Aрple Logo")],
    "bulk": [("earbuds", "Apple AirPods 4 {feat} Bulk Order MOQ"), ("charger", "Apple USB-C Cable 1m {feat} Large Stock")],
}
APPLE_L = {
    "compat": [("earbuds", "Anti-Lost Strap for AirPods Pro {attr}"), ("watch", "Bumper Case for Apple Watch {size} {attr}"),
               ("phone_case", "Wallet Cover for iPhone {iph} {attr}"), ("charger", "Lightning to USB-C Adapter for iPhone {iph}"),
               ("earbuds", "Cleaning Kit for AirPods Pen Brush")],
    "pre": [("watch", "Apple Watch Ultra 49mm Titanium Second Hand Genuine {cond}"),
            ("earbuds", "Genuine AirPods Pro 2 Used, {cond}, Serial Verifiable")],
    "genapple": [("charger", "Apple 30W USB-C Power Adapter", 39), ("watch", "Apple Watch SE 40mm GPS", 249),
                 ("charger", "Apple USB-C Woven Charge Cable (1 m)", 19), ("earbuds", "Apple AirPods Pro 2 (USB-C)", 249)],
    "unbr": [("earbuds", "Open Ear Headphones Air Conduction {attr}"), ("watch", "Round Smart Watch Women {attr} Fitness"),
             ("charger", "Power Bank 10000mAh Magnetic {attr}")],
    "benign": [("charger", "Rechargeable AAA Batteries USB-C Port 4 Pack", "'AAA' = battery size"),
               ("phone_case", "Makeup Mirror Card Case for iPhone {iph}", "'mirror' = makeup mirror")],
}
APPLE_ATTR = ["Lavender", "Navy", "Transparent", "Red", "Graphite", "Sage", "Gold"]
APPLE_SIZES = ["40mm", "41mm", "45mm", "46mm", "49mm"]
IPHONES = ["15 Plus", "14 Pro", "16", "16 Pro Max", "12 Mini"]
APPLE_SELLERS = ["Best Buy", "Apple Store", "Apple Official Store"]
APPLE_DISG = ["A1rPods", "App1e", "iWatch", "Aрple", "Air pods"]

IMP_SELLERS = {
    "gucci": ["Gucci Authentic Official Shop"], "saint-laurent": ["YSL Official Brand Store"],
    "bottega-veneta": ["Bottega Veneta Outlet Mall"], "balenciaga": ["Balenciaga Official Outlet"],
    "louis-vuitton": ["LV Authentic Outlet Shop"], "apple": ["Apple Official Direct Store"],
    "juicy-couture": ["Juicy Couture Factory Official"],
}
CF_CYCLE = ["disg", "rep", "mono", "repml", "open", "bulk", "insp", "disg", "imp", "mono"]
CF_CYCLE_APPLE = ["airfake", "disg", "rep", "repml", "bulk", "open", "airfake"]
LG_CYCLE = ["compat", "unbr", "pre", "auth", "benign", "compat", "unbr"]
LG_CYCLE_APPLE = ["compat", "genapple", "unbr", "pre", "benign", "compat"]
EXTRA_LEGIT = {"gucci", "apple"}

GENUINE = {
    "gucci": [("bag", "Dionysus GG Supreme Small Shoulder Bag"), ("bag", "Ophidia Medium Tote"), ("wallet", "Horsebit 1955 Card Case"),
              ("shoes", "Rhyton Leather Sneaker"), ("belt", "GG Marmont Thin Belt")],
    "saint-laurent": [("bag", "Niki Medium Shoulder Bag"), ("bag", "Kate Small Tassel Bag"), ("wallet", "Uptown Card Case"),
                      ("shoes", "Wyatt Chelsea Boots")],
    "bottega-veneta": [("bag", "Jodie Teen Hobo"), ("bag", "Cassette Crossbody"), ("wallet", "Intrecciato Card Case"),
                       ("shoes", "Orbit Sneakers")],
    "balenciaga": [("shoes", "Triple S Clear Sole"), ("bag", "Le Cagole Small Shoulder Bag"), ("clothing", "Oversized Logo T-Shirt"),
                   ("shoes", "Speed 2.0 Sneaker")],
    "louis-vuitton": [("bag", "OnTheGo PM"), ("bag", "Multi Pochette Accessoires"), ("bag", "Noé Bucket Bag"), ("wallet", "Zippy Coin Purse")],
    "juicy-couture": [("clothing", "Og Big Bling Velour Track Jacket"), ("bag", "Sweet Talk Tote"), ("clothing", "Velour Track Pant")],
}
COLORS = ["Noir", "Camel", "Fondant", "Light Grey", "Bordeaux", "Off White", "Navy"]
