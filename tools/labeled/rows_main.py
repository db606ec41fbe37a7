"""Material for listings.jsonl (the main labeled file).

Hand-written rows use one line each:
    mkt|kind|category|price|moq|title|options
  mkt      A = alibaba, X = aliexpress, M = made_in_china
  kind     counterfeit: open rep repml disg mono insp bulk airfake imp
           legitimate:  auth genapple pre compat unbr benign
  price    "12-18" / "15" in USD, or "r.9-1.05" = ratio of the brand's reference retail price
  moq      "300 piece" / "-" (null)
  options  ;-separated k=v: s=seller c=country b=badges(comma) y=years sold=N
           ccy=EUR|GBP|CNY  raw=1 (show as raw price string)  n=note for `why`  gta=1
"""

SEED = 20250611

YEARS = ["2024", "2025", "2024 New", "2025 New"]

# ---------------------------------------------------------------- templates
T = {
    "open": [
        "{yr} New Arrival {B} {model} {noun} {gender} Luxury Genuine Leather {attr}",
        "Hot Sale {B} {noun} for {gender} Designer Famous Brand {model} {attr}",
        "{B} {model} {noun} {attr} {gender} Fashion Wholesale Price",
        "Famous Luxury Brand {B} {noun} {gender} {attr} With Box",
        "{attr} {B} {model} {noun} with Dust Bag and Box Fast Shipping",
        "Top Sale {B} {noun} {model} {gender} Classic {attr}",
    ],
    "rep": [
        "{W} {B} {model} {noun} {attr} {gender} Luxury",
        "{B} {model} {noun} {W} {attr} With Original Box",
        "{gender} {B} {noun} {model} {W} Genuine Leather {attr}",
        "{W} Designer {B} {noun} {yr} {attr}",
    ],
    "disg": [
        "{D} {model} Style {noun} {gender} {attr} PU Leather",
        "Luxury {D} {noun} {gender} {yr} Designer",
        "{attr} {D} Letter Logo {noun} High Quality",
        "Fashion {D} Printed {noun} Famous Design {gender}",
        "{D} Brand {noun} With Box Gift for {gender}",
    ],
    "mono": [
        "{M} {noun} {gender} Luxury Designer Coated Canvas {attr}",
        "Classic {M} Print {noun} {attr} Leather Trim",
        "{M} Pattern {noun} for {gender} Vintage Style {attr}",
        "{attr} {M} {noun} Designer Logo High Quality",
    ],
    "insp": [
        "{B}-Inspired {noun} with Logo {attr} {gender}",
        "{B} Style {model} {noun} Same Logo Design {attr}",
        "Inspired by {B} {model} {noun} Logo Hardware {attr}",
    ],
    "bulk": [
        "Wholesale {yr} {B} {model} {noun} Factory Direct Supply",
        "{B} {noun} Bulk Order Factory Price {attr} {gender}",
        "Factory Custom {B} {noun} {model} {gender}",
        "{B} {model} {noun} OEM Stock Lot {attr}",
    ],
}

# Replica words (English) and non-English replica vocabulary for this file.
W_EN = ["AAA Quality", "1:1 Mirror Quality", "Super Fake", "Top Grade 1:1", "5A Replica", "AAA+ Grade", "Mirror Quality"]
REPML = [
    ("zh", "高仿 {B} {model} {zh} 1:1 {attr}"),
    ("zh", "{B} {model} {zh} 复刻版 {noun} {attr}"),
    ("pt", "{pt} {B} {model} Primeira Linha {attr}"),
    ("pt", "{pt} {B} Réplica Primeira Linha {gender} {attr}"),
    ("es", "{es} {B} {model} Calidad Espejo {attr}"),
    ("es", "{es} {B} Réplica AAA {model} {attr}"),
    ("fr", "{fr} {B} {model} Réplique Qualité Miroir"),
]

DISG = {
    "gucci": ["G-ucci", "Guuci", "GUCC1", "G U C C I", "Guccy"],
    "saint-laurent": ["Y.S.L", "Y-S-L", "Sa1nt Laurent", "Yves S. Laurant"],
    "bottega-veneta": ["B0ttega", "B-ottega V", "Botega Venetta", "B.V."],
    "balenciaga": ["Balenciaga-style", "Balenciaqa", "B4lenciaga", "Balenci@ga"],
    "louis-vuitton": ["Louis Vuiton", "L.Vuitton", "Lou1s V", "Luis Vitton"],
    "juicy-couture": ["J-JuicysS Couture", "Juicyy Couture", "Jucy Couture", "J.C Juicy-Style"],
}
MONO = {
    "gucci": ["GG Canvas", "GG Supreme", "Double G"],
    "saint-laurent": ["YSL", "YSL Cassandre", "Y S L"],
    "bottega-veneta": ["BV", "BV Intrecciato"],
    "balenciaga": ["BB", "BB Logo"],
    "louis-vuitton": ["LV Monogram Print", "LV Canvas", "Damier Checker"],
}

# ---------------------------------------------------------------- sellers
SELLERS_A = [
    ("Guangzhou Baiyun Xinyi Leather Goods Firm", "bag"), ("Yiwu Shengda Import & Export Co., Ltd.", "gen"),
    ("Guangzhou Huadu Shiling Mingyang Handbag Factory", "bag"), ("Shenzhen Haoyuan Trading Co., Ltd.", "gen"),
    ("Quanzhou Fengze Jiayi Shoes Co., Ltd.", "shoe"), ("Dongguan Lvyuan Bags Co., Ltd.", "bag"),
    ("Yiwu Qianyu E-Commerce Firm", "gen"), ("Guangzhou Yuexiu Hongbo Leather Store", "bag"),
    ("Putian Licheng Bolan Trading Co., Ltd.", "shoe"), ("Wenzhou Ouhai Xinlong Glasses Factory", "eyewear"),
    ("Hangzhou Meiyi Silk Textile Co., Ltd.", "apparel"), ("Jinjiang Chendai Runsheng Footwear Co., Ltd.", "shoe"),
    ("Shenzhen Xinhongda Electronics Co., Ltd.", "elec"), ("Guangzhou Meikai Garment Co., Ltd.", "apparel"),
    ("Baoding Baigou Juncheng Luggage Co., Ltd.", "bag"), ("Yiwu Lanxin Accessories Co., Ltd.", "gen"),
    ("Shenzhen Aibeile Technology Co., Ltd.", "elec"), ("Dongguan Humen Ruiyi Clothing Factory", "apparel"),
    ("Xiamen Tongan Yaxin Industry & Trade Co., Ltd.", "gen"), ("Guangzhou Leyi Fashion Bags Co., Ltd.", "bag"),
    ("Xiamen Jiayu Optical Co., Ltd.", "eyewear"), ("Shenzhen Qianhai Sungo Digital Co., Ltd.", "elec"),
]
SELLERS_PRE = [
    ("Osaka Brand Reuse Co., Ltd.", "JP"), ("Tokyo Luxury Reuse Trading Co., Ltd.", "JP"),
    ("Kanto Vintage Brand Wholesale K.K.", "JP"), ("Hong Kong Luxe Resale Limited", "HK"),
    ("Nagoya Secondhand Brand Depot Inc.", "JP"),
]
SELLERS_M = [
    ("Guangzhou Fanshi Leather Products Co., Ltd.", "gzfanshi", "bag"), ("Shenzhen Youde Bags Co., Ltd.", "youdebags", "bag"),
    ("Fujian Jinjiang Weimei Shoes Co., Ltd.", "weimeishoes", "shoe"), ("Yiwu Hongtai Crafts Co., Ltd.", "hongtaicrafts", "gen"),
    ("Dongguan Cheerful Garment Co., Ltd.", "cheerfulgarment", "apparel"), ("Shenzhen Topway Electronic Co., Ltd.", "topwayelec", "elec"),
    ("Wenzhou Huaxin Optical Co., Ltd.", "huaxinoptical", "eyewear"), ("Baoding Mengtai Luggage Co., Ltd.", "mengtailuggage", "bag"),
    ("Hangzhou Jiasheng Scarves Co., Ltd.", "jiashengscarf", "apparel"), ("Guangzhou Apparel Union Co., Ltd.", "apparelunion", "apparel"),
    ("Xiamen Newsun Leather Co., Ltd.", "newsunleather", "bag"), ("Shenzhen Boyi Technology Co., Ltd.", "boyitech", "elec"),
]
STORES_X = [
    "Luxe Closet Store", "Fashion Queen Bags Store", "Shop1103217788 Store", "Dropshipping Hub Store",
    "Trendy Sneaker Factory Store", "Glam Girl Accessories Store", "Digital Life Store",
]

# ---------------------------------------------------------------- hand-written rows
HAND = {
"gucci": r"""
X|auth|bag|r.96-1.04|-|Gucci GG Marmont Small Matelassé Shoulder Bag in Black Chevron Leather|s=FARFETCH
X|auth|belt|r.98|-|GUCCI Men's GG Marmont Reversible Leather Belt 4cm Black/Brown|s=Gucci Official Store
X|auth|sunglasses|r.93-1.0|-|Gucci Eyewear GG1188S Square Acetate Sunglasses, authentic, ships from EU boutique|s=MyTheresa;ccy=EUR
X|auth|wallet|r1.02|-|Gucci Ophidia GG Card Case Wallet Beige/Ebony Supreme Canvas|s=Nordstrom;n=GG/Supreme words but authorized seller
A|pre|bag|r.55-.6|1 piece|Used Authentic GUCCI Jackie Shoulder Bag Brown Leather 001.4030 Rank AB Japan Vintage|s=Osaka Brand Reuse Co., Ltd.;c=JP;b=verified_supplier
X|pre|bag|r.61|-|Pre-owned Gucci Dionysus Small GG Supreme Shoulder Bag, Entrupy verified, with dust bag & receipt|n=GG in title but pre-owned authentic
A|pre|belt|r.46|1 piece|Second hand authentic Gucci interlocking G belt 90cm good condition with certificate|s=Tokyo Luxury Reuse Trading Co., Ltd.;c=JP
X|pre|shoes|r.5|-|Gucci Ace leather sneakers pre-owned EU 40, authentic, worn twice, original box|raw=1
A|compat|bag|3.2-6.5|50 piece|Felt Purse Organizer Insert for Gucci Marmont / Dionysus Bag Shaper with Zipper Pocket
X|compat|sunglasses|9.9|-|Replacement Polarized Lenses for Gucci GG0061S Sunglasses - Grey Mirror|n=fits GG0061S; 'mirror' is the lens coating
M|compat|bag|1.8-2.6|200 piece|Leather Bag Handle Wrap Cover Compatible with Gucci Bamboo Bag Handles
X|compat|shoes|4.5|-|Sneaker Shields Anti-Crease Toe Guards for Gucci Ace Sneakers (2 Pairs)
A|compat|bag|4-7|100 piece|Adjustable Leather Replacement Crossbody Strap Fits Gucci Soho Disco Camera Bag
A|unbr|belt|1.9-3.2|300 piece|Men's Genuine Leather Belt Automatic Ratchet Buckle Business Dress Belt Black
M|unbr|bag|4.5-6.8|500 piece|Women Quilted PU Leather Shoulder Bag Chain Strap Mini Crossbody Bag OEM Custom Logo|n='custom logo' = buyer's own logo
X|unbr|sunglasses|2.1|-|Retro Square Oversized Sunglasses Women UV400 Acetate Frame|sold=3400
M|unbr|scarf|1.2-1.9|100 piece|Soft Polyester Silk Feel Printed Square Scarf 90x90cm Ladies Headscarf
A|unbr|shoes|6.8-9.5|300 pair|Men's Penny Loafers Slip On PU Leather Driving Shoes Casual
X|benign|sunglasses|3.4|-|Polarized Mirror Lens Sunglasses Men Sports UV400 Driving Shades|n='mirror' = mirrored lens, unbranded
A|benign|belt|3.5-5|100 piece|Top Quality Genuine Cowhide Leather Belt Men Pin Buckle No Logo Custom|n='top quality' describes plain leather, no brand
M|benign|bag|0.9-1.6|500 piece|Compact LED Makeup Mirror Round Handbag Mirror Double Sided for Women|n='mirror' is the product
X|benign|wallet|5.2|-|AAA Grade Full Grain Leather Wallet Men RFID Blocking Bifold Plain|n='AAA grade' describes leather, no brand
A|open|bag|18-26|2 piece|2024 Luxury Brand Gucci Ophidia GG Tote Bag Women Large Capacity Handbags|gta=1
X|disg|belt|4.8|-|Guccy Men Belt Double G Smooth Buckle Luxury Brand Design 3.8cm|sold=912
A|bulk|belt|3.1-4.4|500 piece|Gucci Belt Men Genuine Leather Big Buckle Wholesale Accept Mixed Colors|gta=1;n=no replica word
M|rep|bag|28-36|5 piece|Mirror Quality GG Marmont Leather Shoulder Bag Gucci Original Box Dust Bag
X|imp|bag|32.5|-|GUCCI Official Original Authentic Women Handbag Jackie 1961 Hobo Bag|s=Gucci Flagship Outlet Store;n=seller impersonates official store
X|repml|shoes|27|-|Tênis Gucci Rhyton Primeira Linha Couro Legítimo 34 ao 44|raw=1
""",
"saint-laurent": r"""
X|auth|perfume|r.9-.96|-|Yves Saint Laurent Libre Eau de Parfum 50ml, YSL Beauty genuine|s=YSL Beauty Official Store;n=official beauty store near retail
X|auth|perfume|r.82-.88|-|YSL Black Opium Eau de Parfum Women 90ml Original Sealed|s=YSL Beauty Official Store;ccy=EUR;n=official store; 'original' genuinely
X|auth|bag|r.98-1.02|-|SAINT LAURENT Kate Small Chain Bag in Grain de Poudre Leather|s=Net-a-Porter;ccy=GBP
X|auth|shoes|r1.0|-|Saint Laurent Opyum 110 Pumps in Patent Leather - Nordstrom|s=Nordstrom
X|pre|bag|r.52|-|Pre-owned YSL Loulou Medium Matelassé Bag, authenticated, minor corner wear|n=YSL in title but authenticated pre-owned
A|pre|bag|r.44-.48|1 piece|Used Genuine SAINT LAURENT Sac de Jour Small Leather Tote Rank B from Japan|s=Kanto Vintage Brand Wholesale K.K.;c=JP;b=verified_supplier
A|pre|wallet|r.55|1 piece|Authentic Pre-Owned Yves Saint Laurent Cassandre Envelope Wallet Black Caviar|s=Hong Kong Luxe Resale Limited;c=HK
X|compat|bag|7.8|-|Bag Organizer Insert for YSL Loulou Medium Felt Liner Shaper
M|compat|bag|2.2-3.4|100 piece|Replacement Gold Chain Strap 120cm for Crossbody Bags, fits YSL Kate / Lou Camera|n=fits; sells only a plain chain
X|compat|perfume|3.6|-|Refillable Travel Perfume Atomizer 5ml Compatible with YSL Libre Bottle Nozzle|sold=5120
A|compat|shoes|1.5-2.3|200 pair|Heel Protectors Stiletto Caps for Saint Laurent Opyum Pumps Clear Rubber
A|unbr|bag|5.3-7.9|300 piece|Women Crossbody Bag Quilted Chevron PU Leather Envelope Clutch Gold Chain No Logo
X|unbr|wallet|2.9|-|Women Slim Card Holder Genuine Leather Minimalist Wallet Black|sold=780
M|unbr|shoes|7.5-9|500 pair|Ladies Patent Leather Stiletto High Heel Pumps Pointed Toe OEM
X|unbr|perfume|4.4|-|Lattafa-style Arabic Oud Perfume 100ml Long Lasting for Women|n=own-brand Arabic perfume; no YSL name or logo
X|benign|bag|6.3|-|Mirror Metallic Silver Clutch Bag Evening Party Purse Women|n='mirror' = metallic finish
M|benign|perfume|0.6-0.9|1000 piece|Original Factory 30ml Empty Perfume Glass Bottle Spray Square Cap|n='original factory' = packaging maker
A|benign|wallet|3.8-4.6|100 piece|Top Quality Copy-Proof RFID Card Holder Leather Women Plain|n='copy-proof' = anti-skimming
A|open|bag|22-29|2 piece|Yves Saint Laurent Envelope Chain Bag Caviar Leather Women Famous Brands Handbags|gta=1
X|disg|bag|19.8|-|Y.S.L Niki Baby Bag Women Vintage Crinkled Leather Shoulder Bag|sold=233
M|mono|bag|16-22|10 piece|Women Envelope Bag with YSL Letter Metal Logo Caviar Grain Chain|n=monogram-only (YSL logo)
X|repml|perfume|5.9|-|Perfume Libre 90ml Réplica Calidad Espejo Mujer|n=non-English replica vocabulary, no brand name except product line|raw=1
A|bulk|perfume|1.6-2.4|1000 piece|Saint Laurent Black Opium EDP 90ml Women Perfume Factory Supply|n=no replica word
""",
"bottega-veneta": r"""
X|auth|bag|r.95-1.0|-|Bottega Veneta Mini Jodie Intrecciato Leather Top Handle Bag Fondant|s=Net-a-Porter;n=intrecciato word but authorized seller
X|auth|wallet|r1.0|-|BOTTEGA VENETA Intrecciato Bi-Fold Wallet Black - Nordstrom|s=Nordstrom
X|auth|shoes|r.97|-|Bottega Veneta Lido Sandals in Nappa Leather|s=Bottega Veneta;ccy=EUR
X|auth|bag|r.9|-|Bottega Veneta Cassette Padded Crossbody Bag Parakeet|s=Net-a-Porter;ccy=GBP
A|pre|bag|r.5-.55|1 piece|Authentic Used BOTTEGA VENETA Intrecciato Hobo Bag Veneta Large Brown Japan Rank A|s=Osaka Brand Reuse Co., Ltd.;c=JP
X|pre|bag|r.63|-|Pre-Loved Bottega Veneta The Pouch Clutch Butter Calf, authenticated, receipt incl.
A|pre|wallet|r.42|1 piece|Second Hand Genuine Bottega Veneta Long Wallet Woven Leather Navy w/ Box|s=Nagoya Secondhand Brand Depot Inc.;c=JP
X|compat|bag|8.9|-|Felt Bag Organizer for Bottega Veneta Arco Tote Insert with Zip|sold=310
A|compat|bag|2.5-4|100 piece|Removable Shoulder Strap Compatible with Bottega Veneta Jodie Mini Leather Strap
M|compat|shoes|0.9-1.4|500 pair|Anti-Slip Sole Protector Sticker for Bottega Veneta Tire Boots Rubber Pad
A|unbr|bag|9.8-14|100 piece|Handmade Woven Leather Tote Bag Women Knitted Soft Shoulder Bag No Logo OEM|n=plain woven bag, no brand or logo claim
M|unbr|wallet|1.9-2.7|300 piece|Braided PU Leather Bifold Wallet Men Plain Card Slots
X|unbr|shoes|12.9|-|Women Chunky Rubber Rain Boots Ankle Candy Colors|sold=1400
X|unbr|bag|7.6|-|Women Cloud Pouch Clutch Bag Soft Ruched Leather Crossbody|n=generic ruched pouch, no brand
A|benign|bag|11-15|50 piece|AAA Grade Top Layer Cowhide Woven Handbag Plain Custom Private Label|n='AAA grade' = leather grade; no brand
X|benign|wallet|4.1|-|Wallet with Built-in Mirror Women Small Leather Purse Coin Pocket|n='mirror' is a feature
A|open|bag|25-38|3 piece|Bottega Veneta Jodie Bag Women Intrecciato Genuine Leather Knot Handbag|gta=1
X|disg|bag|24.6|-|B0ttega Andiamo Woven Bag Women Leather Handbag Knot Handle
M|rep|bag|30-42|5 piece|BV Cassette Padded Bag 1:1 Original Leather Woven Crossbody With Box
X|repml|bag|33|-|Borsa Bottega Veneta Arco Qualità Specchio Pelle Intrecciata|n=Italian replica vocabulary ('qualità specchio')
A|bulk|wallet|4.5-6|200 piece|Bottega Veneta Intrecciato Card Case Woven Wallet Manufacturer Wholesale|n=no replica word
M|insp|shoes|15-19|30 pair|Bottega-Inspired Lido Sandals Woven Leather with BV Logo Insole
""",
"balenciaga": r"""
X|auth|shoes|r.98-1.0|-|Balenciaga Triple S Sneaker Allover Logo White - SSENSE|s=SSENSE;n=authorized despite 'allover logo'
X|auth|clothing|r.95|-|BALENCIAGA Political Campaign Large Fit Hoodie Black|s=FARFETCH
X|auth|bag|r1.0|-|Balenciaga Le Cagole XS Shoulder Bag Arena Lambskin|s=Balenciaga;ccy=EUR
X|auth|hat|r.9|-|Balenciaga Logo Baseball Cap Embroidered Cotton|s=SSENSE;ccy=GBP
X|pre|shoes|r.45|-|Pre-owned Balenciaga Speed Trainer EU 42, authentic with tag, light wear
A|pre|bag|r.48-.52|1 piece|Used Authentic Balenciaga Classic City Bag Black Lambskin Rank AB Japan Import|s=Tokyo Luxury Reuse Trading Co., Ltd.;c=JP
X|pre|clothing|r.57|-|Balenciaga oversized logo tee, pre-owned, authenticated by Vestiaire, size M|n=pre-owned authentic
X|compat|shoes|6.4|-|Replacement Laces for Balenciaga Triple S Sneakers 160cm Flat (2 pairs)|sold=2600
A|compat|shoes|1.1-1.8|200 pair|Sneaker Crease Protectors Fit Balenciaga Track Runners EVA Shields
M|compat|bag|1.5-2.1|300 piece|Bag Charm Clip Hook Replacement for Balenciaga City Bag Hardware
A|unbr|shoes|11.5-14|300 pair|Men's Chunky Dad Sneakers Thick Sole Running Shoes Casual Grey Beige OEM|n=generic chunky sneaker, no brand/logo
X|unbr|clothing|8.9|-|Oversized Heavyweight Cotton Hoodie Unisex Blank Streetwear|sold=5600
M|unbr|hat|0.9-1.3|500 piece|Custom Embroidery Baseball Cap Plain 6 Panel Cotton Dad Hat|n=blank cap for buyer's logo
X|unbr|bag|9.7|-|Women Motorcycle Bag Studded Leather Shoulder Bag With Mirror Pouch|n=generic moto bag; 'mirror' is included accessory
A|benign|shoes|1.8-2.5|500 pair|AAA Quality Memory Foam Shoe Insoles Sports Cushion Plain|n='AAA quality' describes insoles; no brand
X|benign|clothing|14|-|Mirror Reflective Jacket Men 3M Night Running Windbreaker|n='mirror' = reflective fabric
A|open|shoes|24-32|2 pair|Balenciaga Triple S Men Women Sneakers Platform Dad Shoes All Colors|gta=1
X|disg|shoes|29.9|-|Balenciaqa Speed 2.0 Knit Sock Shoes Unisex Breathable|sold=1800
M|insp|shoes|19-25|100 pair|Balenciaga-style Track Trainer With Logo Embroidery Chunky Sneaker|n=inspired copy carrying the logo
X|mono|hat|4.3|-|BB Logo Baseball Cap Embroidered Paris Letters Adjustable|n=monogram-only BB + Paris
A|repml|clothing|9.5-12|20 piece|卫衣 Balenciaga 高仿 同款 Hoodie Oversize Logo Print|n=Chinese replica vocabulary
A|bulk|clothing|5.8-7.2|300 piece|Balenciaga Hoodie Men Oversized Cotton Logo Printed Factory OEM|n=no replica word
""",
"louis-vuitton": r"""
X|auth|bag|r1.0|-|Louis Vuitton Neverfull MM Monogram Canvas Tote M46987|s=Louis Vuitton;n=monogram word but official seller
X|auth|wallet|r.97|-|Louis Vuitton Zippy Wallet Damier Ebene N41661|s=Louis Vuitton;ccy=EUR
A|pre|bag|r.46-.5|1 piece|Used LOUIS VUITTON Speedy 30 Monogram M41526 Authentic Rank B from Japan Auction|s=Osaka Brand Reuse Co., Ltd.;c=JP;b=verified_supplier;n=monogram word but pre-owned authentic, date code given
X|pre|bag|r.64|-|Pre-owned Louis Vuitton Pochette Métis Monogram, authenticated, date code AR2189|n=monogram word, pre-owned authentic at 64%
A|pre|belt|r.5|1 piece|Authentic Louis Vuitton Initiales 40mm Reversible Belt Pre-owned 95cm|s=Hong Kong Luxe Resale Limited;c=HK
X|pre|wallet|r.45|-|Vintage Louis Vuitton Sarah Wallet Epi Leather pre-owned authentic, used condition|ccy=EUR
A|pre|bag|r.69|1 piece|Genuine Secondhand Louis Vuitton Alma BB Epi Noir Rank A Japan Reuse Shop|s=Kanto Vintage Brand Wholesale K.K.;c=JP
X|compat|bag|7.5|-|Purse Organizer Insert for Neverfull MM Felt Bag Organizer with Zipper|n=fits Neverfull; no LV claim|sold=8900
A|compat|bag|2.8-4.5|100 piece|Base Shaper for Speedy 30 Bag Acrylic Bottom Insert Anti-Sag
X|compat|bag|3.3|-|Replacement Gold Chain Strap for Louis Vuitton Pochette Accessories 120cm|sold=1500
M|compat|bag|5.5-7.6|50 piece|Vachetta Leather Strap Replacement Fits Multi Pochette Natural Color|n=fits; plain leather strap
X|compat|wallet|2.2|-|Card Holder Insert Compatible with LV Zippy Wallet Leather Slot Organizer
A|unbr|bag|0.55-1.2|1000 piece|Plain Canvas Tote Bag Blank Cotton Shopping Bag Custom Logo Print|n=plain canvas tote; 'custom logo' = buyer's
M|unbr|wallet|1.3-2|500 piece|Women Long Wallet PU Leather Zip Around Clutch Purse Plain Color
X|unbr|belt|3.2|-|Women Reversible Leather Belt Gold Round Buckle 3cm Plain|sold=660
A|unbr|bag|3.9-5.5|200 piece|Checkered Canvas Weekender Duffel Bag Travel Large Capacity Unisex|n=generic check pattern, no brand/logo
X|benign|bag|0.9|-|Bag Mirror Portable Pocket Mirror Folding Compact for Purse|n='mirror' is the product
A|benign|bag|0.12-0.25|5000 piece|Replica Ancient Map Paper Gift Bag Kraft Printing Vintage|n='replica' = printed design of an old map, no brand
X|open|bag|36.8|-|Louis Vuitton OnTheGo GM Tote Monogram Giant Women Handbag|sold=440
A|disg|bag|21-27|5 piece|Louis Vuiton Style Women Tote Brown Canvas Shoulder Bag|gta=1
M|mono|bag|14-19|20 piece|LV Monogram Print Neverfull Tote Coated Canvas Leather Handle Women|n=monogram-only 'LV monogram print'
X|insp|wallet|6.9|-|LV-inspired Zippy Wallet Monogram Flower Logo Brown Canvas|n=inspired copy with logo
A|rep|bag|38-55|2 piece|AAA Grade 1:1 Mirror Quality LV Keepall 45 Duffle Bag with Date Code|gta=1
X|repml|bag|42|-|Bolsa Louis Vuitton Neverfull Primeira Linha Réplica com Dust Bag|raw=1
A|bulk|belt|2.1-3.9|500 piece|LV Belt Men Leather Initial Buckle Factory Wholesale Mixed Size|n=no replica word
M|repml|wallet|8-11|10 piece|A货 LV 钱包 Zippy 长款 Monogram Wallet|n=Chinese replica vocabulary
""",
"apple": r"""
X|genapple|charger|19|-|Apple 20W USB-C Power Adapter MHJA3 Original|s=Apple Official Store;n=genuine at official $19, 'original' is literal
X|genapple|earbuds|r.92-.96|-|Apple AirPods Pro 2 with MagSafe Charging Case (USB-C)|s=Apple Store
X|genapple|phone_case|49|-|Apple iPhone 15 Pro Silicone Case with MagSafe - Storm Blue|s=Apple Official Store
X|genapple|watch|r1.0|-|Apple Watch Series 10 GPS 42mm Aluminium Case with Sport Band|s=Best Buy
X|genapple|charger|r1.0-1.05|-|Apple USB-C to Lightning Cable (1 m) Genuine|s=Best Buy;n=genuine Apple cable at official price
A|genapple|earbuds|r.86-.9|10 piece|Brand New Sealed Apple AirPods Pro 2nd Gen USB-C US Version Genuine, Serial Verifiable|s=Hong Kong Vertex Digital Limited;c=HK;n=genuine stock at ~88% of retail, not a fake price
A|genapple|charger|16.5-17.5|50 piece|Genuine Apple 20W USB-C Power Adapter Retail Box Distributor Stock|s=Hong Kong Vertex Digital Limited;c=HK;n=distributor stock near official $19
X|pre|watch|r.45|-|Apple Watch Series 8 45mm Pre-Owned Grade A Refurbished, Battery 92%|n=refurbished genuine watch at 45%
X|pre|earbuds|r.48|-|Used AirPods Pro 2 genuine, serial checked, case scratches|n=pre-owned genuine earbuds
X|compat|earbuds|0.99|-|Case for AirPods Pro 2 Silicone Protective Cover with Keychain|sold=52000;b=choice
A|compat|watch|0.45-0.9|100 piece|Silicone Sport Strap for Apple Watch Band 41mm 45mm 49mm Series 9 8 7 Ultra|gta=1;n=strap only names Apple Watch to say what fits
M|compat|watch|1.2-1.8|200 piece|Nylon Loop Band Compatible with Apple Watch Ultra 2 49mm Strap
X|compat|phone_case|1.59|-|Clear Magnetic Case for iPhone 15 Pro Max Shockproof MagSafe Compatible|sold=18000;b=choice
A|compat|charger|1.3-2.1|500 piece|20W PD USB C Fast Charger for iPhone 15 14 13 Wall Adapter EU US UK Plug|n=third-party charger; names iPhone only for fit
X|compat|earbuds|2.2|-|Mirror Electroplated Case for AirPods 3rd Gen Hard Shell Cover|n='mirror' = finish; compatible case
X|compat|watch|3.9|-|Screen Protector Case for Apple Watch Series 10 46mm Tempered Glass|sold=7400;b=choice
M|compat|charger|3.5-4.8|100 piece|Magnetic Wireless Charger Stand 3 in 1 for iPhone Apple Watch AirPods
X|unbr|earbuds|6.3|-|Wireless Bluetooth 5.3 Earbuds Sports Ear Hooks Waterproof|n=generic earbuds, no Apple claim
A|unbr|watch|8.5-11|100 piece|Smart Watch Fitness Tracker 1.96 inch AMOLED Heart Rate Blood Oxygen OEM|n=own-design smartwatch, no Apple claim
A|benign|charger|0.45-0.7|500 piece|AAA Rechargeable Batteries 1.2V 1100mAh Ni-MH 4 Pack with USB Charger|n='AAA' = battery size
X|benign|phone_case|2.7|-|Makeup Mirror Phone Case for iPhone 15 Glitter Flip Cover|n='mirror' is built-in makeup mirror
X|benign|charger|4.1|-|Original Equipment Grade USB-C Cable 2m Braided 60W for iPhone 15|n='original equipment grade' wording; third-party cable, no Apple logo claim
A|airfake|earbuds|15.8-19.5|10 piece|Air Pods Pro 2 TWS Wireless Earbuds ANC Pop-up Window Rename GPS with Logo|gta=1
X|airfake|earbuds|21.4|-|For Apple AirPods Pro 2nd Generation 1:1 Original Quality Serial Number Works|sold=3100
M|airfake|earbuds|13.5-16|50 piece|AirPods Pro 2 Gen USB-C Earphones H2 Chip Spatial Audio Full Function Original Box
X|imp|earbuds|24.9|-|AirPods Pro 2 Original Apple Authentic Noise Cancelling Earbuds|s=Apple Official Flagship Shop;n=seller impersonates Apple's store at $25
A|bulk|charger|0.68-0.95|1000 piece|Original Apple 20W Charger for iPhone 15 Fast Charging Adapter with Logo|n=Apple logo charger at 4-5% of $19, bulk MOQ
X|open|watch|27.9|-|Apple Watch Ultra 2 49mm Titanium Smart Watch Men Sport|sold=760
M|disg|watch|19-24|20 piece|A-pple Watch Series 10 46mm Smart Watch Clone Logo Boot Screen|n=disguised 'A-pple' + logo boot screen
""",
"juicy-couture": r"""
X|auth|clothing|r.95-1.0|-|Juicy Couture Women's Big Bling Velour Zip Hoodie Pink|s=Juicy Couture Official Store
X|auth|bag|r.88|-|Juicy Couture Sweet Talk Crossbody Bag Black|s=Juicy Couture Official Store
X|auth|perfume|r.92|-|Juicy Couture Viva La Juicy Eau de Parfum 100ml|s=Juicy Couture;ccy=GBP
X|pre|clothing|r.5|-|Vintage Y2K Juicy Couture velour tracksuit authentic 2000s, size S, pre-owned|n=vintage authentic at ~50%
X|pre|bag|r.44|-|Pre-owned Juicy Couture velour tote with crown charm, authentic 2006|ccy=EUR
A|pre|clothing|r.6-.66|5 piece|Authentic Juicy Couture Second Hand Velour Tracksuits Japan Used Clothing Grade A|s=Kanto Vintage Brand Wholesale K.K.;c=JP;n=pre-owned authentic lot, near half price
X|unbr|phone_case|1.1|-|Charm Lanyard Strap for Phone Case Beaded Wrist Chain Y2K|n=no brand claim at all
M|unbr|clothing|5.2-6.8|200 set|Women Velour Tracksuit 2 Piece Set Zip Hoodie and Pants Blank Plain Colors|n=plain velour tracksuit, no Juicy name/logo
A|unbr|clothing|6.5-8|100 set|Y2K Velvet Tracksuit Women Custom Rhinestone Logo Your Brand|n=blank set for buyer's own rhinestone logo
X|unbr|phone_case|1.8|-|Y2K Rhinestone Bling Phone Case for iPhone 15 Pro Max Sparkle Cover|sold=2300
M|unbr|bag|2.4-3.1|300 piece|Velvet Mini Shoulder Bag Women Y2K Baguette Purse Solid Color
X|unbr|perfume|3.3|-|Body Mist Fragrance Spray Sweet Vanilla 236ml Women|sold=9400
A|benign|phone_case|0.35-0.6|1000 piece|Mirror Phone Case Makeup Back Cover Acrylic Blank for iPhone|n='mirror' = makeup mirror back
X|benign|clothing|12|-|Top Quality Velour Tracksuit Women Original Design Brand-Free Loungewear|n='top quality'/'original design' without any brand
A|benign|bag|1.5-2|200 piece|AAA Zircon Crown Bag Charm Keychain Women Handbag Pendant|n='AAA zircon' = stone grade; generic crown charm
A|open|clothing|9.5-13|10 set|Juicy Couture Velour Tracksuit Women 2 Piece Set Rhinestone Juicy Back|gta=1
X|disg|phone_case|1.7|-|J-JuicysS Couture Phone Case for iPhone 15 14 Glitter Rhinestone|sold=4100
M|bulk|clothing|4.1-5|500 set|Juicy Couture Tracksuit Velour Women Set Factory Bulk Wholesale|n=no replica word, ~3-4% of retail
X|rep|bag|7.9|-|Juicy Couture Velour Tote Bag AAA Quality Crown Logo Pink|sold=120
A|repml|clothing|7-9|50 set|Conjunto Juicy Couture Velour Calidad Espejo Mujer Réplica|n=Spanish replica vocabulary
M|insp|bag|3.1-4.2|100 piece|Juicy-style Velour Bag With Rhinestone Juicy Letters Crown Logo|n=style copy carrying the lettering
""",
}

# ---------------------------------------------------------------- legit templates
AUTH_T = ["{B} {P} in {color}", "{B} {P}, {color}", "{B} {P} - {color}"]
PRE_T = [
    "Pre-owned {B} {P} {color}, authenticated",
    "Used Authentic {BU} {P} {color} Rank {rank} from Japan",
    "Second Hand Genuine {B} {P}, {cond}",
    "Pre-loved {B} {P} authentic with receipt, {cond}",
]
COND = ["light wear", "good condition", "excellent condition", "minor scuffs", "corner wear", "very good condition"]
RANK = ["A", "AB", "B", "SA"]

FITS = {
    "gucci": [("bag", "Gucci Marmont Small"), ("bag", "Gucci Ophidia Tote"), ("bag", "Gucci Jackie 1961"),
              ("shoes", "Gucci Ace"), ("sunglasses", "Gucci GG0061S"), ("belt", "Gucci Marmont")],
    "saint-laurent": [("bag", "YSL Sunset Medium"), ("bag", "Saint Laurent Icare Tote"), ("bag", "YSL Le 5 a 7"),
                      ("perfume", "YSL Black Opium"), ("shoes", "Saint Laurent Tribute")],
    "bottega-veneta": [("bag", "Bottega Veneta Cassette"), ("bag", "Bottega Veneta Arco 33"), ("bag", "Bottega Veneta Andiamo"),
                       ("shoes", "Bottega Veneta Puddle Boots"), ("wallet", "Bottega Veneta Cassette Wallet")],
    "balenciaga": [("shoes", "Balenciaga Triple S"), ("shoes", "Balenciaga Track"), ("bag", "Balenciaga Hourglass"),
                   ("bag", "Balenciaga Le Cagole"), ("shoes", "Balenciaga Speed Trainer")],
    "louis-vuitton": [("bag", "Neverfull GM"), ("bag", "Speedy 25"), ("bag", "Alma BB"), ("bag", "OnTheGo MM"),
                      ("bag", "Keepall 55"), ("wallet", "LV Victorine Wallet"), ("bag", "Noe BB")],
    "juicy-couture": [("phone_case", "Juicy Couture Crossbody"), ("bag", "Juicy Couture Velour Tote")],
}
COMPAT_T = {
    "bag": ["Purse Organizer Insert for {FIT} Felt Liner {attr}", "Bag Base Shaper Compatible with {FIT}",
            "Replacement Shoulder Strap Fits {FIT} {attr}", "Clear PVC Rain Cover for {FIT} Handbag Protector"],
    "shoes": ["Sneaker Shields for {FIT} Anti Crease Toe Box", "Replacement Insoles Fit {FIT} Comfort Cushion",
              "Cedar Shoe Trees Suitable for {FIT}"],
    "wallet": ["Card Insert Organizer for {FIT}", "Hardware Protector Film for {FIT} Anti Scratch"],
    "sunglasses": ["Replacement Lenses for {FIT} Polarized UV400", "Hard Travel Case Fits {FIT} Frames"],
    "perfume": ["Refillable Atomizer Compatible with {FIT} Bottle 8ml"],
    "belt": ["Replacement Leather Strap for {FIT} Buckle 38mm Reversible"],
    "phone_case": ["Crossbody Phone Lanyard Compatible with {FIT} Ring"],
}
COMPAT_PRICE = {"bag": (2.2, 11), "shoes": (0.9, 7), "wallet": (0.6, 4), "sunglasses": (3, 12), "perfume": (1.2, 4),
                "belt": (2.5, 8), "phone_case": (0.6, 2.5)}

UNBR_T = {
    "bag": ["{gender} {mat} {noun} {attr} Plain No Logo", "Simple {mat} {noun} for {gender} OEM Custom {attr}"],
    "wallet": ["{gender} {mat} {noun} {attr} Minimalist Plain", "Slim {mat} {noun} RFID Blocking {attr}"],
    "belt": ["{gender} {mat} Belt Pin Buckle {attr} Plain", "Casual {mat} Belt Alloy Buckle {attr}"],
    "shoes": ["{gender} Casual {noun} Breathable Mesh {attr}", "Platform {noun} {gender} Thick Sole {attr} OEM"],
    "sunglasses": ["Retro {noun} {gender} {attr} Cat Eye", "Polarized {noun} Driving {attr} Unisex"],
    "scarf": ["{gender} Cashmere Feel {noun} Plaid {attr}", "Printed Satin {noun} Neck Tie {attr}"],
    "clothing": ["Blank {noun} {gender} 100% Cotton {attr}", "{gender} Fleece {noun} Basic Solid {attr}"],
    "hat": ["Plain {noun} Washed Cotton {attr}", "Blank {noun} Custom Embroidery {attr}"],
    "perfume": ["Long Lasting Floral {noun} for {gender} {attr}", "Private Label {noun} OEM Fragrance {attr}"],
    "phone_case": ["Cute Glitter {noun} for {attr} Shockproof", "Silicone {noun} {attr} Candy Color"],
}
MATS = ["PU Leather", "Canvas", "Genuine Leather", "Nylon", "Vegan Leather", "Cowhide", "Faux Leather"]
UNBR_PRICE = {"bag": (2.5, 14), "wallet": (0.9, 5), "belt": (0.9, 4), "shoes": (5, 14), "sunglasses": (0.8, 3.5),
              "scarf": (1, 4), "clothing": (3, 9), "hat": (0.8, 2.6), "perfume": (1, 5), "phone_case": (0.4, 2.2)}

BENIGN_T = {
    "bag": [("Handbag with Detachable Mirror {mat} {noun} {attr}", "'mirror' is an included accessory"),
            ("AAA Grade {mat} {noun} Private Label No Logo", "'AAA grade' = leather grade, no brand")],
    "sunglasses": [("Mirror Lens {noun} Polarized {attr} Sports", "'mirror' = mirrored lens, unbranded")],
    "shoes": [("Top Quality {mat} {noun} Plain Factory Original {attr}", "'top quality'/'original' without brand")],
    "clothing": [("Original Design {noun} Blank {attr} Top Quality Cotton", "'original design' without brand")],
    "wallet": [("{noun} with Makeup Mirror {mat} {attr}", "'mirror' is a feature"),
               ("AAA Grade Cowhide {noun} {attr} No Logo", "'AAA grade' = leather grade")],
    "belt": [("Top Quality Full Grain {mat} Belt {attr} No Logo", "'top quality' describes plain leather")],
    "perfume": [("Original Factory Empty {noun} Bottle {attr} Spray", "'original factory' = bottle maker")],
    "scarf": [("Mirror Sequin {noun} Party {attr}", "'mirror' = sequin finish")],
    "hat": [("Mirror Reflective {noun} Night Safety {attr}", "'mirror' = reflective fabric")],
    "phone_case": [("Mirror {noun} with Makeup Mirror Back {attr}", "'mirror' = makeup mirror")],
}

# ---------------------------------------------------------------- Apple (electronics need their own phrasing)
APPLE_FEAT = {
    "earbuds": ["ANC", "H2 Chip", "Spatial Audio", "GPS Rename", "Pop-up Window", "USB-C", "Wireless Charging", "Transparency Mode"],
    "watch": ["GPS", "Bluetooth Call", "AMOLED", "Titanium", "NFC", "Always On"],
    "charger": ["PD Fast Charging", "USB C", "EU US Plug", "With Box"],
    "phone_case": ["MagSafe", "Shockproof", "Clear"],
}
APPLE_C = {
    "airfake": [("earbuds", "Air Pods Pro 2 TWS {feat} Wireless Earphones with Logo"),
                ("earbuds", "AirPods Pro 2nd Gen {feat} Serial Number Can Check Original Packing"),
                ("earbuds", "Airpods 4 ANC {feat} Bluetooth Headset Original Box"),
                ("earbuds", "For AirPods Pro 2 USB-C Earbuds {feat} Same as Original")],
    "open": [("watch", "Apple Watch Series 10 46mm Smart Watch {feat}"),
             ("earbuds", "Apple AirPods 4 Wireless Earbuds {feat} Low Price"),
             ("charger", "Apple 35W Dual USB-C Port Power Adapter iPhone {feat}")],
    "rep": [("earbuds", "AAA Quality AirPods Max Headphones {feat}"),
            ("watch", "Apple Watch Ultra 2 Mirror Quality 1:1 49mm {feat}"),
            ("charger", "1:1 Original Apple MagSafe Charger 15W {feat}")],
    "repml": [("earbuds", "Fone AirPods Pro 2 Primeira Linha {feat}"),
              ("earbuds", "华强北 AirPods Pro 2 高仿 {feat}"),
              ("watch", "Reloj Apple Watch Series 9 Réplica AAA {feat}")],
    "disg": [("earbuds", "AirPod Pro2 i-Pods {feat} with Aple Logo"),
             ("watch", "i Watch Series 10 Ultra {feat} A-pple Logo Boot"),
             ("charger", "Appie 20W USB-C Charger {feat} White")],
    "bulk": [("charger", "Apple Lightning Cable 1m Original {feat} Factory Supply"),
             ("earbuds", "Apple AirPods Pro 2 Wholesale {feat} Distributor Price"),
             ("charger", "Apple 20W Adapter White {feat} Bulk Order")],
}
APPLE_L = {
    "compat": [("earbuds", "Case for AirPods Pro 2 {attr} Protective Cover"),
               ("earbuds", "Ear Tips Replacement for AirPods Pro Memory Foam S/M/L {attr}"),
               ("watch", "Strap for Apple Watch {size} {attr} Band"),
               ("watch", "Charging Dock Stand for Apple Watch {attr}"),
               ("phone_case", "Case for iPhone {iph} {attr}"),
               ("charger", "USB C Charger for iPhone {iph} {attr} Wall Plug"),
               ("charger", "Car Charger 38W for iPhone {iph} PD Fast")],
    "pre": [("watch", "Apple Watch Series 9 {size} Used Genuine, {cond}"),
            ("earbuds", "AirPods Pro 2nd gen pre-owned genuine, {cond}")],
    "genapple": [("charger", "Apple 20W USB-C Power Adapter Genuine", 19),
                 ("charger", "Apple MagSafe Charger (1 m) Genuine", 39),
                 ("earbuds", "Apple AirPods 4 with Active Noise Cancellation", 179),
                 ("phone_case", "Apple iPhone 16 Clear Case with MagSafe", 49),
                 ("charger", "Apple 240W USB-C Charge Cable (2 m)", 29)],
    "unbr": [("earbuds", "Wireless Earbuds Bluetooth 5.4 {attr} Touch Control"),
             ("watch", "Kids Smart Watch 4G GPS Video Call {attr}"),
             ("charger", "65W GaN Charger 3 Port USB C Fast {attr}")],
    "benign": [("charger", "AAA Alkaline Batteries 1.5V 24 Pack {attr}", "'AAA' = battery size"),
               ("phone_case", "Mirror Screen Protector for iPhone {iph} Tempered Glass", "'mirror' = mirror-finish protector")],
}
APPLE_ATTR = ["Black", "White", "Clear", "Pink", "Midnight", "Starlight", "Silicone", "Leather"]
APPLE_SIZES = ["41mm 45mm", "44mm 45mm 49mm", "40mm", "42mm 46mm", "49mm"]
IPHONES = ["15 Pro Max", "16 Pro", "14 13 12", "15", "16 Plus", "13 Mini"]
APPLE_SELLERS = ["Apple Official Store", "Apple Store", "Best Buy", "Apple"]

APPLE_DISG = ["Air Pods", "Aple", "A-pple", "i-Pods", "Appie", "i Watch", "AirPod Pro2"]
IMP_SELLERS = {
    "gucci": ["Gucci Flagship Outlet Store", "GG Official Luxury Store"],
    "saint-laurent": ["YSL Official Boutique Store", "Saint Laurent Outlet Official"],
    "bottega-veneta": ["BV Official Outlet Store", "Bottega Official Flagship"],
    "balenciaga": ["Balenciaga Paris Official Shop", "BB Official Sneaker Store"],
    "louis-vuitton": ["LV Official Flagship Store", "Louis Vuitton Outlet Store"],
    "apple": ["Apple Official Flagship Shop", "Apple Authorized Outlet Store"],
    "juicy-couture": ["Juicy Couture Official Outlet", "Juicy Official Flagship"],
}
CF_CYCLE = ["disg", "rep", "mono", "repml", "open", "bulk", "insp", "disg", "rep", "mono", "bulk", "repml", "open",
            "insp", "disg", "imp"]
CF_CYCLE_APPLE = ["airfake", "disg", "rep", "open", "bulk", "repml", "airfake", "disg", "rep", "bulk", "airfake"]
LG_CYCLE = ["compat", "unbr", "pre", "auth", "benign", "compat", "unbr", "pre", "auth", "compat"]
LG_CYCLE_APPLE = ["compat", "genapple", "unbr", "compat", "pre", "benign", "compat", "genapple"]
EXTRA_LEGIT = {"gucci", "louis-vuitton", "apple"}

# Genuine product names for authorized / pre-owned rows: (category, product)
GENUINE = {
    "gucci": [("bag", "GG Marmont Mini Top Handle Bag"), ("bag", "Horsebit 1955 Shoulder Bag"), ("bag", "Jackie 1961 Small Hobo"),
              ("wallet", "Marmont Zip Around Wallet"), ("belt", "Leather Belt with Double G Buckle"), ("shoes", "Princetown Leather Slipper"),
              ("shoes", "Ace Embroidered Sneaker"), ("scarf", "GG Wool Jacquard Scarf")],
    "saint-laurent": [("bag", "Sunset Medium Chain Bag"), ("bag", "Le 5 a 7 Hobo Bag"), ("bag", "Icare Maxi Shopping Bag"),
                      ("wallet", "Cassandre Matelassé Zip Around Wallet"), ("shoes", "Tribute Platform Sandals"),
                      ("belt", "Cassandre Buckle Belt in Smooth Leather")],
    "bottega-veneta": [("bag", "Andiamo Small Intrecciato Bag"), ("bag", "Arco 33 Tote"), ("bag", "Sardine Top Handle Bag"),
                       ("wallet", "Cassette Zip Around Wallet"), ("shoes", "Tire Chelsea Boots"), ("shoes", "Puddle Ankle Boots")],
    "balenciaga": [("shoes", "Track Sneaker"), ("shoes", "Runner Sneaker"), ("shoes", "Defender Sneaker"),
                   ("bag", "Hourglass Small Handbag"), ("clothing", "BB Corp Medium Fit Hoodie"), ("hat", "Logo Embroidered Cap")],
    "louis-vuitton": [("bag", "Neverfull MM"), ("bag", "Speedy Bandoulière 30"), ("bag", "Alma BB"), ("bag", "Keepall 45"),
                      ("bag", "Pochette Métis"), ("wallet", "Victorine Wallet"), ("belt", "LV Initiales 40mm Reversible Belt")],
    "juicy-couture": [("clothing", "Velour Zip Hoodie"), ("clothing", "Del Ray Velour Pant"), ("bag", "Quilted Crossbody Bag"),
                      ("bag", "Velour Tote")],
}
COLORS = ["Black", "Beige", "Tan", "Ebony", "White", "Dark Brown", "Nero", "Cream", "Pink"]
