"""Desistance factors summarised for and against, strongest first.

The factors are answers to the catalogue's `explanations.desistance_factors` list (factor,
direction, strength, evidence). This is the one reading of them the judgement pages, the
one-page summary and (later) the plan use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cairn.framework.catalogue import Catalogue

QUESTION = "explanations.desistance_factors"
STRENGTH_ORDER = ("strong", "moderate", "weak")


@dataclass(frozen=True)
class Factor:
    factor: str
    strength: str  # key: strong, moderate, weak, or ""
    strength_label: str
    evidence: str


@dataclass(frozen=True)
class DesistanceSummary:
    supporting: list[Factor] = field(default_factory=list)
    against: list[Factor] = field(default_factory=list)
    undecided: list[Factor] = field(default_factory=list)  # no direction given yet

    def __bool__(self) -> bool:
        return bool(self.supporting or self.against or self.undecided)


def _strength_labels(catalogue: Catalogue, language: str) -> dict[str, str]:
    question = catalogue.questions.get(QUESTION)
    if question is None:
        return {}
    for item in question.items or ():
        if item.key == "strength":
            return {option.value: option.label.get(language) for option in item.options}
    return {}


def summarise(catalogue: Catalogue, values: Mapping[str, Any], language: str) -> DesistanceSummary:
    """The stage's desistance factors, split for and against, strongest first."""
    rows = values.get(QUESTION)
    if not isinstance(rows, list):
        return DesistanceSummary()
    labels = _strength_labels(catalogue, language)
    groups: dict[str, list[Factor]] = {"for": [], "against": [], "": []}
    for row in rows:
        if not isinstance(row, dict) or not str(row.get("factor") or "").strip():
            continue
        strength = str(row.get("strength") or "")
        found = Factor(
            factor=str(row["factor"]).strip(),
            strength=strength,
            strength_label=labels.get(strength, ""),
            evidence=str(row.get("evidence") or "").strip(),
        )
        direction = row.get("direction")
        groups[direction if direction in ("for", "against") else ""].append(found)

    def rank(factor: Factor) -> int:
        return STRENGTH_ORDER.index(factor.strength) if factor.strength in STRENGTH_ORDER else 3

    return DesistanceSummary(
        sorted(groups["for"], key=rank),
        sorted(groups["against"], key=rank),
        sorted(groups[""], key=rank),
    )
