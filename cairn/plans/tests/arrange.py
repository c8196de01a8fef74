"""Helpers that arrange plans for the plan tests: a full stage with desistance factors and a
concern, and targets, actions and notes made through the app's own operations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cairn.assessment.models import Stage
from cairn.assessment.tests.factories import answer
from cairn.audit.operations import Actor
from cairn.judgements.tests.arrange import FULL, add_concern
from cairn.plans import operations
from cairn.plans.models import Action, ProgressNote, Target

__all__ = ["FULL", "add_concern"]

FACTORS = [
    {
        "factor": "Football with his coach at Larch Park",
        "direction": "for",
        "strength": "strong",
        "evidence": "Trains twice a week.",
    },
    {
        "factor": "Older friends who steal",
        "direction": "against",
        "strength": "strong",
        "evidence": "Both offences were with them.",
    },
]
AGAINST = FACTORS[1]["factor"]
FOR = FACTORS[0]["factor"]


def with_factors(stage: Stage, by: Actor) -> Stage:
    answer(stage, "explanations.desistance_factors", FACTORS, by)
    return stage


def target_input(**changes: Any) -> operations.TargetInput:
    values: dict[str, Any] = {
        "objective": "Spend less time with the older group and more at football.",
        "goal_in_childs_words": "I want to play for the under-18s.",
        "area": "lifestyle",
        "factor": AGAINST,
    }
    values.update(changes)
    return operations.TargetInput(**values)


def add_target(stage: Stage, by: Actor, **changes: Any) -> Target:
    return operations.add_target(by=by, stage=stage, data=target_input(**changes))


def action_input(**changes: Any) -> operations.ActionInput:
    values: dict[str, Any] = {
        "what": "Ask the coach about an extra training night.",
        "who": "practitioner",
        "by_when": dt.date(2027, 3, 27),
    }
    values.update(changes)
    return operations.ActionInput(**values)


def add_action(stage: Stage, by: Actor, target: Target, **changes: Any) -> Action:
    return operations.add_action(
        by=by, stage=stage, target_id=target.pk, data=action_input(**changes)
    )


def add_note(stage: Stage, by: Actor, target: Target, text: str = "Went twice.") -> ProgressNote:
    return operations.add_progress(by=by, stage=stage, target_id=target.pk, text=text)
