"""Reading Core Records. Every function takes the acting membership first and returns only
what it may see; joins live here so each page's query count stays flat."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from cairn.accounts.models import Membership
from cairn.accounts.roles import CAPABILITIES, Capability, can
from cairn.records import access as policy
from cairn.records import identifiers, search
from cairn.records.access import Access, own_children_filter, visible_filter
from cairn.records.models import (
    Child,
    ChildSearchTerm,
    Grant,
    LifeEvent,
    Offence,
    RestrictedTo,
    Restriction,
)


def visible_children(
    membership: Membership | None, at_least: Access = Access.SUMMARY
) -> QuerySet[Child]:
    return Child.objects.filter(visible_filter(membership, at_least))


def child_for(
    membership: Membership | None, child_id: int, at_least: Access = Access.SUMMARY
) -> tuple[Child, Access]:
    """The child and the caller's access to it, or 404 when the caller may not reach it at that level."""
    # A slice, not first(): first() orders by id, and working out that order costs more than
    # the query itself.
    found = list(Child.objects.select_related(*CHILD_HEADER).filter(pk=child_id)[:1])
    if not found:
        raise Http404
    return found[0], access_or_404(membership, found[0], at_least)


# What every page of a child's record shows about the child beyond its own row (the header),
# and its restriction, which records.access asks about: read with the child, in the same query.
CHILD_HEADER = ("organisation", "team", "case_worker", "restriction")


def access_or_404(
    membership: Membership | None, child: Child, at_least: Access = Access.SUMMARY
) -> Access:
    """The caller's access to a child already read, or 404 when it is below `at_least` (403,
    records.access.RecordRestricted, for the child's own staff a restriction keeps out)."""
    return policy.require(membership, child, at_least)


@dataclass(frozen=True)
class CaseloadFilter:
    search: str = ""
    legal_status: str = ""
    alert: str = ""  # "exploitation", "risk_to_staff", "interpreter", "looked_after"
    sort: str = "name"  # "name", "-name", "dob", "-dob", "updated", "-updated"


SORTS = {
    "name": ("family_name", "given_name", "id"),
    "-name": ("-family_name", "-given_name", "-id"),
    "dob": ("date_of_birth", "id"),
    "-dob": ("-date_of_birth", "-id"),
    "updated": ("updated_at", "id"),
    "-updated": ("-updated_at", "-id"),
}


def _terms_starting_with(word: str) -> QuerySet[ChildSearchTerm]:
    """Search terms that begin with `word`, through the terms' index on either database.

    PostgreSQL serves LIKE 'word%' from the pattern-ops index Django adds to the column, in
    any collation; SQLite compares text byte by byte (code point order), so a range serves it
    there. Wildcards in `word` are taken literally by both."""
    terms = ChildSearchTerm.objects.all()
    if connection.vendor == "postgresql":
        return terms.filter(term__startswith=word)
    return terms.filter(term__gte=word, term__lt=word + "\U0010ffff")


def _search(children: QuerySet[Child], text: str) -> QuerySet[Child]:
    """Children whose date of birth is the text, or each of whose words begins one of the
    child's names or identifiers (records.search)."""
    text = text.strip()
    if not text:
        return children
    date_of_birth = _parse_date(text)
    if date_of_birth:
        return children.filter(date_of_birth=date_of_birth)
    typed = search.words(text)
    if not typed:
        return children.none()
    condition = Q()
    for word in typed:
        condition &= Q(pk__in=_terms_starting_with(word).values("child_id"))
    with contextlib.suppress(ValueError):
        pnc = search.normalise(identifiers.normalise_pnc(text))
        condition |= Q(pk__in=_terms_starting_with(pnc).values("child_id"))
    return children.filter(condition)


def _found_by_name_only_if_restricted(
    children: QuerySet[Child], membership: Membership, text: str
) -> QuerySet[Child]:
    """A restricted record the caller is not named on is found by its name, as caseloads list
    it, never by an identifier (PNC number, local ID, UPN): a match on one would confirm the
    record to someone who should learn nothing from it. Restricted records are few, so their
    names are read here rather than kept apart in the search terms."""
    typed = search.words(text.strip())
    restricted = list(
        Child.objects.filter(
            own_children_filter(membership) & policy.restricted_from(membership)
        ).only(*search.NAME_FIELDS)
    )
    by_name = [
        child.pk
        for child in restricted
        if typed
        and all(
            any(
                term.startswith(word)
                for term in search.terms_for(
                    {name: getattr(child, name) for name in search.NAME_FIELDS}
                )
            )
            for word in typed
        )
    ]
    return children.filter(~policy.restricted_from(membership) | Q(pk__in=by_name))


def _parse_date(text: str) -> dt.date | None:
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d %m %Y", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


# The field of the child's row each caseload alert filter reads.
ALERT_FIELDS = {
    "exploitation": "has_exploitation_concern",
    "risk_to_staff": "has_risk_to_staff",
    "interpreter": "needs_interpreter",
    "looked_after": "looked_after",
}


def caseload(membership: Membership, *, scope: str, filters: CaseloadFilter) -> QuerySet[Child]:
    """Children for a caseload page: scope "mine" (my cases), "team" (my team's, or the whole
    organisation for a manager or someone in no team) or "shared" (reached through grants)."""
    if scope == "shared":
        children = (
            visible_children(membership)
            .exclude(organisation=membership.organisation)
            .select_related("organisation", "case_worker")
        )
    elif scope == "mine":
        # Own-organisation caseloads need no grant lookup: a plain filter the indexes can serve.
        # Through the user's own caseload every child's case worker is that user, so there is
        # nothing to join and the (organisation, case worker, name) index gives the order.
        user = membership.user
        children = user.caseload.filter(own_children_filter(membership))
    else:
        # Only the case worker is joined, and as an outer join: the children stay the driving
        # table, so the (organisation, team, name) index gives the order and the page stops
        # after its 25 rows instead of sorting the whole team (an inner join lets SQLite put
        # the one-row organisation and team tables first and sort every child).
        children = Child.objects.filter(own_children_filter(membership)).select_related(
            "case_worker"
        )
        if membership.team_id and membership.role != Membership.Role.MANAGER:
            children = children.filter(team_id=membership.team_id)
    children = _search(children, filters.search)
    if filters.search.strip():
        children = _found_by_name_only_if_restricted(children, membership, filters.search)
    if filters.legal_status or filters.alert or _parse_date(filters.search.strip()):
        # A restricted record the caller may not open is listed by name only: a filter on what
        # is in it, or on the date of birth, must not pick it out.
        children = children.exclude(policy.restricted_from(membership))
    if filters.legal_status:
        children = children.filter(legal_status=filters.legal_status)
    if filters.alert:
        children = _with_alert(children, membership, filters.alert)
    return children.order_by(*SORTS.get(filters.sort, SORTS["name"]))


def _with_alert(children: QuerySet[Child], membership: Membership, alert: str) -> QuerySet[Child]:
    """The children with this alert (a caseload filter)."""
    if not policy.may_see(Access.SUMMARY, ALERT_FIELDS[alert]):
        # Through a grant, a filter on a field outside the summary's scope (looked-after
        # status) only picks among the children the caller reads in full: it must not tell
        # which summary-shared children are looked after.
        children = children.filter(
            Q(organisation=membership.organisation) | visible_filter(membership, Access.READ)
        )
    if alert == "exploitation":
        children = children.filter(has_exploitation_concern=True)
    elif alert == "risk_to_staff":
        children = children.filter(has_risk_to_staff=True)
    elif alert == "interpreter":
        children = children.filter(needs_interpreter=True)
    elif alert == "looked_after":
        # The same statuses as the "Looked after" alert: a care leaver is no longer looked after.
        children = children.filter(
            looked_after__in=[
                Child.LookedAfter.SECTION_20,
                Child.LookedAfter.CARE_ORDER,
                Child.LookedAfter.REMAND,
            ]
        )
    return children


def likely_duplicates(
    membership: Membership, *, given_name: str, family_name: str, date_of_birth: dt.date
) -> list[Child]:
    """Children in the same organisation with the same name and date of birth."""
    return list(
        Child.objects.filter(
            organisation=membership.organisation,
            given_name__iexact=given_name.strip(),
            family_name__iexact=family_name.strip(),
            date_of_birth=date_of_birth,
        ).order_by("id")
    )


def offences_of(child: Child) -> QuerySet[Offence]:
    return child.offences.order_by("-offence_date", "-id")


def life_events_of(child: Child) -> QuerySet[LifeEvent]:
    return child.life_events.order_by("-date", "-id")


def restriction_staff(child: Child) -> list[Membership]:
    """The members of the child's organisation who may be named on its restriction: everyone
    whose role opens the organisation's children, by name."""
    roles = [
        role
        for role, capabilities in CAPABILITIES.items()
        if Capability.VIEW_OWN_CHILDREN in capabilities
    ]
    return list(
        Membership.objects.filter(
            organisation_id=child.organisation_id, is_active=True, role__in=roles
        )
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__username")
    )


def restriction_for(
    membership: Membership | None, child_id: int
) -> tuple[Child, Restriction | None]:
    """The child and its restriction (None if unrestricted), for a manager of its organisation
    (records.access.may_manage_restriction), named on it or not; 403 for the organisation's
    other staff who work with children, 404 for anyone else (administrators see no children)."""
    found = list(
        Child.objects.select_related(*CHILD_HEADER, "restriction__restricted_by").filter(
            pk=child_id
        )[:1]
    )
    if (
        not found
        or membership is None
        or not membership.is_active
        or found[0].organisation_id != membership.organisation_id
        or not can(membership, Capability.VIEW_OWN_CHILDREN)
    ):
        raise Http404
    if not policy.may_manage_restriction(membership, found[0]):
        policy.require(membership, found[0])  # the restricted page, for those it keeps out
        raise PermissionDenied
    return found[0], policy.restriction_of(found[0])


def named_on(restriction: Restriction) -> list[RestrictedTo]:
    return list(
        restriction.named.select_related("user").order_by(
            "user__last_name", "user__first_name", "user__username"
        )
    )


@dataclass(frozen=True)
class Restricted:
    """How a caseload row shows a restricted child: whom to ask, and whether this person may
    open the record (they are named on it)."""

    ask: str
    may_open: bool


def grant_access_among(membership: Membership, children: list[Child]) -> dict[int, Access]:
    """The access the caller's grants give to each of these children (a "shared" caseload
    page's), in one query: the widest where several grants are in force."""
    found: dict[int, Access] = {}
    if not children:
        return found
    rows = (
        policy.grants_in_force(membership)
        .filter(child_id__in=[child.pk for child in children])
        .values_list("child_id", "scope")
    )
    for child_id, scope in rows:
        level = policy.GRANT_ACCESS[Grant.Scope(scope)]
        found[child_id] = max(found.get(child_id, Access.NONE), level)
    return found


def restrictions_among(membership: Membership, children: list[Child]) -> dict[int, Restricted]:
    """The restricted ones among these children (a caseload page's), in one query."""
    if not children:
        return {}
    rows = (
        # Only the caller's own organisation's: a grant holder keeps its grant's scope.
        Restriction.objects.filter(
            child_id__in=[child.pk for child in children],
            child__organisation_id=membership.organisation_id,
        )
        .select_related("restricted_by")
        .annotate(
            is_named=Exists(
                RestrictedTo.objects.filter(restriction=OuterRef("pk"), user_id=membership.user_id)
            )
        )
    )
    return {
        row.child_id: Restricted(ask=row.restricted_by.display_name, may_open=row.is_named)
        for row in rows
    }


def grants_in_force_for(child: Child) -> QuerySet[Grant]:
    """The child's grants to other organisations in force now: a restriction leaves them be."""
    now = timezone.now()
    return (
        Grant.objects.filter(child=child, revoked_at__isnull=True, valid_from__lte=now)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gt=now))
        .select_related("organisation")
        .order_by("organisation__name", "id")
    )
