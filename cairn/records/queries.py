"""Reading Core Records. Every function takes the acting membership first and returns only
what it may see; joins live here so each page's query count stays flat."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from cairn.accounts.models import Membership
from cairn.records import identifiers
from cairn.records.access import Access, access_to, own_children_filter, visible_filter
from cairn.records.models import Child, LifeEvent, Offence


def visible_children(
    membership: Membership | None, at_least: Access = Access.SUMMARY
) -> QuerySet[Child]:
    return Child.objects.filter(visible_filter(membership, at_least))


def child_for(
    membership: Membership | None, child_id: int, at_least: Access = Access.SUMMARY
) -> tuple[Child, Access]:
    """The child and the caller's access to it, or 404 when the caller may not reach it at that level."""
    child = (
        Child.objects.select_related("organisation", "team", "case_worker")
        .filter(pk=child_id)
        .first()
    )
    if child is None:
        raise Http404
    access = access_to(membership, child)
    if access < at_least:
        raise Http404
    return child, access


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


def _search(children: QuerySet[Child], text: str) -> QuerySet[Child]:
    text = text.strip()
    if not text:
        return children
    date_of_birth = _parse_date(text)
    if date_of_birth:
        return children.filter(date_of_birth=date_of_birth)
    condition = Q(local_id__iexact=text) | Q(pnc_number__iexact=text) | Q(upn__iexact=text)
    with contextlib.suppress(ValueError):
        condition |= Q(pnc_number=identifiers.normalise_pnc(text))
    words = Q()
    for word in text.split():
        words &= (
            Q(given_name__icontains=word)
            | Q(family_name__icontains=word)
            | Q(preferred_name__icontains=word)
            | Q(other_names__icontains=word)
        )
    return children.filter(condition | words)


def _parse_date(text: str) -> dt.date | None:
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d %m %Y", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def caseload(membership: Membership, *, scope: str, filters: CaseloadFilter) -> QuerySet[Child]:
    """Children for a caseload page: scope "mine" (my cases), "team" (my team's, or the whole
    organisation for a manager or someone in no team) or "shared" (reached through grants)."""
    if scope == "shared":
        children = visible_children(membership).exclude(organisation=membership.organisation)
    else:
        # Own-organisation caseloads need no grant lookup: a plain filter the indexes can serve.
        children = Child.objects.filter(own_children_filter(membership))
        if scope == "mine":
            children = children.filter(case_worker=membership.user)
        elif membership.team_id and membership.role != Membership.Role.MANAGER:
            children = children.filter(team_id=membership.team_id)
    children = _search(children, filters.search)
    if filters.legal_status:
        children = children.filter(legal_status=filters.legal_status)
    if filters.alert == "exploitation":
        children = children.filter(has_exploitation_concern=True)
    elif filters.alert == "risk_to_staff":
        children = children.filter(has_risk_to_staff=True)
    elif filters.alert == "interpreter":
        children = children.filter(needs_interpreter=True)
    elif filters.alert == "looked_after":
        # The same statuses as the "Looked after" alert: a care leaver is no longer looked after.
        children = children.filter(
            looked_after__in=[
                Child.LookedAfter.SECTION_20,
                Child.LookedAfter.CARE_ORDER,
                Child.LookedAfter.REMAND,
            ]
        )
    return children.select_related("case_worker", "team", "organisation").order_by(
        *SORTS.get(filters.sort, SORTS["name"])
    )


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
