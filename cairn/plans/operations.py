"""Writing the intervention plan. Every write is one transaction, refuses a stage that may not
be edited (ended, signed off), refuses a stale version, is audited, and tells the stage's edit
hooks. Progress notes are only ever added.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cairn.accounts.models import User
from cairn.assessment.extensions import edited
from cairn.assessment.models import Stage
from cairn.assessment.operations import ensure_editable
from cairn.assessment.writes import InvalidError as InvalidError  # re-exported for callers
from cairn.assessment.writes import StaleError as StaleError
from cairn.audit.operations import Actor, changed, record_event
from cairn.plans import links
from cairn.plans.models import (
    Action,
    ActionKind,
    ActionStatus,
    Area,
    ManagesRisk,
    ProgressNote,
    Target,
    TargetStatus,
    Who,
)

MAX_TEXT = 5000


def _user(by: Actor) -> User | None:
    return by.user


def _name(by: Actor) -> str:
    return (by.user.get_full_name() or by.user.username) if by.user else ""


def _locked_open_stage(stage: Stage) -> Stage:
    stage = Stage.objects.select_for_update().get(pk=stage.pk)
    ensure_editable(stage)
    return stage


def _text(errors: dict[str, str], name: str, value: str, missing: str | None, label: str) -> None:
    if missing and not value.strip():
        errors[name] = missing
    elif len(value) > MAX_TEXT:
        errors[name] = _("%(label)s must be %(max)d characters or fewer") % {
            "label": label,
            "max": MAX_TEXT,
        }


def _choice(
    errors: dict[str, str], name: str, value: str, allowed: list[str], missing: str
) -> None:
    if value not in allowed:
        errors[name] = (
            missing if not value else _("‘%(value)s’ is not one of the choices") % {"value": value}
        )


# Targets -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetInput:
    objective: str = ""
    goal_in_childs_words: str = ""
    area: str = ""
    manages_risk: str = ManagesRisk.NONE
    status: str = TargetStatus.NOT_STARTED
    factor: str = ""
    concern_id: int | None = None
    question_key: str = ""


TARGET_FIELDS = (
    "objective",
    "goal_in_childs_words",
    "area",
    "manages_risk",
    "status",
    "factor",
    "factor_direction",
    "concern_id",
    "question_key",
    "because",
)


def _target_content(target: Target) -> dict[str, Any]:
    return {name: getattr(target, name) for name in TARGET_FIELDS}


def _check_target(stage: Stage, data: TargetInput) -> tuple[dict[str, str], links.Link]:
    errors: dict[str, str] = {}
    _text(errors, "objective", data.objective, _("Enter the objective"), _("The objective"))
    _text(
        errors,
        "goal_in_childs_words",
        data.goal_in_childs_words,
        None,
        _("The goal in the child’s words"),
    )
    if data.area:
        _choice(errors, "area", data.area, list(Area.values), _("Select an area"))
    _choice(
        errors,
        "manages_risk",
        data.manages_risk,
        list(ManagesRisk.values),
        _("Select whether this target manages risk"),
    )
    _choice(errors, "status", data.status, list(TargetStatus.values), _("Select a status"))
    link, link_errors = links.resolve(stage, data.factor, data.concern_id, data.question_key)
    errors.update(link_errors)
    return errors, link


def _apply_target(target: Target, data: TargetInput, link: links.Link) -> None:
    target.objective = data.objective.strip()
    target.goal_in_childs_words = data.goal_in_childs_words.strip()
    target.area = data.area
    target.manages_risk = data.manages_risk
    target.status = data.status
    target.factor = link.factor
    target.factor_direction = link.factor_direction
    target.concern_id = link.concern_id
    target.question_key = link.question_key
    target.because = link.because


@transaction.atomic
def add_target(*, by: Actor, stage: Stage, data: TargetInput) -> Target:
    stage = _locked_open_stage(stage)
    errors, link = _check_target(stage, data)
    if errors:
        raise InvalidError(errors)
    last = Target.objects.filter(stage=stage).aggregate(last=Max("position"))["last"]
    target = Target(stage=stage, position=(last or 0) + 1, updated_by=_user(by))
    _apply_target(target, data, link)
    target.save()
    record_event(
        by=by,
        event_type="plans.target.added",
        child_id=stage.child_id,
        obj=target,
        summary="Added a target to the plan",
        detail={"stage": stage.pk, **_target_content(target)},
    )
    edited(by, stage)
    return target


def _locked_target(stage: Stage, target_id: int) -> Target:
    target = Target.objects.select_for_update().filter(stage=stage, pk=target_id).first()
    if target is None:
        raise Target.DoesNotExist
    return target


@transaction.atomic
def change_target(
    *, by: Actor, stage: Stage, target_id: int, data: TargetInput, version: int
) -> Target:
    stage = _locked_open_stage(stage)
    target = _locked_target(stage, target_id)
    if target.version != version:
        raise StaleError(target)
    errors, link = _check_target(stage, data)
    if errors:
        raise InvalidError(errors)
    old = _target_content(target)
    _apply_target(target, data, link)
    target.version += 1
    target.updated_at = timezone.now()
    target.updated_by = _user(by)
    target.save()
    new = _target_content(target)
    record_event(
        by=by,
        event_type="plans.target.changed",
        child_id=stage.child_id,
        obj=target,
        summary="Changed a target of the plan",
        detail={
            "stage": stage.pk,
            "version": target.version,
            "changes": changed(old, new),
        },
    )
    edited(by, stage)
    return target


# Actions -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionInput:
    what: str = ""
    who: str = ""
    agency_name: str = ""
    by_when: dt.date | None = None
    status: str = ActionStatus.NOT_STARTED
    kind: str = ActionKind.ORDINARY


ACTION_FIELDS = ("what", "who", "agency_name", "by_when", "status", "kind")


def _action_content(action: Action) -> dict[str, Any]:
    content = {name: getattr(action, name) for name in ACTION_FIELDS}
    content["by_when"] = action.by_when.isoformat() if action.by_when else None
    return content


def validate_action(data: ActionInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    _text(errors, "what", data.what, _("Describe the action"), _("The action"))
    _choice(errors, "who", data.who, list(Who.values), _("Select who will do it"))
    if data.who == Who.AGENCY and not data.agency_name.strip():
        errors["agency_name"] = _("Enter the name of the agency")
    elif len(data.agency_name) > 200:
        errors["agency_name"] = _("The agency’s name must be 200 characters or fewer")
    _choice(errors, "status", data.status, list(ActionStatus.values), _("Select a status"))
    _choice(errors, "kind", data.kind, list(ActionKind.values), _("Select the kind of action"))
    return errors


def _apply_action(action: Action, data: ActionInput) -> None:
    action.what = data.what.strip()
    action.who = data.who
    action.agency_name = data.agency_name.strip() if data.who == Who.AGENCY else ""
    action.by_when = data.by_when
    action.status = data.status
    action.kind = data.kind


@transaction.atomic
def add_action(*, by: Actor, stage: Stage, target_id: int, data: ActionInput) -> Action:
    stage = _locked_open_stage(stage)
    target = _locked_target(stage, target_id)
    errors = validate_action(data)
    if errors:
        raise InvalidError(errors)
    last = Action.objects.filter(target=target).aggregate(last=Max("position"))["last"]
    action = Action(target=target, position=(last or 0) + 1, updated_by=_user(by))
    _apply_action(action, data)
    action.save()
    record_event(
        by=by,
        event_type="plans.action.added",
        child_id=stage.child_id,
        obj=action,
        summary="Added an action to a target of the plan",
        detail={"stage": stage.pk, "target": target.pk, **_action_content(action)},
    )
    edited(by, stage)
    return action


@transaction.atomic
def change_action(
    *, by: Actor, stage: Stage, target_id: int, action_id: int, data: ActionInput, version: int
) -> Action:
    stage = _locked_open_stage(stage)
    target = _locked_target(stage, target_id)
    action = Action.objects.select_for_update().filter(target=target, pk=action_id).first()
    if action is None:
        raise Action.DoesNotExist
    if action.version != version:
        raise StaleError(action)
    errors = validate_action(data)
    if errors:
        raise InvalidError(errors)
    old = _action_content(action)
    _apply_action(action, data)
    action.version += 1
    action.updated_at = timezone.now()
    action.updated_by = _user(by)
    action.save()
    new = _action_content(action)
    record_event(
        by=by,
        event_type="plans.action.changed",
        child_id=stage.child_id,
        obj=action,
        summary="Changed an action of the plan",
        detail={
            "stage": stage.pk,
            "target": target.pk,
            "version": action.version,
            "changes": changed(old, new),
        },
    )
    edited(by, stage)
    return action


# Progress ------------------------------------------------------------------------------------


@transaction.atomic
def add_progress(
    *, by: Actor, stage: Stage, target_id: int, text: str, noted_on: dt.date | None = None
) -> ProgressNote:
    stage = _locked_open_stage(stage)
    target = _locked_target(stage, target_id)
    errors: dict[str, str] = {}
    _text(errors, "text", text, _("Describe the progress"), _("The progress note"))
    today = timezone.localdate()
    if noted_on is not None and noted_on > today:
        errors["noted_on"] = _("The date of the progress must be today or in the past")
    if errors:
        raise InvalidError(errors)
    note = ProgressNote.objects.create(
        target=target,
        text=text.strip(),
        noted_on=noted_on or today,
        by=_user(by),
        by_name=_name(by),
    )
    record_event(
        by=by,
        event_type="plans.progress.added",
        child_id=stage.child_id,
        obj=note,
        summary="Added a progress note to a target of the plan",
        detail={
            "stage": stage.pk,
            "target": target.pk,
            "text": note.text,
            "noted_on": note.noted_on.isoformat(),
        },
    )
    edited(by, stage)
    return note


# Carrying forward ----------------------------------------------------------------------------


def carry_forward(by: Actor, previous: Stage, stage: Stage) -> None:
    """A new stage continues the previous stage's plan: its targets, their actions and progress
    notes (with their authors and dates), each target marked as carried. Links to concerns
    follow the concern carried with them (the judgements app carries concerns first)."""
    targets = list(
        Target.objects.filter(stage=previous).prefetch_related("actions", "progress_notes")
    )
    if not targets:
        return
    concern_map = links.carried_concerns(previous, stage)
    copies = Target.objects.bulk_create(
        [
            Target(
                stage=stage,
                position=target.position,
                factor=target.factor,
                factor_direction=target.factor_direction,
                concern_id=concern_map.get(target.concern_id) if target.concern_id else None,
                question_key=target.question_key,
                because=target.because,
                goal_in_childs_words=target.goal_in_childs_words,
                objective=target.objective,
                area=target.area,
                manages_risk=target.manages_risk,
                status=target.status,
                created_at=target.created_at,
                updated_at=target.updated_at,
                updated_by=target.updated_by,
                carried_from=previous,
            )
            for target in targets
        ]
    )
    actions: list[Action] = []
    notes: list[ProgressNote] = []
    for target, copy in zip(targets, copies, strict=True):
        actions.extend(
            Action(
                target=copy,
                position=action.position,
                created_at=action.created_at,
                updated_at=action.updated_at,
                updated_by=action.updated_by,
                **{name: getattr(action, name) for name in ACTION_FIELDS},
            )
            for action in target.actions.all()
        )
        notes.extend(
            ProgressNote(
                target=copy,
                text=note.text,
                noted_on=note.noted_on,
                by=note.by,
                by_name=note.by_name,
                created_at=note.created_at,
            )
            for note in target.progress_notes.all()
        )
    Action.objects.bulk_create(actions)
    ProgressNote.objects.bulk_create(notes)
    record_event(
        by=by,
        event_type="plans.carried_forward",
        child_id=stage.child_id,
        obj=stage,
        summary=f"Carried forward {len(copies)} target(s) of the plan",
        detail={"from_stage": previous.pk, "stage": stage.pk, "actions": len(actions)},
    )
