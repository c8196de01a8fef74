"""The API's one pagination: `limit` and `offset`, with bounds every list route shares.

A page holds at most 100 items (a larger `limit` is capped to 100); a `limit` below 1, a
negative `offset`, a number past 2^31 - 1 or anything not a whole number answers 422, never
a database error. Lists of children also write one audit event per request, naming how many
children the page showed (records.children.listed).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from cairn.audit.operations import Actor
from cairn.records import operations as record_operations

MAX_LIMIT = 100
LARGEST = 2**31 - 1  # past any list Cairn holds, and inside every database's integer


class Pages(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(
            MAX_LIMIT,
            ge=1,
            le=LARGEST,
            description=f"How many items to return: at most {MAX_LIMIT} (more is capped).",
        )
        offset: int = Field(0, ge=0, le=LARGEST, description="How many items to skip.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)


class ListedChildren(Pages):
    """Pages of children: the read is recorded in the audit log, once per request."""

    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Any, request: HttpRequest, **params: Any
    ) -> Any:
        page = super().paginate_queryset(queryset, pagination, request, **params)
        items = list(page[self.items_attribute])
        record_operations.record_listed(
            by=Actor.from_request(request), page="api children", shown=len(items)
        )
        return {**page, self.items_attribute: items}
