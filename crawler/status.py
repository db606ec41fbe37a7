"""A crawl's status for reviewers, from its stats and Scrapy's finish reason."""

from __future__ import annotations

STATUSES = ("ok", "partial", "degraded", "blocked", "layout_changed", "failed", "interrupted")
# Why listings were lost (`listings/lost/<cause>` in stats), as the crawls row says it.
LOSS_CAUSES = {
    "locked": "database locked by another connection",
    "disk_full": "disk full",
    "io_error": "disk I/O error",
    "error": "database error",
}


def crawl_status(stats: dict, finish_reason: str) -> str:
    """The first status that applies, most serious first (interrupted ... ok)."""
    if finish_reason == "shutdown":
        return "interrupted"
    if finish_reason != "finished" and not finish_reason.startswith("closespider_"):
        return "failed"
    if stats.get("listings/lost"):
        return "partial" if stats.get("listings/stored") else "failed"  # never `ok`
    if stats.get("listings/blocked"):
        return "blocked"
    if stats.get("listings/layout_changed"):
        return "layout_changed"
    failed = stats.get("listings/failed_pages", 0) + stats.get("spider_exceptions/count", 0)
    # A recheck reads product pages: a live or a removed listing is a page read (and a recheck
    # with no listing to visit has nothing to fail on).
    read = (stats.get("listings/scraped") or stats.get("listings/empty_pages")
            or stats.get("listings/recheck/live") or stats.get("listings/recheck/removed")
            or stats.get("listings/recheck/listings") == 0)
    if not read:
        return "failed"  # not one results page could be read (errors, offsite redirects, ...)
    if stats.get("listings/degraded_pages"):
        return "degraded"  # some pages read only in part (a fallback layout)
    if failed or finish_reason != "finished":
        return "partial"  # some pages failed, or a CLOSESPIDER_* limit cut the crawl short
    return "ok"


def lost_reason(stats: dict) -> str | None:
    """Why listings were lost, e.g. 'disk full: 600 listings in 3 batches'; None if none were."""
    parts = []
    for cause, text in LOSS_CAUSES.items():
        listings = stats.get(f"listings/lost/{cause}")
        if listings:
            batches = stats.get(f"listings/store_errors/{cause}", 0)
            parts.append(f"{text}: {listings} listings in {batches} "
                         f"{'batch' if batches == 1 else 'batches'}")
    return "; ".join(parts) or None
