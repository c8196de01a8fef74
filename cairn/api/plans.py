"""Plan routes of the API: a stage's intervention plan, its targets, their actions and
progress notes.

The same access rules as the pages: reading the plan needs read access to the stage's child
(else 404), changing it needs edit access (else 404 too, as on the pages). Every read is recorded in the child's
audit trail; every write is audited by the operation.

Changes name the version they are based on:

- 409 Conflict: someone changed it after that version; nothing is written and the body carries
  it as it is now (`current`);
- 423 Locked: the stage has ended or is signed off, so its plan cannot change;
- 422: a field error, e.g. a target that rests on nothing, or on a factor, concern or question
  not of this stage;
- 404: the stage has no such target or action.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from cairn.api.assessment_schemas import Message
from cairn.api.common import NOT_FOUND, field_errors, reachable_stage
from cairn.assessment.models import Stage
from cairn.assessment.operations import StageFrozenError
from cairn.audit.operations import Actor
from cairn.plans import operations, presenters, queries
from cairn.plans.models import Action, ActionKind, ActionStatus, ManagesRisk, Target, TargetStatus
from cairn.records import operations as record_operations

router = Router(tags=["plans"])

REFUSALS: dict[int, type[Schema]] = {403: Message, 404: Message}
STALE = "Someone changed this after your version. Nothing was saved."


class ActionOut(Schema):
    id: int
    what: str
    who: str
    agency_name: str
    by_when: dt.date | None
    status: str
    kind: str
    version: int


class NoteOut(Schema):
    id: int
    text: str
    noted_on: dt.date
    by: str


class TargetOut(Schema):
    id: int
    objective: str
    goal_in_childs_words: str
    area: str
    manages_risk: str
    status: str
    factor: str
    factor_direction: str
    concern_id: int | None
    question_key: str
    because: list[str]
    carried_from_stage: int | None
    version: int
    actions: list[ActionOut]
    progress: list[NoteOut]


class PlanOut(Schema):
    stage_id: int
    open: bool
    targets: list[TargetOut]


class TargetIn(Schema):
    objective: str
    goal_in_childs_words: str = ""
    area: str = ""
    manages_risk: str = ManagesRisk.NONE
    status: str = TargetStatus.NOT_STARTED
    factor: str = ""
    concern_id: int | None = None
    question_key: str = ""


class TargetChangeIn(TargetIn):
    version: int


class ActionIn(Schema):
    what: str
    who: str
    agency_name: str = ""
    by_when: dt.date | None = None
    status: str = ActionStatus.NOT_STARTED
    kind: str = ActionKind.ORDINARY


class ActionChangeIn(ActionIn):
    version: int


class NoteIn(Schema):
    text: str
    noted_on: dt.date | None = None


class TargetConflict(Schema):
    detail: str
    current: TargetOut


class ActionConflict(Schema):
    detail: str
    current: ActionOut


def _stage(request: HttpRequest, stage_id: int, *, edit: bool = False) -> Stage:
    return reachable_stage(request, stage_id, edit=edit)


def _locked(error: StageFrozenError) -> HttpError:
    return HttpError(423, f"This stage is {str(error).lower()}: its plan can no longer change")


def _target_out(stage: Stage, target_id: int) -> dict[str, Any]:
    target = next(t for t in queries.targets_of(stage) if t.pk == target_id)
    return presenters.target_data(target)


def _target_input(payload: TargetIn) -> operations.TargetInput:
    return operations.TargetInput(
        objective=payload.objective,
        goal_in_childs_words=payload.goal_in_childs_words,
        area=payload.area,
        manages_risk=payload.manages_risk,
        status=payload.status,
        factor=payload.factor,
        concern_id=payload.concern_id,
        question_key=payload.question_key,
    )


def _action_input(payload: ActionIn) -> operations.ActionInput:
    return operations.ActionInput(
        what=payload.what,
        who=payload.who,
        agency_name=payload.agency_name,
        by_when=payload.by_when,
        status=payload.status,
        kind=payload.kind,
    )


@router.get("/stages/{int:stage_id}/plan", response={200: PlanOut, **REFUSALS})
def get_plan(request: HttpRequest, stage_id: int) -> Any:
    """Every target of the stage's plan, with what it rests on, its actions and progress."""
    stage = _stage(request, stage_id)
    record_operations.record_viewed(
        by=Actor.from_request(request), child=stage.child, page="api plan"
    )
    return {
        "stage_id": stage.pk,
        "open": stage.is_open,
        "targets": [presenters.target_data(target) for target in queries.targets_of(stage)],
    }


@router.post(
    "/stages/{int:stage_id}/plan/targets",
    response={201: TargetOut, 423: Message, **REFUSALS},
)
def add_target(request: HttpRequest, stage_id: int, payload: TargetIn) -> Any:
    """Add a target. It rests on at least one of `factor` (a desistance factor's text),
    `concern_id` or `question_key`."""
    stage = _stage(request, stage_id, edit=True)
    try:
        target = operations.add_target(
            by=Actor.from_request(request), stage=stage, data=_target_input(payload)
        )
    except StageFrozenError as error:
        raise _locked(error) from None
    except operations.InvalidError as error:
        raise field_errors(error.errors) from None
    return Status(201, _target_out(stage, target.pk))


@router.put(
    "/stages/{int:stage_id}/plan/targets/{int:target_id}",
    response={200: TargetOut, 409: TargetConflict, 423: Message, **REFUSALS},
)
def change_target(
    request: HttpRequest, stage_id: int, target_id: int, payload: TargetChangeIn
) -> Any:
    """Change a target if it is still at `version`."""
    stage = _stage(request, stage_id, edit=True)
    try:
        operations.change_target(
            by=Actor.from_request(request),
            stage=stage,
            target_id=target_id,
            data=_target_input(payload),
            version=payload.version,
        )
    except Target.DoesNotExist:
        raise HttpError(404, NOT_FOUND) from None
    except StageFrozenError as error:
        raise _locked(error) from None
    except operations.InvalidError as error:
        raise field_errors(error.errors) from None
    except operations.StaleError:
        return Status(409, {"detail": STALE, "current": _target_out(stage, target_id)})
    return _target_out(stage, target_id)


@router.post(
    "/stages/{int:stage_id}/plan/targets/{int:target_id}/actions",
    response={201: ActionOut, 423: Message, **REFUSALS},
)
def add_action(request: HttpRequest, stage_id: int, target_id: int, payload: ActionIn) -> Any:
    """Add an action to a target."""
    stage = _stage(request, stage_id, edit=True)
    try:
        action = operations.add_action(
            by=Actor.from_request(request),
            stage=stage,
            target_id=target_id,
            data=_action_input(payload),
        )
    except Target.DoesNotExist:
        raise HttpError(404, NOT_FOUND) from None
    except StageFrozenError as error:
        raise _locked(error) from None
    except operations.InvalidError as error:
        raise field_errors(error.errors) from None
    return Status(201, presenters.action_data(action))


@router.put(
    "/stages/{int:stage_id}/plan/targets/{int:target_id}/actions/{int:action_id}",
    response={200: ActionOut, 409: ActionConflict, 423: Message, **REFUSALS},
)
def change_action(
    request: HttpRequest, stage_id: int, target_id: int, action_id: int, payload: ActionChangeIn
) -> Any:
    """Change an action if it is still at `version`."""
    stage = _stage(request, stage_id, edit=True)
    try:
        action = operations.change_action(
            by=Actor.from_request(request),
            stage=stage,
            target_id=target_id,
            action_id=action_id,
            data=_action_input(payload),
            version=payload.version,
        )
    except (Target.DoesNotExist, Action.DoesNotExist):
        raise HttpError(404, NOT_FOUND) from None
    except StageFrozenError as error:
        raise _locked(error) from None
    except operations.InvalidError as error:
        raise field_errors(error.errors) from None
    except operations.StaleError as error:
        return Status(409, {"detail": STALE, "current": presenters.action_data(error.current)})
    return presenters.action_data(action)


@router.post(
    "/stages/{int:stage_id}/plan/targets/{int:target_id}/progress",
    response={201: NoteOut, 423: Message, **REFUSALS},
)
def add_progress(request: HttpRequest, stage_id: int, target_id: int, payload: NoteIn) -> Any:
    """Add a progress note to a target (notes are never changed). `noted_on` defaults to
    today and may not be in the future."""
    stage = _stage(request, stage_id, edit=True)
    try:
        note = operations.add_progress(
            by=Actor.from_request(request),
            stage=stage,
            target_id=target_id,
            text=payload.text,
            noted_on=payload.noted_on,
        )
    except Target.DoesNotExist:
        raise HttpError(404, NOT_FOUND) from None
    except StageFrozenError as error:
        raise _locked(error) from None
    except operations.InvalidError as error:
        raise field_errors(error.errors) from None
    return Status(201, presenters.note_data(note))
