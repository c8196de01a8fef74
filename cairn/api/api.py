"""The documented HTTP API (OpenAPI at /api/v1/openapi.json): a thin layer over the same
queries and operations the pages use, with the same access rules. A child the caller may not
reach is 404, never 403, so its existence does not leak."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Router, Status
from ninja.errors import HttpError, ValidationError
from ninja.pagination import paginate

from cairn.accounts.requests import membership_of
from cairn.accounts.roles import Capability, can
from cairn.api.auth import SessionAuth, TokenAuth
from cairn.api.common import field_errors, reachable_child
from cairn.api.pagination import ListedChildren, Pages
from cairn.api.schemas import (
    ChildChange,
    ChildConflict,
    ChildCreated,
    ChildIn,
    ChildOut,
    ChildSummary,
    Created,
    LifeEventIn,
    LifeEventOut,
    OffenceIn,
    OffenceOut,
)
from cairn.audit.operations import Actor
from cairn.records import operations, queries, validation
from cairn.records.access import Access, RecordRestricted, may_see
from cairn.records.models import Child, LifeEvent, Offence

api = NinjaAPI(
    title="Cairn API",
    version="1",
    description=(
        "The Cairn API. Authenticate with a personal access token (`Authorization: Bearer …`, "
        "created on your account page) or the signed-in session (send `X-CSRFToken` on writes). "
        "Invalid input answers 422 with the fields at fault."
    ),
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
)


@api.exception_handler(RecordRestricted)
def restricted(request: HttpRequest, refusal: RecordRestricted) -> HttpResponse:
    """A restricted record, for a member of its organisation not named on the restriction: 403
    with whom to ask, for every route under the child, as the pages answer (records.access)."""
    operations.record_refused(
        by=Actor.from_request(request), child=refusal.child, page=request.path
    )
    return api.create_response(request, {"detail": refusal.message}, status=403)


def _access_name(access: Access) -> str:
    return {Access.SUMMARY: "summary", Access.READ: "read", Access.EDIT: "edit"}[access]


children = Router(tags=["children"])


@children.get("", response=list[ChildSummary])
@paginate(ListedChildren)
def list_children(request: HttpRequest) -> Any:
    return (
        queries.visible_children(membership_of(request))
        .select_related("organisation")
        .order_by("family_name", "given_name", "id")
    )


def _child_out(child: Child, access: Access) -> dict[str, Any]:
    out = {
        name: getattr(child, name)
        for name in ChildOut.model_fields
        if hasattr(child, name) and name != "organisation"
    }
    out["organisation"] = child.organisation.name
    out["access"] = _access_name(access)
    # What the caller's access shows of the child, by the rule the overview and the summary
    # follow too (records.access.may_see): the rest is null.
    for name in set(ChildOut.model_fields) - {"version", "access"}:
        if not may_see(access, name):
            out[name] = None
    return out


@children.get("/{int:child_id}", response=ChildOut)
def get_child(request: HttpRequest, child_id: int) -> Any:
    child, access = reachable_child(request, child_id, Access.SUMMARY)
    operations.record_viewed(by=Actor.from_request(request), child=child, page="api child")
    return _child_out(child, access)


@children.post("", response={201: ChildCreated})
def create_child(request: HttpRequest, payload: ChildIn) -> Any:
    membership = membership_of(request)
    if membership is None or not can(membership, Capability.CREATE_CHILD):
        raise HttpError(403, "Your role cannot add children")
    data = payload.dict()
    errors = validation.date_of_birth_errors(data["date_of_birth"])
    identifiers, identifier_errors = validation.normalised_identifiers(data)
    errors.update(identifier_errors)
    if (
        data["local_id"]
        and Child.objects.filter(
            organisation=membership.organisation, local_id=data["local_id"]
        ).exists()
    ):
        errors["local_id"] = "Another child in your organisation already has this local ID"
    if errors:
        raise field_errors(errors)
    data.update(identifiers)
    duplicates = queries.likely_duplicates(
        membership,
        given_name=data["given_name"],
        family_name=data["family_name"],
        date_of_birth=data["date_of_birth"],
    )
    child = operations.create_child(
        by=Actor.from_request(request),
        organisation=membership.organisation,
        data={**data, "case_worker": request.user, "team": membership.team},
    )
    return Status(
        201,
        {
            "id": child.pk,
            "local_id": child.local_id,
            "likely_duplicates": [d.pk for d in duplicates],
        },
    )


@children.patch("/{int:child_id}", response={200: ChildOut, 409: ChildConflict})
def change_child(request: HttpRequest, child_id: int, payload: ChildChange) -> Any:
    """Change the child's date of birth, if the personal details are still at `version` (409
    with the child as it is now if not). A date of birth that would put any recorded offence
    before the child's tenth birthday is refused (422): the error's `msg` names each offence
    and date, and its `ctx.offences` lists them (`id`, `description`, `offence_date`)."""
    child, access = reachable_child(request, child_id, Access.EDIT)
    errors = validation.date_of_birth_change_errors(child, payload.date_of_birth)
    if errors:
        early = validation.offences_before_tenth_birthday(child, payload.date_of_birth)
        raise ValidationError(
            [
                {
                    "type": "value_error",
                    "loc": ["body", "payload", name],
                    "msg": message,
                    "ctx": {
                        "offences": [
                            {
                                "id": offence.pk,
                                "description": offence.description,
                                "offence_date": offence.offence_date.isoformat(),
                            }
                            for offence in early
                        ]
                    },
                }
                for name, message in errors.items()
            ]
        )
    try:
        operations.update_record(
            by=Actor.from_request(request),
            obj=child,
            data={"date_of_birth": payload.date_of_birth},
            version=payload.version,
            part="personal_details",
        )
    except operations.StaleRecordError as error:
        current = error.current
        assert isinstance(current, Child)
        return Status(
            409,
            {
                "detail": "Someone changed the personal details after your version. Nothing "
                "was saved.",
                "current": _child_out(current, access),
            },
        )
    return _child_out(child, access)


@children.get("/{int:child_id}/offences", response=list[OffenceOut])
@paginate(Pages)
def list_offences(request: HttpRequest, child_id: int) -> Any:
    child, _ = reachable_child(request, child_id, Access.READ)
    operations.record_viewed(by=Actor.from_request(request), child=child, page="api offences")
    return queries.offences_of(child)


def _writable(request: HttpRequest, child_id: int) -> Child:
    child, _access = reachable_child(request, child_id, Access.EDIT)
    return child


@children.post("/{int:child_id}/offences", response={201: Created})
def create_offence(request: HttpRequest, child_id: int, payload: OffenceIn) -> Any:
    child = _writable(request, child_id)
    data = payload.dict()
    data["outcome_type"] = data["outcome_type"] or ""
    errors = validation.offence_errors(child, data)
    if errors:
        raise field_errors(errors)
    offence = operations.add_to_record(
        by=Actor.from_request(request), child=child, model=Offence, data=data, part="offences"
    )
    return Status(201, {"id": offence.pk})


@children.get("/{int:child_id}/life-events", response=list[LifeEventOut])
@paginate(Pages)
def list_life_events(request: HttpRequest, child_id: int) -> Any:
    child, _ = reachable_child(request, child_id, Access.READ)
    operations.record_viewed(by=Actor.from_request(request), child=child, page="api life events")
    return queries.life_events_of(child)


@children.post("/{int:child_id}/life-events", response={201: Created})
def create_life_event(request: HttpRequest, child_id: int, payload: LifeEventIn) -> Any:
    child = _writable(request, child_id)
    data = payload.dict()
    errors = validation.life_event_errors(child, data)
    if errors:
        raise field_errors(errors)
    event = operations.add_to_record(
        by=Actor.from_request(request), child=child, model=LifeEvent, data=data, part="life_events"
    )
    return Status(201, {"id": event.pk})


api.add_router("/children", children)

from cairn.api.assessment import router as assessment_router  # noqa: E402

api.add_router("", assessment_router)

from cairn.api.judgements import router as judgements_router  # noqa: E402

api.add_router("", judgements_router)

from cairn.api.quality import router as quality_router  # noqa: E402

api.add_router("", quality_router)

from cairn.api.plans import router as plans_router  # noqa: E402

api.add_router("", plans_router)
