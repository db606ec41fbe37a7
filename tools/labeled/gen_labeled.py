#!/usr/bin/env python3
"""Generate the labeled evaluation listings for the counterfeit scorer.

    python3 tools/labeled/gen_labeled.py          # writes fixtures/labeled/{listings,holdout}.jsonl + README counts
    python3 tools/labeled/validate.py             # checks them

listings.jsonl is built from rows_main.py, holdout.jsonl from rows_holdout.py (separately
written templates, spellings, replica words and sellers). Each file = hand-written rows
(the hard cases, written out in full) + template rows filling every brand to its target
with a balanced label/marketplace mix. Deterministic (fixed seeds).
"""
import json
import random
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = ROOT / "fixtures" / "labeled"
sys.path.insert(0, str(HERE))

import rows_holdout  # noqa: E402
import rows_main  # noqa: E402
import vocab as V  # noqa: E402

BR = tomllib.loads((ROOT / "crawler" / "brands.toml").read_text())["brands"]
MK = {"A": "alibaba", "X": "aliexpress", "M": "made_in_china"}
CF_KINDS = {"open", "rep", "repml", "disg", "mono", "insp", "bulk", "airfake", "imp"}
LG_KINDS = {"auth", "genapple", "pre", "compat", "unbr", "benign"}
EASY_KINDS = {"open", "rep"}  # everything else (or any Gold+TA fake) counts as a hard case
FX = {"USD": 1.0, "EUR": 0.92, "GBP": 0.79, "CNY": 7.2}
SELLER_COUNTRY = {
    "farfetch": "GB", "mytheresa": "DE", "nordstrom": "US", "net-a-porter": "GB", "ssence": "CA", "ssense": "CA",
    "gucci": "IT", "gucci official store": "IT", "saint laurent": "FR", "ysl beauty official store": "FR",
    "bottega veneta": "IT", "balenciaga": "FR", "louis vuitton": "FR", "apple": "US", "apple store": "US",
    "apple official store": "US", "best buy": "US", "juicy couture": "US", "juicy couture official store": "US",
}
KIND_TAG = {
    "open": "open brand use at implausible price",
    "rep": "replica vocabulary",
    "repml": "non-English replica vocabulary",
    "disg": "disguised brand name",
    "mono": "monogram-only copy",
    "insp": "'inspired/style' copy with logo",
    "bulk": "no replica word, bulk MOQ at a few % of retail",
    "airfake": "counterfeit AirPods at fake price",
    "imp": "seller name impersonates official store",
    "auth": "authorized seller near retail",
    "genapple": "genuine Apple product at official price",
    "pre": "pre-owned authentic",
    "compat": "compatible accessory, brand named only for fit",
    "unbr": "unbranded goods returned by the search, no brand/logo claim",
    "benign": "alarming word in a benign sense",
}
CAT_GROUP = {"bag": "bag", "wallet": "bag", "belt": "bag", "shoes": "shoe", "clothing": "apparel", "hat": "apparel",
             "scarf": "apparel", "sunglasses": "eyewear", "earbuds": "elec", "watch": "elec", "charger": "elec",
             "phone_case": "elec", "perfume": "gen", "jewelry": "gen"}
CAT_KW = {"bag": ["bag"], "wallet": ["wallet"], "belt": ["belt"], "shoes": ["shoes", "sneakers"],
          "sunglasses": ["sunglasses"], "clothing": ["hoodie", "tracksuit"], "phone_case": ["phone case", "charger"],
          "earbuds": ["airpods"], "watch": ["watch"], "charger": ["charger"], "hat": ["hoodie", "sneakers"]}


def rp(x):
    return float(round(x)) if x >= 100 else round(x, 2)


class Builder:
    def __init__(self, R, seed, target, used_ids, used_titles, other_tokens=None):
        self.R = R
        self.rng = random.Random(seed)
        self.target = target
        self.used_ids = used_ids
        self.used_titles = used_titles
        self.other_tokens = other_tokens or []
        self.rows = []
        self.meta = []  # (kind, hard) per row
        self.mcount = Counter()

    # ------------------------------------------------------------ helpers
    def retail(self, brand, cat):
        return BR[brand]["reference_prices"].get(cat)

    def keyword(self, brand, cat):
        kws = BR[brand]["keywords"]
        cands = [k for k in kws if any(w in k for w in CAT_KW.get(cat, []))]
        return self.rng.choice(cands) if cands else (kws[0] if self.rng.random() < 0.6 else self.rng.choice(kws))

    def new_id(self, mkt):
        while True:
            r = self.rng
            if mkt == "alibaba":
                i = str(r.randint(1600000000000, 1601999999999)) if r.random() < 0.8 else str(r.randint(62000000000, 62899999999))
            elif mkt == "aliexpress":
                i = "100500" + str(r.randint(6000000000, 8999999999))
            else:
                i = "".join(r.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(12))
            if (mkt, i) not in self.used_ids:
                self.used_ids.add((mkt, i))
                return i

    @staticmethod
    def slug(title, n=12):
        words = re.sub(r"[^A-Za-z0-9]+", " ", title).split()[:n]
        return "-".join(words) or "Product"

    def pick_currency(self, mkt):
        x = self.rng.random()
        if mkt == "alibaba":
            return "CNY" if x < 0.04 else "USD"
        if mkt == "aliexpress":
            return "EUR" if x < 0.16 else "GBP" if x < 0.24 else "CNY" if x < 0.27 else "USD"
        return "CNY" if x < 0.12 else "USD"

    def raw_price(self, mkt, cur, lo, hi, unit):
        r = self.rng
        u = (unit or "piece").capitalize()

        def g(v):
            return f"{v:g}" if float(v).is_integer() else f"{v:.2f}"

        def de(v):
            return f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")

        if cur == "EUR":
            return r.choice([f"€{de(lo)}", f"{de(lo)} €"]) if lo < 1000 else f"{de(lo)} €"
        if cur == "GBP":
            return f"£{lo:,.2f}"
        if cur == "CNY":
            return f"¥ {lo:,.2f}" if lo == hi or mkt == "aliexpress" else f"¥ {lo:.2f}-{hi:.2f}"
        if mkt == "alibaba":
            if lo == hi:
                return r.choice([f"${g(lo)}", f"US ${lo:,.2f} / {u}"])
            return r.choice([f"${g(lo)}-{g(hi)}", f"US ${lo:,.2f} - {hi:,.2f} / {u}", f"${lo:,.2f}-{hi:,.2f}"])
        if mkt == "aliexpress":
            return r.choice([f"US ${lo:,.2f}", f"US ${lo:,.2f}", f"${g(lo)}"])
        return r.choice([f"US${lo:,.2f}-{hi:,.2f}", f"US$ {lo:,.2f}-{hi:,.2f} / {u}", f"US${g(lo)}-{g(hi)}"]) if lo != hi \
            else f"US${lo:,.2f}"

    def find_term(self, title, terms):
        t = title.lower()
        for term in sorted(terms, key=len, reverse=True):
            if term.lower() in t:
                return term
        return None

    # ------------------------------------------------------------ one row
    def emit(self, brand, mkt_code, kind, cat, lo, hi, moq, unit, title, opts):
        r = self.rng
        mkt = MK[mkt_code]
        title = re.sub(r"\s+", " ", title).strip()
        label = "counterfeit" if kind in CF_KINDS else "legitimate"
        retail = self.retail(brand, cat)
        gta = opts.get("gta") == "1" or (mkt == "alibaba" and label == "counterfeit" and "b" not in opts and r.random() < 0.33)

        # seller
        country = "CN"
        seller = opts.get("s")
        shop = None
        grp = CAT_GROUP.get(cat, "gen")
        if mkt == "alibaba":
            if seller is None:
                if kind == "pre":
                    seller, country = r.choice(self.R.SELLERS_PRE)
                else:
                    seller = r.choice([x for x in self.R.SELLERS_A if x[1] in (grp, "gen")])[0]
        elif mkt == "made_in_china":
            name, shop, _ = r.choice([x for x in self.R.SELLERS_M if x[2] in (grp, "gen")])
            seller = seller or name
        else:
            if seller is None and r.random() < 0.06 and kind not in ("pre",):
                seller = r.choice(self.R.STORES_X)
            country = "CN" if r.random() < 0.85 else None
            if kind == "pre":
                country = r.choice(["JP", "US", "GB", "HK", "IT"])
        if seller and seller.lower() in SELLER_COUNTRY:
            country = SELLER_COUNTRY[seller.lower()]
        country = opts.get("c", country)

        # badges
        if "b" in opts:
            badges = [b for b in opts["b"].split(",") if b]
        elif mkt == "alibaba":
            badges = []
            if gta or r.random() < 0.55:
                badges.append("gold_supplier")
            if r.random() < 0.35:
                badges.append("verified_supplier")
            if gta or r.random() < 0.5:
                badges.append("trade_assurance")
            if r.random() < 0.06:
                badges.append("local_stock")
        elif mkt == "aliexpress":
            badges = []
            if kind in ("auth", "genapple", "pre"):
                pass
            elif kind in ("compat", "unbr", "benign") and r.random() < 0.35 or r.random() < 0.08:
                badges.append("choice")
            if r.random() < 0.15:
                badges.append("top_selling")
        else:
            badges = []
            x = r.random()
            if x < 0.45:
                badges.append("gold_member")
            elif x < 0.7:
                badges.append("diamond_member")
            if r.random() < 0.45:
                badges.append("audited_supplier")
            if r.random() < 0.3:
                badges.append("secured_trading")
        if gta:
            for b in ("gold_supplier", "trade_assurance"):
                if b not in badges:
                    badges.append(b)
        years = None
        if mkt == "alibaba" and "gold_supplier" in badges:
            years = int(opts["y"]) if "y" in opts else r.choice([1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 9, 11, 13, 15])

        if "sold" in opts:
            sold = int(opts["sold"])
        elif mkt == "aliexpress":
            sold = None if r.random() < 0.15 else int(r.choice([r.randint(1, 60), r.randint(60, 900), r.randint(900, 12000)]))
            if sold and sold > 1000 and r.random() < 0.5:
                sold = sold // 1000 * 1000  # "10,000+ sold"
        elif mkt == "alibaba":
            sold = r.randint(3, 4000) if r.random() < 0.3 else None
        else:
            sold = None

        brand_field = r.choice(V.ODD_BRAND[brand]).strip() if r.random() < 0.15 else brand
        # one deliberate trailing-space brand value is fine for a crawler, but keep the data clean
        kw = opts.get("kw") or self.keyword(brand, cat)

        lid = self.new_id(mkt)
        if mkt == "alibaba":
            url = f"https://www.alibaba.com/product-detail/{self.slug(title)}_{lid}.html"
        elif mkt == "aliexpress":
            url = f"https://www.aliexpress.com/item/{lid}.html"
        else:
            url = f"https://{shop}.en.made-in-china.com/product/{lid}/China-{self.slug(title, 10)}.html"

        row = {"marketplace": mkt, "listing_id": lid, "url": url, "title": title, "brand": brand_field, "keyword": kw}
        cur = opts.get("ccy") or self.pick_currency(mkt)
        clo, chi = rp(lo * FX[cur]), rp(hi * FX[cur])
        if opts.get("raw") == "1" or ("raw" not in opts and r.random() < 0.18):
            row["price"] = self.raw_price(mkt, cur, clo, chi, unit)
        else:
            row.update(price_min=clo, price_max=chi, currency=cur)
        row.update(moq=moq, moq_unit=unit if moq is not None else None, seller_name=seller, seller_country=country,
                   seller_years=years, badges=badges, sold_count=sold, label=label)

        # why
        why = KIND_TAG[kind]
        term = None
        if kind in ("rep", "repml"):
            term = self.find_term(title, V.REPLICA_TERMS)
        elif kind == "disg":
            term = self.find_term(title, self.R.DISG.get(brand, []) + self.R.APPLE_DISG)
        elif kind == "mono":
            term = self.find_term(title, self.R.MONO.get(brand, []))
        elif kind == "insp":
            term = self.find_term(title, ["inspired", "style", "dupe", "look alike", "lookalike", "type"])
        if term:
            why += f" ('{term}')"
        if retail:
            pct = hi / retail * 100
            ps = f"{pct:.1f}" if pct < 1 else f"{pct:.0f}"
            if label == "counterfeit" or kind in ("auth", "pre", "genapple"):
                why += f"; ${rp(hi):g} = {ps}% of ${retail} {cat.replace('_', ' ')} retail"
        if kind == "bulk" or (label == "counterfeit" and moq and moq >= 100 and kind != "bulk"):
            why += f", MOQ {moq}"
        if kind == "auth" or kind == "genapple":
            why += f"; sold by {seller}"
        if gta and label == "counterfeit":
            why += "; Gold Supplier + Trade Assurance badges don't prove authenticity"
        if opts.get("n"):
            why += f"; {opts['n']}"
        row["why"] = why
        self.rows.append(row)
        hard = kind not in EASY_KINDS or gta or kind == "rep" and not re.fullmatch(r"[\x00-\x7f]*", title)
        self.meta.append((brand, kind, bool(hard)))
        self.mcount[(brand, mkt_code)] += 1
        self.used_titles.add(title.lower())

    # ------------------------------------------------------------ hand rows
    def hand(self, brand, text):
        for line in text.strip().splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split("|")
            mkt, kind, cat, price, moq, title = parts[:6]
            opts, last = {}, None
            for o in ";".join(parts[6:]).split(";"):
                if "=" in o and re.fullmatch(r"[a-z]+", o.split("=", 1)[0]):
                    last, v = o.split("=", 1)
                    opts[last] = v
                elif o and last:
                    opts[last] += ";" + o
            if price.startswith("r"):
                a, _, b = price[1:].partition("-")
                ret = self.retail(brand, cat)
                lo, hi = float(a) * ret, float(b or a) * ret
            else:
                a, _, b = price.partition("-")
                lo, hi = float(a), float(b or a)
            if moq == "-":
                q, unit = None, None
            else:
                q, unit = moq.split()
                q = int(q)
            assert kind in CF_KINDS | LG_KINDS, line
            assert title.lower() not in self.used_titles, f"duplicate title: {title}"
            self.emit(brand, mkt, kind, cat, rp(lo), rp(hi), q, unit, title, opts)

    # ------------------------------------------------------------ template rows
    def fill_title(self, tpl, s):
        out = tpl
        for k, v in s.items():
            out = out.replace("{" + k + "}", v)
        out = re.sub(r"\s+", " ", out).strip()
        return re.sub(r"\b(\w{3,}) \1\b", r"\1", out)

    def slots(self, brand, cat):
        r, R = self.rng, self.R
        models = V.MODELS.get(brand, {}).get(cat) or [""]
        b = r.choice(V.OPEN_NAMES[brand])
        s = {
            "B": b, "BU": b.upper(), "model": r.choice(models), "noun": r.choice(V.NOUNS.get(cat, ["Item"])),
            "attr": r.choice(V.ATTRS.get(cat, [""])), "gender": r.choice(V.GENDER.get(cat, V.GENDER["default"])),
            "yr": r.choice(R.YEARS), "W": r.choice(R.W_EN), "D": r.choice(R.DISG.get(brand, [b])),
            "M": r.choice(R.MONO.get(brand, [b])), "mat": r.choice(R.MATS), "cond": r.choice(R.COND),
            "rank": r.choice(R.RANK),
        }
        for lang, nouns in V.LANG_NOUN.items():
            s[lang] = nouns.get(cat, "")
        return s

    def apple_slots(self, cat):
        r, R = self.rng, self.R
        return {"feat": r.choice(R.APPLE_FEAT.get(cat, [""])), "attr": r.choice(R.APPLE_ATTR),
                "size": r.choice(R.APPLE_SIZES), "iph": r.choice(R.IPHONES), "cond": r.choice(R.COND)}

    def fake_price(self, brand, cat, mkt, kind):
        r = self.rng
        ret = self.retail(brand, cat)
        if kind == "bulk":
            lo = max(0.45, ret * r.uniform(0.006, 0.04))
            if cat in ("earbuds", "watch"):
                lo = r.uniform(8.5, 15)
            return rp(lo), rp(lo * r.uniform(1.1, 1.45)), r.choice([100, 200, 300, 500, 500, 1000, 2000])
        a, b = V.FAKE_PRICE[cat]
        lo = r.uniform(a, b)
        lo = min(lo, ret * 0.1)
        hi = lo if mkt == "X" else min(lo * r.uniform(1.08, 1.5), max(lo, ret * 0.15))
        moq = None if mkt == "X" else r.choice([1, 2, 2, 3, 5, 10, 20, 30] if mkt == "A" else [5, 10, 20, 50, 100, 200])
        return rp(lo), rp(hi), moq

    def gen_one(self, brand, kind, mkt):
        r, R = self.rng, self.R
        opts = {}
        def unit_of(c, q):
            return (V.UNITS.get(c, "piece") if c != "clothing" or r.random() < 0.5 else "set") if q else None
        if brand == "apple":
            if kind in CF_KINDS:
                k = kind if kind in R.APPLE_C else "airfake"
                cat, tpl = r.choice(R.APPLE_C[k])
                title = self.fill_title(tpl, self.apple_slots(cat))
                if kind == "bulk":
                    lo, hi, moq = self.fake_price(brand, cat, mkt, "bulk")
                else:
                    a, b = V.FAKE_PRICE[cat]
                    lo = r.uniform(a, b)
                    hi = lo if mkt == "X" else lo * r.uniform(1.08, 1.35)
                    moq = None if mkt == "X" else r.choice([1, 2, 5, 10, 20, 50])
                    lo, hi = rp(lo), rp(hi)
                return cat, lo, hi, moq, unit_of(cat, moq), title, opts, kind
            if kind == "auth":
                kind = "genapple"
            if kind == "genapple":
                cat, title, price = r.choice(R.APPLE_L["genapple"])
                opts["s"] = r.choice(R.APPLE_SELLERS)
                return cat, price, price, None, None, title, opts, kind
            ent = r.choice(R.APPLE_L.get(kind) or R.APPLE_L["compat"])
            cat, tpl = ent[0], ent[1]
            if kind == "benign":
                opts["n"] = ent[2]
            title = self.fill_title(tpl, self.apple_slots(cat))
            if kind == "pre":
                ret = self.retail(brand, cat)
                lo = rp(ret * r.uniform(0.4, 0.68))
                return cat, lo, lo, (1 if mkt == "A" else None), ("piece" if mkt == "A" else None), title, opts, kind
            lo = r.uniform(0.35, 4.5) if kind != "unbr" else r.uniform(3, 14)
            return self.legit_cheap(cat, lo, mkt, title, opts) + (kind,)

        if kind == "mono" and brand not in R.MONO:
            kind = "disg"
        if kind in CF_KINDS:
            cat = r.choice(V.CATS[brand])
            if kind == "insp" and cat in ("hat",):
                cat = "shoes"
            s = self.slots(brand, cat)
            if kind == "repml":
                lang, tpl = r.choice(R.REPML)
                if not s.get(lang):
                    lang, tpl = R.REPML[0]
            elif kind == "imp":
                tpl = r.choice(R.T["open"])
                opts["s"] = r.choice(R.IMP_SELLERS[brand])
                opts["n"] = "seller name mimics an official store"
                mkt = "X"
            else:
                tpl = r.choice(R.T[kind])
            title = self.fill_title(tpl, s)
            lo, hi, moq = self.fake_price(brand, cat, mkt, kind)
            return cat, lo, hi, moq, unit_of(cat, moq), title, opts, kind

        if kind == "auth":
            cat, prod = r.choice(R.GENUINE[brand])
            s = self.slots(brand, cat)
            s.update(P=prod, color=r.choice(R.COLORS))
            title = self.fill_title(r.choice(R.AUTH_T), s)
            opts["s"] = r.choice(BR[brand]["authorized_sellers"])
            p = rp(self.retail(brand, cat) * r.uniform(0.88, 1.08))
            return cat, p, p, None, None, title, opts, kind
        if kind == "pre":
            cat, prod = r.choice(R.GENUINE[brand])
            s = self.slots(brand, cat)
            s.update(P=prod, color=r.choice(R.COLORS))
            title = self.fill_title(r.choice(R.PRE_T), s)
            ret = self.retail(brand, cat)
            lo = rp(ret * r.uniform(0.4, 0.7))
            hi = lo if mkt == "X" else rp(min(ret * 0.7, lo * r.uniform(1.0, 1.06)))
            return cat, lo, hi, (1 if mkt != "X" else None), ("piece" if mkt != "X" else None), title, opts, kind
        if kind == "compat":
            cat, fit = r.choice(R.FITS[brand])
            tpl = r.choice(R.COMPAT_T[cat])
            s = self.slots(brand, cat)
            s["FIT"] = fit
            title = self.fill_title(tpl, s)
            a, b = R.COMPAT_PRICE[cat]
            return self.legit_cheap(cat, r.uniform(a, b), mkt, title, opts) + (kind,)
        if kind == "unbr":
            cat = r.choice([c for c in V.CATS[brand] if c in R.UNBR_T])
            s = self.slots(brand, cat)
            title = self.fill_title(r.choice(R.UNBR_T[cat]), s)
            a, b = R.UNBR_PRICE[cat]
            return self.legit_cheap(cat, r.uniform(a, b), mkt, title, opts) + (kind,)
        if kind == "benign":
            cat = r.choice([c for c in V.CATS[brand] if c in R.BENIGN_T])
            tpl, note = r.choice(R.BENIGN_T[cat])
            s = self.slots(brand, cat)
            title = self.fill_title(tpl, s)
            opts["n"] = note
            a, b = R.UNBR_PRICE.get(cat, (1, 6))
            return self.legit_cheap(cat, r.uniform(a, b), mkt, title, opts) + (kind,)
        raise ValueError(kind)

    def legit_cheap(self, cat, lo, mkt, title, opts):
        r = self.rng
        if mkt == "X":
            return cat, rp(lo), rp(lo), None, None, title, opts
        hi = lo * r.uniform(1.15, 1.8)
        moq = r.choice([10, 50, 100, 200, 300, 500, 1000]) if mkt == "A" else r.choice([100, 200, 500, 1000, 2000])
        return cat, rp(lo), rp(hi), moq, V.UNITS.get(cat, "piece") if cat != "clothing" else "piece", title, opts

    def allowed_mkts(self, kind):
        return {"auth": "X", "genapple": "X", "imp": "X", "pre": "AX", "bulk": "AM"}.get(kind, "AXM")

    def near_dup(self, title):
        toks = set(re.findall(r"\w+", title.lower()))
        for other in self.other_tokens:
            inter = len(toks & other)
            if inter and inter / len(toks | other) >= 0.7:
                return True
        return False

    def fill(self, brand, n_target):
        r = self.rng
        have = [m for m in self.meta if m[0] == brand]
        n_cf = sum(1 for m in have if m[1] in CF_KINDS)
        n_lg = len(have) - n_cf
        need_lg = n_target // 2 + (n_target % 2 if brand in self.R.EXTRA_LEGIT else 0) - n_lg
        need_cf = n_target - len(have) - need_lg
        cf_cycle = list(self.R.CF_CYCLE_APPLE if brand == "apple" else self.R.CF_CYCLE)
        lg_cycle = list(self.R.LG_CYCLE_APPLE if brand == "apple" else self.R.LG_CYCLE)
        r.shuffle(cf_cycle)
        r.shuffle(lg_cycle)
        todo = [cf_cycle[i % len(cf_cycle)] for i in range(max(0, need_cf))] + \
               [lg_cycle[i % len(lg_cycle)] for i in range(max(0, need_lg))]
        for kind in todo:
            allowed = self.allowed_mkts(kind)
            tot = Counter()
            for (_b, m), c in self.mcount.items():
                tot[m] += c
            mkt = min(allowed, key=lambda m: (self.mcount[(brand, m)], tot[m], r.random()))
            for _ in range(60):
                cat, lo, hi, moq, unit, title, opts, eff = self.gen_one(brand, kind, mkt)
                if title.lower() not in self.used_titles and not self.near_dup(title):
                    break
            else:
                raise RuntimeError(f"could not make a fresh title for {brand}/{kind}")
            m = "X" if eff in ("imp", "auth", "genapple") else mkt
            self.emit(brand, m, eff, cat, lo, hi, moq, unit, title, opts)

    def build(self):
        for brand, text in self.R.HAND.items():
            self.hand(brand, text)
        for brand in BR:
            self.fill(brand, self.target)
        order = list(range(len(self.rows)))
        self.rng.shuffle(order)
        self.rows = [self.rows[i] for i in order]
        self.meta = [self.meta[i] for i in order]
        return self


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def table(b):
    out = []
    lab = Counter(r["label"] for r in b.rows)
    mk = Counter(r["marketplace"] for r in b.rows)
    out.append(f"- rows: {len(b.rows)} (counterfeit {lab['counterfeit']}, legitimate {lab['legitimate']})")
    out.append("- marketplaces: " + ", ".join(f"{k} {v}" for k, v in sorted(mk.items())))
    out.append(f"- hard cases: {sum(1 for m in b.meta if m[2])} ({sum(1 for m in b.meta if m[2]) / len(b.meta):.0%})")
    out.append("- raw `price` string rows: " + str(sum(1 for r in b.rows if "price" in r)))
    out.append("")
    out.append("| brand | alibaba | aliexpress | made_in_china | counterfeit | legitimate | total |")
    out.append("|---|---|---|---|---|---|---|")
    for brand in BR:
        idx = [i for i, m in enumerate(b.meta) if m[0] == brand]
        c = Counter(b.rows[i]["marketplace"] for i in idx)
        labels = Counter(b.rows[i]["label"] for i in idx)
        out.append(f"| {brand} | {c['alibaba']} | {c['aliexpress']} | {c['made_in_china']} | {labels['counterfeit']} | {labels['legitimate']} | {len(idx)} |")
    out.append("")
    kinds = Counter(m[1] for m in b.meta)
    out.append("Rows per case kind: " + ", ".join(f"{k} {kinds[k]}" for k in KIND_TAG if kinds[k]) + ".")
    return "\n".join(out)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    used_ids, used_titles = set(), set()
    main_b = Builder(rows_main, rows_main.SEED, 49, used_ids, used_titles).build()
    toks = [set(re.findall(r"\w+", r["title"].lower())) for r in main_b.rows]
    hold_b = Builder(rows_holdout, rows_holdout.SEED, 20, used_ids, used_titles, other_tokens=toks).build()
    write(OUT / "listings.jsonl", main_b.rows)
    write(OUT / "holdout.jsonl", hold_b.rows)
    readme = (HERE / "README.template.md").read_text()
    readme = readme.replace("{{MAIN_COUNTS}}", table(main_b)).replace("{{HOLD_COUNTS}}", table(hold_b))
    (OUT / "README.md").write_text(readme)
    print(table(main_b))
    print()
    print(table(hold_b))


if __name__ == "__main__":
    main()
