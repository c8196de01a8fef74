"""The demo world: organisations, staff and fictional children, built through operations so
that seeding exercises the same code and audit trail as real use.

Every person here is invented (see shared/brief/VIGNETTES.md). Dates are offsets from today,
so the demo never ages. Loading twice changes nothing: organisations and users are matched by
code and username, children by local ID.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from cairn.accounts import operations as account_operations
from cairn.accounts.models import Membership, Organisation, Team, User
from cairn.audit.operations import Actor
from cairn.records import operations
from cairn.records.demo.children import CHILDREN, DemoChild
from cairn.records.models import Child, Offence

DEMO_PASSWORD = "demo-password"  # published on the sign-in page, in demo mode only

ORGANISATIONS = [
    (
        "northshire-yjs",
        "Northshire Youth Justice Service",
        "Northshire",
        Organisation.Kind.YOUTH_JUSTICE_SERVICE,
    ),
    (
        "southmoor-yjs",
        "Southmoor Youth Justice Service",
        "Southmoor",
        Organisation.Kind.YOUTH_JUSTICE_SERVICE,
    ),
    (
        "oakwood-stc",
        "Oakwood Secure Training Centre",
        "Oakwood",
        Organisation.Kind.SECURE_TRAINING_CENTRE,
    ),
    (
        "ycs-placements",
        "Youth Custody Service Placements Team",
        "YCS",
        Organisation.Kind.PLACEMENTS_TEAM,
    ),
    (
        "northshire-cs",
        "Northshire Children's Services",
        "Northshire CS",
        Organisation.Kind.PARTNER_AGENCY,
    ),
]

# Southmoor is in Wales: its children's facts use the Welsh terms (records.terms).
NATIONS = {"southmoor-yjs": Organisation.Nation.WALES}

TEAMS = {
    "northshire-yjs": ["North team", "South team", "Prevention and diversion"],
    "southmoor-yjs": ["Court and community"],
}

USERS = [
    # username, first, last, organisation code, role, team
    (
        "pat.practitioner",
        "Pat",
        "Practitioner",
        "northshire-yjs",
        Membership.Role.PRACTITIONER,
        "North team",
    ),
    ("mo.manager", "Mo", "Manager", "northshire-yjs", Membership.Role.MANAGER, "North team"),
    # A practitioner in Pat's team not named on the restricted demo record (Amira Haddad's):
    # Lee sees that it exists, and whom to ask, but nothing in it.
    (
        "lee.practitioner",
        "Lee",
        "Practitioner",
        "northshire-yjs",
        Membership.Role.PRACTITIONER,
        "North team",
    ),
    (
        "ola.other",
        "Ola",
        "Other",
        "southmoor-yjs",
        Membership.Role.PRACTITIONER,
        "Court and community",
    ),
    ("sam.secure", "Sam", "Secure", "oakwood-stc", Membership.Role.SECURE_ESTATE, None),
    (
        "pip.placements",
        "Pip",
        "Placements",
        "ycs-placements",
        Membership.Role.PLACEMENTS_OFFICER,
        None,
    ),
    ("pam.partner", "Pam", "Partner", "northshire-cs", Membership.Role.PARTNER_VIEWER, None),
    ("ada.admin", "Ada", "Admin", "northshire-yjs", Membership.Role.ADMINISTRATOR, None),
]


@transaction.atomic
def load_demo() -> str:
    system = Actor.system()
    organisations = {}
    for code, name, short_name, kind in ORGANISATIONS:
        organisation = _organisation(system, code, name, short_name, kind)
        organisations[code] = organisation
        for name_of_team in TEAMS.get(code, []):
            if not Team.objects.filter(organisation=organisation, name=name_of_team).exists():
                account_operations.save_team(
                    by=system, organisation=organisation, team=None, data={"name": name_of_team}
                )
    users = {}
    for username, first, last, code, role, team_name in USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = account_operations.create_user(
                by=system,
                data={
                    "username": username,
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.org",
                },
                password=DEMO_PASSWORD,
                is_demo_account=True,
            )
        team = (
            Team.objects.filter(organisation=organisations[code], name=team_name).first()
            if team_name
            else None
        )
        if not Membership.objects.filter(
            user=user, organisation=organisations[code], role=role, is_active=True
        ).exists():
            account_operations.set_membership(
                by=system, user=user, organisation=organisations[code], role=role, team=team
            )
        users[username] = user
    created = 0
    for demo_child in CHILDREN:
        organisation = organisations[demo_child.organisation]
        if Child.objects.filter(organisation=organisation, local_id=demo_child.local_id).exists():
            continue
        _create_child(demo_child, organisation, organisations, users)
        created += 1
    return (
        f"Demo data ready: {len(organisations)} organisations, {len(users)} demo users, "
        f"{created} children added ({len(CHILDREN)} in the demo)."
    )


def _organisation(system: Actor, code: str, name: str, short_name: str, kind: str) -> Organisation:
    organisation = Organisation.objects.filter(code=code).first()
    nation = NATIONS.get(code, Organisation.Nation.ENGLAND)
    if organisation is None:
        return account_operations.save_organisation(
            by=system,
            organisation=None,
            data={
                "code": code,
                "name": name,
                "short_name": short_name,
                "kind": kind,
                "nation": nation,
            },
        )
    if organisation.nation != nation:  # a demo loaded before organisations had nations
        return account_operations.save_organisation(
            by=system, organisation=organisation, data={"nation": nation}
        )
    return organisation


def _create_child(
    demo: DemoChild,
    organisation: Organisation,
    organisations: dict[str, Organisation],
    users: dict[str, User],
) -> None:
    case_worker = users.get(demo.case_worker) if demo.case_worker else None
    actor = Actor(user=case_worker, organisation=organisation)
    team = (
        Team.objects.filter(organisation=organisation, name=demo.team).first()
        if demo.team
        else None
    )
    opened = story_moment(demo.opened_on())
    child = operations.create_child(
        by=actor,
        organisation=organisation,
        data={**demo.person(), "local_id": demo.local_id, "case_worker": case_worker, "team": team},
        at=opened,
    )
    for part, model, rows in demo.rows():
        for data in rows:
            if model is Offence:
                _add_offence(actor, child, data, opened)
                continue
            operations.add_to_record(
                by=actor, child=child, model=model, data=data, part=part, at=_known(data, opened)
            )
    education = child.education
    operations.update_record(
        by=actor,
        obj=education,
        data=demo.education,
        version=education.version,
        part="education",
        at=opened,
    )
    health = child.health
    operations.update_record(
        by=actor, obj=health, data=demo.health, version=health.version, part="health", at=opened
    )
    if demo.safeguarding:
        safeguarding = child.safeguarding
        operations.update_record(
            by=actor,
            obj=safeguarding,
            data=demo.safeguarding,
            version=safeguarding.version,
            part="safeguarding",
            at=opened,
        )
    if demo.restriction:
        manager = users["mo.manager"]
        operations.restrict_record(
            by=Actor(user=manager, organisation=organisation),
            child=child,
            reason=demo.restriction,
            user_ids={users[username].pk for username in demo.restricted_to},
        )
    for code, scope, reason in demo.grants:
        when = demo.granted.get(code)
        at = story_moment(when) if when else None
        operations.open_grant(
            by=actor,
            child=child,
            organisation=organisations[code],
            scope=scope,
            reason=reason,
            valid_from=at,
            at=at,
        )


# The story's dates: each fact is written at the moment the child's story says it was recorded
# (its audit event says so), never later than now. The record is opened with what was known
# then (DemoChild.opened_on); a later fact is recorded on its own date; an offence is recorded
# as a charge when it happened (alleged) and its outcome on the day it was given. So a review
# lists, from the audit log, only what changed since the stage before it.
OUTCOME_FIELDS = ("outcome_type", "outcome_date", "court", "order_end_date")


def story_moment(day: dt.date, hour: int = 10) -> dt.datetime:
    """That day at this local hour, or just now if that is still to come."""
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))
    return min(moment, timezone.now() - dt.timedelta(seconds=1))


def _known(data: dict[str, Any], opened: dt.datetime) -> dt.datetime:
    """When everything a row says was known: the record's opening, or the row's latest date
    (a move, an exclusion, a life event) if later."""
    today = timezone.localdate()
    days = [value for value in data.values() if isinstance(value, dt.date) and value <= today]
    return max([opened, *(story_moment(day) for day in days)])


def _add_offence(actor: Actor, child: Child, data: dict[str, Any], opened: dt.datetime) -> None:
    charged = max(opened, story_moment(data["offence_date"]))
    outcome_date = data.get("outcome_date")
    given = story_moment(outcome_date, 15) if outcome_date else None
    if given is None or given <= charged:
        operations.add_to_record(
            by=actor, child=child, model=Offence, data=data, part="offences", at=charged
        )
        return
    charge = {
        **data,
        "outcome_type": "",
        "outcome_date": None,
        "court": "",
        "order_end_date": None,
    }
    offence = operations.add_to_record(
        by=actor, child=child, model=Offence, data=charge, part="offences", at=charged
    )
    operations.update_record(
        by=actor,
        obj=offence,
        data={name: data[name] for name in OUTCOME_FIELDS if name in data},
        version=offence.version,
        part="offences",
        at=given,
    )
