"""What each role may do, as data: one table that rules, views and tests all read.

A role grants capabilities inside the user's active organisation. Access to a child held by
another organisation never comes from a role alone: it needs a grant (records.Grant).
"""

from __future__ import annotations

from enum import StrEnum

from cairn.accounts.models import Membership

Role = Membership.Role


class Capability(StrEnum):
    VIEW_OWN_CHILDREN = "view_own_children"  # children held by the active organisation
    EDIT_CORE_RECORD = "edit_core_record"
    CREATE_CHILD = "create_child"
    VIEW_TEAM_CASELOAD = "view_team_caseload"
    READ_ACCESS_LOG = "read_access_log"
    MANAGE_ACCOUNTS = "manage_accounts"
    USE_GRANTS = "use_grants"  # see children another organisation has shared through a grant
    COUNTERSIGN = "countersign"  # decide sign-off requests of the organisation's stages
    SET_COUNTERSIGN_POLICY = "set_countersign_policy"  # which stages need countersigning
    VIEW_DEADLINES = "view_deadlines"  # the organisation's overdue work and timeliness
    REOPEN_STAGE = "reopen_stage"  # reopen or cancel a stage of the organisation's children
    RESTRICT_RECORDS = "restrict_records"  # keep a child's record to named staff (records.access)


CAPABILITIES: dict[str, frozenset[Capability]] = {
    Role.PRACTITIONER: frozenset(
        {
            Capability.VIEW_OWN_CHILDREN,
            Capability.EDIT_CORE_RECORD,
            Capability.CREATE_CHILD,
            Capability.VIEW_TEAM_CASELOAD,
            Capability.USE_GRANTS,
        }
    ),
    Role.MANAGER: frozenset(
        {
            Capability.VIEW_OWN_CHILDREN,
            Capability.EDIT_CORE_RECORD,
            Capability.CREATE_CHILD,
            Capability.VIEW_TEAM_CASELOAD,
            Capability.READ_ACCESS_LOG,
            Capability.USE_GRANTS,
            Capability.COUNTERSIGN,
            Capability.SET_COUNTERSIGN_POLICY,
            Capability.VIEW_DEADLINES,
            Capability.REOPEN_STAGE,
            Capability.RESTRICT_RECORDS,
        }
    ),
    Role.SECURE_ESTATE: frozenset({Capability.USE_GRANTS}),
    Role.PLACEMENTS_OFFICER: frozenset({Capability.USE_GRANTS}),
    Role.PARTNER_VIEWER: frozenset({Capability.USE_GRANTS}),
    Role.ADMINISTRATOR: frozenset({Capability.MANAGE_ACCOUNTS, Capability.SET_COUNTERSIGN_POLICY}),
}


def can(membership: Membership | None, capability: Capability) -> bool:
    if membership is None or not membership.is_active:
        return False
    return capability in CAPABILITIES.get(membership.role, frozenset())
