"""The structure of the AssetPlus catalogue: what each YAML file may contain.

Parsing a file into these frozen models is the structural check (unknown keys, wrong kinds,
missing labels are refused with the path to the fault). The meaning of the whole catalogue
(references, cycles, translations, duplicated facts) is checked by `framework.validation`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Kind = Literal[
    "text", "long_text", "yes_no", "choice", "multi_choice", "date", "number", "rating", "list"
]
ItemKind = Literal["text", "long_text", "yes_no", "choice", "date", "number", "rating"]
Depth = Literal["core", "full", "further"]
Nature = Literal["description", "analysis"]
Part = Literal["information_gathering", "explanations", "planning", "judgements", "module"]

KINDS_WITH_OPTIONS = {"choice", "multi_choice", "rating"}
YET_TO_CLARIFY = "yet_to_clarify"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """Words in English and Welsh. Welsh may be missing only where the validator allows it."""

    en: str = Field(min_length=1)
    cy: str = ""

    def get(self, language: str) -> str:
        return self.cy if language.startswith("cy") and self.cy else self.en


class Option(Strict):
    value: str = Field(pattern=r"^[a-z0-9_]+$")
    label: Text
    exclusive: bool = (
        False  # multiple choice: "none of these", shown after an "or" and never combined
    )


class ItemField(Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: ItemKind
    label: Text
    options: tuple[Option, ...] = ()
    required: bool = True


class ShowIf(Strict):
    """Ask this question only when another answer is (or is one of) the given value(s)."""

    question: str
    equals: str | None = None
    in_: tuple[str, ...] = Field(default=(), alias="in")
    answered: bool | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_condition(self) -> ShowIf:
        given = [self.equals is not None, bool(self.in_), self.answered is not None]
        if sum(given) != 1:
            raise ValueError("show_if needs exactly one of: equals, in, answered")
        return self

    def accepted_values(self) -> tuple[str, ...]:
        if self.equals is not None:
            return (self.equals,)
        return self.in_


class Wording(Strict):
    """A question's words for organisations in Wales, where the law's terms differ (additional
    learning needs, not special educational needs; section 76 of the 2014 Act, not section 20).
    The question's own `label` and `help` are England's."""

    label: Text | None = None
    help: Text | None = None


class Question(Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
    kind: Kind
    label: Text
    help: Text | None = None
    example: Text | None = None
    options: tuple[Option, ...] = ()
    yet_to_clarify: bool = False
    depth: Depth = "core"
    required: bool = True
    nature: Nature = "description"
    show_if: ShowIf | None = None
    source: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
    feeds: tuple[str, ...] = ()
    items: tuple[ItemField, ...] = ()
    # Stage types that ask this question; empty means every stage type asking the section.
    stages: tuple[str, ...] = ()
    wales: Wording | None = None

    @property
    def section_key(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def is_required(self) -> bool:
        """Further-exploration questions and pulled-through facts are never required."""
        return self.required and self.depth != "further" and self.source is None

    def label_in(self, nation: str) -> Text:
        """The label in the terms of the child's nation ("england" or "wales")."""
        if nation == "wales" and self.wales is not None and self.wales.label is not None:
            return self.wales.label
        return self.label

    def help_in(self, nation: str) -> Text | None:
        if nation == "wales" and self.wales is not None and self.wales.help is not None:
            return self.wales.help
        return self.help

    def asked_in(self, stage_type: str) -> bool:
        return not self.stages or stage_type in self.stages

    def choices(self) -> tuple[Option, ...]:
        if self.yet_to_clarify and self.kind in {"choice", "yes_no"}:
            return (
                *self.options,
                Option(value=YET_TO_CLARIFY, label=Text(en="Yet to clarify", cy="I’w egluro eto")),
            )
        return self.options


class Section(Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    part: Part
    title: Text
    intro: Text | None = None
    written_by: str = Field(min_length=1)
    checked_by: str = Field(min_length=1)
    questions: tuple[Question, ...] = Field(min_length=1)


class StageSection(Strict):
    section: str
    # Defaults to the stage's depth. "further": the section is offered, never required: its
    # core and further questions are shown, none must be answered, and it is not one of the
    # screens a practitioner must go through (a light stage reaches it without deepening).
    depth: Literal["core", "full", "further"] | None = None


class StageType(Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: Text
    description: Text
    depth: Literal["core", "full"]
    due_days: int = Field(ge=1, le=365)
    sections: tuple[StageSection, ...] = Field(min_length=1)
    judgements: tuple[
        Literal["reoffending", "serious_harm", "safety_wellbeing", "intervention_level"], ...
    ] = Field(
        default=(),
        description="Judgements the stage makes: required at full depth, offered when light",
    )


class Fact(Strict):
    """A Core Record fact the catalogue may pull through instead of asking."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
    label: Text


class Manifest(Strict):
    version: str = Field(pattern=r"^\d{4}\.\d+$")
    status: Literal["draft", "released"]
    title: Text
    sections: tuple[str, ...] = Field(
        min_length=1, description="Section keys in the order they are shown"
    )
