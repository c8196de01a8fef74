"""What the API's routers share: the child or stage a caller may reach, and refusals of a request's
fields in the shape django-ninja gives its own validation errors (422)."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja.errors import HttpError, ValidationError

from cairn.accounts.requests import membership_of
from cairn.assessment import queries as assessment_queries
from cairn.assessment.models import Stage
from cairn.records import queries as record_queries
from cairn.records.access import Access
from cairn.records.models import Child

NOT_FOUND = "Not found"


def field_errors(errors: dict[str, str], where: str = "body") -> ValidationError:
    """A 422 naming each refused field (of the body, or of `where`: "query", say)."""
    prefix = ["body", "payload"] if where == "body" else [where]
    return ValidationError(
        [
            {"type": "value_error", "loc": [*prefix, name], "msg": message}
            for name, message in errors.items()
        ]
    )


def reachable_child(
    request: HttpRequest, child_id: int, at_least: Access = Access.READ
) -> tuple[Child, Access]:
    """The child and the caller's access to it, if at least `at_least` (else 404: to change the
    child's record, pass Access.EDIT, so read-only callers get the pages' 404, never 403)."""
    try:
        return record_queries.child_for(membership_of(request), child_id, at_least)
    except Http404:
        raise HttpError(404, NOT_FOUND) from None


def reachable_stage(request: HttpRequest, stage_id: int, *, edit: bool = False) -> Stage:
    """The stage if the caller may read its child and, to change it, edit it (else 404).

    A caller who may read but not change (a custody or placement grant) gets 404 for a change,
    as the pages answer the same caller: one refusal, one status, on pages and in the API."""
    try:
        stage, _access = assessment_queries.stage_for(
            membership_of(request), stage_id, Access.EDIT if edit else Access.READ
        )
    except Http404:
        raise HttpError(404, NOT_FOUND) from None
    return stage
