"""The fixture data is sound: pages agree with their ground truth, labeled sets are valid."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from crawler import watchlist
from crawler.cli import LABELED
from crawler.marketplaces import MARKETPLACES
from crawler.parsing import BADGES
from tools.fixtures import check

ROOT = Path(__file__).resolve().parents[1]
LABELED_DIR = ROOT / "fixtures" / "labeled"
SETS = sorted(path.name for path in LABELED_DIR.glob("*.jsonl"))
WATCHLIST = watchlist.load()
LABELS = ("counterfeit", "legitimate")
REQUIRED = ("marketplace", "listing_id", "title", "brand", "keyword", "moq", "moq_unit",
            "seller_name", "seller_country", "seller_years", "badges", "sold_count", "label")
PRICE = ("price_min", "price_max", "currency")
URL = {
    "alibaba": r"https://www\.alibaba\.com/product-detail/\S+_\d+\.html",
    "aliexpress": r"https://www\.aliexpress\.com/item/\d+\.html",
    "made_in_china": r"https://[a-z0-9]+\.en\.made-in-china\.com/product/\w+/China-\S+\.html",
}


def rows(name: str) -> list[dict]:
    """The rows of a labeled file; a line that is not JSON fails the test, naming the line."""
    data = []
    for number, line in enumerate((LABELED_DIR / name).read_text(encoding="utf-8").splitlines(), 1):
        try:
            data.append(json.loads(line))
        except json.JSONDecodeError as error:
            pytest.fail(f"{name}:{number}: not JSON: {error}")
    return data


def row_problems(row: dict) -> list[str]:
    """What is wrong with one labeled row (nothing when it is valid)."""
    found = [f"missing {key}" for key in REQUIRED if key not in row]
    structured = all(key in row for key in PRICE)
    if structured == ("price" in row):
        found.append("needs either price_min/price_max/currency or price")
    if structured and not (isinstance(row["price_min"], int | float) and
                           row["price_min"] <= row["price_max"] and
                           re.fullmatch(r"[A-Z]{3}", row["currency"])):
        found.append("bad structured price")
    if row.get("marketplace") not in MARKETPLACES:
        found.append(f"unknown marketplace {row.get('marketplace')!r}")
    elif "url" in row and not re.fullmatch(URL[row["marketplace"]], row["url"]):
        found.append(f"url not in the marketplace's shape: {row['url']}")
    if row.get("label") not in LABELS:
        found.append(f"label {row.get('label')!r}")
    try:
        WATCHLIST.find(str(row.get("brand")))
    except watchlist.WatchlistError:
        found.append(f"unknown brand {row.get('brand')!r}")
    if not isinstance(row.get("listing_id"), str) or not row.get("title"):
        found.append("listing_id must be a string, title non-empty")
    for key in ("moq", "seller_years", "sold_count"):
        if row.get(key) is not None and type(row[key]) is not int:
            found.append(f"{key} must be an int or null")
    if not isinstance(row.get("badges"), list) or set(row["badges"]) - set(BADGES.values()):
        found.append(f"badges outside the vocabulary: {row.get('badges')}")
    if "why" in row and not row["why"]:
        found.append("empty why")
    return found


def test_every_labeled_file_is_evaluated():
    assert sorted(Path(path).name for path in LABELED) == SETS


@pytest.mark.parametrize("name", SETS)
def test_every_labeled_row_is_valid(name):
    problems = [f"{name}:{number}: {problem}"
                for number, row in enumerate(rows(name), 1) for problem in row_problems(row)]
    assert problems == []


@pytest.mark.parametrize("name", SETS)
def test_no_listing_or_title_twice_in_a_file(name):
    data = rows(name)
    ids = Counter((row["marketplace"], row["listing_id"]) for row in data)
    titles = Counter(row["title"].lower() for row in data)
    assert [key for key, n in ids.items() if n > 1] == []
    assert [key for key, n in titles.items() if n > 1] == []


@pytest.mark.parametrize("name", SETS)
def test_labels_are_balanced_and_every_brand_and_marketplace_is_covered(name):
    data = rows(name)
    labels = Counter(row["label"] for row in data)
    assert abs(labels["counterfeit"] - labels["legitimate"]) <= 0.1 * len(data)
    assert {WATCHLIST.find(row["brand"]).slug for row in data} == set(WATCHLIST.brands)
    assert {row["marketplace"] for row in data} == set(URL)


def words(title: str) -> set[str]:
    return set(re.findall(r"\w+", title.lower()))


def test_holdout_is_independent_of_the_main_set():
    main, holdout = rows("listings.jsonl"), rows("holdout.jsonl")
    main_ids = {(row["marketplace"], row["listing_id"]) for row in main}
    assert [row for row in holdout if (row["marketplace"], row["listing_id"]) in main_ids] == []
    main_words = [words(row["title"]) for row in main]
    near_copies = [(title, other) for title in (words(row["title"]) for row in holdout)
                   for other in main_words if len(title & other) / len(title | other) >= 0.7]
    assert near_copies == []


def test_readme_counts_match_the_files():
    readme = (LABELED_DIR / "README.md").read_text(encoding="utf-8")
    for name in SETS:
        data = rows(name)
        labels = Counter(row["label"] for row in data)
        markets = Counter(row["marketplace"] for row in data)
        counts = [len(data), labels["counterfeit"], labels["legitimate"], *(
            markets[market] for market in ("alibaba", "aliexpress", "made_in_china")),
            sum("price" in row for row in data)]
        assert f"| `{name}` | {' | '.join(map(str, counts))} |" in readme


@pytest.mark.parametrize("site", check.PARSERS)
def test_generated_pages_agree_with_their_ground_truth(site):
    assert check.problems(site) == []
