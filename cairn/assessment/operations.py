"""Starting, answering, completing and deepening stages.

Rules: a stage is written under one catalogue version; only an in-progress stage can change
(`StageFrozenError`); every answer save names the version it was based on, and a save based
on an old version writes nothing (`StaleAnswerError` carries the current answer so the person
can choose); every change is appended to the revision log and audited; changing an answer
un-marks its section as complete. Nothing is ever blocked from saving: an empty answer is a
valid save, and what is missing shows on the completion map.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from cairn.accounts.models import User
from cairn.assessment import answers, completion, extensions, facts
from cairn.assessment.models import (
    Answer,
    AnswerRevision,
    SectionMark,
    SectionVisit,
    Stage,
    Timescale,
)
from cairn.audit.operations import Actor, record_event
from cairn.framework import catalogue as catalogues
from cairn.framework.schema import Question
from cairn.records.models import Child


class StageFrozenError(Exception):
    """The stage is completed, stopped or cancelled: its answers can no longer change."""


class UnknownStageTypeError(ValueError):
    """The catalogue has no such stage type."""


class UnknownQuestionError(KeyError):
    """The stage's catalogue has no question with this key."""


class PulledThroughError(ValueError):
    """The question shows a Core Record fact: change it in the Core Record instead."""


class StaleAnswerError(Exception):
    """Someone saved this answer after the version the save was based on."""

    def __init__(self, current: Answer | None) -> None:
        super().__init__("The answer changed since it was opened.")
        self.current = current


class IncompleteStageError(Exception):
    """Required questions are still unanswered, or required judgements not yet made."""

    def __init__(
        self, missing: list[Question], outstanding: list[extensions.StageItem] | None = None
    ) -> None:
        outstanding = outstanding or []
        super().__init__(
            f"{len(missing)} required question(s) unanswered, {len(outstanding)} item(s) outstanding"
        )
        self.missing = missing
        self.outstanding = outstanding


def _user(by: Actor) -> User | None:
    return by.user


def due_date(organisation_id: int, stage_type: str, start: dt.date) -> dt.date:
    own = Timescale.objects.filter(organisation_id=organisation_id, stage_type=stage_type).first()
    days = own.due_days if own else catalogues.load().stage(stage_type).due_days
    return start + dt.timedelta(days=days)


def latest_stage(child: Child) -> Stage | None:
    return (
        Stage.objects.filter(child=child)
        .exclude(status=Stage.Status.CANCELLED)
        .order_by("-started_at", "-id")
        .first()
    )


@transaction.atomic
def start_stage(*, by: Actor, child: Child, stage_type: str, carry_forward: bool = True) -> Stage:
    catalogue = catalogues.load()
    if stage_type not in {stage.key for stage in catalogue.stages}:
        raise UnknownStageTypeError(stage_type)
    stage_config = catalogue.stage(stage_type)
    previous = latest_stage(child) if carry_forward else None
    now = timezone.now()
    stage = Stage.objects.create(
        child=child,
        organisation=child.organisation,
        stage_type=stage_type,
        depth=stage_config.depth,
        catalogue_version=catalogue.version,
        started_at=now,
        started_by=_user(by),
        due_date=due_date(child.organisation_id, stage_type, timezone.localdate()),
        previous=previous,
    )
    carried = 0
    if previous is not None:
        carried = _carry_forward(by, previous, stage, catalogue.questions)
        for carry in extensions.ON_STAGE_START:
            carry(by, previous, stage)
    record_event(
        by=by,
        event_type="assessment.stage.started",
        child_id=child.pk,
        obj=stage,
        summary=f"Started {stage_config.label.en} stage",
        detail={
            "stage_type": stage_type,
            "previous": previous.pk if previous else None,
            "carried_forward": carried,
        },
    )
    return stage


def _carry_forward(by: Actor, previous: Stage, stage: Stage, questions: dict[str, Question]) -> int:
    rows = []
    revisions = []
    for old in previous.answers.all():
        question = questions.get(old.key)
        if question is None or question.source is not None or not answers.is_answered(old.value):
            continue
        rows.append(
            Answer(
                stage=stage,
                key=old.key,
                value=old.value,
                version=1,
                question_label=question.label.en,
                updated_at=old.updated_at,
                updated_by_id=old.updated_by_id,
                carried_from=previous,
                is_confirmed=False,
            )
        )
        revisions.append(
            AnswerRevision(
                stage=stage,
                key=old.key,
                version=1,
                old_value=None,
                new_value=old.value,
                at=stage.started_at,
                by=_user(by),
                by_name=by.user.username if by.user else "system",
                note="carried forward",
            )
        )
    Answer.objects.bulk_create(rows)
    AnswerRevision.objects.bulk_create(revisions)
    return len(rows)


def question_of(stage: Stage, key: str) -> Question:
    """The question, if the stage asks its section at all (a stage answers only its own sections)."""
    catalogue = catalogues.load(stage.catalogue_version)
    try:
        question = catalogue.question(key)
    except KeyError:
        raise UnknownQuestionError(key) from None
    if question.section_key not in {
        entry.section for entry in catalogue.stage(stage.stage_type).sections
    }:
        raise UnknownQuestionError(key)
    return question


def _ensure_open(stage: Stage) -> None:
    if not stage.is_open:
        raise StageFrozenError(stage.get_status_display())


def ensure_editable(stage: Stage) -> None:
    """The stage is open and nothing (a sign-off) has frozen it; else StageFrozenError."""
    _ensure_open(stage)
    reason = extensions.frozen_reason(stage)
    if reason:
        raise StageFrozenError(reason)


@transaction.atomic
def record_answer(*, by: Actor, stage: Stage, key: str, value: Any, version: int) -> Answer:
    """Save one answer if it is still at `version` (0 for a question not yet answered)."""
    stage = Stage.objects.select_for_update().get(pk=stage.pk)
    ensure_editable(stage)
    question = question_of(stage, key)
    if question.source is not None:
        raise PulledThroughError(question.source)
    cleaned = answers.clean(question, value)
    current = Answer.objects.select_for_update().filter(stage=stage, key=key).first()
    if (current.version if current else 0) != version:
        raise StaleAnswerError(current)
    now = timezone.now()
    if current is not None and current.value == cleaned:
        if current.is_confirmed:
            return current
        return confirm_answer(by=by, stage=stage, key=key, version=version)
    if current is None:
        try:
            with transaction.atomic():
                current = Answer.objects.create(
                    stage=stage,
                    key=key,
                    value=cleaned,
                    version=1,
                    question_label=question.label.en,
                    updated_at=now,
                    updated_by=_user(by),
                )
        except IntegrityError:
            raise StaleAnswerError(Answer.objects.filter(stage=stage, key=key).first()) from None
        old_value = None
    else:
        old_value = current.value
        updated = Answer.objects.filter(pk=current.pk, version=version).update(
            value=cleaned,
            version=version + 1,
            updated_at=now,
            updated_by=_user(by),
            is_confirmed=True,
            question_label=question.label.en,
        )
        if not updated:
            raise StaleAnswerError(Answer.objects.get(pk=current.pk))
        current.refresh_from_db()
    AnswerRevision.objects.create(
        stage=stage,
        key=key,
        version=current.version,
        old_value=old_value,
        new_value=cleaned,
        at=now,
        by=_user(by),
        by_name=by.user.username if by.user else "system",
        note="corrected" if old_value is not None and current.carried_from_id else "",
    )
    SectionMark.objects.filter(stage=stage, section=question.section_key).delete()
    record_event(
        by=by,
        event_type="assessment.answer.recorded",
        child_id=stage.child_id,
        obj=current,
        summary=f"Answered {question.label.en[:200]}",
        detail={"stage": stage.pk, "key": key, "version": current.version},
    )
    extensions.edited(by, stage)
    return current


@transaction.atomic
def confirm_answer(*, by: Actor, stage: Stage, key: str, version: int) -> Answer:
    """Accept a carried-forward answer as still true."""
    ensure_editable(stage)
    question_of(stage, key)
    current = Answer.objects.select_for_update().filter(stage=stage, key=key).first()
    if current is None or current.version != version:
        raise StaleAnswerError(current)
    if current.is_confirmed:
        return current
    now = timezone.now()
    Answer.objects.filter(pk=current.pk).update(
        is_confirmed=True, version=version + 1, updated_at=now, updated_by=_user(by)
    )
    current.refresh_from_db()
    AnswerRevision.objects.create(
        stage=stage,
        key=key,
        version=current.version,
        old_value=current.value,
        new_value=current.value,
        at=now,
        by=_user(by),
        by_name=by.user.username if by.user else "system",
        note="confirmed",
    )
    record_event(
        by=by,
        event_type="assessment.answer.confirmed",
        child_id=stage.child_id,
        obj=current,
        summary=f"Confirmed carried-forward answer {key}",
        detail={"stage": stage.pk, "key": key},
    )
    extensions.edited(by, stage)
    return current


@transaction.atomic
def confirm_section(*, by: Actor, stage: Stage, section: str) -> int:
    """Confirm every carried-forward answer in a section in one action."""
    ensure_editable(stage)
    pending = list(
        Answer.objects.filter(stage=stage, key__startswith=f"{section}.", is_confirmed=False)
    )
    for answer in pending:
        confirm_answer(by=by, stage=stage, key=answer.key, version=answer.version)
    return len(pending)


@transaction.atomic
def mark_section_complete(*, by: Actor, stage: Stage, section: str) -> None:
    ensure_editable(stage)
    SectionMark.objects.get_or_create(
        stage=stage, section=section, defaults={"marked_by": _user(by)}
    )
    record_event(
        by=by,
        event_type="assessment.section.marked_complete",
        child_id=stage.child_id,
        obj=stage,
        summary=f"Marked {section.replace('_', ' ')} complete",
        detail={"section": section},
    )


@transaction.atomic
def complete_stage(*, by: Actor, stage: Stage) -> Stage:
    stage = Stage.objects.select_for_update().get(pk=stage.pk)
    _ensure_open(stage)
    catalogue = catalogues.load(stage.catalogue_version)
    values = {answer.key: answer.value for answer in stage.answers.all()}
    found = completion.progress(catalogue, stage.stage_type, stage.depth, values)
    outstanding = extensions.outstanding(stage)
    if found.required_missing or outstanding:
        raise IncompleteStageError(found.required_missing, outstanding)
    sources = {
        q.source for section in found.sections for q in section.asked + section.offered if q.source
    }
    child = facts.prefetched(stage.child_id)
    stage.snapshot = {"facts": facts.snapshot(child, sources), "at": timezone.now().isoformat()}
    stage.status = Stage.Status.COMPLETED
    stage.ended_at = timezone.now()
    stage.ended_by = _user(by)
    stage.save(update_fields=["snapshot", "status", "ended_at", "ended_by"])
    record_event(
        by=by,
        event_type="assessment.stage.completed",
        child_id=stage.child_id,
        obj=stage,
        summary=f"Completed {stage.stage_type.replace('_', ' ')} stage",
    )
    return stage


@transaction.atomic
def end_stage(*, by: Actor, stage: Stage, status: str, reason: str) -> Stage:
    """Stop (the work ended early) or cancel (opened in error) a stage, with a reason."""
    if status not in {Stage.Status.STOPPED, Stage.Status.CANCELLED}:
        raise ValueError(status)
    stage = Stage.objects.select_for_update().get(pk=stage.pk)
    _ensure_open(stage)
    stage.status, stage.ended_at, stage.ended_by, stage.end_reason = (
        status,
        timezone.now(),
        _user(by),
        reason[:300],
    )
    stage.save(update_fields=["status", "ended_at", "ended_by", "end_reason"])
    record_event(
        by=by,
        event_type=f"assessment.stage.{status}",
        child_id=stage.child_id,
        obj=stage,
        summary=f"{stage.get_status_display()}: {reason[:200]}",
    )
    return stage


@transaction.atomic
def deepen_stage(*, by: Actor, stage: Stage) -> Stage:
    """Turn a light stage into a full one; every answer is kept."""
    stage = Stage.objects.select_for_update().get(pk=stage.pk)
    ensure_editable(stage)
    if stage.depth == Stage.Depth.FULL:
        return stage
    stage.depth, stage.deepened_at = Stage.Depth.FULL, timezone.now()
    stage.save(update_fields=["depth", "deepened_at"])
    record_event(
        by=by,
        event_type="assessment.stage.deepened",
        child_id=stage.child_id,
        obj=stage,
        summary="Deepened to a full assessment",
    )
    return stage


def record_section_visit(*, user: User, stage: Stage, section: str, keys: set[str]) -> None:
    SectionVisit.objects.update_or_create(
        stage=stage,
        user=user,
        section=section,
        defaults={"seen_keys": sorted(keys), "seen_at": timezone.now()},
    )


@transaction.atomic
def set_timescales(*, by: Actor, organisation_id: int, days: dict[str, int]) -> None:
    """Set an organisation's own timescales; a value equal to the national default removes its row."""
    catalogue = catalogues.load()
    changes = {}
    for stage in catalogue.stages:
        wanted = days.get(stage.key, stage.due_days)
        own = Timescale.objects.filter(
            organisation_id=organisation_id, stage_type=stage.key
        ).first()
        before = own.due_days if own else stage.due_days
        if wanted == before:
            continue
        changes[stage.key] = [before, wanted]
        if wanted == stage.due_days:
            Timescale.objects.filter(organisation_id=organisation_id, stage_type=stage.key).delete()
        else:
            Timescale.objects.update_or_create(
                organisation_id=organisation_id, stage_type=stage.key, defaults={"due_days": wanted}
            )
    if changes:
        record_event(
            by=by,
            event_type="assessment.timescales.changed",
            summary="Changed assessment timescales",
            detail={"organisation": organisation_id, "changes": changes},
        )


def timescales_of(organisation_id: int) -> dict[str, int]:
    return dict(
        Timescale.objects.filter(organisation_id=organisation_id).values_list(
            "stage_type", "due_days"
        )
    )
