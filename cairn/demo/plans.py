"""What the demo writes for each child: the stages of their assessment history, as plain data.

A case names a demo child by local ID and lists their stages oldest first. Each stage says
when it started and ended (days before the demo's day, so the demo never ages), the answers written in
it, the concerns and judgements made, and, for a stage still in progress, anything changed
after the judgements were made (which flags them to reconfirm). A stage that starts after
another carries its answers, concerns and judgements forward, so a review lists only what
changed.

Every name, place and event is fictional (shared/brief/VIGNETTES.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

# Which sections of a stage to mark complete: every section, none, or those listed.
Marking = Literal["all", "answered"] | tuple[str, ...]


@dataclass(frozen=True)
class ConcernPlan:
    """One specific concern behind a risk judgement (serious harm, or safety and well-being)."""

    judgement: Literal["serious_harm", "safety_wellbeing"]
    what: str
    to_whom: str
    impact: str
    likelihood: str
    imminence: str
    evidence: str
    answer_keys: tuple[str, ...] = ()
    to_whom_detail: str = ""


@dataclass(frozen=True)
class JudgementPlan:
    """The practitioner's decision. A reason is needed where it differs from the proposal."""

    kind: Literal["reoffending", "serious_harm", "safety_wellbeing", "intervention_level"]
    rating: str
    reason: str = ""


@dataclass(frozen=True)
class StagePlan:
    stage_type: str
    started: int  # days before today
    ended: int | None = None  # days before today it was completed; None while in progress
    last_worked: int = 1  # for a stage in progress: the last day anyone wrote in it
    answers: dict[str, Any] = field(default_factory=dict)
    concerns: tuple[ConcernPlan, ...] = ()
    judgements: tuple[JudgementPlan, ...] = ()
    # Answers changed after the judgements were made: they flag judgements to reconfirm.
    later_answers: dict[str, Any] = field(default_factory=dict)
    # Sections whose carried-forward answers the practitioner confirmed ("all" for every one).
    confirm: Literal["all"] | tuple[str, ...] = ()
    mark_complete: Marking = "answered"

    @property
    def is_completed(self) -> bool:
        return self.ended is not None


@dataclass(frozen=True)
class Case:
    local_id: str
    stages: tuple[StagePlan, ...]


def days_before(day: dt.date) -> Callable[[int], str]:
    """`on(n)`: the date n days before `day` in words ("3 May"), for answers that name when
    something was seen or said."""

    def on(days_ago: int) -> str:
        date = day - dt.timedelta(days=days_ago)
        return f"{date.day} {date:%B}"

    return on
