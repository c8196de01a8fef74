"""Countersigning routes of the API: request sign-off of a stage, decide a request, read one.

The same rules as the pages. A stage (and a request, through its stage) is reached through its
child: 404 for a caller who may not read the child. Requesting needs edit access (else 404, as
on the pages);
deciding needs a manager of the stage's organisation who neither asked for the sign-off nor
wrote the stage (else 403). 409 when a request already awaits (requesting) or the request is
no longer awaiting (deciding); 423 when the stage cannot change (ended, or signed off). After
sign-off the stage is frozen: writes to its answers and judgements answer 423, until a manager
reopens the stage (`POST /api/v1/stages/{id}/reopen`). 422 when what a request covers is not
complete and current, naming each thing left. Whoever may edit the stage may withdraw its
awaiting request, with a reason (`POST /api/v1/signoff-requests/{id}/withdraw`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError, ValidationError

from cairn.accounts.requests import membership_of
from cairn.api.assessment_schemas import Message
from cairn.api.common import NOT_FOUND, field_errors, reachable_stage
from cairn.assessment.operations import StageFrozenError
from cairn.audit.operations import Actor
from cairn.quality import operations, presenters, queries
from cairn.quality.models import Sections, SignoffRequest
from cairn.records import operations as record_operations
from cairn.records.access import Access

router = Router(tags=["countersigning"])

REFUSALS: dict[int, type[Schema]] = {403: Message, 404: Message}
SectionName = Literal["explanations", "planning"]


class SignoffRequestIn(Schema):
    sections: list[SectionName]


class SignoffCreated(Schema):
    id: int
    status: str


class DecisionIn(Schema):
    decision: Literal["signed_off", "changes_required"]
    comment: str = ""


class WithdrawIn(Schema):
    reason: str


class SignoffOut(Schema):
    id: int
    stage: int
    sections: list[str]
    status: str
    requested_by: str
    requested_at: dt.datetime
    decided_by: str
    decided_at: dt.datetime | None
    comment: str
    note: str


def _sections_of(names: list[SectionName]) -> str:
    wanted = set(names)
    if wanted == {"explanations", "planning"}:
        return Sections.BOTH
    return Sections.EXPLANATIONS if wanted == {"explanations"} else Sections.PLANNING


def _out(signoff: SignoffRequest) -> dict[str, Any]:
    sections = (
        ["explanations", "planning"] if signoff.sections == Sections.BOTH else [signoff.sections]
    )
    return {
        "id": signoff.pk,
        "stage": signoff.stage_id,
        "sections": sections,
        "status": signoff.status,
        "requested_by": signoff.requested_by_name,
        "requested_at": signoff.requested_at,
        "decided_by": signoff.decided_by_name,
        "decided_at": signoff.decided_at,
        "comment": signoff.comment,
        "note": signoff.note,
    }


def _not_ready(error: operations.NotReadyError) -> ValidationError:
    """422 naming each thing left, as a path into the stage ("sections", "education",
    "carried"; "judgements", "serious_harm", "reconfirm"; "plan", "intervention", "missing")
    with what to do."""
    return ValidationError(
        [
            {"type": "not_ready", "loc": ["stage", *item.loc], "msg": item.text}
            for item in error.left
        ]
    )


def _request(
    request: HttpRequest, request_id: int, at_least: Access = Access.READ
) -> SignoffRequest:
    try:
        signoff, _access = queries.request_for(membership_of(request), request_id, at_least)
    except Http404:
        raise HttpError(404, NOT_FOUND) from None
    return signoff


@router.post(
    "/stages/{int:stage_id}/signoff-requests",
    response={201: SignoffCreated, 409: Message, 423: Message, **REFUSALS},
)
def request_signoff(request: HttpRequest, stage_id: int, payload: SignoffRequestIn) -> Any:
    """Ask a manager to countersign the stage's Explanations and Conclusions, its Pathways and
    Planning, or both. What it covers must be complete and current: 422 names each thing left
    (required questions, carried-forward answers to confirm, judgements to make or to
    reconfirm, the plan's required items)."""
    stage = reachable_stage(request, stage_id, edit=True)
    if not payload.sections:
        raise field_errors({"sections": "Name explanations, planning or both"})
    try:
        signoff = operations.request_signoff(
            by=Actor.from_request(request), stage=stage, sections=_sections_of(payload.sections)
        )
    except operations.AlreadyAwaitingError:
        return Status(409, {"detail": "Sign-off has already been requested for this stage"})
    except operations.NotReadyError as error:
        raise _not_ready(error) from None
    except StageFrozenError as error:
        raise HttpError(
            423, f"This stage is {str(error).lower()}: it can no longer change"
        ) from None
    return Status(201, {"id": signoff.pk, "status": signoff.status})


@router.get("/signoff-requests/{int:request_id}", response={200: SignoffOut, **REFUSALS})
def get_signoff_request(request: HttpRequest, request_id: int) -> Any:
    signoff = _request(request, request_id)
    record_operations.record_viewed(
        by=Actor.from_request(request), child=signoff.stage.child, page="api sign-off request"
    )
    return _out(signoff)


@router.post(
    "/signoff-requests/{int:request_id}/decision",
    response={200: SignoffOut, 409: Message, **REFUSALS},
)
def decide_signoff(request: HttpRequest, request_id: int, payload: DecisionIn) -> Any:
    """Sign off, or ask for changes (a comment is then required: 422 without one). Signing off
    is refused (422, naming them) while anything it covers went out of date after the request
    was made, a judgement to reconfirm say: ask for changes instead."""
    signoff = _request(request, request_id)
    try:
        decided = operations.decide(
            by=Actor.from_request(request),
            membership=membership_of(request),
            request=signoff,
            decision=payload.decision,
            comment=payload.comment,
        )
    except operations.RefusedError as refused:
        raise HttpError(403, str(presenters.refusal_text(refused.reason))) from None
    except operations.NotAwaitingError:
        return Status(
            409, {"detail": f"This request is {signoff.status}: it is not awaiting sign-off"}
        )
    except operations.CommentRequiredError:
        raise field_errors({"comment": "Say what should change"}) from None
    except operations.NotReadyError as error:
        raise _not_ready(error) from None
    return _out(decided)


@router.post(
    "/signoff-requests/{int:request_id}/withdraw",
    response={200: SignoffOut, 409: Message, **REFUSALS},
)
def withdraw_signoff(request: HttpRequest, request_id: int, payload: WithdrawIn) -> Any:
    """Take back an awaiting request, with a reason (422 without one): the way forward when it
    went out of date after it was made, or was sent too soon. Needs edit access to the stage
    (else 404, as on the pages); 409 when the request is no longer awaiting."""
    signoff = _request(request, request_id, Access.EDIT)
    try:
        withdrawn = operations.withdraw(
            by=Actor.from_request(request), request=signoff, reason=payload.reason
        )
    except operations.ReasonRequiredError:
        raise field_errors({"reason": "Say why the request is withdrawn"}) from None
    except operations.NotAwaitingError:
        return Status(
            409, {"detail": f"This request is {signoff.status}: it is not awaiting sign-off"}
        )
    return _out(withdrawn)
