"""The shapes of the assessment routes: the catalogue, stages, answers, completion, changes.

Stage types and question keys are strings here, not enumerations: they come from the catalogue
(YAML), which changes without code changes, so an unknown one is refused by the route with a
field error rather than by the schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import Field, PlainSerializer, WithJsonSchema

from cairn.framework.schema import Depth, ItemKind, Kind, Nature, Part


def _instant(value: dt.datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


Instant = Annotated[
    dt.datetime,
    PlainSerializer(_instant, return_type=str, when_used="always"),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
"""A point in time to the microsecond (the default JSON encoder keeps milliseconds), so that a
change's `at` sent back as `since` does not return the same change again."""


class Words(Schema):
    en: str
    cy: str = Field(description="Welsh; empty where the catalogue has no Welsh yet")


class OptionOut(Schema):
    value: str
    label: Words


class ShowIfOut(Schema):
    question: str = Field(description="The key of the question this one depends on")
    equals: str | None = None
    in_: list[str] = Field(default_factory=list, alias="in", serialization_alias="in")
    answered: bool | None = None


class ItemOut(Schema):
    key: str
    kind: ItemKind
    label: Words
    options: list[OptionOut]
    required: bool


class WalesWordsOut(Schema):
    label: Words | None = None
    help: Words | None = None


class QuestionOut(Schema):
    key: str
    kind: Kind
    label: Words
    help: Words | None = None
    example: Words | None = None
    options: list[OptionOut] = Field(
        description="Every value an answer may take, including yet_to_clarify where allowed"
    )
    depth: Depth
    required: bool = Field(
        description="Counts towards completion when shown and asked at the stage's depth"
    )
    nature: Nature
    source: str | None = Field(
        None, description="A Core Record fact shown instead of asked; answers cannot be saved"
    )
    show_if: ShowIfOut | None = None
    feeds: list[str]
    items: list[ItemOut] = Field(description="The fields of each entry of a list question")
    stages: list[str] = Field(
        default_factory=list,
        description="Stage type keys that ask this question; empty: every stage asking its section",
    )
    wales: WalesWordsOut | None = Field(
        None,
        description="The label and help for children of organisations in Wales, where the law's "
        "terms differ (additional learning needs, section 76); null: the same as label and help",
    )


class SectionOut(Schema):
    key: str
    title: Words
    part: Part
    intro: Words | None = None
    questions: list[QuestionOut]


class StageSectionOut(Schema):
    section: str
    depth: Literal["core", "full", "further"] | None = Field(
        None,
        description="None: the stage's own depth; further: offered, never required (its core "
        "and further questions are shown, none must be answered)",
    )


class StageTypeOut(Schema):
    key: str
    label: Words
    description: Words
    depth: Literal["core", "full"]
    due_days: int
    sections: list[StageSectionOut]


class CatalogueOut(Schema):
    version: str
    status: Literal["draft", "released"]
    sections: list[SectionOut]
    stage_types: list[StageTypeOut]


class StageIn(Schema):
    stage_type: str = Field(
        min_length=1, max_length=30, description="A stage type key from GET /catalogue"
    )


StageStatus = Literal["in_progress", "completed", "stopped", "cancelled"]
StageDepth = Literal["core", "full"]


class StageSummary(Schema):
    id: int
    child_id: int
    stage_type: str
    status: StageStatus
    depth: StageDepth
    catalogue_version: str
    due_date: dt.date
    started_at: Instant
    ended_at: Instant | None = None


class AnswerValue(Schema):
    value: Any = Field(description="The stored answer; null for a cleared answer")
    version: int = Field(ge=0, description="0 for a question never answered")


class StageOut(StageSummary):
    answers: dict[str, AnswerValue] = Field(
        description="Every question with a saved answer (a cleared one shows null), by key"
    )


class AnswerIn(Schema):
    value: Any = Field(description='The answer; null, "" or [] clears it')
    version: int = Field(
        ge=0, description="The version the change is based on: 0 for a question not yet answered"
    )


class AnswerOut(Schema):
    key: str
    value: Any
    version: int


class Conflict(Schema):
    detail: str
    current: AnswerValue = Field(
        description="The answer as someone else saved it: choose, then send again with this version"
    )


class Message(Schema):
    detail: str


class SectionCompletion(Schema):
    key: str
    state: Literal[
        "complete", "required_missing", "to_confirm", "ready", "optional_only", "not_started"
    ]
    required_count: int
    answered_count: int
    required_missing: list[str]


class OutstandingItem(Schema):
    key: str = Field(description="e.g. judgement:serious_harm")
    state: str = Field(description="missing or reconfirm")
    title: str
    detail: str


class CompletionOut(Schema):
    complete: bool = Field(
        description="Every required question answered, every carried-forward answer of the "
        "stage's own sections confirmed or changed, and every required judgement made and current"
    )
    required_missing: list[str]
    carried_to_confirm: list[str] = Field(
        default_factory=list,
        description="Carried-forward answers of the stage's own sections still to confirm or "
        "change, by key (answers carried from sections the stage does not ask are not listed)",
    )
    sections: list[SectionCompletion]
    outstanding: list[OutstandingItem] = Field(
        description="Judgements (and later plan items) still to make or to reconfirm"
    )


class ChangeOut(Schema):
    key: str
    old: Any
    new: Any
    by: str = Field(description="The username of whoever made the last change")
    at: Instant
