"""Who may see and change which child: one policy for object checks and queryset filters.

A child belongs to one organisation. Practitioners and managers of that organisation may
read and change the Core Record. Anyone else reaches the child only through a grant that is
in force now, and only as far as its scope allows:

- custody (secure establishment) and placement (youth custody service): read the record;
- transfer (receiving service): read and change the record;
- summary (partner agency): read the overview and the one-page summary.

Everything else answers "not found", so a child's existence never leaks.
"""

from __future__ import annotations

from enum import IntEnum

from django.db.models import Q, QuerySet
from django.utils import timezone

from cairn.accounts.models import Membership
from cairn.accounts.roles import Capability, can
from cairn.records.models import Child, Grant


class Access(IntEnum):
    NONE = 0
    SUMMARY = 1
    READ = 2
    EDIT = 3


GRANT_ACCESS = {
    Grant.Scope.SUMMARY: Access.SUMMARY,
    Grant.Scope.PLACEMENT: Access.READ,
    Grant.Scope.CUSTODY: Access.READ,
    Grant.Scope.TRANSFER: Access.EDIT,
}


def grants_in_force(membership: Membership) -> QuerySet[Grant]:
    now = timezone.now()
    return Grant.objects.filter(
        organisation=membership.organisation,
        revoked_at__isnull=True,
        valid_from__lte=now,
    ).filter(Q(valid_until__isnull=True) | Q(valid_until__gt=now))


NOTHING = Q(pk__in=[])


def own_children_filter(membership: Membership | None) -> Q:
    """A filter on Child for the children of the membership's own organisation it may see."""
    if membership is None or not membership.is_active:
        return NOTHING
    if can(membership, Capability.VIEW_OWN_CHILDREN):
        return Q(organisation=membership.organisation)
    return NOTHING


def visible_filter(membership: Membership | None, at_least: Access = Access.SUMMARY) -> Q:
    """A filter on Child for the children this membership may reach at the given level."""
    if membership is None or not membership.is_active:
        return NOTHING
    condition = own_children_filter(membership)
    if can(membership, Capability.USE_GRANTS):
        scopes = [scope for scope, level in GRANT_ACCESS.items() if level >= at_least]
        condition |= Q(
            pk__in=grants_in_force(membership).filter(scope__in=scopes).values("child_id")
        )
    return condition


def access_to(membership: Membership | None, child: Child) -> Access:
    if membership is None or not membership.is_active:
        return Access.NONE
    if child.organisation_id == membership.organisation_id and can(
        membership, Capability.VIEW_OWN_CHILDREN
    ):
        return Access.EDIT if can(membership, Capability.EDIT_CORE_RECORD) else Access.READ
    if not can(membership, Capability.USE_GRANTS):
        return Access.NONE
    scopes = grants_in_force(membership).filter(child=child).values_list("scope", flat=True)
    return max((GRANT_ACCESS[Grant.Scope(scope)] for scope in scopes), default=Access.NONE)


def may_read_access_log(membership: Membership | None, child: Child) -> bool:
    return (
        membership is not None
        and child.organisation_id == membership.organisation_id
        and can(membership, Capability.READ_ACCESS_LOG)
    )
