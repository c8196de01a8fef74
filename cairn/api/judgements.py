"""Judgement routes of the API: the reoffending score, a stage's judgements and its concerns.

The same access rules as the pages. The score is part of the judgements, not of the child's
summary: reading it needs read access to the child, so a caller holding only a summary grant
gets 404, as for the child's offences. A stage is reached through its child: reading its
judgements needs read access, changing them needs edit access (else 404, as on the pages). Every
read is recorded in the child's audit trail; every write is audited by the operation.

The reoffending score names its model. `band` is an object: `key` is the band's key in the
model (low, medium, high, very_high for the default), stable for programs; `label` is the
model's own words for it. A child the model cannot score (no sanction yet, say) answers 422
with every reason, in `reasons` and as entries of `detail` like any other 422.

Writes name the version they are based on (0 for a judgement not yet made):

- 409 Conflict: someone changed it after that version (or, reconfirming, it was never made);
  nothing is written and the body carries it as it is now (`current`);
- 423 Locked: the stage is completed, stopped or cancelled, so its judgements cannot change;
- 422: a field error, e.g. a rating that is not one of the judgement's `ratings`, or no reason
  where the rating differs from the proposal;
- 404: the stage does not make that judgement, or has no such concern.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone, translation
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError

from cairn.api.assessment_schemas import Message
from cairn.api.common import NOT_FOUND, field_errors, reachable_child, reachable_stage
from cairn.api.judgements_schemas import (
    CannotScoreOut,
    ConcernChangeIn,
    ConcernConflict,
    ConcernFields,
    ConcernIn,
    ConcernOut,
    DecisionIn,
    JudgementConflict,
    JudgementOut,
    ReconfirmIn,
    RemoveQuery,
    ScoreOut,
    ScoreQuery,
    StageJudgementsOut,
)
from cairn.assessment.models import Stage
from cairn.assessment.operations import StageFrozenError
from cairn.audit.operations import Actor
from cairn.judgements import operations, proposals, queries, scoring
from cairn.judgements import rules as judgement_rules
from cairn.judgements.models import Concern, Kind
from cairn.records import operations as record_operations
from cairn.records.access import Access
from cairn.records.models import Child

router = Router(tags=["judgements"])

ENDED = "This stage is {status}: its judgements can no longer change"
REFUSALS: dict[int, type[Schema]] = {403: Message, 404: Message}


def _stage(request: HttpRequest, stage_id: int, *, edit: bool = False) -> Stage:
    return reachable_stage(request, stage_id, edit=edit)


def _viewed(request: HttpRequest, child: Child, page: str) -> None:
    record_operations.record_viewed(by=Actor.from_request(request), child=child, page=page)


def _ended(stage: Stage, error: StageFrozenError) -> HttpError:
    return HttpError(423, ENDED.format(status=str(error).lower() or stage.status))


def _language() -> str:
    return translation.get_language() or "en-gb"


# The reoffending score


def _model_out(model: scoring.ScoringModel) -> dict[str, Any]:
    return {"name": model.name, "version": model.version, "label": model.label_in(_language())}


def _term(term: scoring.Term) -> dict[str, Any]:
    return {
        "key": term.key,
        "label": term.label,
        "value": term.value,
        "explanation": term.explanation,
    }


def _score_out(found: scoring.Score) -> dict[str, Any]:
    inputs = found.inputs
    return {
        "model": _model_out(found.model),
        "p_1_year": found.p_1_year,
        "p_2_years": found.p_2_years,
        "percent_1_year": found.percent_1_year,
        "percent_2_years": found.percent_2_years,
        "band": {
            "key": found.band.key,
            "label": proposals.band_label(found.band.key, found.band.label, _language()),
            "from_percent": found.band.lower_percent,
            "to_percent": found.band.upper_percent,
        },
        "terms": [_term(term) for term in found.terms],
        "linear_score": found.linear_score,
        "intercepts": [_term(term) for term in found.intercepts],
        "inputs": {
            "sex": inputs.sex,
            "date_of_birth": inputs.date_of_birth,
            "current_sanction_date": inputs.current_sanction_date,
            "first_sanction_date": inputs.first_sanction_date,
            "previous_sanctions": inputs.previous_sanctions,
            "offence_category": inputs.offence_category,
            "assessed_on": inputs.assessed_on,
        },
        "ages": {
            "at_assessment": found.age_at_assessment,
            "at_current_sanction": found.age_at_current_sanction,
            "at_first_sanction": found.age_at_first_sanction,
        },
    }


def _date(raw: str | None) -> dt.date:
    if raw is None or not raw.strip():
        return timezone.localdate()
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise field_errors(
            {"on": f"Enter a real date as YYYY-MM-DD, like 2026-03-27 (got {raw[:40]!r})"},
            where="query",
        ) from None


@router.get(
    "/children/{int:child_id}/reoffending-score",
    response={200: ScoreOut, 422: CannotScoreOut, 404: Message},
)
def reoffending_score(request: HttpRequest, child_id: int, query: Query[ScoreQuery]) -> Any:
    """The likelihood of reoffending the active scoring model gives the child on a date.

    Computed from the Core Record (sex, date of birth, sanction occasions) as it is now, for
    the sanctions on or before `on`; the answer names the model. `band` is an object with the
    band's `key` and `label`. 422 with every reason (`reasons`) when the child cannot be scored.

    The score is part of the child's judgements, not of their summary: it needs read access
    to the child, and a caller holding only a summary grant gets 404. Every read is recorded."""
    child, _access = reachable_child(request, child_id, Access.READ)
    on = _date(query.on)
    _viewed(request, child, "api reoffending score")
    model = proposals.active_model()
    try:
        found = proposals.score_for(child, on, model)
    except scoring.CannotScore as refusal:
        return Status(
            422,
            {
                "detail": [
                    {"type": "cannot_score", "loc": ["path", "child_id"], "msg": reason}
                    for reason in refusal.reasons
                ],
                "reasons": refusal.reasons,
                "model": _model_out(model),
                "on": on,
            },
        )
    return _score_out(found)


# Judgements


def _judgement_out(state: queries.JudgementState) -> dict[str, Any]:
    made = state.judgement
    return {
        "kind": state.kind,
        "label": str(Kind(state.kind).label),
        "made": made is not None,
        "rating": made.rating if made else None,
        "proposed": made.proposed if made else None,
        "reason": made.reason if made else None,
        "version": made.version if made else 0,
        "to_reconfirm": state.to_reconfirm,
        "changes": [
            {"kind": change.kind, "name": change.name, "old": change.old, "new": change.new}
            for change in state.changes
        ],
        "detail": made.detail if made else None,
        "decided_by": (made.decided_by_name or None) if made else None,
        "decided_at": made.decided_at if made else None,
        "carried_from": made.carried_from_id if made else None,
        "proposal": {"value": state.proposal.value, "detail": state.proposal.detail},
        "ratings": list(proposals.ratings_for(state.kind)),
        "cannot_score": list(state.cannot_score),
    }


def _concern_out(concern: Concern, rules: judgement_rules.Rules) -> dict[str, Any]:
    return {
        "id": concern.pk,
        "judgement": concern.judgement,
        "what": concern.what,
        "to_whom": concern.to_whom,
        "to_whom_detail": concern.to_whom_detail,
        "impact": concern.impact,
        "likelihood": concern.likelihood,
        "imminence": concern.imminence,
        "evidence": concern.evidence,
        "answer_keys": list(concern.answer_keys or []),
        "version": concern.version,
        "rating": judgement_rules.concern_rating(
            rules, concern.impact, concern.likelihood, concern.imminence
        ),
        "carried_from": concern.carried_from_id,
        "updated_at": concern.updated_at,
    }


def _state_out(stage: Stage, kind: str) -> dict[str, Any]:
    return _judgement_out(queries.review(stage).states[kind])


def _known_kind(stage: Stage, kind: str) -> str:
    if kind not in queries.kinds_of(stage):
        raise HttpError(404, f"This stage does not make the judgement {kind[:40]!r}")
    return kind


@router.get("/stages/{int:stage_id}/judgements", response={200: StageJudgementsOut, **REFUSALS})
def get_judgements(request: HttpRequest, stage_id: int) -> Any:
    """Every judgement the stage makes, made or not, with the proposal now and what has changed
    since it was made; and the concerns the two risk judgements are built from."""
    stage = _stage(request, stage_id)
    _viewed(request, stage.child, "api judgements")
    found = queries.review(stage)
    rules = judgement_rules.active()
    return {
        "stage_id": stage.pk,
        "required": found.required,
        "open": stage.is_open,
        "judgements": [_judgement_out(state) for state in found],
        "concerns": [_concern_out(concern, rules) for concern in found.facts.concerns],
    }


@router.put(
    "/stages/{int:stage_id}/judgements/{kind}",
    response={200: JudgementOut, 409: JudgementConflict, 423: Message, **REFUSALS},
)
def decide_judgement(request: HttpRequest, stage_id: int, kind: str, payload: DecisionIn) -> Any:
    """Make or revise a judgement if it is still at `version` (0: not yet made).

    A reason is required where the rating differs from the proposal, or there is none."""
    stage = _stage(request, stage_id, edit=True)
    _known_kind(stage, kind)
    try:
        operations.decide(
            by=Actor.from_request(request),
            stage=stage,
            kind=kind,
            rating=payload.rating,
            reason=payload.reason,
            version=payload.version,
        )
    except StageFrozenError as error:
        raise _ended(stage, error) from None
    except operations.UnknownJudgementError:
        raise HttpError(404, NOT_FOUND) from None
    except operations.InvalidError as error:
        raise field_errors(error.errors) from None
    except operations.StaleError:
        return Status(
            409,
            {
                "detail": "Someone changed this judgement after your version. Nothing was saved.",
                "current": _state_out(stage, kind),
            },
        )
    return _state_out(stage, kind)


@router.post(
    "/stages/{int:stage_id}/judgements/{kind}/reconfirm",
    response={200: JudgementOut, 409: JudgementConflict, 423: Message, **REFUSALS},
)
def reconfirm_judgement(
    request: HttpRequest, stage_id: int, kind: str, payload: ReconfirmIn
) -> Any:
    """Keep the rating on what the stage holds now: the changes are seen and accepted.

    422 on `reason` when the proposal has moved since the judgement was made (for reoffending,
    the model's band) and the rating kept is not the new proposal: `reason` says why it still
    holds. With the proposal unchanged no reason is needed."""
    stage = _stage(request, stage_id, edit=True)
    _known_kind(stage, kind)
    try:
        operations.reconfirm(
            by=Actor.from_request(request),
            stage=stage,
            kind=kind,
            version=payload.version,
            reason=payload.reason,
        )
    except StageFrozenError as error:
        raise _ended(stage, error) from None
    except operations.UnknownJudgementError:
        return Status(
            409,
            {
                "detail": "This judgement has not been made yet: make it before reconfirming it.",
                "current": _state_out(stage, kind),
            },
        )
    except operations.InvalidError as error:
        raise field_errors(error.errors) from None
    except operations.StaleError:
        return Status(
            409,
            {
                "detail": "Someone changed this judgement after your version. Nothing was saved.",
                "current": _state_out(stage, kind),
            },
        )
    return _state_out(stage, kind)


# Concerns


def _concern_input(payload: ConcernFields) -> operations.ConcernInput:
    return operations.ConcernInput(
        what=payload.what,
        to_whom=payload.to_whom,
        to_whom_detail=payload.to_whom_detail,
        impact=payload.impact,
        likelihood=payload.likelihood,
        imminence=payload.imminence,
        evidence=payload.evidence,
        answer_keys=tuple(payload.answer_keys),
    )


def _concern_conflict(stage: Stage, concern_id: int) -> Any:
    current = Concern.objects.filter(stage=stage, pk=concern_id).first()
    if current is None:  # removed by someone else meanwhile
        raise HttpError(404, NOT_FOUND)
    return Status(
        409,
        {
            "detail": "Someone changed this concern after your version. Nothing was saved.",
            "current": _concern_out(current, judgement_rules.active()),
        },
    )


@router.post(
    "/stages/{int:stage_id}/concerns",
    response={201: ConcernOut, 423: Message, **REFUSALS},
)
def add_concern(request: HttpRequest, stage_id: int, payload: ConcernIn) -> Any:
    """Add a concern to one of the two risk judgements; its rating comes from the matrix."""
    stage = _stage(request, stage_id, edit=True)
    try:
        concern = operations.add_concern(
            by=Actor.from_request(request),
            stage=stage,
            judgement=payload.judgement,
            data=_concern_input(payload),
        )
    except StageFrozenError as error:
        raise _ended(stage, error) from None
    except operations.UnknownJudgementError:
        raise field_errors({"judgement": "This stage does not make this judgement"}) from None
    except operations.InvalidError as error:
        raise field_errors(error.errors) from None
    return Status(201, _concern_out(concern, judgement_rules.active()))


@router.put(
    "/stages/{int:stage_id}/concerns/{int:concern_id}",
    response={200: ConcernOut, 409: ConcernConflict, 423: Message, **REFUSALS},
)
def change_concern(
    request: HttpRequest, stage_id: int, concern_id: int, payload: ConcernChangeIn
) -> Any:
    """Replace a concern's fields if it is still at `version`."""
    stage = _stage(request, stage_id, edit=True)
    try:
        concern = operations.change_concern(
            by=Actor.from_request(request),
            stage=stage,
            concern_id=concern_id,
            data=_concern_input(payload),
            version=payload.version,
        )
    except StageFrozenError as error:
        raise _ended(stage, error) from None
    except Concern.DoesNotExist:
        raise HttpError(404, NOT_FOUND) from None
    except operations.InvalidError as error:
        raise field_errors(error.errors) from None
    except operations.StaleError:
        return _concern_conflict(stage, concern_id)
    return _concern_out(concern, judgement_rules.active())


@router.delete(
    "/stages/{int:stage_id}/concerns/{int:concern_id}",
    response={204: None, 409: ConcernConflict, 423: Message, **REFUSALS},
)
def remove_concern(
    request: HttpRequest, stage_id: int, concern_id: int, query: Query[RemoveQuery]
) -> Any:
    """Remove a concern if it is still at `version`."""
    stage = _stage(request, stage_id, edit=True)
    try:
        operations.remove_concern(
            by=Actor.from_request(request),
            stage=stage,
            concern_id=concern_id,
            version=query.version,
        )
    except StageFrozenError as error:
        raise _ended(stage, error) from None
    except Concern.DoesNotExist:
        raise HttpError(404, NOT_FOUND) from None
    except operations.StaleError:
        return _concern_conflict(stage, concern_id)
    return Status(204, None)
