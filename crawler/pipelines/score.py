"""Score each listing against the brand it was searched for (reviewers' verdicts stay beside
the score, in the reviews table, never in it)."""

from __future__ import annotations

from crawler.scoring import score_for
from crawler.scoring.evidence import Evidence, Judged
from crawler.store import Store
from crawler.store.queries import run


class ScorePipeline:
    """Add score, risk and reasons to each listing."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.watchlist = None
        self.evidence: Evidence | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        plan = getattr(self.crawler.spider, "plan", None)
        self.watchlist = plan.watchlist if plan else None  # none for scrapy shell / fetch
        if plan is not None:
            self.evidence = judged_evidence(plan.database)

    def process_item(self, item):
        if self.watchlist is None:
            return item
        # The scorer only reads the Listing's fields: no copy beyond a shallow one.
        item.score, item.risk, item.reasons = score_for(vars(item), self.watchlist,
                                                        self.evidence)
        self.stats.inc_value("listings/scored")
        self.stats.inc_value(f"listings/risk/{item.risk}")
        return item


def judged_evidence(database) -> Evidence:
    """What reviewers judged, as the scorer's evidence: sellers with listings judged
    counterfeit, and judged titles others may repeat (`seller_history`, `similar_to_judged`)."""
    store = Store(database)
    try:
        judged = run(store.conn, "judged_listings")
    finally:
        store.close()
    return Evidence.of(
        counterfeit=[(row["seller_name"], row["key"]) for row in judged
                     if row["counterfeit"] and row["seller_name"]],
        judged=[Judged(row["key"], row["title"] or "",
                       "counterfeit" if row["counterfeit"] else "legitimate") for row in judged])
