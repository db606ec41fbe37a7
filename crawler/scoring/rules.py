"""The scoring rules as records (rules.toml), and the loop that applies them to facts."""

from __future__ import annotations

import pkgutil
import re
import string
import tomllib
from collections.abc import Callable
from dataclasses import dataclass

from crawler.scoring.facts import DETECTORS, Facts

RULE_KEYS = ("id", "points", "requires", "unless", "detail")
_CONDITION_RE = re.compile(r"(\w+)(?:\s*(<=|>=|<|>)\s*(-?[\d.]+))?")


class RuleError(ValueError):
    """A rules file that cannot be used."""


@dataclass(frozen=True)
class Rule:
    """One scoring rule: when it fires, what it adds, what stops it, what it says."""

    id: str
    points: int
    requires: tuple[str, ...]
    unless: tuple[str, ...]
    detail: str


def _condition(text: str, where: str) -> str:
    """A condition on facts as Python: "fact" (true) or "fact < 0.05" (a number)."""
    found = _CONDITION_RE.fullmatch(text.strip())
    if not found or found.group(1) not in DETECTORS:
        raise RuleError(f"{where}: {text!r} is not a known fact or a comparison of one")
    name, op, value = found.groups()
    if not op:
        return f"f[{name!r}]"
    return f"((v := f[{name!r}]) is not None and v {op} {float(value)!r})"


def _rule(entry: object, earlier: list[Rule]) -> tuple[Rule, str]:
    """A rule of the file, and its test as Python (rules above it are r0, r1, ...)."""
    if not isinstance(entry, dict) or set(entry) - set(RULE_KEYS) or not isinstance(
            entry.get("id"), str) or not isinstance(entry.get("points"), int):
        raise RuleError(f"rule {entry!r}: needs an id, integer points; keys {RULE_KEYS}")
    where = f"rule {entry['id']}"
    ids = [rule.id for rule in earlier]
    if entry["id"] in ids or entry["id"] in DETECTORS:
        raise RuleError(f"{where}: the id is taken by another rule or a fact")
    requires = [_condition(text, where) for text in entry.get("requires", [])]
    stops = [f"r{ids.index(name)}" if name in ids else _condition(name, where)
             for name in entry.get("unless", [])]
    detail = entry.get("detail", "")
    for _, field, _, _ in string.Formatter().parse(detail):
        if field and field not in DETECTORS:
            raise RuleError(f"{where}: the detail names no fact {field!r}")
    test = " and ".join(requires) or "True"
    if stops:
        test = f"({test}) and not ({' or '.join(stops)})"
    return Rule(entry["id"], entry["points"], tuple(entry.get("requires", [])),
                tuple(entry.get("unless", [])), detail), test


def load(text: str) -> tuple[tuple[Rule, ...], Callable[[Facts], list[int]]]:
    """The rules of a rules file, checked (known facts, earlier rules, unique ids), and one
    function that tests them all in order on a listing's facts: the indexes of those that
    fire. The rules compile to that function's plain Python once, so scoring a listing
    costs about what hand-written code would."""
    rules: list[Rule] = []
    body = ["def fired(f):", "    found = []"]
    for index, entry in enumerate(tomllib.loads(text).get("rule", [])):
        rule, test = _rule(entry, rules)
        rules.append(rule)
        body += [f"    r{index} = {test}", f"    if r{index}:", f"        found.append({index})"]
    namespace: dict = {}
    exec(compile("\n".join([*body, "    return found"]), "<rules.toml>", "exec"), namespace)
    return tuple(rules), namespace["fired"]


RULES, _FIRED = load(pkgutil.get_data("crawler.scoring", "rules.toml").decode("utf-8"))
WEIGHTS = {rule.id: rule.points for rule in RULES}


def apply(facts: Facts) -> list[dict]:
    """The reasons of the rules that fire, in order: {rule, points, detail} each, the detail
    what a reviewer reads."""
    return [{"rule": RULES[i].id, "points": RULES[i].points,
             "detail": RULES[i].detail.format_map(facts)} for i in _FIRED(facts)]
