"""Writing to the audit log.

Every read and every change of a child's record is recorded here, by the operation or view
that performs it, inside the same transaction as the change. Events are appended to a hash
chain: the head row is locked while an event is written, so concurrent writers queue rather
than fork the chain.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction

from cairn.audit.models import AuditEvent, ChainHead

if TYPE_CHECKING:
    from django.http import HttpRequest

    from cairn.accounts.models import Organisation, User


@dataclass(frozen=True)
class Actor:
    """Who is acting, for which organisation, and from where."""

    user: User | None
    organisation: Organisation | None
    ip_address: str | None = None
    user_agent: str = ""

    @classmethod
    def from_request(cls, request: HttpRequest) -> Actor:
        membership = getattr(request, "membership", None)
        user = request.user if request.user.is_authenticated else None
        return cls(
            user=user,
            organisation=membership.organisation if membership else None,
            ip_address=request.META.get("REMOTE_ADDR") or None,
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
        )

    @classmethod
    def system(cls, organisation: Organisation | None = None) -> Actor:
        return cls(user=None, organisation=organisation)


def changed(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """What an edit changed, for an event's detail: each field whose value differs, as
    [before, after]."""
    return {name: [old[name], new[name]] for name in new if old[name] != new[name]}


def record_event(
    *,
    by: Actor,
    event_type: str,
    child_id: int | None = None,
    obj: Any = None,
    summary: str = "",
    detail: dict[str, Any] | None = None,
    at: dt.datetime | None = None,
) -> AuditEvent:
    """Append an event. `at` is when it happened, if not now: only the demo loader passes it,
    to write a fact of a child's story at the moment the story says it was recorded."""
    with transaction.atomic():
        head, _ = ChainHead.objects.select_for_update().get_or_create(pk=1)
        event = AuditEvent(
            **({"at": at} if at is not None else {}),
            event_type=event_type,
            actor=by.user,
            actor_username=by.user.username if by.user else "system",
            organisation=by.organisation,
            organisation_name=by.organisation.name if by.organisation else "",
            child_id=child_id,
            object_type=type(obj).__name__ if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            summary=summary[:300],
            detail=detail or {},
            ip_address=by.ip_address,
            user_agent=by.user_agent,
            previous_hash=head.last_hash,
        )
        event.hash = event.content_hash()
        event.save()
        ChainHead.objects.filter(pk=1).update(last_hash=event.hash)
        return event
