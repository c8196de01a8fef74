"""Every page of Cairn, as the role that uses it, passes axe-core with no violations.

One test per page (the test id names it). The data is rich enough that every component a
page can show is on it: alerts, tables, summary cards, timeline, pagination, tokens, the
demo accounts table, assessment stages with carried-forward and changed answers. Forms sent
empty, an assessment answer in error, and the idle-timeout dialog are checked too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, Response, expect

from cairn.accounts import operations as account_operations
from cairn.accounts.models import Membership, Organisation, Team, User
from cairn.assessment import completion
from cairn.assessment import operations as assessment_operations
from cairn.audit.operations import Actor
from cairn.framework import catalogue as catalogues
from cairn.records import operations as record_operations
from cairn.records.models import Address, Child, Contact, Exclusion, LifeEvent, Offence
from cairn.records.parts import PARTS, SECTIONS
from tests.journeys.helpers import (
    PASSWORD,
    assert_accessible,
    fill_sign_in,
    sign_in,
    sign_out_button,
)

pytestmark = pytest.mark.browser

Role = Membership.Role


@dataclass(frozen=True)
class Visit:
    name: str
    role: str | None  # None: not signed in; "service": the service administrator
    path: str  # formatted with the world's ids
    status: int = 200


def _child_pages() -> list[Visit]:
    pages = [
        Visit("child-overview", "practitioner", "/children/{child}/"),
        Visit("child-overview-as-manager", "manager", "/children/{child}/"),
        Visit("child-overview-custody-grant", "secure", "/children/{child}/"),
        Visit("child-overview-summary-grant", "partner", "/children/{child}/"),
        Visit("access-log", "manager", "/children/{child}/access-log/"),
        Visit("child-section-custody-grant", "secure", "/children/{child}/offences/"),
    ]
    pages += [
        Visit(f"section-{s.slug}", "practitioner", f"/children/{{child}}/{s.slug}/")
        for s in SECTIONS
    ]
    for part in PARTS:
        if part.is_list:
            base = f"/children/{{child}}/{part.slug}"
            pages += [
                Visit(f"{part.slug}-new", "practitioner", f"{base}/new/"),
                Visit(f"{part.slug}-edit", "practitioner", f"{base}/{{{part.slug}}}/edit/"),
                Visit(f"{part.slug}-remove", "practitioner", f"{base}/{{{part.slug}}}/remove/"),
            ]
        else:
            pages.append(
                Visit(f"{part.slug}-edit", "practitioner", f"/children/{{child}}/{part.slug}/edit/")
            )
    return pages


FULL_STAGE = "pre_sentence"
ANSWERED = "living_arrangements.concerns"  # a long-text question, answered twice


def _assessment_pages() -> list[Visit]:
    full = completion.progress(catalogues.load(), FULL_STAGE, "full", {})
    return [
        Visit("stage-list", "practitioner", "/children/{child}/stages/"),
        Visit("stage-start", "practitioner", "/children/{child}/stages/new/"),
        Visit("stage-detail", "practitioner", "/stages/{stage}/"),
        Visit("stage-detail-earlier-stage", "practitioner", "/stages/{earlier_stage}/"),
        *(
            Visit(
                f"stage-section-{found.section.key}",
                "practitioner",
                f"/stages/{{stage}}/sections/{found.section.key}/",
            )
            for found in full.sections
        ),
        Visit("stage-left", "practitioner", "/stages/{stage}/left/"),
        Visit("stage-changes", "practitioner", "/stages/{stage}/changes/"),
        Visit("answer-history", "practitioner", f"/stages/{{stage}}/answers/{ANSWERED}/history/"),
        Visit("stage-end", "practitioner", "/stages/{stage}/end/"),
        Visit("timescales", "administrator", "/accounts/organisations/{organisation}/timescales/"),
    ]


PAGES = [
    Visit("sign-in-demo-mode", None, "/accounts/sign-in/"),
    Visit("sign-in-after-timeout", None, "/accounts/sign-in/?timeout=1"),
    Visit("signed-out", None, "/accounts/signed-out/"),
    Visit("accessibility", None, "/accessibility/"),
    Visit("privacy", None, "/privacy/"),
    Visit("cookies", None, "/cookies/"),
    Visit("two-factor-set-up", "enrolling", "/accounts/two-factor/set-up/"),
    Visit("two-factor-code", "verifying", "/accounts/two-factor/"),
    Visit("no-role", "no_role", "/", status=403),
    Visit("my-caseload", "practitioner", "/caseload/"),
    Visit("my-caseload-no-match", "practitioner", "/caseload/?q=Nobody&alert=interpreter"),
    Visit("team-caseload", "practitioner", "/caseload/team/"),
    Visit("team-caseload-page-2", "practitioner", "/caseload/team/?page=2&sort=-dob"),
    Visit("shared-with-us", "secure", "/shared/"),
    Visit("child-create", "practitioner", "/children/new/"),
    *_child_pages(),
    *_assessment_pages(),
    Visit("account", "practitioner", "/accounts/me/"),
    Visit("switch-organisation", "practitioner", "/accounts/organisation/"),
    Visit("organisation-list", "administrator", "/accounts/organisations/"),
    Visit("organisation-list-every-organisation", "service", "/accounts/organisations/"),
    Visit("organisation-create", "service", "/accounts/organisations/new/"),
    Visit("organisation-detail", "administrator", "/accounts/organisations/{organisation}/"),
    Visit("organisation-edit", "administrator", "/accounts/organisations/{organisation}/edit/"),
    Visit("team-create", "administrator", "/accounts/organisations/{organisation}/teams/new/"),
    Visit(
        "team-edit", "administrator", "/accounts/organisations/{organisation}/teams/{team}/edit/"
    ),
    Visit("user-list", "administrator", "/accounts/users/"),
    Visit("user-create", "administrator", "/accounts/users/new/"),
    Visit("user-create-no-organisation", "service", "/accounts/users/new/"),
    # An organisation's administrator manages the people who work only there (the manager);
    # someone with roles in two organisations (the practitioner) is the service administrator's.
    Visit("user-detail", "administrator", "/accounts/users/{colleague}/"),
    Visit("user-edit", "administrator", "/accounts/users/{colleague}/edit/"),
    Visit("membership-create", "administrator", "/accounts/users/{colleague}/memberships/new/"),
    Visit("user-detail-two-organisations", "service", "/accounts/users/{user}/"),
    Visit(
        "membership-create-any-organisation", "service", "/accounts/users/{user}/memberships/new/"
    ),
    Visit("403-forbidden", "practitioner", "/accounts/users/", status=403),
    Visit(
        "404-other-organisations-child", "practitioner", "/children/{southmoor_child}/", status=404
    ),
    Visit("404-no-such-page", "practitioner", "/no-such-page/", status=404),
    Visit("404-signed-out", None, "/no-such-page/", status=404),
]


@dataclass
class World:
    members: dict[str, Membership]
    service: User  # the service administrator, with no role in any organisation
    ids: dict[str, Any] = field(default_factory=dict)

    def user(self, role: str) -> User:
        return self.service if role == "service" else self.members[role].user


def _fill_record(child: Child, by: Actor) -> dict[str, int]:
    """One of everything on a child's record, added through the domain operations."""
    born = child.date_of_birth
    add = record_operations.add_to_record
    address = add(
        by=by,
        child=child,
        model=Address,
        part="addresses",
        data={
            "line_1": "12 Harbour Row",
            "town": "Northport",
            "postcode": "NP1 2AB",
            "living_with": "Mother",
            "from_date": born + dt.timedelta(days=3650),
        },
    )
    contact = add(
        by=by,
        child=child,
        model=Contact,
        part="contacts",
        data={
            "name": "Dana Brennan",
            "relationship": "mother",
            "has_parental_responsibility": True,
            "phone": "01632 960001",
        },
    )
    exclusion = add(
        by=by,
        child=child,
        model=Exclusion,
        part="exclusions",
        data={
            "start_date": born + dt.timedelta(days=4500),
            "kind": "suspension",
            "days": 3,
            "reason": "Fighting",
        },
    )
    offence = add(
        by=by,
        child=child,
        model=Offence,
        part="offences",
        data={
            "offence_date": child.tenth_birthday + dt.timedelta(days=400),
            "description": "Theft of a bicycle",
            "category": "theft",
            "is_primary": True,
            "outcome_type": "referral_order",
            "outcome_date": child.tenth_birthday + dt.timedelta(days=460),
            "court": "Northport Youth Court",
        },
    )
    event = add(
        by=by,
        child=child,
        model=LifeEvent,
        part="life_events",
        data={
            "date": born + dt.timedelta(days=3000),
            "event_type": "moved_home",
            "description": "Moved to Northport",
        },
    )
    record_operations.update_record(
        by=by,
        obj=child,
        version=child.version,
        part="alerts",
        data={
            "has_exploitation_concern": True,
            "exploitation_note": "Seen with older youths",
            "has_risk_to_staff": True,
            "risk_to_staff_note": "Dog at home",
            "needs_interpreter": True,
            "interpreter_language": "Polish",
            "looked_after": "section_20",
            "care_local_authority": "Northshire Council",
            "legal_status": "custody",
            "custody_establishment": "Oakwood STC",
        },
    )
    return {
        "addresses": address.pk,
        "contacts": contact.pk,
        "exclusions": exclusion.pk,
        "offences": offence.pk,
        "life-events": event.pk,
    }


def _assess(child: Child, by: Actor) -> dict[str, int]:
    """A light stage with answers, then a full stage that carries them forward, one changed."""
    record = assessment_operations.record_answer
    earlier = assessment_operations.start_stage(by=by, child=child, stage_type="bail")
    record(by=by, stage=earlier, key=ANSWERED, value="Sofa-surfing at an uncle's", version=0)
    record(by=by, stage=earlier, key="living_arrangements.is_stable", value="no", version=0)
    record(by=by, stage=earlier, key="living_arrangements.moves", value="3", version=0)
    stage = assessment_operations.start_stage(by=by, child=child, stage_type=FULL_STAGE)
    answer = stage.answers.get(key=ANSWERED)
    record(by=by, stage=stage, key=ANSWERED, value="Back with his mother", version=answer.version)
    return {"earlier_stage": earlier.pk, "stage": stage.pk}


@pytest.fixture
def world(
    practitioner: Membership,
    manager: Membership,
    administrator: Membership,
    secure_staff: Membership,
    partner_viewer: Membership,
    southmoor: Organisation,
    north_team: Team,
    make_member: Callable[..., Membership],
    make_child: Callable[..., Child],
    as_demo: Callable[[Membership], Membership],
) -> World:
    northshire = practitioner.organisation
    # A second role elsewhere, so the header offers "Switch organisation".
    Membership.objects.create(
        user=practitioner.user, organisation=southmoor, role=Role.PRACTITIONER
    )
    members = {
        "practitioner": practitioner,
        "manager": manager,
        "administrator": administrator,
        "secure": secure_staff,
        "partner": partner_viewer,
        "no_role": make_member("nia.norole", northshire, Role.PRACTITIONER),
    }
    for membership in members.values():
        as_demo(membership)
    Membership.objects.filter(user=members["no_role"].user).update(is_active=False)
    members["enrolling"] = make_member("eve.enrolling", northshire, Role.PRACTITIONER)
    members["verifying"] = make_member("vic.verifying", northshire, Role.PRACTITIONER)
    TOTPDevice.objects.create(
        user=members["verifying"].user, name="Authenticator app", confirmed=True
    )

    by = Actor(user=manager.user, organisation=northshire)
    child = make_child(
        northshire, case_worker=practitioner.user, team=north_team, preferred_name="Kaz"
    )
    ids = {"child": child.pk, **_fill_record(child, by)}
    Child.objects.bulk_create(  # more than a page of the team caseload
        Child(
            organisation=northshire,
            team=north_team,
            local_id=f"EXA-{number:05d}",
            given_name=f"Child{number:02d}",
            family_name="Example",
            date_of_birth=dt.date(2010, 1, 1) + dt.timedelta(days=number * 40),
            sex="female",
        )
        for number in range(30)
    )
    for organisation, scope in (
        (secure_staff.organisation, "custody"),
        (partner_viewer.organisation, "summary"),
    ):
        record_operations.open_grant(
            by=by, child=child, organisation=organisation, scope=scope, reason="Remanded"
        )
    ids["southmoor_child"] = make_child(southmoor, given_name="Sol").pk
    account_operations.create_access_token(by=by, membership=practitioner, name="Reporting script")
    ids.update(_assess(child, by))
    ids.update(
        organisation=northshire.pk,
        team=north_team.pk,
        user=practitioner.user.pk,
        colleague=manager.user.pk,
    )
    service = User.objects.create_user("sol.service", password=PASSWORD, is_demo_account=True)
    account_operations.set_service_administrator(by=Actor.system(), user=service, on=True)
    return World(members=members, service=service, ids=ids)


def _sign_in_as(page: Page, world: World, role: str) -> None:
    membership = world.members[role]
    if role in {"enrolling", "verifying"}:
        fill_sign_in(page, membership.user.username)  # stops at the two-factor step
        expect(page.get_by_label("Security code")).to_be_visible()
    else:
        sign_in(page, membership)


def _open(page: Page, world: World, visit: Visit) -> Response | None:
    """Open the page, signing in first on the way (the sign-in form's `next`) if need be."""
    path = visit.path.format(**world.ids)
    if visit.role is None:
        return page.goto(path)
    if visit.role in {"enrolling", "verifying"}:
        _sign_in_as(page, world, visit.role)
        return page.goto(path)
    page.goto(f"/accounts/sign-in/?next={quote(path)}")
    page.get_by_label("Username").fill(world.user(visit.role).username)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Sign in").click()
    expect(sign_out_button(page)).to_be_visible()
    return navigation.value


@pytest.mark.parametrize("visit", PAGES, ids=[visit.name for visit in PAGES])
def test_page_has_no_axe_violations(page: Page, world: World, visit: Visit) -> None:
    response = _open(page, world, visit)
    assert response is not None
    assert response.status == visit.status, f"{visit.path} answered {response.status}"
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page, visit.name)


EMPTY_FORMS = [
    Visit("sign-in", None, "/accounts/sign-in/"),
    Visit("two-factor-code", "verifying", "/accounts/two-factor/"),
    Visit("child-create", "practitioner", "/children/new/"),
    *(
        Visit(f"{part.slug}-new", "practitioner", f"/children/{{child}}/{part.slug}/new/")
        for part in PARTS
        if part.is_list
    ),
    Visit("account-token", "practitioner", "/accounts/me/"),
    Visit("organisation-create", "service", "/accounts/organisations/new/"),
    Visit("team-create", "administrator", "/accounts/organisations/{organisation}/teams/new/"),
    Visit("user-create", "administrator", "/accounts/users/new/"),
    Visit("membership-create", "administrator", "/accounts/users/{colleague}/memberships/new/"),
]


@pytest.mark.parametrize("visit", EMPTY_FORMS, ids=[visit.name for visit in EMPTY_FORMS])
def test_form_errors_have_no_axe_violations(page: Page, world: World, visit: Visit) -> None:
    """Each form sent empty: the error summary and the error messages pass axe."""
    _open(page, world, visit)
    with page.expect_navigation():
        page.get_by_role("main").locator(
            "form[method=post] button:not(.cairn-link-button)"
        ).last.click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator(".govuk-error-message").first).to_be_visible()
    assert_accessible(page, f"{visit.name} with errors")


def test_assessment_answer_errors_have_no_axe_violations(page: Page, world: World) -> None:
    sign_in(page, world.members["practitioner"])
    page.goto(f"/stages/{world.ids['stage']}/sections/living_arrangements/")
    page.locator("#living-arrangements-moves").fill("lots")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("There is a problem")
    expect(page.locator("#living-arrangements-moves")).to_have_value("lots")
    assert_accessible(page, "assessment section with an error")


def test_timeout_warning_dialog_has_no_axe_violations(page: Page, world: World) -> None:
    sign_in(page, world.members["practitioner"])
    page.goto(f"/children/{world.ids['child']}/")
    page.evaluate("document.getElementById('timeout-warning').showModal()")
    dialog = page.get_by_role("dialog", name="You’re about to be signed out")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name="Stay signed in")).to_be_visible()
    assert_accessible(page, "timeout warning dialog")


def test_account_page_showing_a_new_token_has_no_axe_violations(page: Page, world: World) -> None:
    sign_in(page, world.members["practitioner"])
    page.goto("/accounts/me/")
    page.get_by_label("Token name").fill("Nightly export")
    page.get_by_role("button", name="Create token").click()
    expect(page.locator("#new-token")).to_be_visible()
    assert_accessible(page, "account page with a new token")
