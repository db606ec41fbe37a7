"""Pipelines, one concern each: validate, dedupe, score, store - and what they count."""

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler.items import Listing
from crawler.pipelines.dedupe import DedupePipeline
from crawler.pipelines.score import ScorePipeline
from crawler.pipelines.validate import ValidatePipeline
from crawler.spiders.brand import BrandSpider
from crawler.store import Store


def make(listing_id="1", **fields):
    base = dict(marketplace="alibaba", listing_id=listing_id, url="https://x/1",
                title="Wholesale Gucci bag", brand="gucci", keyword="gucci bag",
                price_min=2.0, price_max=5.0, currency="USD", moq=2000, moq_unit="piece")
    return Listing(**{**base, **fields})


@pytest.fixture
def crawler(tmp_path):
    c = get_crawler(BrandSpider, {"SQLITE_PATH": str(tmp_path / "p.db"), "SQLITE_BATCH_SIZE": 2})
    c.spider = c._create_spider(name="gucci", marketplace="alibaba")
    return c


@pytest.mark.parametrize("missing", ["listing_id", "title", "url"])
def test_validate_drops_and_counts_records_missing_a_required_field(crawler, missing):
    pipeline = ValidatePipeline.from_crawler(crawler)
    with pytest.raises(DropItem):
        pipeline.process_item(make(**{missing: None}))
    assert crawler.stats.get_value("listings/dropped") == 1
    assert crawler.stats.get_value(f"listings/dropped/missing_{missing}") == 1


def test_validate_passes_complete_records(crawler):
    item = make()
    assert ValidatePipeline.from_crawler(crawler).process_item(item) is item


def test_dedupe_keeps_first_sighting_per_marketplace_and_id(crawler):
    pipeline = DedupePipeline.from_crawler(crawler)
    pipeline.process_item(make("1"))
    pipeline.process_item(make("1", marketplace="aliexpress"))
    with pytest.raises(DropItem):
        pipeline.process_item(make("1", keyword="gucci belt"))
    assert crawler.stats.get_value("listings/duplicates") == 1


def test_score_adds_risk_and_reasons(crawler):
    pipeline = ScorePipeline.from_crawler(crawler)
    pipeline.open_spider()
    item = pipeline.process_item(make())
    assert item.risk == "high" and item.score >= 70
    assert sum(r["points"] for r in item.reasons) >= item.score
    assert crawler.stats.get_value("listings/risk/high") == 1


def test_a_reviewers_verdict_stays_beside_the_score_not_in_it(crawler, tmp_path):
    store = Store(tmp_path / "p.db")
    store.save([{"marketplace": "alibaba", "listing_id": "1", "url": "u", "title": "t",
                 "brand": "gucci", "keyword": "k"}], store.start_crawl("gucci", ["alibaba"]))
    store.add_review("alibaba", "1", "legitimate")
    store.close()
    pipeline = ScorePipeline.from_crawler(crawler)
    pipeline.open_spider()
    judged, other = pipeline.process_item(make("1")), pipeline.process_item(make("2"))
    assert (judged.score, judged.risk) == (other.score, other.risk) and judged.risk == "high"
    assert not [r for r in judged.reasons if r["rule"].startswith("reviewer_")]


def test_reviewers_verdicts_reach_the_scorer_as_evidence_across_listings(crawler, tmp_path):
    store = Store(tmp_path / "p.db")
    crawl_id = store.start_crawl("gucci", ["alibaba"])
    store.save([{"marketplace": "alibaba", "listing_id": "9", "url": "u", "brand": "gucci",
                 "keyword": "k", "title": "Designer canvas tote bag women luxury",
                 "seller_name": "Yiwu Copy Bags Co."}], crawl_id)
    store.add_review("alibaba", "9", "counterfeit")
    store.close()
    pipeline = ScorePipeline.from_crawler(crawler)
    pipeline.open_spider()
    same_seller = make("10")
    same_seller.seller_name = "Yiwu Copy Bags Co."
    scored = pipeline.process_item(same_seller)
    history = [r for r in scored.reasons if r["rule"] == "seller_history"]
    assert history and "alibaba:9" in history[0]["detail"]
