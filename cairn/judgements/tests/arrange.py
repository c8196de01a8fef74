"""Helpers that arrange judgements for the judgement tests: a full stage, a child the model can
score, sanctions added to the Core Record, concerns, and questions picked from the working
catalogue by what they feed (never by name, as in cairn/assessment/tests/factories.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cairn.assessment.models import Answer, Stage
from cairn.assessment.tests.factories import answer, pick, valid_value
from cairn.audit.operations import Actor
from cairn.framework.schema import Question
from cairn.judgements import basis, operations, queries
from cairn.judgements.models import Concern, Judgement, Kind
from cairn.records import operations as record_operations
from cairn.records.models import Child, Offence

FULL = "pre_sentence"  # a full stage type that makes all four judgements
LIGHT = "out_of_court"  # a light one that offers them

CONCERN = {
    "what": "May use the knife he has carried to threaten a rival if they meet in town.",
    "to_whom": "child",
    "to_whom_detail": "A rival group member",
    "impact": "serious",
    "likelihood": "likely",
    "imminence": "months",
    "evidence": "Police intelligence, 3 March; he told me he carries it 'for protection'.",
}


def feeding(kind: str, stage_type: str = FULL, *, skip: tuple[str, ...] = ()) -> Question:
    """An unconditional, typed-in question of the stage type that feeds this judgement."""
    feed = basis.FEEDS[kind]
    return pick(stage_type, where=lambda q: feed in q.feeds and q.key not in skip)


def feeding_only(kind: str, stage_type: str = FULL) -> Question:
    """A question that feeds this judgement and no other."""
    others = {feed for other, feed in basis.FEEDS.items() if other != kind}
    feed = basis.FEEDS[kind]
    return pick(stage_type, where=lambda q: feed in q.feeds and not others & set(q.feeds))


def unrelated(stage_type: str = FULL, *, skip: tuple[str, ...] = ()) -> Question:
    """A typed-in question that feeds no judgement."""
    return pick(
        stage_type,
        where=lambda q: not any(f.startswith("judgement.") for f in q.feeds) and q.key not in skip,
    )


def change_answer(stage: Stage, question: Question, by: Actor | None = None) -> Answer:
    """Answer the question differently from whatever it holds now."""
    current = Answer.objects.filter(stage=stage, key=question.key).first()
    for variant in range(12):
        value = valid_value(question, variant)
        if current is None or current.value != value:
            return answer(stage, question, value, by)
    raise AssertionError(f"no different answer to {question.key}")


def add_sanction(
    child: Child,
    on: dt.date,
    *,
    category: str = Offence.Category.THEFT,
    outcome: str = Offence.Outcome.YOUTH_CAUTION,
    description: str = "Theft from a shop",
) -> Offence:
    return record_operations.add_to_record(
        by=Actor.system(child.organisation),
        child=child,
        model=Offence,
        part="offences",
        data={
            "offence_date": on - dt.timedelta(days=30),
            "description": description,
            "category": category,
            "outcome_type": outcome,
            "outcome_date": on,
        },
    )


def scorable(child: Child) -> Child:
    """Give the child (born 14 March 2012 by the root conftest) one sanction the model scores."""
    add_sanction(child, dt.date(2025, 1, 10))
    return child


def concern_input(**changes: Any) -> operations.ConcernInput:
    data = {**CONCERN, **changes}
    data["answer_keys"] = tuple(data.get("answer_keys", ()))
    return operations.ConcernInput(**data)


def add_concern(
    stage: Stage, by: Actor, judgement: str = Kind.SERIOUS_HARM, **changes: Any
) -> Concern:
    if judgement == Kind.SAFETY_WELLBEING:
        changes.setdefault("to_whom", "the_child")
    return operations.add_concern(
        by=by, stage=stage, judgement=judgement, data=concern_input(**changes)
    )


def decide(
    stage: Stage, by: Actor, kind: str, rating: str | None = None, reason: str = ""
) -> Judgement:
    """Decide a judgement: the proposed rating unless told (with a reason where needed)."""
    state = queries.review(stage).states[kind]
    if rating is None:
        proposed = state.proposal.value
        rating = "high" if proposed == "very_high" and kind == Kind.REOFFENDING else proposed
        if not rating:
            rating = "low" if kind != Kind.INTERVENTION_LEVEL else "standard"
            reason = reason or "No proposal: my own view."
    version = state.judgement.version if state.judgement else 0
    return operations.decide(
        by=by, stage=stage, kind=kind, rating=rating, reason=reason, version=version
    )


def state(stage: Stage, kind: str) -> queries.JudgementState:
    return queries.review(Stage.objects.get(pk=stage.pk)).states[kind]


def flagged(stage: Stage) -> set[str]:
    """The kinds of this stage's judgements flagged to reconfirm."""
    return {
        found.kind for found in queries.review(Stage.objects.get(pk=stage.pk)) if found.to_reconfirm
    }
