"""Changing a child's Core Record.

Every write is atomic, takes the acting person as `by`, and writes its audit event in the same
transaction. Changes to an existing row name the version they were based on: if someone else
saved first, `StaleRecordError` is raised and nothing is written, so no one's work is lost
silently. Views record every read of a record with `record_viewed`.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from cairn.accounts.models import Organisation
from cairn.audit.operations import Actor, record_event
from cairn.records import search
from cairn.records.models import Child, ChildSearchTerm, Education, Grant, Health, Versioned

V = TypeVar("V", bound=Versioned)


class StaleRecordError(Exception):
    """Someone else saved this part of the record after the editor opened it."""

    def __init__(self, current: Versioned) -> None:
        super().__init__("The record changed since it was opened.")
        self.current = current


class RecordGoneError(Exception):
    """Someone removed this item after the editor opened it."""


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _diff(obj: models.Model, data: dict[str, Any]) -> dict[str, list[Any]]:
    return {
        name: [_plain(getattr(obj, name)), _plain(value)]
        for name, value in data.items()
        if getattr(obj, name) != value
    }


def next_local_id(organisation: Organisation) -> str:
    prefix = (organisation.short_name or organisation.code)[:3].upper()
    count = Child.objects.filter(organisation=organisation).count() + 1
    while Child.objects.filter(
        organisation=organisation, local_id=f"{prefix}-{count:05d}"
    ).exists():
        count += 1
    return f"{prefix}-{count:05d}"


@transaction.atomic
def create_child(*, by: Actor, organisation: Organisation, data: dict[str, Any]) -> Child:
    data = dict(data)
    if not data.get("local_id"):
        data["local_id"] = next_local_id(organisation)
    child = Child.objects.create(organisation=organisation, **data)
    Education.objects.create(child=child)
    Health.objects.create(child=child)
    _keep_search_terms(child)
    record_event(
        by=by,
        event_type="records.child.created",
        child_id=child.pk,
        obj=child,
        summary=f"Created the record of {child.full_name}",
    )
    return child


@transaction.atomic
def update_record(
    *,
    by: Actor,
    obj: V,
    data: dict[str, Any],
    version: int,
    part: str,
    version_field: str = "version",
) -> V:
    """Apply `data` to one part of a child's record if that part is still at `version`.

    `version_field` names the part's version column: the parts kept on the child's row each
    have their own (`records.models.Child`), so only a save of the same part is refused."""
    model = type(obj)
    # Diff against the stored row, not `obj`: a ModelForm's validation has already copied the
    # new values onto the instance it was given, which would make every change look like none.
    stored = model._default_manager.select_for_update().filter(pk=obj.pk).first()
    changes = _diff(stored if stored is not None else obj, data)
    updated = model._default_manager.filter(pk=obj.pk, **{version_field: version}).update(
        **data, **{version_field: F(version_field) + 1}, updated_at=timezone.now()
    )
    if not updated:
        current = model._default_manager.filter(pk=obj.pk).first()
        if current is None:
            raise RecordGoneError
        raise StaleRecordError(current)
    obj.refresh_from_db()
    if isinstance(obj, Child) and search.SEARCHED_FIELDS.intersection(data):
        _keep_search_terms(obj)
    child_id = obj.pk if isinstance(obj, Child) else obj.child_id  # type: ignore[attr-defined]
    if changes:
        if not isinstance(obj, Child):
            Child.objects.filter(pk=child_id).update(updated_at=timezone.now())
        record_event(
            by=by,
            event_type=f"records.{part}.changed",
            child_id=child_id,
            obj=obj,
            summary=f"Changed {part.replace('_', ' ')}",
            detail={"changes": changes},
        )
    return obj


@transaction.atomic
def add_to_record(*, by: Actor, child: Child, model: type[V], data: dict[str, Any], part: str) -> V:
    obj: V = model._default_manager.create(child=child, **data)
    Child.objects.filter(pk=child.pk).update(updated_at=timezone.now())
    record_event(
        by=by,
        event_type=f"records.{part}.added",
        child_id=child.pk,
        obj=obj,
        summary=f"Added {part.replace('_', ' ')}: {obj}",
        detail={"values": {name: _plain(value) for name, value in data.items()}},
    )
    return obj


@transaction.atomic
def remove_from_record(*, by: Actor, obj: Versioned, version: int, part: str) -> None:
    model = type(obj)
    child_id = obj.child_id  # type: ignore[attr-defined]
    description = str(obj)
    deleted, _ = model._default_manager.filter(pk=obj.pk, version=version).delete()
    if not deleted:
        current = model._default_manager.filter(pk=obj.pk).first()
        if current is not None:
            raise StaleRecordError(current)
        return
    Child.objects.filter(pk=child_id).update(updated_at=timezone.now())
    record_event(
        by=by,
        event_type=f"records.{part}.removed",
        child_id=child_id,
        summary=f"Removed {part.replace('_', ' ')}: {description}",
        detail={"object_id": obj.pk},
    )


def _keep_search_terms(child: Child) -> None:
    """Rewrite the words a caseload search finds the child by (records.search), in the
    transaction that wrote the names or identifiers they come from."""
    terms = search.terms_for({name: getattr(child, name) for name in search.SEARCHED_FIELDS})
    ChildSearchTerm.objects.filter(child=child).delete()
    ChildSearchTerm.objects.bulk_create(
        [ChildSearchTerm(child=child, term=term) for term in sorted(terms)]
    )


def record_viewed(*, by: Actor, child: Child, page: str) -> None:
    record_event(
        by=by,
        event_type="records.child.viewed",
        child_id=child.pk,
        obj=child,
        summary=f"Viewed {page}",
        detail={"page": page},
    )


def record_listed(*, by: Actor, page: str, shown: int) -> None:
    """A list of children was read (the API's children, a caseload search, deadlines, the
    sign-off queue): one event per request, naming how many children it showed."""
    record_event(
        by=by,
        event_type="records.children.listed",
        summary=f"Listed {shown} {'child' if shown == 1 else 'children'}: {page}",
        detail={"page": page, "shown": shown},
    )


@transaction.atomic
def open_grant(
    *,
    by: Actor,
    child: Child,
    organisation: Organisation,
    scope: str,
    reason: str,
    valid_from: Any = None,
    valid_until: Any = None,
) -> Grant:
    """Let another organisation reach part of this child's record, for a stated reason and time."""
    grant = Grant.objects.create(
        child=child,
        organisation=organisation,
        scope=scope,
        reason=reason,
        valid_from=valid_from or timezone.now(),
        valid_until=valid_until,
        granted_by=by.user,
    )
    record_event(
        by=by,
        event_type="records.grant.opened",
        child_id=child.pk,
        obj=grant,
        summary=f"Shared with {organisation.name}: {grant.get_scope_display()}",
        detail={"reason": reason, "until": valid_until.isoformat() if valid_until else None},
    )
    return grant
