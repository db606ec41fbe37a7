"""Precision and recall of the scorer on a labeled set: flagged (high or medium) vs counterfeit."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from crawler.parsing import record_fields
from crawler.scoring import score_for
from crawler.watchlist import Watchlist

FLAGGED = ("high", "medium")
LABELS = ("counterfeit", "legitimate")


@dataclass
class Evaluation:
    """A confusion table of label (counterfeit / legitimate) against flagged / not flagged."""

    counts: Counter = field(default_factory=Counter)
    misses: list[dict] = field(default_factory=list)

    def add(self, record: dict, risk: str) -> None:
        flagged = risk in FLAGGED
        fake = record["label"] == "counterfeit"
        self.counts[(fake, flagged)] += 1
        if fake != flagged:
            self.misses.append({**record, "risk": risk})

    @property
    def precision(self) -> float:
        flagged = self.counts[(True, True)] + self.counts[(False, True)]
        return self.counts[(True, True)] / flagged if flagged else 0.0

    @property
    def recall(self) -> float:
        fakes = self.counts[(True, True)] + self.counts[(True, False)]
        return self.counts[(True, True)] / fakes if fakes else 0.0

    @property
    def f1(self) -> float:
        both = self.precision + self.recall
        return 2 * self.precision * self.recall / both if both else 0.0

    def report(self, name: str) -> str:
        """The confusion table and the three figures, as text."""
        c = self.counts
        total = sum(c.values())
        return "\n".join([
            f"{name}: {total} listings; flagged = risk in (high, medium)",
            f"{'':>14} {'flagged':>8} {'not flagged':>12}",
            f"{'counterfeit':>14} {c[(True, True)]:>8} {c[(True, False)]:>12}",
            f"{'legitimate':>14} {c[(False, True)]:>8} {c[(False, False)]:>12}",
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
        ])


def evaluate(path: Path, watchlist: Watchlist) -> Evaluation:
    """Score every labeled listing in a JSON Lines file; ValueError naming a line that is none."""
    result = Evaluation()
    for number, line in enumerate(path.read_bytes().splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or record.get("label") not in LABELS:
                raise ValueError(f"not a listing labeled {' or '.join(LABELS)}")
            _, risk, _ = score_for(record_fields(record), watchlist)
        except RecursionError:
            raise ValueError(f"line {number}: nested too deep to read") from None
        except ValueError as exc:
            raise ValueError(f"line {number}: {exc}") from None
        result.add(record, risk)
    return result
