"""Plan routes of the API: a stage's intervention plan, its targets, their actions and
progress notes; and the child's plan with the child's responses.

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
from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from cairn.api.assessment_schemas import Message
from cairn.api.common import NOT_FOUND, field_errors, reachable_stage
from cairn.assessment.models import Stage
from cairn.assessment.operations import StageFrozenError
from cairn.audit.operations import Actor
from cairn.childplan import operations as childplan_operations
from cairn.childplan import queries as childplan_queries
from cairn.childplan.models import ChildResponse
from cairn.childplan.operations import Helper, PlanText
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


# The child's plan: one per stage, in the child's words, with the child's responses in order.
# The same queries and operations as the pages (cairn/childplan): writing names the version it
# is based on (0 while the stage has none): 409 when someone saved after it, with the plan as
# it is now; 422 for a field too long for the one printed page; 423 when the stage is ended or
# signed off. A response names the plan version the child was shown (409 when the plan changed
# since: read it with the child again).

PlanStatus = Literal["not_written", "draft", "agreed"]
ResponseName = Literal["agree", "disagree", "could_not_answer"]


class HelperSchema(Schema):
    who: str
    how: str = ""


class ChildResponseOut(Schema):
    id: int
    plan_version: int
    response: ResponseName
    words: str
    responded_on: dt.date
    recorded_by: str
    recorded_at: dt.datetime


class ChildPlanOut(Schema):
    stage_id: int
    version: int = Field(description="0 while the stage has no child's plan")
    status: PlanStatus = Field(
        description="draft until the child's latest response agrees to this version"
    )
    changed_since_agreed: bool
    what_i_want: str
    what_im_good_at: str
    what_ill_do: list[str]
    who_will_help: list[HelperSchema]
    how_well_know: str
    language: Literal["en", "cy"]
    updated_by: str
    updated_at: dt.datetime | None
    responses: list[ChildResponseOut] = Field(description="Oldest first")


class ChildPlanIn(Schema):
    what_i_want: str = ""
    what_im_good_at: str = ""
    what_ill_do: list[str] = Field(default_factory=list, max_length=50)
    who_will_help: list[HelperSchema] = Field(default_factory=list, max_length=50)
    how_well_know: str = ""
    language: Literal["en", "cy"] = "en"
    version: int = Field(ge=0, description="The version this change is based on (0: none yet)")


class ChildResponseIn(Schema):
    response: ResponseName
    words: str = ""
    responded_on: dt.date | None = Field(default=None, description="Defaults to today")
    plan_version: int = Field(ge=1, description="The version of the plan the child was shown")


class ChildPlanConflict(Schema):
    detail: str
    current: ChildPlanOut


def _response_out(response: ChildResponse) -> dict[str, Any]:
    return {
        "id": response.pk,
        "plan_version": response.plan_version,
        "response": response.response,
        "words": response.words,
        "responded_on": response.responded_on,
        "recorded_by": response.recorded_by_name,
        "recorded_at": response.recorded_at,
    }


def _child_plan_out(stage: Stage) -> dict[str, Any]:
    plan = childplan_queries.plan_of(stage)
    text = PlanText.of(plan) if plan else PlanText()
    status = "not_written" if plan is None else "agreed" if plan.is_agreed else "draft"
    return {
        "stage_id": stage.pk,
        "version": plan.version if plan else 0,
        "status": status,
        "changed_since_agreed": bool(plan and plan.changed_since_agreed),
        "what_i_want": text.what_i_want,
        "what_im_good_at": text.what_im_good_at,
        "what_ill_do": list(text.what_ill_do),
        "who_will_help": [{"who": h.who, "how": h.how} for h in text.who_will_help],
        "how_well_know": text.how_well_know,
        "language": text.language,
        "updated_by": plan.updated_by_name if plan else "",
        "updated_at": plan.updated_at if plan else None,
        "responses": [_response_out(r) for r in plan.responses.all()] if plan else [],
    }


def _child_plan_locked(error: StageFrozenError) -> HttpError:
    return HttpError(
        423, f"This stage is {str(error).lower()}: its child's plan can no longer change"
    )


@router.get("/stages/{int:stage_id}/child-plan", response={200: ChildPlanOut, **REFUSALS})
def get_child_plan(request: HttpRequest, stage_id: int) -> Any:
    """The stage's child's plan and the child's responses (version 0 and `not_written` while
    it has none)."""
    stage = _stage(request, stage_id)
    record_operations.record_viewed(
        by=Actor.from_request(request), child=stage.child, page="api child's plan"
    )
    return _child_plan_out(stage)


@router.put(
    "/stages/{int:stage_id}/child-plan",
    response={200: ChildPlanOut, 409: ChildPlanConflict, 423: Message, **REFUSALS},
)
def save_child_plan(request: HttpRequest, stage_id: int, payload: ChildPlanIn) -> Any:
    """Write the child's plan if it is still at `version`. A change to a plan the child agreed
    to makes it a draft again."""
    stage = _stage(request, stage_id, edit=True)
    text = PlanText(
        what_i_want=payload.what_i_want,
        what_im_good_at=payload.what_im_good_at,
        what_ill_do=tuple(payload.what_ill_do),
        who_will_help=tuple(Helper(h.who, h.how) for h in payload.who_will_help),
        how_well_know=payload.how_well_know,
        language=payload.language,
    )
    try:
        childplan_operations.save_plan(
            by=Actor.from_request(request), stage=stage, text=text, version=payload.version
        )
    except StageFrozenError as error:
        raise _child_plan_locked(error) from None
    except childplan_operations.InvalidError as error:
        raise field_errors(error.errors) from None
    except childplan_operations.StaleError:
        return Status(409, {"detail": STALE, "current": _child_plan_out(stage)})
    return _child_plan_out(stage)


@router.post(
    "/stages/{int:stage_id}/child-plan/responses",
    response={201: ChildResponseOut, 409: ChildPlanConflict, 423: Message, **REFUSALS},
)
def record_child_response(request: HttpRequest, stage_id: int, payload: ChildResponseIn) -> Any:
    """Record what the child said about the version of the plan they were shown (`agree`,
    `disagree` or `could_not_answer`, in their own words). Responses are only ever added."""
    stage = _stage(request, stage_id, edit=True)
    try:
        answer = childplan_operations.record_response(
            by=Actor.from_request(request),
            stage=stage,
            response=payload.response,
            words=payload.words,
            responded_on=payload.responded_on or timezone.localdate(),
            plan_version=payload.plan_version,
        )
    except StageFrozenError as error:
        raise _child_plan_locked(error) from None
    except childplan_operations.NoPlanError:
        raise field_errors(
            {"plan_version": "The stage has no child's plan yet: write it first"}
        ) from None
    except childplan_operations.InvalidError as error:
        raise field_errors(error.errors) from None
    except childplan_operations.StaleError:
        return Status(
            409,
            {
                "detail": "The plan changed after the version the child was shown. Read it "
                "with the child again, then record their response.",
                "current": _child_plan_out(stage),
            },
        )
    return Status(201, _response_out(answer))
