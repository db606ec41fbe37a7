#!/usr/bin/env python3
"""Validate fixtures/labeled/{listings,holdout}.jsonl. Exit 1 on any problem."""
import json
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
D = ROOT / "fixtures" / "labeled"
BR = tomllib.loads((ROOT / "crawler" / "brands.toml").read_text())["brands"]
NAME2SLUG = {b["name"].lower(): s for s, b in BR.items()} | {s: s for s in BR}
BASE = ["marketplace", "listing_id", "url", "title", "brand", "keyword", "moq", "moq_unit", "seller_name",
        "seller_country", "seller_years", "badges", "sold_count", "label", "why"]
BADGES = {"gold_supplier", "verified_supplier", "trade_assurance", "local_stock", "audited_supplier", "gold_member",
          "diamond_member", "secured_trading", "choice", "top_selling"}
URL = {"alibaba": r"https://www\.alibaba\.com/product-detail/[^\s]+_\d+\.html",
       "aliexpress": r"https://www\.aliexpress\.com/item/\d+\.html",
       "made_in_china": r"https://[a-z0-9]+\.en\.made-in-china\.com/product/\w+/China-[^\s]+\.html"}
errors = []


def err(msg):
    errors.append(msg)


def load(name, min_rows, min_brand, min_mkt):
    rows = []
    for n, line in enumerate((D / name).read_text(encoding="utf-8").splitlines(), 1):
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"{name}:{n}: bad JSON {e}")
            continue
        for k in BASE:
            if k not in r:
                err(f"{name}:{n}: missing {k}")
        has_struct = all(k in r for k in ("price_min", "price_max", "currency"))
        if has_struct == ("price" in r):
            err(f"{name}:{n}: needs exactly one of price_min/max/currency or price")
        if has_struct and not (isinstance(r["price_min"], (int, float)) and r["price_min"] <= r["price_max"]
                               and re.fullmatch(r"[A-Z]{3}", r["currency"])):
            err(f"{name}:{n}: bad structured price")
        if r.get("marketplace") not in URL or not re.fullmatch(URL.get(r.get("marketplace"), "x"), r.get("url", "")):
            err(f"{name}:{n}: bad marketplace/url {r.get('url')}")
        if r.get("label") not in ("counterfeit", "legitimate"):
            err(f"{name}:{n}: bad label")
        if r.get("brand", "").strip().lower() not in NAME2SLUG:
            err(f"{name}:{n}: unknown brand {r.get('brand')}")
        if not isinstance(r.get("listing_id"), str):
            err(f"{name}:{n}: listing_id must be a string")
        if r.get("moq") is not None and not isinstance(r["moq"], int):
            err(f"{name}:{n}: moq must be int or null")
        if set(r.get("badges", [])) - BADGES:
            err(f"{name}:{n}: unknown badge {set(r['badges']) - BADGES}")
        if not r.get("why"):
            err(f"{name}:{n}: empty why")
        rows.append(r)
    ids = Counter((r["marketplace"], r["listing_id"]) for r in rows)
    for k, v in ids.items():
        if v > 1:
            err(f"{name}: duplicate id {k}")
    titles = Counter(r["title"].lower() for r in rows)
    for k, v in titles.items():
        if v > 1:
            err(f"{name}: duplicate title {k}")
    if len(rows) < min_rows:
        err(f"{name}: {len(rows)} rows < {min_rows}")
    bc = Counter(NAME2SLUG[r["brand"].strip().lower()] for r in rows)
    mc = Counter(r["marketplace"] for r in rows)
    lc = Counter(r["label"] for r in rows)
    for b in BR:
        if bc[b] < min_brand:
            err(f"{name}: brand {b} has {bc[b]} < {min_brand}")
    for m in URL:
        if mc[m] < min_mkt:
            err(f"{name}: marketplace {m} has {mc[m]} < {min_mkt}")
    if abs(lc["counterfeit"] - lc["legitimate"]) > 0.1 * len(rows):
        err(f"{name}: labels unbalanced {lc}")
    raw = sum(1 for r in rows if "price" in r) / max(1, len(rows))
    odd = sum(1 for r in rows if r["brand"] not in BR) / max(1, len(rows))
    print(f"{name}: {len(rows)} rows, labels {dict(lc)}, marketplaces {dict(mc)}, raw price {raw:.0%}, "
          f"display-name brand {odd:.0%}")
    print("   brands:", dict(bc))
    return rows


main = load("listings.jsonl", 330, 25, 70)
hold = load("holdout.jsonl", 130, 10, 30)
ids_main = {(r["marketplace"], r["listing_id"]) for r in main}
shared = [r["listing_id"] for r in hold if (r["marketplace"], r["listing_id"]) in ids_main]
if shared:
    err(f"holdout shares ids with listings: {shared[:5]}")
def tok(t):
    return set(re.findall(r"\w+", t.lower()))
mt = [(r["title"], tok(r["title"])) for r in main]
worst = 0.0
for r in hold:
    a = tok(r["title"])
    for t, b in mt:
        j = len(a & b) / len(a | b)
        if j > worst:
            worst, pair = j, (r["title"], t)
        if j >= 0.7:
            err(f"near-copy across files: {r['title']!r} ~ {t!r} ({j:.2f})")
print(f"max title Jaccard holdout vs listings: {worst:.2f}  {pair}")
if errors:
    print("\n".join(errors[:50]))
    print(f"{len(errors)} problem(s)")
    sys.exit(1)
print("OK")
