"""What a review stage asks of a practitioner when one Core Record fact changed since the last
stage, measured by doing it (bench/effort.py's `review_after_one_change` line).

`measure()` needs Django set up and a database to write in (bench/effort.py gives it a
throwaway one; tests give it theirs). It sets up a child with a completed full stage
(start of order: every required question answered, every judgement made), changes one Core
Record fact (the child moves home: a new address), starts a review stage and then does what
completing it needs, counting as it goes:

- the change: one input on one screen (the address form);
- each section with carried-forward answers waiting: one confirm, all on one screen (the
  review page of carried answers);
- each judgement (or other item) to reconfirm or make: one input on one screen each;
- each required question the review asks that the last stage did not: one input, one screen
  per section holding any.

It completes the stage at the end, so a count that leaves something out fails loudly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from cairn.accounts.models import Membership, Organisation, User
from cairn.assessment import completion, extensions, operations, review
from cairn.assessment.models import Answer, Stage
from cairn.audit.operations import Actor
from cairn.framework import catalogue as catalogues
from cairn.framework.schema import ItemField, Question
from cairn.judgements import operations as judgement_operations
from cairn.judgements import queries as judgement_queries
from cairn.plans import operations as plan_operations
from cairn.records import operations as record_operations
from cairn.records.models import Address, Child, Offence

FIRST_STAGE = "start_of_order"
REVIEW_STAGE = "review"
REASON = "My own view, from what the assessment holds (effort benchmark)."


class ReviewEffortError(RuntimeError):
    """The scenario could not be completed: the message says what was left."""


@dataclass(frozen=True)
class ReviewEffort:
    change: int
    section_confirms: int
    reconfirmations: int
    answers: int
    answer_screens: int

    @property
    def required_inputs(self) -> int:
        return self.change + self.section_confirms + self.reconfirmations + self.answers

    @property
    def screens(self) -> int:
        return (
            self.change
            + (1 if self.section_confirms else 0)
            + self.reconfirmations
            + self.answer_screens
        )

    def line(self) -> str:
        return (
            f"review_after_one_change required_inputs={self.required_inputs} screens={self.screens}"
        )

    def breakdown(self) -> str:
        return (
            f"  (the change {self.change}, section confirms {self.section_confirms} on one "
            f"page, reconfirmations {self.reconfirmations}, new required answers "
            f"{self.answers} on {self.answer_screens} screen(s))"
        )


def _value(question: Question | ItemField) -> Any:
    """A valid answer of any kind (the first option, a date, a short text)."""
    choices = question.choices() if isinstance(question, Question) else question.options
    if question.kind == "yes_no":
        return "no"
    if question.kind in {"choice", "rating"}:
        return choices[0].value
    if question.kind == "multi_choice":
        exclusive = [option.value for option in choices if option.exclusive]
        return [exclusive[0] if exclusive else choices[0].value]
    if question.kind == "date":
        return "2024-01-02"
    if question.kind == "number":
        return 1
    if question.kind == "list" and isinstance(question, Question):
        return [{item.key: _value(item) for item in question.items}]
    return "Settled; nothing of concern."


def _answer(by: Actor, stage: Stage, question: Question) -> None:
    current = Answer.objects.filter(stage=stage, key=question.key).first()
    operations.record_answer(
        by=by,
        stage=stage,
        key=question.key,
        value=_value(question),
        version=current.version if current else 0,
    )


def _missing(stage: Stage) -> list[Question]:
    stage.refresh_from_db()
    catalogue = catalogues.load(stage.catalogue_version)
    values = dict(stage.answers.values_list("key", "value"))
    return completion.progress(catalogue, stage.stage_type, stage.depth, values).required_missing


def _answer_required(by: Actor, stage: Stage) -> tuple[int, set[str]]:
    """Answer what is required until nothing is (answers can show follow-ups)."""
    count, sections = 0, set[str]()
    for _round in range(10):
        missing = _missing(stage)
        if not missing:
            return count, sections
        for question in missing:
            _answer(by, stage, question)
            count += 1
            sections.add(question.section_key)
    raise ReviewEffortError("required questions kept appearing")


def _settle_items(by: Actor, stage: Stage) -> int:
    """Make or reconfirm every outstanding judgement (and give a full stage's plan a target);
    the number of inputs it took."""
    inputs = 0
    for _round in range(5):
        outstanding = extensions.outstanding(stage)
        if not outstanding:
            return inputs
        states = judgement_queries.review(stage).states
        for item in outstanding:
            if item.key == "plan:intervention":
                plan_operations.add_target(
                    by=by,
                    stage=stage,
                    data=plan_operations.TargetInput(
                        objective="Keep going to college every day",
                        question_key=_first_need(stage),
                    ),
                )
                inputs += 1
                continue
            kind = item.key.partition(":")[2]
            state = states.get(kind)
            if not item.key.startswith("judgement:") or state is None:
                raise ReviewEffortError(f"cannot settle {item.key}: {item.detail}")
            version = state.judgement.version if state.judgement else 0
            if item.state == extensions.ItemState.RECONFIRM and state.judgement is not None:
                judgement_operations.reconfirm(by=by, stage=stage, kind=kind, version=version)
            else:
                rating = "standard" if kind == "intervention_level" else "low"
                judgement_operations.decide(
                    by=by, stage=stage, kind=kind, rating=rating, reason=REASON, version=version
                )
            inputs += 1
    raise ReviewEffortError("judgements kept needing attention")


def _first_need(stage: Stage) -> str:
    """The first question of the stage's first section that it answered: a need the target
    rests on."""
    catalogue = catalogues.load(stage.catalogue_version)
    answered = set(stage.answers.values_list("key", flat=True))
    for section, _depth in completion.stage_sections(catalogue, stage.stage_type, stage.depth):
        for question in section.questions:
            if question.key in answered:
                return question.key
    raise ReviewEffortError("the stage has no answer for a target to rest on")


def _complete(by: Actor, stage: Stage) -> Stage:
    try:
        return operations.complete_stage(by=by, stage=stage)
    except operations.IncompleteStageError as left:
        raise ReviewEffortError(f"{stage.stage_type} could not be completed: {left}") from None


def _world() -> tuple[Actor, Child]:
    organisation = Organisation.objects.create(
        name="Effortshire Youth Justice Service",
        short_name="Effortshire",
        code="effort-yjs",
        kind=Organisation.Kind.YOUTH_JUSTICE_SERVICE,
    )
    user = User.objects.create_user("effort.practitioner", password=None)
    Membership.objects.create(
        user=user, organisation=organisation, role=Membership.Role.PRACTITIONER
    )
    by = Actor(user=user, organisation=organisation)
    child = record_operations.create_child(
        by=by,
        organisation=organisation,
        data={
            "given_name": "Sam",
            "family_name": "Effort",
            "date_of_birth": timezone.localdate() - dt.timedelta(days=15 * 365),
            "sex": "male",
            "case_worker": user,
        },
    )
    today = timezone.localdate()
    record_operations.add_to_record(
        by=by,
        child=child,
        model=Address,
        part="addresses",
        data={
            "line_1": "1 High Street",
            "town": "Northtown",
            "from_date": today - dt.timedelta(days=900),
        },
    )
    record_operations.add_to_record(
        by=by,
        child=child,
        model=Offence,
        part="offences",
        data={
            "offence_date": today - dt.timedelta(days=200),
            "description": "Theft of a bicycle",
            "category": Offence.Category.THEFT,
        },
    )
    return by, child


def measure() -> ReviewEffort:
    """Do a review after one Core Record change and count what completing it needed."""
    by, child = _world()
    first = operations.start_stage(by=by, child=child, stage_type=FIRST_STAGE)
    _answer_required(by, first)
    _settle_items(by, first)
    _complete(by, first)

    # The one change: the child moved home.
    today = timezone.localdate()
    record_operations.add_to_record(
        by=by,
        child=child,
        model=Address,
        part="addresses",
        data={"line_1": "4 Mill Lane", "town": "Northtown", "from_date": today},
    )

    stage = operations.start_stage(by=by, child=child, stage_type=REVIEW_STAGE)
    catalogue = catalogues.load(stage.catalogue_version)
    sections = [progress.section.key for progress, _keys in review.waiting(stage, catalogue)]
    for section in sections:
        operations.confirm_section(
            by=by, stage=stage, section=section, shown=operations.waiting_in_section(stage, section)
        )
    answers, answer_sections = _answer_required(by, stage)
    reconfirmations = _settle_items(by, stage)
    _complete(by, stage)
    return ReviewEffort(
        change=1,
        section_confirms=len(sections),
        reconfirmations=reconfirmations,
        answers=answers,
        answer_screens=len(answer_sections),
    )
