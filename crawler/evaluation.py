"""How well the scorer does on a labeled set: precision and recall (flagged = high or medium
risk, against the counterfeit label), which rules fire and how often rightly, and how the
score bands line up with the share of counterfeits."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from crawler.parsing import record_fields
from crawler.scoring import RULES, score_for
from crawler.watchlist import Watchlist

FLAGGED = ("high", "medium")
LABELS = ("counterfeit", "legitimate")
# Score bands of the calibration table: (lowest, highest) score in each.
BANDS = ((0, 0), (1, 19), (20, 39), (40, 59), (60, 79), (80, 99), (100, 100))


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


@dataclass
class Evaluation:
    """A confusion table of label (counterfeit / legitimate) against flagged / not flagged,
    firings per rule, and listings per score band, each split by label."""

    counts: Counter = field(default_factory=Counter)
    misses: list[dict] = field(default_factory=list)
    fired: Counter = field(default_factory=Counter)  # (rule, counterfeit?) -> listings
    bands: Counter = field(default_factory=Counter)  # (band, counterfeit?) -> listings

    def add(self, record: dict, score: int, risk: str, reasons: list[dict]) -> None:
        flagged = risk in FLAGGED
        fake = record["label"] == "counterfeit"
        self.counts[(fake, flagged)] += 1
        for rule in {r["rule"] for r in reasons}:
            self.fired[(rule, fake)] += 1
        self.bands[(next(b for b in BANDS if b[0] <= score <= b[1]), fake)] += 1
        if fake != flagged:
            self.misses.append({**record, "risk": risk, "score": score})

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

    def rule_precision(self, rule: str) -> float | None:
        """The share of listings the rule fired on that are counterfeit."""
        fired = self.fired[(rule, True)] + self.fired[(rule, False)]
        return self.fired[(rule, True)] / fired if fired else None

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

    def rules_report(self) -> str:
        """Per rule (in scoring order), how many listings it fired on and the share of them
        that are counterfeit."""
        lines = [f"{'rule':<30} {'points':>6} {'fired':>6} {'counterfeit':>12}"]
        for rule in RULES:
            fake, real = self.fired[(rule.id, True)], self.fired[(rule.id, False)]
            if fake + real:
                lines.append(f"{rule.id:<30} {rule.points:>+6} {fake + real:>6} "
                             f"{_share(fake, fake + real):>12}")
        return "\n".join(lines)

    def calibration_report(self) -> str:
        """Per score band, the listings in it and the share of them that are counterfeit."""
        lines = [f"{'score':<8} {'listings':>8} {'counterfeit':>12}"]
        for band in BANDS:
            fake, real = self.bands[(band, True)], self.bands[(band, False)]
            label = str(band[0]) if band[0] == band[1] else f"{band[0]}-{band[1]}"
            lines.append(f"{label:<8} {fake + real:>8} {_share(fake, fake + real):>12}")
        return "\n".join(lines)


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
            scored = score_for(record_fields(record), watchlist)
        except RecursionError:
            raise ValueError(f"line {number}: nested too deep to read") from None
        except ValueError as exc:
            raise ValueError(f"line {number}: {exc}") from None
        result.add(record, *scored)
    return result
