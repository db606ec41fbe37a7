"""A crawl's status for reviewers, from its stats and Scrapy's finish reason."""

from __future__ import annotations

STATUSES = ("ok", "partial", "degraded", "blocked", "layout_changed", "failed", "interrupted")


def crawl_status(stats: dict, finish_reason: str) -> str:
    """The first status that applies, most serious first (interrupted ... ok)."""
    if finish_reason == "shutdown":
        return "interrupted"
    if finish_reason != "finished" and not finish_reason.startswith("closespider_"):
        return "failed"
    if stats.get("listings/blocked"):
        return "blocked"
    if stats.get("listings/layout_changed"):
        return "layout_changed"
    failed = stats.get("listings/failed_pages", 0) + stats.get("spider_exceptions/count", 0)
    read = stats.get("listings/scraped") or stats.get("listings/empty_pages")
    if not read:
        return "failed"  # not one results page could be read (errors, offsite redirects, ...)
    if stats.get("listings/degraded_pages"):
        return "degraded"  # some pages read only in part (a fallback layout)
    if failed or finish_reason != "finished":
        return "partial"  # some pages failed, or a CLOSESPIDER_* limit cut the crawl short
    return "ok"
