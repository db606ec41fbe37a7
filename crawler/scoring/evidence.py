"""Evidence across listings: what reviewers and earlier scores said about a seller's other
listings and about near-identical titles. Given to the scorer, which stays pure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from crawler.text import fold

# Near-identical titles: the same words, in any order, with a letter or two changed.
SIMILAR_TITLES = 92


@dataclass(frozen=True)
class Judged:
    """A listing a reviewer judged: its key ("marketplace:listing_id"), title and verdict."""

    key: str
    title: str
    verdict: str  # counterfeit or legitimate


def seller_key(name: object) -> str:
    """How a seller is known across listings: its name, folded."""
    return fold(str(name or ""))


def _words_sorted(title: str) -> str:
    return " ".join(sorted(fold(title).split()))


@dataclass(frozen=True)
class Evidence:
    """Per seller (`seller_key`), the keys of its listings judged counterfeit and of its
    high-risk listings; and the judged listings whose titles others may repeat."""

    counterfeit_by_seller: Mapping[str, frozenset[str]] = field(default_factory=dict)
    high_risk_by_seller: Mapping[str, frozenset[str]] = field(default_factory=dict)
    judged: tuple[Judged, ...] = ()
    _titles: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_titles", tuple(_words_sorted(j.title) for j in self.judged))

    @classmethod
    def of(cls, counterfeit: Iterable[tuple[str, str]] = (),
           high_risk: Iterable[tuple[str, str]] = (),
           judged: Iterable[Judged] = ()) -> Evidence:
        """Evidence from (seller name, listing key) pairs and judged listings."""
        def by_seller(pairs: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
            found: dict[str, set[str]] = {}
            for seller, key in pairs:
                found.setdefault(seller_key(seller), set()).add(key)
            return {seller: frozenset(keys) for seller, keys in found.items()}
        return cls(by_seller(counterfeit), by_seller(high_risk), tuple(judged))

    def seller_counterfeit(self, seller: object, key: str) -> list[str]:
        """The seller's other listings judged counterfeit."""
        return sorted(self.counterfeit_by_seller.get(seller_key(seller), frozenset()) - {key})

    def seller_high_risk(self, seller: object, key: str) -> list[str]:
        """The seller's other high-risk listings."""
        return sorted(self.high_risk_by_seller.get(seller_key(seller), frozenset()) - {key})

    def most_similar(self, title: str, key: str) -> tuple[Judged, float] | None:
        """The judged listing (not this one) whose title is near-identical to `title`."""
        if not self.judged or not title:
            return None
        query = _words_sorted(title)
        best = None
        for _, similarity, index in process.extract_iter(
                query, self._titles, scorer=fuzz.ratio, score_cutoff=SIMILAR_TITLES):
            judged = self.judged[index]
            if judged.key != key and (best is None or similarity > best[1]):
                best = (judged, similarity)
        return best
