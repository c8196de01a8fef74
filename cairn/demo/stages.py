"""Writing a demo child's assessment history through the same operations a practitioner uses.

For each planned stage, on the days it happened (see `clock`): start it (a later stage carries
the last one's answers, concerns and judgements forward), confirm the carried answers the
practitioner checked, write the answers section by section over the days the stage was worked
on, add the concerns and make the judgements, mark the finished sections complete, and either
complete the stage (sent for sign-off and signed off by a manager first where the
countersigning policy says so: `signoffs`) or leave it in progress, with any answer changed after the judgements were
made flagging them to reconfirm. Everything is written by the child's case worker and audited.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from cairn.assessment import answers, completion
from cairn.assessment import operations as assessment
from cairn.assessment.models import Answer, SectionMark, Stage
from cairn.audit.operations import Actor
from cairn.demo import intervention_plans, judgements, signoffs
from cairn.demo.clock import Clock, moment, travel
from cairn.demo.judgements import DemoDataError
from cairn.demo.plans import Case, StagePlan
from cairn.framework import catalogue as catalogues
from cairn.judgements.models import Concern
from cairn.records.models import Child

# Hours of the working day (local time) at which each step of a day's work is written.
START, ANSWERS_FROM, ANSWERS_UNTIL = 9.5, 10.0, 16.0
CONCERNS, JUDGEMENTS, MARKS, LATER, SIGNED_OFF, COMPLETED = 12.0, 13.0, 14.0, 15.0, 16.25, 16.5


def write_case(case: Case, child: Child, day: dt.date) -> list[Stage]:
    """Write the child's planned stages, oldest first, counting back from `day` (the demo's
    today: the real date, or earlier)."""
    actor = Actor(user=child.case_worker, organisation=child.organisation)
    written = []
    for plan in case.stages:
        _check_dates(child, plan)
        with travel(moment(day, plan.started, START)) as clock:
            written.append(_write_stage(actor, child, plan, clock, day))
    return written


def _check_dates(child: Child, plan: StagePlan) -> None:
    last = plan.ended if plan.ended is not None else plan.last_worked
    if not plan.started >= last >= 1:
        raise DemoDataError(
            f"{child.local_id} {plan.stage_type}: started {plan.started} days ago must be on or "
            f"before its last day of work, {last} days ago, and that at least a day ago"
        )


def _write_stage(by: Actor, child: Child, plan: StagePlan, clock: Clock, day: dt.date) -> Stage:
    stage = assessment.start_stage(by=by, child=child, stage_type=plan.stage_type)
    started = stage.started_at
    last_day = plan.ended if plan.ended is not None else plan.last_worked
    Concern.objects.filter(stage=stage).update(created_at=started, updated_at=started)
    for section in _sections_to_confirm(stage, plan):
        assessment.confirm_section(
            by=by,
            stage=stage,
            section=section,
            shown=assessment.waiting_in_section(stage, section),
        )

    ordered = _in_catalogue_order(stage, plan.answers)
    written = started
    latest = moment(day, last_day, ANSWERS_UNTIL)
    for index, (key, value) in enumerate(ordered):
        # Never before a day the answer names ("(mum, 3 May)"): it was written after hearing it.
        written = min(
            latest,
            max(
                written,
                _spread(day, plan.started, last_day, index / len(ordered)),
                _named_moment(value, day),
            ),
        )
        clock.set(written)
        _answer(by, stage, key, value)

    clock.set(moment(day, last_day, CONCERNS))
    first_concern = clock.now()
    judgements.add_concerns(by, stage, plan.concerns)
    Concern.objects.filter(stage=stage, carried_from__isnull=True).update(
        created_at=first_concern, updated_at=first_concern
    )
    clock.set(moment(day, last_day, JUDGEMENTS))
    judgements.decide(by, stage, plan.judgements)
    if plan.is_completed:
        judgements.reconfirm_flagged(by, stage)

    clock.set(moment(day, last_day, MARKS))
    _mark_sections(by, stage, plan, clock)

    clock.set(moment(day, last_day, LATER))
    for key, value in plan.later_answers.items():
        _answer(by, stage, key, value)
    intervention_plans.write(by, stage)

    if plan.is_completed:
        clock.set(moment(day, last_day, SIGNED_OFF))
        signoffs.sign_off_if_needed(by, stage)
        clock.set(moment(day, last_day, COMPLETED))
        try:
            stage = assessment.complete_stage(by=by, stage=stage)
        except assessment.IncompleteStageError as error:
            missing = ", ".join(question.key for question in error.missing)
            items = ", ".join(item.key for item in error.outstanding)
            waiting = ", ".join(q.key for _section, keys in error.unconfirmed for q in keys)
            raise DemoDataError(
                f"{child.local_id} {plan.stage_type} cannot be completed. Unanswered: "
                f"{missing or 'none'}. Outstanding: {items or 'none'}. "
                f"Carried answers to confirm: {waiting or 'none'}."
            ) from None
    return stage


def _sections_to_confirm(stage: Stage, plan: StagePlan) -> list[str]:
    keys = [section.key for section, _depth in _sections(stage)]
    # A completed stage has every carried answer confirmed or changed (completing waits for it).
    if plan.confirm == "all" or plan.is_completed:
        return keys
    return [key for key in keys if key in plan.confirm]


def _sections(stage: Stage) -> list[tuple[Any, str]]:
    catalogue = catalogues.load(stage.catalogue_version)
    return completion.stage_sections(catalogue, stage.stage_type, stage.depth)


def _in_catalogue_order(stage: Stage, planned: dict[str, Any]) -> list[tuple[str, Any]]:
    position = {
        question.key: index
        for index, question in enumerate(
            question for section, _depth in _sections(stage) for question in section.questions
        )
    }
    unknown = sorted(set(planned) - set(position))
    if unknown:
        raise DemoDataError(
            f"{stage.child.local_id} {stage.stage_type} does not ask: {', '.join(unknown)}"
        )
    return sorted(planned.items(), key=lambda item: position[item[0]])


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DAY_MONTH = re.compile(r"\b(\d{1,2}) (" + "|".join(_MONTHS) + r")\b")


def _named_moment(value: Any, day: dt.date) -> dt.datetime:
    """The start of the working day after the latest day an answer's text names ("3 May", the
    last such date on or before `day`), or the distant past when it names none."""
    found = dt.datetime.min.replace(tzinfo=dt.UTC)
    if not isinstance(value, str):
        return found
    for number, month in _DAY_MONTH.findall(value):
        try:
            named = dt.date(day.year, _MONTHS.index(month) + 1, int(number))
        except ValueError:
            continue
        if named > day:
            named = named.replace(year=day.year - 1)
        found = max(found, moment(day, (day - named).days, ANSWERS_FROM))
    return found


def _spread(day: dt.date, first_day: int, last_day: int, fraction: float) -> dt.datetime:
    """A moment `fraction` of the way through the working days from first to last."""
    span = fraction * (first_day - last_day)
    days_ago = first_day - math.floor(span)
    if first_day == last_day:
        return moment(day, days_ago, ANSWERS_FROM + fraction * (CONCERNS - ANSWERS_FROM))
    return moment(day, days_ago, ANSWERS_FROM + (span % 1) * (ANSWERS_UNTIL - ANSWERS_FROM))


def _answer(by: Actor, stage: Stage, key: str, value: Any) -> None:
    version = Answer.objects.filter(stage=stage, key=key).values_list("version", flat=True)
    try:
        assessment.record_answer(
            by=by, stage=stage, key=key, value=value, version=version.first() or 0
        )
    except (
        assessment.UnknownQuestionError,
        assessment.PulledThroughError,
        answers.InvalidAnswerError,
    ) as error:
        raise DemoDataError(
            f"{stage.child.local_id} {stage.stage_type}, {key}: {error!r}"
        ) from None


def _mark_sections(by: Actor, stage: Stage, plan: StagePlan, clock: Clock) -> None:
    """Mark complete the sections the plan says, or (by default) every section whose required
    questions are answered and whose carried answers are all confirmed."""
    catalogue = catalogues.load(stage.catalogue_version)
    values = dict(stage.answers.values_list("key", "value"))
    unconfirmed = {
        key.split(".", 1)[0]
        for key in stage.answers.filter(is_confirmed=False).values_list("key", flat=True)
    }
    found = completion.progress(catalogue, stage.stage_type, stage.depth, values)
    for section in found.sections:
        key = section.section.key
        if plan.mark_complete == "all" or plan.is_completed:
            wanted = True
        elif plan.mark_complete == "answered":
            answered = any(answers.is_answered(values.get(q.key)) for q in section.asked)
            wanted = answered and not section.required_missing and key not in unconfirmed
        else:
            wanted = key in plan.mark_complete
        if wanted:
            assessment.mark_section_complete(by=by, stage=stage, section=key)
    SectionMark.objects.filter(stage=stage).update(marked_at=clock.now())
