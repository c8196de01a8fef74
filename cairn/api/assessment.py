"""Assessment routes of the API: the catalogue, stages, answers, completion, changes.

The same access rules as the pages: a stage is reached through its child. Reading a stage
needs read access to the child, changing it needs edit access; a caller without it gets 404,
as on the pages (its stages' existence does not leak, and a read-only grant changes nothing).
Every read of a stage is recorded in the child's audit trail.

Saving an answer names the version it is based on (0 for a question never answered). Answers
that can no longer be saved get a status of their own:

- 409 Conflict: someone saved the answer after that version; nothing is written and the body
  carries their value and version (`current`) so the caller can choose and send again;
- 423 Locked: the stage is completed, stopped or cancelled, so none of its answers can change;
- 422: the value is not a valid answer to the question (a field error on `value`), including
  a question that shows a Core Record fact, which is changed in the Core Record instead;
- 404: the stage's catalogue has no question with that key.

Completing a stage (`POST /stages/{id}/complete`) answers 422 listing what is left, one entry
per thing: required questions, carried-forward answers of the stage's own sections still to
confirm or change, judgements and plan items. Reopening and cancelling (`/reopen`, `/cancel`,
with a reason) are for managers of the organisation holding the stage: 403 for anyone else who
may edit it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError, ValidationError
from ninja.pagination import paginate
from pydantic import Field

from cairn.api.assessment_schemas import (
    AnswerIn,
    AnswerOut,
    CatalogueOut,
    ChangeOut,
    CompletionOut,
    Conflict,
    Message,
    StageIn,
    StageOut,
    StageSummary,
)
from cairn.api.common import field_errors, reachable_child, reachable_stage
from cairn.api.pagination import Pages
from cairn.api.schemas import Created
from cairn.assessment import completion, extensions, facts, operations, queries, review
from cairn.assessment.answers import InvalidAnswerError
from cairn.assessment.models import Stage
from cairn.audit.operations import Actor
from cairn.framework import catalogue as catalogues
from cairn.framework.catalogue import Catalogue
from cairn.framework.schema import ItemField, Option, Question, Section, StageType, Text
from cairn.records import operations as record_operations
from cairn.records.access import Access

router = Router(tags=["assessment"])

YES_NO = (
    Option(value="yes", label=Text(en="Yes", cy="Ie")),
    Option(value="no", label=Text(en="No", cy="Na")),
)
REFUSALS: dict[int, type[Schema]] = {403: Message, 404: Message}


def _stage(request: HttpRequest, stage_id: int, *, edit: bool = False) -> Stage:
    return reachable_stage(request, stage_id, edit=edit)


def _viewed(request: HttpRequest, stage: Stage, page: str) -> None:
    record_operations.record_viewed(by=Actor.from_request(request), child=stage.child, page=page)


# The catalogue


def _words(text: Text | None) -> dict[str, str] | None:
    return {"en": text.en, "cy": text.cy} if text is not None else None


def _option(option: Option) -> dict[str, Any]:
    return {"value": option.value, "label": _words(option.label)}


def _options(question: Question | ItemField) -> list[dict[str, Any]]:
    """Every value `answers.clean` accepts, with its label (yes/no and yet_to_clarify included)."""
    listed = question.choices() if isinstance(question, Question) else question.options
    if question.kind != "yes_no":
        return [_option(option) for option in {option.value: option for option in listed}.values()]
    allowed = {"yes", "no"} | (
        {"yet_to_clarify"} if getattr(question, "yet_to_clarify", False) else set()
    )
    merged = {option.value: option for option in (*YES_NO, *listed) if option.value in allowed}
    return [_option(option) for option in merged.values()]


def _show_if(question: Question) -> dict[str, Any] | None:
    condition = question.show_if
    if condition is None:
        return None
    return {
        "question": condition.question,
        "equals": condition.equals,
        "in": list(condition.in_),
        "answered": condition.answered,
    }


def _question(question: Question) -> dict[str, Any]:
    return {
        "key": question.key,
        "kind": question.kind,
        "label": _words(question.label),
        "help": _words(question.help),
        "example": _words(question.example),
        "options": _options(question),
        "depth": question.depth,
        "required": question.is_required,
        "nature": question.nature,
        "source": question.source,
        "show_if": _show_if(question),
        "feeds": list(question.feeds),
        "items": [
            {
                "key": item.key,
                "kind": item.kind,
                "label": _words(item.label),
                "options": _options(item),
                "required": item.required,
            }
            for item in question.items
        ],
        "stages": list(question.stages),
        "wales": {"label": _words(question.wales.label), "help": _words(question.wales.help)}
        if question.wales is not None
        else None,
    }


def _section(section: Section) -> dict[str, Any]:
    return {
        "key": section.key,
        "title": _words(section.title),
        "part": section.part,
        "intro": _words(section.intro),
        "questions": [_question(question) for question in section.questions],
    }


def _stage_type(stage: StageType) -> dict[str, Any]:
    return {
        "key": stage.key,
        "label": _words(stage.label),
        "description": _words(stage.description),
        "depth": stage.depth,
        "due_days": stage.due_days,
        "sections": [{"section": entry.section, "depth": entry.depth} for entry in stage.sections],
    }


def catalogue_out(catalogue: Catalogue) -> dict[str, Any]:
    return {
        "version": catalogue.version,
        "status": catalogue.manifest.status,
        "sections": [_section(section) for section in catalogue.sections],
        "stage_types": [_stage_type(stage) for stage in catalogue.stages],
    }


@router.get("/catalogue", response=CatalogueOut, by_alias=True)
def get_catalogue(request: HttpRequest) -> Any:
    """The current catalogue: sections and their questions in order, and the stage types."""
    return catalogue_out(catalogues.load())


# Stages


def _stage_out(stage: Stage) -> dict[str, Any]:
    out = {name: getattr(stage, name) for name in StageSummary.model_fields}
    out["answers"] = {
        key: {"value": value, "version": version}
        for key, value, version in stage.answers.order_by("key").values_list(
            "key", "value", "version"
        )
    }
    return out


@router.get("/children/{int:child_id}/stages", response=list[StageSummary])
@paginate(Pages)
def list_stages(request: HttpRequest, child_id: int) -> Any:
    """The child's stages, newest first."""
    child, _access = reachable_child(request, child_id, Access.READ)
    record_operations.record_viewed(by=Actor.from_request(request), child=child, page="api stages")
    return queries.stages_of(child)


@router.post("/children/{int:child_id}/stages", response={201: Created, **REFUSALS})
def start_stage(request: HttpRequest, child_id: int, payload: StageIn) -> Any:
    """Start a stage; the child's last stage's answers are carried forward, to confirm."""
    child, _access = reachable_child(request, child_id, Access.EDIT)
    try:
        stage = operations.start_stage(
            by=Actor.from_request(request), child=child, stage_type=payload.stage_type
        )
    except operations.UnknownStageTypeError:
        known = ", ".join(stage.key for stage in catalogues.load().stages)
        raise field_errors({"stage_type": f"Unknown stage type: choose one of {known}"}) from None
    return Status(201, {"id": stage.pk})


@router.get("/stages/{int:stage_id}", response={200: StageOut, **REFUSALS})
def get_stage(request: HttpRequest, stage_id: int) -> Any:
    """The stage and every saved answer with its version (send that version to change it)."""
    stage = _stage(request, stage_id)
    _viewed(request, stage, "api stage")
    return _stage_out(stage)


@router.put(
    "/stages/{int:stage_id}/answers/{key}",
    response={200: AnswerOut, 409: Conflict, 423: Message, **REFUSALS},
)
def save_answer(request: HttpRequest, stage_id: int, key: str, payload: AnswerIn) -> Any:
    """Save one answer if it is still at `version`.

    409 with the current answer if it is not; 423 if the stage has ended."""
    stage = _stage(request, stage_id, edit=True)
    try:
        answer = operations.record_answer(
            by=Actor.from_request(request),
            stage=stage,
            key=key,
            value=payload.value,
            version=payload.version,
        )
    except operations.UnknownQuestionError:
        raise HttpError(
            404, f"The catalogue {stage.catalogue_version} has no question {key}"
        ) from None
    except operations.StageFrozenError as error:
        raise HttpError(
            423, f"This stage is {str(error).lower()}: its answers can no longer change"
        ) from None
    except operations.PulledThroughError as error:
        raise field_errors({"value": _pulled_through(str(error))}) from None
    except InvalidAnswerError as error:
        raise field_errors({"value": str(error)}) from None
    except operations.StaleAnswerError as error:
        current = error.current
        return Status(
            409,
            {
                "detail": "Someone saved this answer after your version. Nothing was saved.",
                "current": {
                    "value": current.value if current else None,
                    "version": current.version if current else 0,
                },
            },
        )
    return {"key": answer.key, "value": answer.value, "version": answer.version}


def _pulled_through(source: str) -> str:
    fact = facts.FACTS.get(source)
    where = f" (the {fact.part.replace('-', ' ')} part)" if fact else ""
    return f"This shows a fact from the Core Record: change it in the Core Record{where}"


@router.get("/stages/{int:stage_id}/completion", response={200: CompletionOut, **REFUSALS})
def get_completion(request: HttpRequest, stage_id: int) -> Any:
    """What the stage still needs: required questions unanswered, overall and per section."""
    stage = _stage(request, stage_id)
    _viewed(request, stage, "api stage completion")
    values = queries.values_of(stage)
    found = completion.progress(
        catalogues.load(stage.catalogue_version),
        stage.stage_type,
        stage.depth,
        values,
        queries.marked_sections(stage),
        unconfirmed=values.unconfirmed,
    )
    outstanding = extensions.outstanding(stage)
    carried = [
        question.key
        for _section, questions in review.carried_waiting(found)
        for question in questions
    ]
    return {
        "complete": found.is_complete and not outstanding and not carried,
        "carried_to_confirm": carried,
        "outstanding": [
            {"key": item.key, "state": item.state.value, "title": item.title, "detail": item.detail}
            for item in outstanding
        ],
        "required_missing": [question.key for question in found.required_missing],
        "sections": [
            {
                "key": section.section.key,
                "state": section.state.value,
                "required_count": section.required_count,
                "answered_count": section.answered_count,
                "required_missing": [question.key for question in section.required_missing],
            }
            for section in found.sections
        ],
    }


class ChangesQuery(Schema):
    since: str | None = Field(
        None,
        description="ISO 8601 date and time (naive: UK time); default: the stage's start",
    )


def _since(raw: str) -> dt.datetime:
    """An ISO 8601 date and time; a '+' sent unencoded in a query string arrives as a space."""
    given = raw.strip()
    head, space, tail = given.rpartition(" ")
    for text in dict.fromkeys([given, f"{head}+{tail}" if space else given]):
        try:
            parsed = parse_datetime(text)
        except ValueError:
            parsed = None
        if parsed is not None:
            return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed
    raise field_errors(
        {"since": "Enter a date and time like 2026-03-27T14:30:00+00:00"}, where="query"
    )


@router.get("/stages/{int:stage_id}/changes", response={200: list[ChangeOut], **REFUSALS})
def list_changes(request: HttpRequest, stage_id: int, filters: Query[ChangesQuery]) -> Any:
    """One entry per answer changed after `since` (default: the stage's start), newest first."""
    stage = _stage(request, stage_id)
    since = _since(filters.since) if filters.since else stage.started_at
    _viewed(request, stage, "api stage changes")
    return queries.changes_since(stage, since)


@router.post("/stages/{int:stage_id}/deepen", response={200: StageOut, 423: Message, **REFUSALS})
def deepen_stage(request: HttpRequest, stage_id: int) -> Any:
    """Turn a light stage into a full one, keeping every answer: full questions become required."""
    stage = _stage(request, stage_id, edit=True)
    try:
        stage = operations.deepen_stage(by=Actor.from_request(request), stage=stage)
    except operations.StageFrozenError as error:
        raise HttpError(
            423, f"This stage is {str(error).lower()}: it can no longer be deepened"
        ) from None
    _viewed(request, stage, "api stage")
    return _stage_out(stage)


# Completing, reopening and cancelling


class ReasonIn(Schema):
    reason: str | None = Field(None, description="Why: kept with the stage and in the audit log")


def _refused(entries: list[tuple[list[str], str]]) -> ValidationError:
    """A 422 naming each thing refused, in the shape of the API's other 422s."""
    return ValidationError(
        [{"type": "value_error", "loc": loc, "msg": msg} for loc, msg in entries]
    )


def _left(stage: Stage, incomplete: operations.IncompleteStageError) -> ValidationError:
    """One entry per thing left before the stage can be completed, each naming it."""
    entries: list[tuple[list[str], str]] = [
        (["answers", question.key], f"Required question unanswered: {question.label.en}")
        for question in incomplete.missing
    ]
    entries += [
        (
            ["answers", question.key],
            f"Carried-forward answer to confirm or change ({section.title.en}): "
            f"{question.label.en}",
        )
        for section, questions in incomplete.unconfirmed
        for question in questions
    ]
    entries += [
        (
            ["items", item.key],
            f"{item.title}: {item.detail}"
            if item.detail
            else f"{item.title}: {'to reconfirm' if item.state.value == 'reconfirm' else 'to make'}",
        )
        for item in incomplete.outstanding
    ]
    return _refused(entries)


@router.post("/stages/{int:stage_id}/complete", response={200: StageOut, 423: Message, **REFUSALS})
def complete_stage(request: HttpRequest, stage_id: int) -> Any:
    """Complete the stage, keeping the Core Record facts it used.

    422 lists what is left, one entry per thing: required questions unanswered, carried-forward
    answers of the stage's own sections neither confirmed nor changed, judgements (and other
    items) to make or reconfirm. 423 if the stage has already ended."""
    stage = _stage(request, stage_id, edit=True)
    try:
        stage = operations.complete_stage(by=Actor.from_request(request), stage=stage)
    except operations.IncompleteStageError as incomplete:
        raise _left(stage, incomplete) from None
    except operations.StageFrozenError as error:
        raise HttpError(423, f"This stage is {str(error).lower()}: it has already ended") from None
    return _stage_out(stage)


MANAGERS_ONLY = "Only a manager of the organisation holding this stage may reopen or cancel it"


def _managed(request: HttpRequest, stage_id: int, payload: ReasonIn) -> tuple[Stage, str]:
    stage = _stage(request, stage_id, edit=True)
    if not operations.may_reopen_or_cancel(Actor.from_request(request), stage):
        raise HttpError(403, MANAGERS_ONLY)
    reason = (payload.reason or "").strip()
    if not reason:
        raise field_errors({"reason": "Enter the reason"})
    return stage, reason


@router.post("/stages/{int:stage_id}/reopen", response={200: StageOut, **REFUSALS})
def reopen_stage(request: HttpRequest, stage_id: int, payload: ReasonIn) -> Any:
    """Managers: put a completed, stopped or signed-off stage back in progress, with a reason.

    422 for a missing or blank reason, or a stage that cannot be reopened (in progress and not
    signed off, cancelled, or with a later stage started)."""
    stage, reason = _managed(request, stage_id, payload)
    try:
        stage = operations.reopen_stage(by=Actor.from_request(request), stage=stage, reason=reason)
    except operations.CannotReopenError as refused:
        raise _refused([(["stage", "status"], str(refused))]) from None
    return _stage_out(stage)


@router.post("/stages/{int:stage_id}/cancel", response={200: StageOut, **REFUSALS})
def cancel_stage(request: HttpRequest, stage_id: int, payload: ReasonIn) -> Any:
    """Managers: cancel a stage started in error, with a reason. It stays readable, as
    cancelled, and no longer counts as the child's latest stage. 422 for a missing or blank
    reason, or a stage no longer in progress."""
    stage, reason = _managed(request, stage_id, payload)
    try:
        stage = operations.end_stage(
            by=Actor.from_request(request),
            stage=stage,
            status=Stage.Status.CANCELLED,
            reason=reason,
        )
    except operations.StageFrozenError:
        raise _refused(
            [(["stage", "status"], "Only a stage in progress can be cancelled")]
        ) from None
    return _stage_out(stage)
