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
from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from cairn.accounts.models import Membership, User
from cairn.accounts.roles import Capability, can
from cairn.assessment import answers, completion, extensions, facts, review
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
from cairn.framework.schema import Question, Section
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
    """Required questions are still unanswered, carried-forward answers of the stage's own
    sections are neither confirmed nor changed, or required judgements are not yet made."""

    def __init__(
        self,
        missing: list[Question],
        outstanding: list[extensions.StageItem] | None = None,
        unconfirmed: list[tuple[Section, tuple[Question, ...]]] | None = None,
    ) -> None:
        outstanding = outstanding or []
        unconfirmed = unconfirmed or []
        waiting = sum(len(questions) for _section, questions in unconfirmed)
        super().__init__(
            f"{len(missing)} required question(s) unanswered, {waiting} carried-forward "
            f"answer(s) to confirm, {len(outstanding)} item(s) outstanding"
        )
        self.missing = missing
        self.outstanding = outstanding
        self.unconfirmed = unconfirmed


class NotPermittedError(Exception):
    """Only a manager of the stage's organisation may reopen or cancel a stage."""


class CannotReopenError(Exception):
    """The stage is in a state that cannot be reopened (or cancelled): the message says why."""


class ReasonRequiredError(ValueError):
    """Reopening or cancelling a stage needs a reason."""


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
    if current is not None and current.value == cleaned:
        # Saving what is already stored is never a conflict, whatever version the editor
        # started from: a page's form post racing its own autosave of the same text, say.
        # It confirms a carried answer only when the editor saw this very version.
        if current.is_confirmed or current.version != version:
            return current
        return confirm_answer(by=by, stage=stage, key=key, version=version)
    if (current.version if current else 0) != version:
        raise StaleAnswerError(current)
    now = timezone.now()
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
def confirm_section(*, by: Actor, stage: Stage, section: str, shown: Mapping[str, int]) -> int:
    """Confirm, in one action, the carried-forward answers of a section that a page showed.

    `shown` is what the page displayed: each answer's key and the version it showed. Only
    those are confirmed, and only while they still wait in this section at that version: an
    answer someone changed since (so not what was shown), one the stage does not show, or one
    of another section is left as it is. Returns how many were confirmed."""
    ensure_editable(stage)
    catalogue = catalogues.load(stage.catalogue_version)
    in_view = {
        question.key
        for progress, questions in review.waiting(stage, catalogue)
        if progress.section.key == section
        for question in questions
    }
    pending = Answer.objects.filter(
        stage=stage, key__in=sorted(in_view & set(shown)), is_confirmed=False
    )
    confirmed = 0
    for answer in pending:
        if answer.version == shown[answer.key]:
            confirm_answer(by=by, stage=stage, key=answer.key, version=answer.version)
            confirmed += 1
    return confirmed


def waiting_in_section(stage: Stage, section: str) -> dict[str, int]:
    """The carried-forward answers a page of this section shows as waiting: key and version,
    as a page posts them back to confirm_section."""
    catalogue = catalogues.load(stage.catalogue_version)
    stored = {answer.key: answer for answer in stage.answers.filter(is_confirmed=False)}
    return {
        question.key: stored[question.key].version
        for progress, questions in review.waiting(stage, catalogue)
        if progress.section.key == section
        for question in questions
    }


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


def what_is_left(stage: Stage) -> IncompleteStageError | None:
    """What completing the stage still waits for (as the error completing would raise), or
    None when it could be completed now."""
    catalogue = catalogues.load(stage.catalogue_version)
    values = {answer.key: answer.value for answer in stage.answers.all()}
    found = completion.progress(catalogue, stage.stage_type, stage.depth, values)
    outstanding = extensions.outstanding(stage)
    unconfirmed = [
        (progress.section, questions) for progress, questions in review.waiting(stage, catalogue)
    ]
    if found.required_missing or outstanding or unconfirmed:
        return IncompleteStageError(found.required_missing, outstanding, unconfirmed)
    return None


@transaction.atomic
def complete_stage(*, by: Actor, stage: Stage) -> Stage:
    stage = Stage.objects.select_for_update().get(pk=stage.pk)
    _ensure_open(stage)
    left = what_is_left(stage)
    if left is not None:
        raise left
    catalogue = catalogues.load(stage.catalogue_version)
    values = {answer.key: answer.value for answer in stage.answers.all()}
    found = completion.progress(catalogue, stage.stage_type, stage.depth, values)
    sources = {
        q.source for section in found.sections for q in section.asked + section.offered if q.source
    }
    child = facts.prefetched(stage.child_id)
    stage.snapshot = {
        **stage.snapshot,
        "facts": facts.snapshot(child, sources),
        "at": timezone.now().isoformat(),
    }
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


def may_reopen_or_cancel(by: Actor, stage: Stage) -> bool:
    """Whether the actor is a manager (REOPEN_STAGE) of the organisation holding the stage."""
    if by.user is None or by.organisation is None or by.organisation.pk != stage.organisation_id:
        return False
    membership = Membership.objects.filter(
        user=by.user, organisation=by.organisation, is_active=True
    ).first()
    return can(membership, Capability.REOPEN_STAGE)


@transaction.atomic
def end_stage(*, by: Actor, stage: Stage, status: str, reason: str) -> Stage:
    """Stop (the work ended early) or cancel (opened in error) a stage, with a reason.

    Anyone who may edit the stage may stop it; only a manager of the organisation may cancel
    it (NotPermittedError), since a cancelled stage no longer counts as the child's latest."""
    if status not in {Stage.Status.STOPPED, Stage.Status.CANCELLED}:
        raise ValueError(status)
    reason = reason.strip()
    if not reason:
        raise ReasonRequiredError(status)
    if status == Stage.Status.CANCELLED and not may_reopen_or_cancel(by, stage):
        raise NotPermittedError(status)
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
        detail={"reason": reason[:300]},
    )
    return stage


REFUSED_CANCELLED = "A cancelled stage cannot be reopened: start a new stage instead"
REFUSED_OPEN = "This stage is already in progress"
REFUSED_LATER = "A later stage has started for this child: reopen or cancel that one instead"


def reopen_refusal(stage: Stage) -> str | None:
    """Why this stage cannot be reopened now, or None: only a completed or stopped stage, or
    one in progress but frozen by a sign-off, that is still the child's latest stage."""
    if stage.status == Stage.Status.CANCELLED:
        return REFUSED_CANCELLED
    if stage.status == Stage.Status.IN_PROGRESS and not extensions.frozen_reason(stage):
        return REFUSED_OPEN
    later = (
        Stage.objects.filter(child_id=stage.child_id, started_at__gt=stage.started_at)
        .exclude(status=Stage.Status.CANCELLED)
        .exclude(pk=stage.pk)
        .exists()
    )
    if later:
        return REFUSED_LATER
    return None


@transaction.atomic
def reopen_stage(*, by: Actor, stage: Stage, reason: str) -> Stage:
    """Put a completed, stopped or signed-off stage back in progress, with a reason (managers).

    The facts kept at completion are moved to the snapshot's `earlier` list (completing again
    keeps the new ones beside them); every app in extensions.ON_STAGE_REOPENED is told, so
    countersigning lifts its sign-off freeze."""
    reason = reason.strip()
    if not reason:
        raise ReasonRequiredError("reopen")
    if not may_reopen_or_cancel(by, stage):
        raise NotPermittedError("reopen")
    stage = Stage.objects.select_for_update().get(pk=stage.pk)
    refusal = reopen_refusal(stage)
    if refusal:
        raise CannotReopenError(refusal)
    was = stage.status
    held = extensions.frozen_reason(stage) if stage.is_open else None
    snapshot = dict(stage.snapshot)
    if "facts" in snapshot:
        kept = {"facts": snapshot.pop("facts"), "at": snapshot.pop("at", None)}
        snapshot["earlier"] = [*snapshot.get("earlier", []), kept]
    reopened = {
        "at": timezone.now().isoformat(),
        "by": by.user.display_name if by.user else "system",
        "reason": reason[:300],
    }
    snapshot["reopened"] = [*snapshot.get("reopened", []), reopened]
    stage.status = Stage.Status.IN_PROGRESS
    stage.ended_at = None
    stage.ended_by = None
    stage.end_reason = ""
    stage.snapshot = snapshot
    stage.save(update_fields=["status", "ended_at", "ended_by", "end_reason", "snapshot"])
    extensions.reopened(by, stage, reason)
    record_event(
        by=by,
        event_type="assessment.stage.reopened",
        child_id=stage.child_id,
        obj=stage,
        summary=f"Reopened: {reason[:200]}",
        detail={"was": was, "held": held or "", "reason": reason[:300]},
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
