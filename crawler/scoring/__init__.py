"""Suspicion score: (listing, brand) -> score 0-100, risk, and the reasons that add up to it.

The rules are records in rules.toml; the facts they test are in facts.py; evidence from other
listings (a seller's history, judged look-alike titles) comes in an `Evidence` object.
"""

from __future__ import annotations

from collections.abc import Mapping

from crawler import vocabulary
from crawler.scoring.evidence import Evidence, Judged
from crawler.scoring.facts import Facts
from crawler.scoring.rules import RULES, WEIGHTS, apply
from crawler.text import fold
from crawler.watchlist import Brand, Watchlist

__all__ = ["RULES", "WEIGHTS", "Evidence", "Judged", "category_of", "risk_level", "score",
           "score_for"]

RISK_LEVELS = (("high", 70), ("medium", 40), ("low", 0))


def risk_level(score: int) -> str:
    """high, medium or low for a clamped score."""
    return next(level for level, floor in RISK_LEVELS if score >= floor)


def category_of(title: str) -> str | None:
    """The product category (or other trade) a title names first: bag, wallet, belt, ..."""
    return next((name for match in vocabulary.SCAN.finditer(fold(title))
                 for kind, name in vocabulary.SCAN.owner(match) if kind == "category"), None)


def score(listing: Mapping, brand: Brand, replica_terms: tuple[str, ...] = (),
          evidence: Evidence | None = None) -> tuple[int, str, list[dict]]:
    """Score a listing against the brand it was searched for: (score, risk, reasons). A
    reviewer's `verdict` in the listing is not read: verdicts are shown beside the score."""
    reasons = apply(Facts(listing, brand, replica_terms, evidence))
    clamped = max(0, min(100, sum(r["points"] for r in reasons)))
    return clamped, risk_level(clamped), reasons


def score_for(listing: Mapping, watchlist: Watchlist,
              evidence: Evidence | None = None) -> tuple[int, str, list[dict]]:
    """Score a listing against the watchlist brand its `brand` field names (slug or name)."""
    return score(listing, watchlist.find(str(listing.get("brand") or "")),
                 watchlist.replica_terms, evidence)
