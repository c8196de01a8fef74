"""The one refusal of a restricted record on every page under the child (records.access)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cairn.accounts.requests import membership_of
from cairn.audit.operations import Actor
from cairn.records import operations
from cairn.records.access import RecordRestricted, may_manage_restriction


class RestrictedRecordMiddleware:
    """Answers RecordRestricted, raised by records.access for a member of the child's
    organisation not named on its restriction, with the "This record is restricted" page
    (403) naming whom to ask, and notes the attempt in the child's access log."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, RecordRestricted):
            return None
        return restricted_page(request, exception)


def restricted_page(request: HttpRequest, refusal: RecordRestricted) -> HttpResponse:
    operations.record_refused(
        by=Actor.from_request(request), child=refusal.child, page=request.path
    )
    return render(
        request,
        "records/restricted.html",
        {
            "child": refusal.child,
            "ask": refusal.ask,
            "may_manage": may_manage_restriction(membership_of(request), refusal.child),
        },
        status=403,
    )
