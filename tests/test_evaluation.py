"""`crawler evaluate`'s figures: precision and recall, rule firings, calibration by score."""

import json

import pytest

from crawler import watchlist
from crawler.cli import LABELED
from crawler.evaluation import evaluate
from tests.conftest import ROOT

WATCHLIST = watchlist.load()
ROWS = [
    {"title": "Wholesale Gucci bag AAA replica", "brand": "gucci", "price_min": 5,
     "price_max": 5, "moq": 2000, "label": "counterfeit"},
    {"title": "Gucci Marmont bag", "brand": "gucci", "price_min": 2400, "price_max": 2400,
     "seller_name": "Nordstrom", "label": "legitimate"},
    {"title": "Women canvas tote bag", "brand": "gucci", "price_min": 3, "price_max": 3,
     "label": "counterfeit"},  # a miss: nothing claims the brand
    {"title": "Saint Laurent belt", "brand": "yves-saint-laurent", "price_min": 9,
     "price_max": 9, "label": "legitimate"},  # a false alarm; a brand by its name's slug
]


@pytest.fixture
def result(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(map(json.dumps, ROWS)) + "\n")
    return evaluate(path, WATCHLIST)


def test_precision_recall_and_misses(result):
    assert (result.precision, result.recall) == (0.5, 0.5)
    assert [m["title"] for m in result.misses] == ["Women canvas tote bag", "Saint Laurent belt"]
    assert "precision 0.500  recall 0.500  F1 0.500" in result.report("set")


def test_rule_firings_and_their_precision(result):
    assert result.rule_precision("replica_vocabulary") == 1.0
    assert result.rule_precision("authorized_seller") == 0.0
    assert result.rule_precision("no_brand_claim") == 1.0  # the miss
    assert result.rule_precision("price_far_below_retail") == 0.5
    assert result.rule_precision("similar_to_judged_counterfeit") is None
    table = result.rules_report().splitlines()
    assert table[0].split() == ["rule", "points", "fired", "counterfeit"]
    assert "replica_vocabulary +40 1 1.00" in [" ".join(line.split()) for line in table]


def test_calibration_table_counts_listings_per_score_band(result):
    rows = {line.split()[0]: line.split()[1:] for line in
            result.calibration_report().splitlines()[1:]}
    assert rows["100"] == ["1", "1.00"] and rows["0"] == ["2", "0.50"]
    assert rows["40-59"] == ["1", "0.00"] and rows["60-79"] == ["0", "-"]
    assert sum(int(listings) for listings, _ in rows.values()) == len(ROWS)


@pytest.mark.parametrize("name", LABELED)
def test_every_labeled_set_scores_precision_and_recall_of_at_least_95(name):
    result = evaluate(ROOT / name, WATCHLIST)
    assert result.precision >= 0.95 and result.recall >= 0.95, result.misses
