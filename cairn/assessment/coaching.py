"""Gentle writing hints: keep description apart from analysis, and say things once.

Information Gathering records facts; reasons and interpretation belong in Explanations and
Conclusions. A hint never blocks saving.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

ANALYSIS_MARKERS = (
    "because",
    "this suggests",
    "which means",
    "this means",
    "due to",
    "as a result",
    "therefore",
    "indicates that",
    "this shows",
    "likely to",
    "which is why",
)
_MARKER = re.compile(
    r"\b(" + "|".join(re.escape(marker) for marker in ANALYSIS_MARKERS) + r")\b", re.IGNORECASE
)
MIN_REPEAT_LENGTH = 60


@dataclass(frozen=True)
class Hint:
    kind: str  # "analysis" or "repeat"
    marker: str = ""
    other_key: str = ""


def analysis_marker(text: str) -> str | None:
    match = _MARKER.search(text)
    return match.group(1).lower() if match else None


def _paragraphs(text: str) -> list[str]:
    return [
        " ".join(p.split()).lower()
        for p in re.split(r"\n\s*\n|\n", text)
        if len(" ".join(p.split())) >= MIN_REPEAT_LENGTH
    ]


def hints_for(
    key: str, text: Any, *, is_description: bool, others: Mapping[str, Any]
) -> list[Hint]:
    if not isinstance(text, str) or not text.strip():
        return []
    found = []
    if is_description:
        marker = analysis_marker(text)
        if marker:
            found.append(Hint("analysis", marker=marker))
    mine = set(_paragraphs(text))
    if mine:
        for other_key, other in others.items():
            if other_key != key and isinstance(other, str) and mine & set(_paragraphs(other)):
                found.append(Hint("repeat", other_key=other_key))
                break
    return found
