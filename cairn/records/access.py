"""Who may see and change which child: one policy for object checks and queryset filters.

A child belongs to one organisation. Practitioners and managers of that organisation may
read and change the Core Record. Anyone else reaches the child only through a grant that is
in force now, and only as far as its scope allows:

- custody (secure establishment) and placement (youth custody service): read the record;
- transfer (receiving service): read and change the record;
- summary (partner agency): read the overview and the one-page summary, and of the child's own
  details only `SUMMARY_FIELDS` (the same on the overview, the summary, its PDF and the API).

Everything else answers "not found", so a child's existence never leaks.

A manager may restrict a child's record to named staff of its organisation (`Restriction`).
Then the organisation's other staff, managers included, reach nothing of it: every page, PDF
and API call under the child refuses with `RecordRestricted` (403, naming whom to ask; the
caseloads still list the child by name so nobody creates a duplicate). Managers may always see
and change who is named (`may_manage_restriction`), and open the record once they name
themselves, which is audited. Grants to other organisations are not affected by a restriction:
their holders keep their scope.
"""

from __future__ import annotations

from enum import IntEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from cairn.accounts.models import Membership
from cairn.accounts.roles import Capability, can
from cairn.records.models import Child, Grant, RestrictedTo, Restriction


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

# The child's own details a SUMMARY reader (a partner agency) sees: who the child is and how
# to address them, their legal status, next court date and secure establishment, and which
# alerts are raised; never the alerts' notes, identifiers beyond the service's local ID,
# looked-after status, languages, or anything else of the record. READ and EDIT see every
# field. The overview, the one-page summary (page and PDF), the record's header and the API
# all ask `may_see`.
SUMMARY_FIELDS = frozenset(
    {
        "id",
        "organisation",
        "local_id",
        "given_name",
        "family_name",
        "preferred_name",
        "date_of_birth",
        "sex",
        "gender_identity",
        "pronouns",
        "prefers_welsh",
        "legal_status",
        "next_court_date",
        "next_court",
        "custody_establishment",
        "has_exploitation_concern",
        "has_risk_to_staff",
        "needs_interpreter",
        "updated_at",
    }
)


def may_see(access: Access, field: str) -> bool:
    """Whether a reader at this level sees this field of the child's own row."""
    return access >= Access.READ or (access == Access.SUMMARY and field in SUMMARY_FIELDS)


def grants_in_force(membership: Membership) -> QuerySet[Grant]:
    now = timezone.now()
    return Grant.objects.filter(
        organisation=membership.organisation,
        revoked_at__isnull=True,
        valid_from__lte=now,
    ).filter(Q(valid_until__isnull=True) | Q(valid_until__gt=now))


NOTHING = Q(pk__in=[])


def own_children_filter(membership: Membership | None) -> Q:
    """A filter on Child for the children of the membership's own organisation it may see
    listed: restricted ones included, by name only (caseloads show that they exist)."""
    if membership is None or not membership.is_active:
        return NOTHING
    if can(membership, Capability.VIEW_OWN_CHILDREN):
        return Q(organisation=membership.organisation)
    return NOTHING


def restricted_from(membership: Membership) -> Q:
    """A filter on Child for the restricted children this membership is not named on (whether
    or not they are its organisation's: combine with another filter)."""
    return Q(
        pk__in=Restriction.objects.exclude(
            pk__in=RestrictedTo.objects.filter(user_id=membership.user_id).values("restriction_id")
        ).values("child_id")
    )


def visible_filter(membership: Membership | None, at_least: Access = Access.SUMMARY) -> Q:
    """A filter on Child for the children this membership may open at the given level."""
    if membership is None or not membership.is_active:
        return NOTHING
    condition = own_children_filter(membership) & ~restricted_from(membership)
    if can(membership, Capability.USE_GRANTS):
        scopes = [scope for scope, level in GRANT_ACCESS.items() if level >= at_least]
        condition |= Q(
            pk__in=grants_in_force(membership).filter(scope__in=scopes).values("child_id")
        )
    return condition


def restriction_of(child: Child) -> Restriction | None:
    """The child's restriction, if any (read with the child by records.queries.child_for)."""
    try:
        return child.restriction
    except Restriction.DoesNotExist:
        return None


def is_named(membership: Membership, restriction: Restriction) -> bool:
    return restriction.named.filter(user_id=membership.user_id).exists()


def _is_own_staff(membership: Membership, child: Child) -> bool:
    return child.organisation_id == membership.organisation_id and can(
        membership, Capability.VIEW_OWN_CHILDREN
    )


def restriction_against(membership: Membership | None, child: Child) -> Restriction | None:
    """The restriction that keeps this member of the child's own organisation out of its
    record (they are not named on it), or None. Other organisations' grants are not touched."""
    if membership is None or not membership.is_active or not _is_own_staff(membership, child):
        return None
    restriction = restriction_of(child)
    if restriction is None or is_named(membership, restriction):
        return None
    return restriction


def access_to(membership: Membership | None, child: Child) -> Access:
    if membership is None or not membership.is_active:
        return Access.NONE
    if _is_own_staff(membership, child):
        if restriction_against(membership, child) is not None:
            return Access.NONE
        return Access.EDIT if can(membership, Capability.EDIT_CORE_RECORD) else Access.READ
    if not can(membership, Capability.USE_GRANTS):
        return Access.NONE
    scopes = grants_in_force(membership).filter(child=child).values_list("scope", flat=True)
    return max((GRANT_ACCESS[Grant.Scope(scope)] for scope in scopes), default=Access.NONE)


class RecordRestricted(PermissionDenied):
    """The caller belongs to the child's organisation but is not named on its restriction.

    Pages answer with the "This record is restricted" page (records.middleware), the API with
    403 and the same words (api.api); both name whom to ask."""

    def __init__(self, child: Child, restriction: Restriction) -> None:
        super().__init__("This record is restricted")
        self.child = child
        self.restriction = restriction

    @property
    def ask(self) -> str:
        """Whom to ask: the manager who restricted the record."""
        return self.restriction.restricted_by.display_name

    @property
    def message(self) -> str:
        return _("This record is restricted. Ask %(name)s if you need to see it.") % {
            "name": self.ask
        }


def require(
    membership: Membership | None, child: Child, at_least: Access = Access.SUMMARY
) -> Access:
    """The caller's access to the child, if at least `at_least`.

    Raises RecordRestricted for the child's own staff kept out by a restriction (the same
    refusal at every level) and Http404 for everyone else below `at_least`."""
    access = access_to(membership, child)
    if access < at_least:
        restriction = restriction_against(membership, child)
        if restriction is not None:
            raise RecordRestricted(child, restriction)
        raise Http404
    return access


def may_manage_restriction(membership: Membership | None, child: Child) -> bool:
    """Managers of the child's organisation may restrict its record, see who is named and
    change or lift the restriction, named or not."""
    return (
        membership is not None
        and membership.is_active
        and child.organisation_id == membership.organisation_id
        and can(membership, Capability.RESTRICT_RECORDS)
    )


def may_read_access_log(membership: Membership | None, child: Child) -> bool:
    return (
        membership is not None
        and child.organisation_id == membership.organisation_id
        and can(membership, Capability.READ_ACCESS_LOG)
    )
