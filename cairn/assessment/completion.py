"""What a stage asks, what is answered and what is left: the completion map.

Proportionality lives here. A stage asks each of its sections at a depth (its own, or one the
stage type sets for that section): core questions always, full questions only at full depth,
further-exploration questions are offered but never required. A question is shown when its
show-if condition holds on the current answers. A required question is one that is shown,
required by the catalogue, not pulled through from the Core Record and not further
exploration. A stage type may offer a section without requiring it (its depth in stages.yaml is
`further`): its core and further questions are shown, none is required, and it is not one of
the screens the stage must go through. A question may name the stage types that ask it
(`stages`); other stage types never show it. Pure functions over plain values, so the map can
be computed for any stage and any point in its history.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from cairn.assessment.answers import is_answered
from cairn.framework.catalogue import Catalogue
from cairn.framework.schema import Question, Section


class SectionState(StrEnum):
    COMPLETE = "complete"
    REQUIRED_MISSING = "required_missing"
    TO_CONFIRM = "to_confirm"  # carried-forward answers shown here wait to be confirmed
    READY = "ready"  # every required question answered, not yet marked complete
    OPTIONAL_ONLY = "optional_only"
    NOT_STARTED = "not_started"


@dataclass(frozen=True)
class SectionProgress:
    section: Section
    depth: str
    asked: tuple[Question, ...]
    offered: tuple[Question, ...]  # further exploration
    required_missing: tuple[Question, ...]
    required_count: int
    answered_count: int
    is_marked_complete: bool
    new_keys: frozenset[str] = field(default_factory=frozenset)
    questions: tuple[Question, ...] = ()  # the section's questions this stage type may ask
    # Shown questions whose answers were carried forward and wait to be confirmed or changed.
    unconfirmed: tuple[Question, ...] = ()

    @property
    def is_optional(self) -> bool:
        """Offered, never required: a light stage reaches it without deepening."""
        return self.depth == "further"

    @property
    def required(self) -> tuple[Question, ...]:
        """The questions shown now that must be answered."""
        return () if self.is_optional else tuple(q for q in self.asked if is_required(q))

    @property
    def state(self) -> SectionState:
        """Required questions left first, then carried answers to confirm: a section is not
        complete (or ready to be marked so) while any answer it shows still waits."""
        if self.required_missing:
            return SectionState.REQUIRED_MISSING
        if self.unconfirmed:
            return SectionState.TO_CONFIRM
        if self.is_marked_complete:
            return SectionState.COMPLETE
        if self.required_count == 0:
            return SectionState.OPTIONAL_ONLY
        return SectionState.READY

    @property
    def has_new_questions(self) -> bool:
        return bool(self.new_keys)


@dataclass(frozen=True)
class StageProgress:
    sections: tuple[SectionProgress, ...]

    @property
    def required_missing(self) -> list[Question]:
        return [question for section in self.sections for question in section.required_missing]

    @property
    def is_complete(self) -> bool:
        return not self.required_missing

    def section(self, key: str) -> SectionProgress:
        return next(progress for progress in self.sections if progress.section.key == key)


def stage_sections(
    catalogue: Catalogue, stage_type: str, stage_depth: str
) -> list[tuple[Section, str]]:
    """The stage's sections in catalogue order, each with the depth it is asked at.

    A section is asked at the depth the stage type declares for it, else the stage's depth. A
    light stage that has been deepened (its depth is full, its type's is core) asks every
    section in full."""
    stage = catalogue.stage(stage_type)
    declared = {entry.section: entry.depth for entry in stage.sections}
    deepened = stage_depth == "full" and stage.depth == "core"
    result = []
    for section in catalogue.sections:
        if section.key in declared:
            depth = "full" if deepened else (declared[section.key] or stage_depth)
            result.append((section, depth))
    return result


def is_shown(
    question: Question,
    answers: Mapping[str, Any],
    questions: Mapping[str, Question] | None = None,
) -> bool:
    """Whether the question's show-if holds; a follow-up of a hidden question is hidden too.

    The catalogue validator refuses show-if cycles, so following the chain ends."""
    condition = question.show_if
    if condition is None:
        return True
    controlling = questions.get(condition.question) if questions is not None else None
    if controlling is not None and not is_shown(controlling, answers, questions):
        return False
    value = answers.get(condition.question)
    if condition.answered is not None:
        return is_answered(value) == condition.answered
    accepted = condition.accepted_values()
    if isinstance(value, list):
        return any(item in accepted for item in value)
    return value in accepted


def asked_at(question: Question, depth: str) -> bool:
    """Whether a question is shown at this depth (an offered section, "further", shows its
    core questions)."""
    return question.depth == "core" or (question.depth == "full" and depth == "full")


def is_required(question: Question) -> bool:
    return question.is_required


def progress(
    catalogue: Catalogue,
    stage_type: str,
    stage_depth: str,
    answers: Mapping[str, Any],
    marked: set[str] | frozenset[str] = frozenset(),
    seen: Mapping[str, set[str]] | None = None,
    unconfirmed: set[str] | frozenset[str] = frozenset(),
) -> StageProgress:
    """The map of a stage. `unconfirmed` holds the keys of the stage's carried-forward answers
    not yet confirmed (Answer.is_confirmed); only those its sections show count as waiting."""
    sections = []
    for section, depth in stage_sections(catalogue, stage_type, stage_depth):
        questions = tuple(q for q in section.questions if q.asked_in(stage_type))
        asked = tuple(
            q for q in questions if asked_at(q, depth) and is_shown(q, answers, catalogue.questions)
        )
        offered = tuple(
            q
            for q in questions
            if q.depth == "further" and is_shown(q, answers, catalogue.questions)
        )
        required = [] if depth == "further" else [q for q in asked if is_required(q)]
        missing = tuple(q for q in required if not is_answered(answers.get(q.key)))
        visible_keys = {q.key for q in asked + offered}
        previously_seen = seen.get(section.key) if seen is not None else None
        new_keys = (
            frozenset(visible_keys - previously_seen)
            if previously_seen is not None
            else frozenset()
        )
        sections.append(
            SectionProgress(
                section=section,
                depth=depth,
                asked=asked,
                offered=offered,
                required_missing=missing,
                required_count=len(required),
                answered_count=sum(1 for q in asked + offered if is_answered(answers.get(q.key))),
                is_marked_complete=section.key in marked,
                new_keys=new_keys,
                questions=questions,
                unconfirmed=tuple(
                    q for q in section.questions if q.key in visible_keys and q.key in unconfirmed
                ),
            )
        )
    return StageProgress(tuple(sections))


def effort(catalogue: Catalogue, stage_type: str) -> dict[str, int]:
    """Inputs a stage type asks for when nothing triggers a follow-up: for bench/effort.py.

    Screens are the sections the stage must go through; a section it only offers counts
    among the optional screens, and its questions among the optional inputs."""
    stage = catalogue.stage(stage_type)
    required = optional = screens = optional_screens = 0
    for section, depth in stage_sections(catalogue, stage_type, stage.depth):
        offered_only = depth == "further"
        if offered_only:
            optional_screens += 1
        else:
            screens += 1
        for question in section.questions:
            if question.source is not None or not question.asked_in(stage_type):
                continue
            if not (asked_at(question, depth) or question.depth == "further"):
                continue
            if (
                not offered_only
                and asked_at(question, depth)
                and is_required(question)
                and question.show_if is None
            ):
                required += 1
            else:
                optional += 1
    return {
        "required_inputs": required,
        "optional_inputs": optional,
        "screens": screens,
        "optional_screens": optional_screens,
    }
