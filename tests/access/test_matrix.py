"""The authorisation matrix: every URL the service answers, for every kind of caller.

The URLs are read from the resolver (Django pages and the API's routes alike) and each one
must have a row in EXPECTED, so a new URL cannot ship without someone deciding who may open
it. Each caller is one test that tries every URL in turn (each cell a request in a savepoint
rolled back after it, with the caller's cookies put back, so no cell sees another's writes or
sign-out) and lists every cell that answered wrongly. Path parameters are filled with real
objects: a Northshire child with one item of each list part of the record, the practitioner's
organisation, team, user, membership and token.

Callers with "+scope" hold a grant of that scope to the child in force now; the same caller
without the suffix holds none. Statuses are for GET, except the API's create routes, which
share a path with a list route and are exercised with a valid POST (METHOD, PAYLOAD).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cairn.accounts import operations as account_operations
from cairn.assessment import operations as assessment_operations
from cairn.audit.operations import Actor
from cairn.childplan import operations as childplan_operations
from cairn.framework import catalogue
from cairn.judgements import operations as judgement_operations
from cairn.plans import operations as plan_operations
from cairn.quality.models import SignoffComment, SignoffRequest
from cairn.records import operations as record_operations
from cairn.records.models import Address, Child, Contact, Exclusion, Grant, LifeEvent, Offence
from cairn.records.parts import PARTS, SECTIONS

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Redirect:
    """A 302 whose Location has this path (any query string is allowed)."""

    to: str

    def __repr__(self) -> str:
        return f"302->{self.to}"


SIGN_IN = Redirect("/accounts/sign-in/")

ANON = "anonymous"
PRAC = "practitioner"
MGR = "manager"
SEC_G = "secure+custody"
SEC = "secure"
PLC_G = "placements+placement"
PLC = "placements"
PTN_G = "partner+summary"
PTN = "partner"
ADMIN = "administrator"
SOUTH = "southmoor"
ROLES = [ANON, PRAC, MGR, SEC_G, SEC, PLC_G, PLC, PTN_G, PTN, ADMIN, SOUTH]

Expected = int | Redirect


def every(value: Expected, **overrides: Expected) -> dict[str, Expected]:
    """The same answer for every caller, except the ones named."""
    return {role: overrides.get(role, value) for role in ROLES}


# Rows shared by several URLs.
ADMIN_ONLY = every(403, anonymous=SIGN_IN, administrator=200)
OWN_ORGANISATION_STAFF = {
    ANON: SIGN_IN,
    PRAC: 200,
    MGR: 200,
    SEC_G: 403,
    SEC: 403,
    PLC_G: 403,
    PLC: 403,
    PTN_G: 403,
    PTN: 403,
    ADMIN: 403,
    SOUTH: 200,
}
CHILD_SUMMARY = {
    ANON: SIGN_IN,
    PRAC: 200,
    MGR: 200,
    SEC_G: 200,
    SEC: 404,
    PLC_G: 200,
    PLC: 404,
    PTN_G: 200,
    PTN: 404,
    ADMIN: 404,
    SOUTH: 404,
}
CHILD_RECORD = {
    ANON: SIGN_IN,
    PRAC: 200,
    MGR: 200,
    SEC_G: 200,
    SEC: 404,
    PLC_G: 200,
    PLC: 404,
    PTN_G: 404,
    PTN: 404,
    ADMIN: 404,
    SOUTH: 404,
}
CHILD_EDIT_PAGE = every(404, anonymous=SIGN_IN, practitioner=200, manager=200)
# The API answers a write as the page that makes it does: 404 to read-only grants too.
API_WRITE = {**CHILD_EDIT_PAGE, ANON: 401, PRAC: 201, MGR: 201}

EXPECTED: dict[str, dict[str, Expected]] = {
    "healthz": every(200),
    # Signing in and the account page
    "accounts:sign-in": every(Redirect("/"), anonymous=200),
    "accounts:two-factor": every(200, anonymous=SIGN_IN),
    "accounts:two-factor-set-up": every(200, anonymous=SIGN_IN),
    "accounts:sign-out": every(405),
    "accounts:signed-out": every(200),
    "accounts:keep-alive": every(405),
    "accounts:switch-organisation": every(200, anonymous=SIGN_IN),
    "accounts:account": every(200, anonymous=SIGN_IN),
    "accounts:token-revoke": every(405),
    # Administration
    "accounts:organisation-list": ADMIN_ONLY,
    # Adding an organisation is the service administrator's; an organisation's administrator
    # manages only their own (the cross-organisation cells: test_administrators.py).
    "accounts:organisation-create": every(403, anonymous=SIGN_IN),
    "accounts:organisation-detail": ADMIN_ONLY,
    "accounts:organisation-edit": ADMIN_ONLY,
    "accounts:team-create": ADMIN_ONLY,
    "accounts:team-edit": ADMIN_ONLY,
    "accounts:user-list": ADMIN_ONLY,
    "accounts:user-create": ADMIN_ONLY,
    "accounts:user-detail": ADMIN_ONLY,
    "accounts:user-edit": ADMIN_ONLY,
    "accounts:membership-create": ADMIN_ONLY,
    "accounts:membership-end": every(405),
    "accounts:two-factor-reset": every(405),
    "accounts:user-unlock": every(405),
    # Caseloads and the Core Record
    "records:my-caseload": OWN_ORGANISATION_STAFF,
    "records:team-caseload": OWN_ORGANISATION_STAFF,
    "records:child-create": OWN_ORGANISATION_STAFF,
    "records:shared-with-us": every(200, anonymous=SIGN_IN, administrator=403),
    "records:child-overview": CHILD_SUMMARY,
    "records:child-section": CHILD_RECORD,
    # Restricting a record is for the organisation's managers (records.access).
    "records:restriction": every(404, anonymous=SIGN_IN, practitioner=403, manager=200),
    "records:restriction-lift": every(405),
    "records:access-log": {
        ANON: SIGN_IN,
        PRAC: 403,
        MGR: 200,
        SEC_G: 403,
        SEC: 404,
        PLC_G: 403,
        PLC: 404,
        PTN_G: 403,
        PTN: 404,
        ADMIN: 404,
        SOUTH: 404,
    },
    # Pages that change the record answer 404 to read-only grants, like any other stranger.
    "records:part-edit": CHILD_EDIT_PAGE,
    "records:item-add": CHILD_EDIT_PAGE,
    "records:item-edit": CHILD_EDIT_PAGE,
    "records:item-remove": CHILD_EDIT_PAGE,
    # Assessments: reading a stage is reading the child's record; changing it needs edit access.
    "assessment:stage-list": CHILD_RECORD,
    "assessment:stage-start": CHILD_EDIT_PAGE,
    "assessment:stage-detail": CHILD_RECORD,
    "assessment:left": CHILD_RECORD,
    "assessment:changes": CHILD_RECORD,
    "assessment:section": CHILD_RECORD,
    "assessment:answer-history": CHILD_RECORD,
    "assessment:end": CHILD_EDIT_PAGE,
    # The carried answers waiting on one page: read with the record.
    "assessment:review": CHILD_RECORD,
    # Reopening and cancelling a stage: managers of the organisation holding it.
    "assessment:reopen": every(404, anonymous=SIGN_IN, practitioner=403, manager=200),
    "assessment:cancel": every(404, anonymous=SIGN_IN, practitioner=403, manager=200),
    # Completing asks first (a page for editors); the post completes.
    "assessment:complete": CHILD_EDIT_PAGE,
    "assessment:deepen": every(405),
    "assessment:confirm-section": every(405),
    "assessment:autosave": every(405),
    "assessment:confirm": every(405),
    "assessment:timescales": ADMIN_ONLY,
    # The timeline shows offences: the same readers as the record, never a summary-only grant.
    "timeline:child-timeline": CHILD_RECORD,
    # The one-page summary is what a summary grant is for: every reader of the child, as the
    # overview (what each level sees differs: cairn/reports/summary.py).
    "reports:summary": CHILD_SUMMARY,
    "reports:summary-pdf": CHILD_SUMMARY,
    # Judgements: read with the record; concerns change with edit access; writes are POST only.
    "judgements:judgement": CHILD_RECORD,
    "judgements:reconfirm": every(405),
    "judgements:concern-add": CHILD_EDIT_PAGE,
    "judgements:concern-change": CHILD_EDIT_PAGE,
    "judgements:concern-remove": every(405),
    "judgements:scoring-model": ADMIN_ONLY,
    # The plan: read with the record; changed with edit access on an open stage.
    "plans:plan": CHILD_RECORD,
    "plans:risk": CHILD_RECORD,
    "plans:risk-pdf": CHILD_RECORD,
    "plans:target-add": CHILD_EDIT_PAGE,
    "plans:target-change": CHILD_EDIT_PAGE,
    "plans:action-add": CHILD_EDIT_PAGE,
    "plans:action-change": CHILD_EDIT_PAGE,
    "plans:progress-add": CHILD_EDIT_PAGE,
    # The child's plan: read (and printed) with the record; changed with edit access.
    "childplan:plan": CHILD_RECORD,
    "childplan:change": CHILD_EDIT_PAGE,
    "childplan:respond": CHILD_EDIT_PAGE,
    "childplan:print": CHILD_RECORD,
    "childplan:pdf": CHILD_RECORD,
    # Countersigning: a stage's sign-off page and a request are read with the record; the queue
    # is for managers (who countersign), the policy for managers and administrators.
    "quality:stage-signoff": CHILD_RECORD,
    "quality:request": CHILD_RECORD,
    "quality:decision": every(405),
    "quality:stage-signoff-withdraw": every(405),
    "quality:comment-add": every(405),
    "quality:comment-resolve": every(405),
    "quality:queue": every(403, anonymous=SIGN_IN, manager=200),
    "quality:policy": every(403, anonymous=SIGN_IN, manager=200, administrator=200),
    "quality:deadlines": every(403, anonymous=SIGN_IN, manager=200),
    # The API: 401 without credentials, 404 for a child out of reach and for a read-only write
    "api:openapi-json": every(200),
    "api:openapi-view": every(200),
    "api:api-root": every(404),
    "api:list_children": every(200, anonymous=401),
    "api:create_child": {
        ANON: 401,
        PRAC: 201,
        MGR: 201,
        SEC_G: 403,
        SEC: 403,
        PLC_G: 403,
        PLC: 403,
        PTN_G: 403,
        PTN: 403,
        ADMIN: 403,
        SOUTH: 201,
    },
    "api:get_child": {**CHILD_SUMMARY, ANON: 401},
    "api:change_child": {**API_WRITE, PRAC: 200, MGR: 200},
    "api:list_offences": {**CHILD_RECORD, ANON: 401},
    "api:create_offence": API_WRITE,
    "api:list_life_events": {**CHILD_RECORD, ANON: 401},
    "api:create_life_event": API_WRITE,
    "api:get_catalogue": every(200, anonymous=401),
    "api:list_stages": {**CHILD_RECORD, ANON: 401},
    "api:start_stage": API_WRITE,
    "api:get_stage": {**CHILD_RECORD, ANON: 401},
    "api:save_answer": every(405),
    "api:get_completion": {**CHILD_RECORD, ANON: 401},
    "api:list_changes": {**CHILD_RECORD, ANON: 401},
    "api:deepen_stage": every(405),
    "api:complete_stage": every(405),
    "api:reopen_stage": every(405),
    "api:cancel_stage": every(405),
    # The world's child has no sanction: 422 (cannot score) shows the caller was let through.
    "api:reoffending_score": {
        **CHILD_RECORD,
        ANON: 401,
        PRAC: 422,
        MGR: 422,
        SEC_G: 422,
        PLC_G: 422,
    },
    "api:get_judgements": {**CHILD_RECORD, ANON: 401},
    "api:decide_judgement": every(405),
    "api:reconfirm_judgement": every(405),
    "api:add_concern": API_WRITE,
    "api:change_concern": every(405),
    "api:remove_concern": every(405),
    # The world's stage is not finished: 422 (what is left before sign-off) shows the caller
    # was let through.
    "api:request_signoff": {**API_WRITE, PRAC: 422, MGR: 422},
    "api:get_signoff_request": {**CHILD_RECORD, ANON: 401},
    "api:decide_signoff": every(405),
    "api:withdraw_signoff": every(405),
    "api:get_plan": {**CHILD_RECORD, ANON: 401},
    "api:add_target": API_WRITE,
    "api:change_target": every(405),
    "api:add_action": API_WRITE,
    "api:change_action": every(405),
    "api:add_progress": API_WRITE,
    # The child's plan: read with the record (its PUT shares the path); a response is a write.
    "api:get_child_plan": {**CHILD_RECORD, ANON: 401},
    "api:save_child_plan": {**CHILD_RECORD, ANON: 401},  # the same path: GET reads
    "api:record_child_response": API_WRITE,
    # Service pages
    "ui:home": {
        ANON: SIGN_IN,
        PRAC: Redirect("/caseload/"),
        MGR: Redirect("/caseload/"),
        SEC_G: Redirect("/shared/"),
        SEC: Redirect("/shared/"),
        PLC_G: Redirect("/shared/"),
        PLC: Redirect("/shared/"),
        PTN_G: Redirect("/shared/"),
        PTN: Redirect("/shared/"),
        ADMIN: Redirect("/accounts/users/"),
        SOUTH: Redirect("/caseload/"),
    },
    "ui:language": every(Redirect("/accessibility/")),
    "ui:accessibility": every(200),
    "ui:privacy": every(200),
    "ui:cookies": every(200),
}

METHOD = {
    "api:change_child": "patch",
    "api:create_child": "post",
    "api:create_offence": "post",
    "api:create_life_event": "post",
    "api:start_stage": "post",
    "api:add_concern": "post",
    "api:request_signoff": "post",
    "api:add_target": "post",
    "api:add_action": "post",
    "api:add_progress": "post",
    "api:record_child_response": "post",
}
PAYLOAD: dict[str, dict[str, Any]] = {
    "api:change_child": {"date_of_birth": "2012-06-01", "version": 1},
    "api:start_stage": {"stage_type": "out_of_court"},
    "api:request_signoff": {"sections": ["explanations"]},
    "api:add_concern": {
        "judgement": "serious_harm",
        "what": "May threaten a rival",
        "to_whom": "child",
        "impact": "serious",
        "likelihood": "possible",
        "imminence": "months",
        "evidence": "Police intelligence",
    },
    "api:create_child": {
        "given_name": "Ada",
        "family_name": "Okafor",
        "date_of_birth": "2011-06-01",
        "sex": "female",
    },
    "api:create_offence": {
        "offence_date": "2024-05-01",
        "description": "Theft of a bicycle",
        "category": "theft",
    },
    "api:create_life_event": {
        "date": "2023-01-01",
        "event_type": "moved_home",
        "description": "Moved to Northtown",
    },
}
QUERY = {"ui:language": "?next=/accessibility/"}

STAGE_TYPE = "out_of_court"
STAGE_SECTIONS = [entry.section for entry in catalogue.load().stage(STAGE_TYPE).sections]
FIRST_KEY = next(
    question.key
    for question in catalogue.load().section(STAGE_SECTIONS[0]).questions
    if question.source is None
)
PAYLOAD["api:add_target"] = {"objective": "Back to school", "question_key": FIRST_KEY}
PAYLOAD["api:add_action"] = {"what": "Call the school", "who": "practitioner"}
PAYLOAD["api:add_progress"] = {"text": "Went every day"}
PAYLOAD["api:record_child_response"] = {"response": "agree", "plan_version": 1}
LIST_PARTS = [part.slug for part in PARTS if part.is_list]
SINGLE_PARTS = [part.slug for part in PARTS if not part.is_list]
# URLs whose slug parameter takes several values: each value is checked.
VARIANTS: dict[str, list[str]] = {
    "records:part-edit": SINGLE_PARTS,
    "records:item-add": LIST_PARTS,
    "records:item-edit": LIST_PARTS,
    "records:item-remove": LIST_PARTS,
    "records:child-section": [section.slug for section in SECTIONS],
    "assessment:section": STAGE_SECTIONS,
    "assessment:confirm-section": STAGE_SECTIONS[:1],
    "judgements:judgement": list(catalogue.load().stage(STAGE_TYPE).judgements),
    "judgements:concern-add": ["serious_harm", "safety_wellbeing"],
}


def _walk(
    resolver: URLResolver, namespace: str = "", params: frozenset[str] = frozenset()
) -> list[tuple[str, frozenset[str]]]:
    found = []
    for entry in resolver.url_patterns:
        names = params | frozenset(entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += _walk(entry, inner, names)
        elif isinstance(entry, URLPattern):
            found.append((f"{namespace}{entry.name}", names))
    return found


URLS = _walk(get_resolver())
PARAMETERS = dict(URLS)


def _matrix_urls() -> list[tuple[str, str]]:
    """Every (URL name, variant) the matrix tries; a URL without a row fails the test below."""
    return [
        (name, variant)
        for name, _params in URLS
        if name in EXPECTED
        for variant in VARIANTS.get(name, [""])
    ]


def test_every_url_has_a_row_in_the_matrix():
    names = [name for name, _params in URLS]
    assert len(names) == len(set(names)), "URL names must be unique to be listed here"
    assert sorted(set(names) - set(EXPECTED)) == [], "Add these URLs to EXPECTED"
    assert sorted(set(EXPECTED) - set(names)) == [], "These rows name URLs that no longer exist"


def test_every_row_names_every_caller():
    incomplete = {
        name: sorted(set(ROLES) - set(row))
        for name, row in EXPECTED.items()
        if set(row) != set(ROLES)
    }
    assert incomplete == {}


@dataclass
class World:
    values: dict[str, Any]
    items: dict[str, Any]


@pytest.fixture
def world(child, practitioner, north_team, northshire) -> World:
    system = Actor.system(northshire)
    add = record_operations.add_to_record
    items = {
        "addresses": add(
            by=system,
            child=child,
            model=Address,
            part="addresses",
            data={"line_1": "1 High Street", "town": "Northtown", "from_date": dt.date(2020, 1, 1)},
        ),
        "contacts": add(
            by=system,
            child=child,
            model=Contact,
            part="contacts",
            data={"name": "Jo Brennan", "relationship": Contact.Relationship.MOTHER},
        ),
        "exclusions": add(
            by=system,
            child=child,
            model=Exclusion,
            part="exclusions",
            data={"start_date": dt.date(2023, 2, 1), "kind": Exclusion.Kind.SUSPENSION, "days": 3},
        ),
        "offences": add(
            by=system,
            child=child,
            model=Offence,
            part="offences",
            data={
                "offence_date": dt.date(2023, 4, 1),
                "description": "Shoplifting",
                "category": Offence.Category.THEFT,
            },
        ),
        "life-events": add(
            by=system,
            child=child,
            model=LifeEvent,
            part="life_events",
            data={
                "date": dt.date(2021, 9, 1),
                "event_type": LifeEvent.Kind.CHANGED_SCHOOL,
                "description": "Started secondary school",
            },
        ),
    }
    assert set(items) == set(LIST_PARTS), "Give the world an item of each list part"
    token, _secret = account_operations.create_access_token(
        by=system, membership=practitioner, name="Spreadsheet"
    )
    stage = assessment_operations.start_stage(by=system, child=child, stage_type=STAGE_TYPE)
    first = catalogue.load().section(STAGE_SECTIONS[0])
    key = next(question.key for question in first.questions if question.source is None)
    concern = judgement_operations.add_concern(
        by=system,
        stage=stage,
        judgement="serious_harm",
        data=judgement_operations.ConcernInput(
            what="May threaten a rival",
            to_whom="child",
            impact="serious",
            likelihood="possible",
            imminence="months",
            evidence="Police intelligence",
        ),
    )
    target = plan_operations.add_target(
        by=system,
        stage=stage,
        data=plan_operations.TargetInput(objective="Back to school", concern_id=concern.pk),
    )
    action = plan_operations.add_action(
        by=system,
        stage=stage,
        target_id=target.pk,
        data=plan_operations.ActionInput(what="Call the school", who="practitioner"),
    )
    childplan_operations.save_plan(
        by=system,
        stage=stage,
        text=childplan_operations.PlanText(what_i_want="To go back to school"),
        version=0,
    )
    # A request sent back for changes (so a new one may be made) with a comment on it.
    signoff = SignoffRequest.objects.create(
        stage=stage,
        sections="both",
        requested_by=practitioner.user,
        status=SignoffRequest.Status.CHANGES_REQUIRED,
        decided_at=stage.started_at,
        comment="Say more about school",
    )
    comment = SignoffComment.objects.create(
        stage=stage, request=signoff, key=key, text="Who else lives there?"
    )
    values = {
        "stage_id": stage.pk,
        "key": key,
        "child_id": child.pk,
        "organisation_id": northshire.pk,
        "team_id": north_team.pk,
        "user_id": practitioner.user.pk,
        "membership_id": practitioner.pk,
        "token_id": token.pk,
        "code": "cy",
        "kind": "serious_harm",
        "concern_id": concern.pk,
        "request_id": signoff.pk,
        "comment_id": comment.pk,
        "target_id": target.pk,
        "action_id": action.pk,
    }
    return World(values=values, items=items)


CALLERS = {
    PRAC: ("practitioner", None),
    MGR: ("manager", None),
    SEC_G: ("secure_staff", Grant.Scope.CUSTODY),
    SEC: ("secure_staff", None),
    PLC_G: ("placements_officer", Grant.Scope.PLACEMENT),
    PLC: ("placements_officer", None),
    PTN_G: ("partner_viewer", Grant.Scope.SUMMARY),
    PTN: ("partner_viewer", None),
    ADMIN: ("administrator", None),
    SOUTH: ("other_practitioner", None),
}


@pytest.fixture
def caller(request, role, client_for, child, northshire) -> Client:
    if role == ANON:
        return Client()
    fixture, scope = CALLERS[role]
    membership = request.getfixturevalue(fixture)
    if scope:
        record_operations.open_grant(
            by=Actor.system(northshire),
            child=child,
            organisation=membership.organisation,
            scope=scope,
            reason="Matrix test",
        )
    return client_for(membership)


def _url(name: str, variant: str, world: World) -> str:
    kwargs = {}
    for param in PARAMETERS[name]:
        if param in {"part", "section"} or (param == "kind" and variant):
            kwargs[param] = variant
        elif param == "item_id":
            kwargs[param] = world.items[variant].pk
        else:
            assert param in world.values, (
                f"Give the matrix a value for the path parameter {param!r}"
            )
            kwargs[param] = world.values[param]
    return reverse(name, kwargs=kwargs) + QUERY.get(name, "")


def _send(client: Client, name: str, url: str) -> Any:
    """One cell's request, undone afterwards: its writes are rolled back and the client's
    cookies put back (a sign-out or a language switch does not carry over to the next cell)."""
    cookies = copy.deepcopy(client.cookies)
    try:
        with transaction.atomic():
            if name in METHOD:
                send = getattr(client, METHOD[name])
                response = send(url, PAYLOAD[name], content_type="application/json")
            else:
                response = client.get(url)
            transaction.set_rollback(True)
    finally:
        client.cookies = cookies
    return response


def _mismatch(response: Any, expected: Expected) -> str | None:
    if isinstance(expected, Redirect):
        got: Any = (response.status_code, urlsplit(response.get("Location", "")).path)
        return None if got == (302, expected.to) else f"answered {got}, expected {expected!r}"
    if response.status_code != expected:
        return f"answered {response.status_code}, expected {expected}"
    return None


def _try_every_url(
    client: Client, world: World, urls: list[tuple[str, str]], check: Callable[..., str | None]
) -> list[str]:
    """Each URL's request in turn; what was wrong with each wrong one."""
    wrong = []
    for name, variant in urls:
        url = _url(name, variant, world)
        try:
            mismatch = check(name, _send(client, name, url))
        except Exception as error:  # one broken cell must not hide the others
            mismatch = f"raised {error!r}"
        if mismatch:
            wrong.append(f"{METHOD.get(name, 'get').upper()} {url} ({name}): {mismatch}")
    return wrong


def test_a_cell_leaves_nothing_behind_for_the_next(client_for, practitioner, child) -> None:
    client = client_for(practitioner)
    client.get(f"/children/{child.pk}/")
    session = client.cookies["sessionid"].value

    switched = _send(client, "ui:language", "/language/cy/?next=/accessibility/")
    _send(client, "api:create_child", reverse("api:create_child"))

    assert settings.LANGUAGE_COOKIE_NAME in switched.cookies
    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies
    assert client.cookies["sessionid"].value == session
    assert not Child.objects.exclude(pk=child.pk).exists()


@pytest.mark.parametrize("role", ROLES)
def test_matrix(role: str, caller: Client, world: World) -> None:
    wrong = _try_every_url(
        caller,
        world,
        _matrix_urls(),
        lambda name, response: _mismatch(response, EXPECTED[name][role]),
    )
    assert not wrong, f"{len(wrong)} cells wrong for {role}:\n" + "\n".join(wrong)


# A restricted record (records.access): the same URLs with the child's record restricted by
# another manager. Staff of the child's organisation not named on it get the one refusal (403)
# from every URL under the child, managers included, except the restriction's own page, which
# managers always reach; staff named on it answer as in EXPECTED, and so do other
# organisations' grants, which a restriction does not touch.
#
# Every URL under the child is tried for each of these roles, as one test per role as above:
# the world and the restriction are built once (a test per cell built them 750 times).
PRAC_NAMED = "practitioner+named"
MGR_NAMED = "manager+named"
RESTRICTED_ROLES = [PRAC, PRAC_NAMED, MGR, MGR_NAMED, SEC_G, PTN_G]
UNDER_CHILD = {"child_id", "stage_id", "request_id", "comment_id"}
NOT_NAMED = {PRAC, MGR}


def restricted_expected(name: str, role: str) -> Expected:
    if name == "records:restriction":
        return EXPECTED[name][{PRAC_NAMED: PRAC, MGR_NAMED: MGR}.get(role, role)]
    expected = EXPECTED[name][{PRAC_NAMED: PRAC, MGR_NAMED: MGR}.get(role, role)]
    reached = not isinstance(expected, Redirect) and expected != 405
    if role in NOT_NAMED and PARAMETERS[name] & UNDER_CHILD and reached:
        return 403
    return expected


def _restricted_urls() -> list[tuple[str, str]]:
    return [
        (name, variant)
        for name, _params in URLS
        if name in EXPECTED and PARAMETERS[name] & UNDER_CHILD
        for variant in VARIANTS.get(name, [""])
    ]


@pytest.fixture
def restricted_caller(
    request, role, client_for, child, northshire, make_member, practitioner, manager
) -> Client:
    from cairn.accounts.models import Membership

    restricting = make_member("rita.restricting", northshire, Membership.Role.MANAGER)
    named = {restricting.user_id}
    if role == PRAC_NAMED:
        named.add(practitioner.user_id)
    if role == MGR_NAMED:
        named.add(manager.user_id)
    record_operations.restrict_record(
        by=Actor(user=restricting.user, organisation=northshire),
        child=child,
        reason="Matrix test",
        user_ids=named,
    )
    if role in {PRAC, PRAC_NAMED}:
        return client_for(practitioner)
    if role in {MGR, MGR_NAMED}:
        return client_for(manager)
    fixture, scope = CALLERS[role]
    membership = request.getfixturevalue(fixture)
    record_operations.open_grant(
        by=Actor.system(northshire),
        child=child,
        organisation=membership.organisation,
        scope=scope,
        reason="Matrix test",
    )
    return client_for(membership)


def _restricted_mismatch(response: Any, expected: Expected, role: str) -> str | None:
    """What is wrong with the answer to one restricted cell, or None."""
    mismatch = _mismatch(response, expected)
    refused = mismatch is None and expected == 403 and role in NOT_NAMED
    if refused and b"restricted" not in response.content:
        return "refused without saying the record is restricted"
    return mismatch


def test_restricted_matrix_covers_every_url_under_the_child() -> None:
    names = {name for name, _variant in _restricted_urls()}

    assert {"records:child-overview", "api:get_child", "records:restriction"} <= names
    assert len(_restricted_urls()) > 100


@pytest.mark.parametrize("role", RESTRICTED_ROLES)
def test_restricted_matrix(role: str, restricted_caller: Client, world: World) -> None:
    wrong = _try_every_url(
        restricted_caller,
        world,
        _restricted_urls(),
        lambda name, response: _restricted_mismatch(
            response, restricted_expected(name, role), role
        ),
    )
    assert not wrong, f"{len(wrong)} cells wrong for {role}:\n" + "\n".join(wrong)
