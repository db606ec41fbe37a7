"""One scorer: a listing scored by `crawler score` (record_fields + score_for) and by the crawl's
ScorePipeline gets the same score, risk and reasons."""

import dataclasses
import json

import pytest
from scrapy.utils.test import get_crawler

from crawler import watchlist
from crawler.items import Listing
from crawler.parsing import record_fields
from crawler.pipelines.score import ScorePipeline
from crawler.scoring import score_for
from crawler.spiders.brand import BrandSpider
from tests.conftest import FIXTURES

COLUMNS = [f.name for f in dataclasses.fields(Listing) if f.name not in ("score", "risk",
                                                                           "reasons")]
RECORDS = [json.loads(line) for name in ("sixth-author", "holdout")
           for line in (FIXTURES / "labeled" / f"{name}.jsonl").read_text().splitlines()]


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    crawler = get_crawler(BrandSpider, {"SQLITE_PATH": str(tmp_path_factory.mktemp("p") / "p.db")})
    crawler.spider = crawler._create_spider(name="all", marketplace="alibaba")
    scorer = ScorePipeline.from_crawler(crawler)
    scorer.open_spider()
    return scorer


def test_crawl_and_crawler_score_give_the_same_scores(pipeline):
    brands = watchlist.load()
    for record in RECORDS:
        fields = record_fields(record)
        item = pipeline.process_item(Listing(**{k: fields.get(k) for k in COLUMNS}))
        assert (item.score, item.risk, item.reasons) == score_for(fields, brands), record
