"""The shapes of the judgement routes: the reoffending score, a stage's judgements, concerns.

Ratings, bands and concern choices are strings here, not enumerations: the scoring model and
the judgement rules are data an administrator or a service can change without a code change,
so a value they do not know is refused by the route with a field error, not by the schema.
Words for people (labels, explanations, reasons) are in the language of the request.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from cairn.api.assessment_schemas import Instant

JudgementKind = Literal["reoffending", "serious_harm", "safety_wellbeing", "intervention_level"]
ConcernJudgement = Literal["serious_harm", "safety_wellbeing"]


# The reoffending score


class ModelOut(Schema):
    name: str = Field(description='The scoring model, e.g. "OGRS3"')
    version: str
    label: str = Field(
        description="What the model is, for people: the default says it is the adult OGRS3 "
        "model, not the official YOGRS"
    )


class BandOut(Schema):
    key: str = Field(description="The band's key in the model, e.g. low, medium, high, very_high")
    label: str
    from_percent: int = Field(description="The band holds 2-year percentages from this…")
    to_percent: int = Field(description="…to this, both included")


class TermOut(Schema):
    key: str = Field(description="copas, sanctions, age_sex or offence")
    label: str
    value: float = Field(description="The term's contribution to the linear score")
    explanation: str = Field(description="Why the term has this value, in words")


class InputsOut(Schema):
    sex: str = Field(description="male or female")
    date_of_birth: dt.date
    current_sanction_date: dt.date
    first_sanction_date: dt.date
    previous_sanctions: int = Field(description="Sanction occasions before the current one")
    offence_category: str = Field(description="The current offence's category code (OGRS3.md)")
    assessed_on: dt.date


class AgesOut(Schema):
    at_assessment: int
    at_current_sanction: int
    at_first_sanction: int


class ScoreOut(Schema):
    model: ModelOut
    p_1_year: float = Field(description="Probability of a proven reoffence within 1 year")
    p_2_years: float = Field(description="Probability of a proven reoffence within 2 years")
    percent_1_year: int = Field(description="p_1_year as shown: rounded half-up, then clamped")
    percent_2_years: int = Field(description="p_2_years as shown; the band follows this")
    band: BandOut = Field(
        description="An object, not a bare string: `key` for programs (stable within a model), "
        "`label` for people, and the 2-year percentages the band holds"
    )
    terms: list[TermOut] = Field(description="They add up to linear_score")
    linear_score: float
    intercepts: list[TermOut] = Field(description="The model's constants for 1 and 2 years")
    inputs: InputsOut = Field(description="What the score was computed from")
    ages: AgesOut


class ScoreRefusal(Schema):
    type: Literal["cannot_score"]
    loc: list[str]
    msg: str


class CannotScoreOut(Schema):
    detail: list[ScoreRefusal] = Field(
        description="One entry per reason, shaped like every other 422 of this API"
    )
    reasons: list[str] = Field(description="Every reason the child cannot be scored, in words")
    model: ModelOut
    on: dt.date


# Judgements


class ChangeOut(Schema):
    kind: Literal["answer", "fact"]
    name: str = Field(description="The question key, or the Core Record fact's name")
    old: str = Field(description="Facts only: the value the judgement was made on")
    new: str = Field(description="Facts only: the value now")


class ProposalOut(Schema):
    value: str = Field(description='What the system proposes now; "" when it cannot propose')
    detail: dict[str, Any] = Field(
        description="For reoffending: the score now, or the reasons it cannot be scored"
    )


class JudgementOut(Schema):
    kind: JudgementKind
    label: str
    made: bool
    rating: str | None = Field(description="The practitioner's decision; null until made")
    proposed: str | None = Field(
        description="What the system proposed when the rating was decided or reconfirmed"
    )
    reason: str | None
    version: int = Field(description="0 until made; send it to change or reconfirm")
    to_reconfirm: bool = Field(
        description="Something it rested on has changed since: reconfirm it or decide again"
    )
    changes: list[ChangeOut]
    detail: dict[str, Any] | None = Field(
        description="What the proposal was when decided: for reoffending the score kept with "
        "the judgement (model, percentages, band, terms and inputs)"
    )
    decided_by: str | None
    decided_at: Instant | None = None
    carried_from: int | None = Field(
        description="The earlier stage it was carried forward from, if it was"
    )
    proposal: ProposalOut
    ratings: list[str] = Field(description="The ratings a practitioner may choose from")
    cannot_score: list[str] = Field(
        description="Reoffending only: why the model cannot score the child now"
    )


class ConcernOut(Schema):
    id: int
    judgement: ConcernJudgement
    what: str
    to_whom: str
    to_whom_detail: str
    impact: str
    likelihood: str
    imminence: str
    evidence: str
    answer_keys: list[str]
    version: int
    rating: str = Field(description="The rating this concern proposes through the matrix")
    carried_from: int | None
    updated_at: Instant


class StageJudgementsOut(Schema):
    stage_id: int
    required: bool = Field(
        description="Judgements are required of a full stage, offered on a light one"
    )
    open: bool = Field(description="False once the stage has ended: nothing can change")
    judgements: list[JudgementOut] = Field(
        description="Every judgement the stage makes, in the framework's order"
    )
    concerns: list[ConcernOut]


class DecisionIn(Schema):
    rating: str = Field(max_length=20, description="One of the judgement's `ratings`")
    reason: str = Field(
        default="",
        description="Required where the rating differs from the proposal, or there is none",
    )
    version: int = Field(ge=0, description="The judgement's version: 0 when not yet made")


class ReconfirmIn(Schema):
    version: int = Field(ge=0, description="The judgement's version")
    reason: str = Field(
        default="",
        description="Why the rating still holds: required when the proposal moved since the "
        "judgement was made (for reoffending, the model's band) and the rating is not the new "
        "proposal; it replaces the reason given before",
    )


class JudgementConflict(Schema):
    detail: str
    current: JudgementOut = Field(description="The judgement as it is now: read it, then decide")


class ConcernFields(Schema):
    what: str = Field(description="What might happen")
    to_whom: str = Field(
        description="serious_harm: public, known_adult, child, staff or other; "
        "safety_wellbeing: the_child (the judgement rules' choices)"
    )
    to_whom_detail: str = Field(default="", description="Who, in a few words")
    impact: str = Field(description="minor, moderate, serious or severe")
    likelihood: str = Field(description="unlikely, possible, likely or very_likely")
    imminence: str = Field(description="not_soon, months, weeks or imminent")
    evidence: str
    answer_keys: list[str] = Field(
        default_factory=list, description="Questions of this stage the concern rests on"
    )


class ConcernIn(ConcernFields):
    judgement: ConcernJudgement


class ConcernChangeIn(ConcernFields):
    version: int = Field(ge=0, description="The concern's version")


class ConcernConflict(Schema):
    detail: str
    current: ConcernOut


class ScoreQuery(Schema):
    on: str | None = Field(
        None, description="The date to score at, YYYY-MM-DD; default: today (UK time)"
    )


class RemoveQuery(Schema):
    version: int = Field(description="The concern's version")
