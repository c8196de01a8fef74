"""Changing a child's Core Record.

Every write is atomic, takes the acting person as `by`, and writes its audit event in the same
transaction. Changes to an existing row name the version they were based on: if someone else
saved first, `StaleRecordError` is raised and nothing is written, so no one's work is lost
silently. Views record every read of a record with `record_viewed`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cairn.accounts.models import Organisation
from cairn.audit.operations import Actor, record_event
from cairn.records import search
from cairn.records.models import (
    Child,
    ChildSearchTerm,
    Education,
    Grant,
    Health,
    RestrictedTo,
    Restriction,
    Safeguarding,
    Versioned,
)
from cairn.records.parts import PARTS
from cairn.records.queries import restriction_staff

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


# The models of the record's list parts (offences, addresses...), whose events name the item.
_LIST_MODELS = {part.model for part in PARTS if part.model is not None}


def _item_values(obj: models.Model) -> dict[str, Any]:
    """A list item's own values as the log keeps them, so its change and removal events can
    name the item (records.audit_text) in the reader's language, even once it is gone."""
    return {
        found.name: _plain(getattr(obj, found.name))
        for found in obj._meta.concrete_fields
        if found.editable
        and not found.primary_key
        and not found.is_relation
        and found.name not in {"version", "updated_at", "created_at"}
    }


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
def create_child(
    *, by: Actor, organisation: Organisation, data: dict[str, Any], at: dt.datetime | None = None
) -> Child:
    """Open a child's record. `at` (the demo loader only) is when the story says it was
    opened, for the audit event; the row's own `created_at` is when it was written."""
    data = dict(data)
    if not data.get("local_id"):
        data["local_id"] = next_local_id(organisation)
    child = Child.objects.create(organisation=organisation, **data)
    Education.objects.create(child=child)
    Health.objects.create(child=child)
    Safeguarding.objects.create(child=child)
    _keep_search_terms(child)
    record_event(
        by=by,
        event_type="records.child.created",
        child_id=child.pk,
        obj=child,
        summary=f"Created the record of {child.full_name}",
        at=at,
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
    at: dt.datetime | None = None,
) -> V:
    """Apply `data` to one part of a child's record if that part is still at `version`.

    `version_field` names the part's version column: the parts kept on the child's row each
    have their own (`records.models.Child`), so only a save of the same part is refused.
    `at`: when the change was made, if not now. Only the demo loader passes it, to write each
    fact of a child's story on the day the story says it was recorded (its audit event and
    `updated_at` say that moment), so a review shows only what changed since the last stage."""
    when = at or timezone.now()
    model = type(obj)
    # Diff against the stored row, not `obj`: a ModelForm's validation has already copied the
    # new values onto the instance it was given, which would make every change look like none.
    stored = model._default_manager.select_for_update().filter(pk=obj.pk).first()
    changes = _diff(stored if stored is not None else obj, data)
    updated = model._default_manager.filter(pk=obj.pk, **{version_field: version}).update(
        **data, **{version_field: F(version_field) + 1}, updated_at=when
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
            Child.objects.filter(pk=child_id).update(updated_at=when)
        record_event(
            by=by,
            event_type=f"records.{part}.changed",
            child_id=child_id,
            obj=obj,
            summary=f"Changed {part.replace('_', ' ')}",
            detail={"changes": changes, "item": _item_values(obj)}
            if model in _LIST_MODELS
            else {"changes": changes},
            at=at,
        )
    return obj


@transaction.atomic
def add_to_record(
    *,
    by: Actor,
    child: Child,
    model: type[V],
    data: dict[str, Any],
    part: str,
    at: dt.datetime | None = None,
) -> V:
    """Add an item to a list part of the record. `at`: as for `update_record` (demo only)."""
    when = at or timezone.now()
    obj: V = model._default_manager.create(child=child, **data, updated_at=when)
    Child.objects.filter(pk=child.pk).update(updated_at=when)
    record_event(
        by=by,
        event_type=f"records.{part}.added",
        child_id=child.pk,
        obj=obj,
        summary=f"Added {part.replace('_', ' ')}: {obj}",
        detail={"values": {name: _plain(value) for name, value in data.items()}},
        at=at,
    )
    return obj


@transaction.atomic
def remove_from_record(*, by: Actor, obj: Versioned, version: int, part: str) -> None:
    model = type(obj)
    child_id = obj.child_id  # type: ignore[attr-defined]
    description = str(obj)
    values = _item_values(obj)
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
        detail={"object_id": obj.pk, "item": values},
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
    at: dt.datetime | None = None,
) -> Grant:
    """Let another organisation reach part of this child's record, for a stated reason and time.
    `at`: when it was opened, if not now (the demo loader only, as for `update_record`)."""
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
        at=at,
    )
    return grant


class RestrictionError(Exception):
    """A restriction that cannot be made as asked: its message says why, for the manager."""


class StaleRestrictionError(Exception):
    """Someone changed or lifted the restriction after the manager opened it."""


def _named_users(child: Child, user_ids: set[int]) -> list[Any]:
    """The users with these ids, if each is a member of the child's organisation who may open
    its children (records.queries.restriction_staff); otherwise RestrictionError."""
    staff = {membership.user_id: membership.user for membership in restriction_staff(child)}
    if not user_ids:
        raise RestrictionError(_("Name at least one person who may open the record"))
    unknown = user_ids - set(staff)
    if unknown:
        raise RestrictionError(_("Only staff of the child’s service can be named"))
    return sorted((staff[user_id] for user_id in user_ids), key=lambda user: user.pk)


def _names(users: list[Any]) -> list[str]:
    return [user.display_name for user in users]


@transaction.atomic
def restrict_record(*, by: Actor, child: Child, reason: str, user_ids: set[int]) -> Restriction:
    """Keep the child's record to the named staff of its organisation, and the manager who
    restricts it (always named). Other organisations' grants are not affected."""
    if not reason.strip():
        raise RestrictionError(_("Enter why the record is restricted"))
    if by.user is None:
        raise RestrictionError(_("A person must restrict a record"))
    if Restriction.objects.select_for_update().filter(child=child).exists():
        raise StaleRestrictionError
    users = _named_users(child, {*user_ids, by.user.pk})
    restriction = Restriction.objects.create(
        child=child, reason=reason.strip(), restricted_by=by.user
    )
    RestrictedTo.objects.bulk_create(
        [RestrictedTo(restriction=restriction, user=user, added_by=by.user) for user in users]
    )
    record_event(
        by=by,
        event_type="records.child.restricted",
        child_id=child.pk,
        obj=restriction,
        summary=f"Restricted the record to {', '.join(_names(users))}",
        detail={"reason": restriction.reason, "named": sorted(user.username for user in users)},
    )
    return restriction


@transaction.atomic
def change_restriction(
    *, by: Actor, restriction: Restriction, reason: str, user_ids: set[int], version: int
) -> Restriction:
    """Change why the record is restricted and who is named, if the restriction is still at
    `version`. A manager who names themselves may open the record: the event says so."""
    if not reason.strip():
        raise RestrictionError(_("Enter why the record is restricted"))
    users = _named_users(restriction.child, user_ids)
    stored = Restriction.objects.select_for_update().filter(pk=restriction.pk).first()
    if stored is None or stored.version != version:
        raise StaleRestrictionError
    before = {
        named.user_id: named.user
        for named in RestrictedTo.objects.filter(restriction=stored).select_related("user")
    }
    after = {user.pk: user for user in users}
    added = [after[user_id] for user_id in sorted(set(after) - set(before))]
    removed = [before[user_id] for user_id in sorted(set(before) - set(after))]
    RestrictedTo.objects.filter(restriction=stored, user_id__in=[u.pk for u in removed]).delete()
    RestrictedTo.objects.bulk_create(
        [RestrictedTo(restriction=stored, user=user, added_by=by.user) for user in added]
    )
    changes = {"reason": [stored.reason, reason.strip()]} if stored.reason != reason.strip() else {}
    Restriction.objects.filter(pk=stored.pk).update(reason=reason.strip(), version=F("version") + 1)
    stored.refresh_from_db()
    if added or removed or changes:
        words = []
        if added:
            words.append(f"named {', '.join(_names(added))}")
        if removed:
            words.append(f"removed {', '.join(_names(removed))}")
        if changes:
            words.append("changed the reason")
        if by.user is not None and by.user.pk in {user.pk for user in added}:
            words.append("so the manager may now open the record")
        record_event(
            by=by,
            event_type="records.child.restriction_changed",
            child_id=stored.child_id,
            obj=stored,
            summary="Restricted record: " + "; ".join(words),
            detail={
                "added": [user.username for user in added],
                "removed": [user.username for user in removed],
                "changes": changes,
                "named_themselves": by.user is not None
                and by.user.pk in {user.pk for user in added},
            },
        )
    return stored


@transaction.atomic
def lift_restriction(*, by: Actor, restriction: Restriction, reason: str, version: int) -> None:
    """Open the record to the organisation's staff again, for a stated reason."""
    if not reason.strip():
        raise RestrictionError(_("Enter why the restriction is lifted"))
    stored = Restriction.objects.select_for_update().filter(pk=restriction.pk).first()
    if stored is None or stored.version != version:
        raise StaleRestrictionError
    named = list(
        RestrictedTo.objects.filter(restriction=stored).values_list("user__username", flat=True)
    )
    child_id = stored.child_id
    detail = {"reason": reason.strip(), "restricted_because": stored.reason, "was_named": named}
    stored.delete()
    record_event(
        by=by,
        event_type="records.child.unrestricted",
        child_id=child_id,
        summary="Lifted the restriction on the record",
        detail=detail,
    )


def record_refused(*, by: Actor, child: Child, page: str) -> None:
    """A member of the child's organisation not named on its restriction tried to open it."""
    record_event(
        by=by,
        event_type="records.child.refused",
        child_id=child.pk,
        obj=child,
        summary=f"Refused (restricted record): {page}",
        detail={"page": page},
    )
