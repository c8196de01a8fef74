"""Administration of organisations, teams, users and roles, and who may reach it."""

from __future__ import annotations

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from cairn.accounts import operations
from cairn.accounts.models import AccessToken, Membership, Organisation, Team, User
from cairn.audit.models import AuditEvent
from cairn.audit.operations import Actor

pytestmark = pytest.mark.django_db

Role = Membership.Role
LAST_ADMIN = "This is the last active administrator"
GOOD_PASSWORD = "granite-lantern-orchard-42"


@pytest.fixture
def admin(client_for, administrator) -> Client:
    return client_for(administrator)


@pytest.fixture
def service(db) -> Client:
    """A service administrator: the one service-wide role, with no organisation of their own."""
    from conftest import sign_in

    user = User.objects.create_user("sol.service", password="correct-horse-battery")
    operations.set_service_administrator(by=Actor.system(), user=user, on=True)
    return sign_in(Client(), user)


def _html(response) -> str:
    return response.content.decode()


# Organisations


def test_service_administrator_adds_an_organisation(service):
    response = service.post(
        "/accounts/organisations/new/",
        {
            "name": "Eastvale Youth Justice Service",
            "short_name": "Eastvale",
            "kind": "yjs",
            "code": "eastvale-yjs",
            "is_active": "on",
        },
    )

    organisation = Organisation.objects.get(code="eastvale-yjs")
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/organisations/{organisation.pk}/"
    assert organisation.name == "Eastvale Youth Justice Service"
    assert AuditEvent.objects.filter(
        event_type="accounts.organisation.created", object_id=str(organisation.pk)
    ).exists()
    assert "Eastvale Youth Justice Service" in _html(service.get("/accounts/organisations/"))


def test_organisation_form_explains_each_missing_field(service):
    response = service.post(
        "/accounts/organisations/new/", {"name": "", "short_name": "", "code": ""}
    )

    html = _html(response)
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "Enter the organisation’s name" in html
    assert "Select the type of organisation" in html
    assert "Enter a short code, like northshire-yjs" in html


def test_organisation_code_must_be_a_slug(service):
    response = service.post(
        "/accounts/organisations/new/", {"name": "Eastvale", "kind": "yjs", "code": "East vale!"}
    )

    assert "Code can only contain lower-case letters, numbers and hyphens" in _html(response)
    assert not Organisation.objects.filter(name="Eastvale").exists()


def test_duplicate_organisation_code_and_name_are_refused(service, northshire):
    response = service.post(
        "/accounts/organisations/new/",
        {"name": northshire.name, "kind": "yjs", "code": northshire.code},
    )

    html = _html(response)
    assert response.status_code == 200
    assert "This code is already used" in html
    assert "An organisation with this name already exists" in html
    assert Organisation.objects.filter(code=northshire.code).count() == 1


def test_administrator_changes_an_organisation(admin, northshire):
    response = admin.post(
        f"/accounts/organisations/{northshire.pk}/edit/",
        {
            "name": "Northshire YJS",
            "short_name": "Northshire",
            "kind": "yjs",
            "code": northshire.code,
            "is_active": "on",
        },
    )

    northshire.refresh_from_db()
    assert response.status_code == 302
    assert northshire.name == "Northshire YJS"
    event = AuditEvent.objects.get(event_type="accounts.organisation.changed")
    assert event.detail["changes"]["name"] == ["Northshire Youth Justice Service", "Northshire YJS"]


def test_editing_an_organisation_keeps_its_own_code(admin, northshire):
    response = admin.post(
        f"/accounts/organisations/{northshire.pk}/edit/",
        {
            "name": northshire.name,
            "short_name": "N",
            "kind": "yjs",
            "code": northshire.code,
            "is_active": "on",
        },
    )

    assert response.status_code == 302


def test_unknown_organisation_is_not_found(admin):
    assert admin.get("/accounts/organisations/999999/").status_code == 404


# Teams


def test_administrator_adds_and_renames_a_team(admin, northshire):
    created = admin.post(
        f"/accounts/organisations/{northshire.pk}/teams/new/",
        {"name": "East team", "is_active": "on"},
    )
    team = Team.objects.get(organisation=northshire, name="East team")
    renamed = admin.post(
        f"/accounts/organisations/{northshire.pk}/teams/{team.pk}/edit/",
        {"name": "Eastern team", "is_active": "on"},
    )

    team.refresh_from_db()
    assert created.status_code == 302
    assert renamed.status_code == 302
    assert team.name == "Eastern team"
    assert AuditEvent.objects.filter(event_type="accounts.team.created").exists()
    assert AuditEvent.objects.filter(event_type="accounts.team.changed").exists()


def test_team_needs_a_name(admin, northshire):
    response = admin.post(f"/accounts/organisations/{northshire.pk}/teams/new/", {"name": ""})

    assert "Enter the team’s name" in _html(response)


def test_duplicate_team_name_in_the_same_organisation_is_refused_with_a_message(
    admin, northshire, north_team
):
    response = admin.post(
        f"/accounts/organisations/{northshire.pk}/teams/new/",
        {"name": north_team.name, "is_active": "on"},
    )

    assert response.status_code == 200
    assert "This organisation already has a team with this name" in _html(response)
    assert Team.objects.filter(organisation=northshire, name=north_team.name).count() == 1


def test_renaming_a_team_to_another_teams_name_is_refused(admin, northshire, north_team):
    other = Team.objects.create(organisation=northshire, name="South team")

    response = admin.post(
        f"/accounts/organisations/{northshire.pk}/teams/{other.pk}/edit/", {"name": north_team.name}
    )

    assert response.status_code == 200
    other.refresh_from_db()
    assert other.name == "South team"


def test_same_team_name_is_allowed_in_another_organisation(service, southmoor, north_team):
    response = service.post(
        f"/accounts/organisations/{southmoor.pk}/teams/new/",
        {"name": north_team.name, "is_active": "on"},
    )

    assert response.status_code == 302
    assert Team.objects.filter(organisation=southmoor, name=north_team.name).exists()


def test_team_is_edited_only_under_its_own_organisation(admin, southmoor, north_team):
    assert (
        admin.get(f"/accounts/organisations/{southmoor.pk}/teams/{north_team.pk}/edit/").status_code
        == 404
    )


# Users


def _new_user(**overrides):
    return {
        "username": "nia.new",
        "first_name": "Nia",
        "last_name": "Newcomer",
        "email": "nia@example.org",
        "is_active": "on",
        "password": GOOD_PASSWORD,
        **overrides,
    }


def test_administrator_adds_a_user_with_a_role_in_their_organisation(admin, northshire, north_team):
    response = admin.post(
        "/accounts/users/new/",
        _new_user(organisation=northshire.pk, role=Role.PRACTITIONER, team=north_team.pk),
    )

    person = User.objects.get(username="nia.new")
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/users/{person.pk}/"
    membership = Membership.objects.get(user=person)
    assert (membership.organisation, membership.role, membership.team) == (
        northshire,
        Role.PRACTITIONER,
        north_team,
    )
    assert AuditEvent.objects.filter(event_type="accounts.user.created").exists()
    assert AuditEvent.objects.filter(event_type="accounts.membership.set").exists()


def test_a_new_users_team_must_be_one_of_the_organisations(admin, southmoor):
    other_team = Team.objects.create(organisation=southmoor, name="Moor team")

    response = admin.post(
        "/accounts/users/new/", _new_user(role=Role.PRACTITIONER, team=other_team.pk)
    )

    assert response.status_code == 200
    assert not User.objects.filter(username="nia.new").exists()


def test_service_administrator_adds_a_user_then_gives_a_role(service, northshire, north_team):
    admin = service
    response = admin.post("/accounts/users/new/", _new_user())

    person = User.objects.get(username="nia.new")
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/users/{person.pk}/memberships/new/"
    assert person.check_password(GOOD_PASSWORD)
    assert not person.is_demo_account

    role = admin.post(
        f"/accounts/users/{person.pk}/memberships/new/",
        {"organisation": northshire.pk, "role": Role.PRACTITIONER, "team": north_team.pk},
    )

    assert role.status_code == 302
    membership = Membership.objects.get(user=person)
    assert (membership.organisation, membership.role, membership.team) == (
        northshire,
        Role.PRACTITIONER,
        north_team,
    )
    assert AuditEvent.objects.filter(event_type="accounts.membership.set").exists()


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short-pw1", "This password is too short"),
        ("384729105638", "This password is entirely numeric"),
        ("password1234", "This password is too common"),
        ("nia.newcomer1", "The password is too similar to the"),
    ],
)
def test_new_users_password_is_validated(admin, password, message):
    response = admin.post(
        "/accounts/users/new/", _new_user(password=password, role=Role.PRACTITIONER)
    )

    assert response.status_code == 200
    assert message in _html(response)
    assert not User.objects.filter(username="nia.new").exists()


def test_new_users_password_is_not_written_back_into_the_page(admin):
    response = admin.post("/accounts/users/new/", _new_user(password="short-pw1"))

    assert "short-pw1" not in _html(response)
    assert 'type="password"' in _html(response)


def test_username_must_be_unique(admin, practitioner):
    response = admin.post("/accounts/users/new/", _new_user(username="pat.practitioner"))

    assert "This username is already taken" in _html(response)


def test_administrator_edits_a_user(admin, practitioner):
    response = admin.post(
        f"/accounts/users/{practitioner.user.pk}/edit/",
        {
            "username": "pat.practitioner",
            "first_name": "Patricia",
            "last_name": "Tester",
            "email": "",
            "is_active": "on",
        },
    )

    practitioner.user.refresh_from_db()
    assert response.status_code == 302
    assert practitioner.user.first_name == "Patricia"
    assert AuditEvent.objects.filter(event_type="accounts.user.changed").exists()


def test_deactivated_user_is_signed_out_of_their_session(admin, client_for, practitioner):
    own = client_for(practitioner)

    admin.post(
        f"/accounts/users/{practitioner.user.pk}/edit/",
        {"username": "pat.practitioner", "first_name": "Pat", "last_name": "Tester", "email": ""},
    )

    assert own.get("/caseload/")["Location"].startswith("/accounts/sign-in/")
    assert own.get("/api/v1/children").status_code == 401


def test_role_team_must_belong_to_the_chosen_organisation(
    service, practitioner, southmoor, north_team
):
    response = service.post(
        f"/accounts/users/{practitioner.user.pk}/memberships/new/",
        {"organisation": southmoor.pk, "role": Role.PRACTITIONER, "team": north_team.pk},
    )

    assert "Select a team that belongs to the organisation you chose" in _html(response)
    assert not Membership.objects.filter(user=practitioner.user, organisation=southmoor).exists()


def test_giving_a_role_in_the_same_organisation_replaces_the_old_one(
    admin, practitioner, northshire
):
    admin.post(
        f"/accounts/users/{practitioner.user.pk}/memberships/new/",
        {"organisation": northshire.pk, "role": Role.MANAGER},
    )

    practitioner.refresh_from_db()
    assert practitioner.role == Role.MANAGER
    assert practitioner.team is None


def test_ending_a_role_revokes_that_memberships_tokens(service, practitioner, two_memberships):
    admin = service
    own_token, _ = operations.create_access_token(
        by=Actor.system(), membership=practitioner, name="North"
    )
    other_token, _ = operations.create_access_token(
        by=Actor.system(), membership=two_memberships, name="South"
    )

    response = admin.post(
        f"/accounts/users/{practitioner.user.pk}/memberships/{practitioner.pk}/end/"
    )

    practitioner.refresh_from_db()
    own_token.refresh_from_db()
    other_token.refresh_from_db()
    assert response.status_code == 302
    assert not practitioner.is_active
    assert own_token.revoked_at is not None
    assert other_token.revoked_at is None
    assert AuditEvent.objects.filter(event_type="accounts.membership.ended").exists()


@pytest.fixture
def two_memberships(practitioner, southmoor) -> Membership:
    return Membership.objects.create(
        user=practitioner.user, organisation=southmoor, role=Role.PRACTITIONER
    )


def test_membership_is_ended_only_under_its_own_user(admin, practitioner, manager):
    response = admin.post(f"/accounts/users/{manager.user.pk}/memberships/{practitioner.pk}/end/")

    practitioner.refresh_from_db()
    assert response.status_code == 404
    assert practitioner.is_active


def test_resetting_two_factor_removes_the_device_and_asks_for_set_up_again(
    admin, client_for, practitioner
):
    own = client_for(practitioner)

    response = admin.post(f"/accounts/users/{practitioner.user.pk}/two-factor/reset/")

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=practitioner.user).exists()
    assert own.get("/caseload/")["Location"] == "/accounts/two-factor/"
    assert AuditEvent.objects.filter(event_type="accounts.two_factor.reset").exists()


def test_user_list_searches_by_name(admin, practitioner, manager):
    html = _html(admin.get("/accounts/users/?q=pat"))

    assert "pat.practitioner" in html
    assert "mo.manager" not in html


# The last administrator


def test_last_administrator_cannot_be_deactivated(admin, administrator):
    response = admin.post(
        f"/accounts/users/{administrator.user.pk}/edit/",
        {"username": "ada.admin", "first_name": "Ada", "last_name": "Tester", "email": ""},
    )

    administrator.user.refresh_from_db()
    assert response.status_code == 200
    assert LAST_ADMIN in _html(response)
    assert administrator.user.is_active


def test_last_administrator_role_cannot_be_ended(admin, administrator):
    response = admin.post(
        f"/accounts/users/{administrator.user.pk}/memberships/{administrator.pk}/end/", follow=True
    )

    administrator.refresh_from_db()
    assert administrator.is_active
    assert LAST_ADMIN in _html(response)


def test_last_administrator_role_cannot_be_replaced(administrator, northshire):
    from cairn.accounts import operations
    from cairn.audit.operations import Actor

    with pytest.raises(operations.LastAdministratorError):
        operations.set_membership(
            by=Actor.system(),
            user=administrator.user,
            organisation=northshire,
            role=Role.PRACTITIONER,
        )

    administrator.refresh_from_db()
    assert administrator.role == Role.ADMINISTRATOR


def test_an_administrator_can_be_removed_while_another_remains(
    admin, administrator, make_member, northshire
):
    second = make_member("abe.admin", northshire, Role.ADMINISTRATOR)

    response = admin.post(f"/accounts/users/{second.user.pk}/memberships/{second.pk}/end/")

    second.refresh_from_db()
    assert response.status_code == 302
    assert not second.is_active


def test_operations_refuse_to_remove_the_last_administrator(administrator):
    with pytest.raises(operations.LastAdministratorError):
        operations.end_membership(by=Actor.system(), membership=administrator)
    with pytest.raises(operations.LastAdministratorError):
        operations.update_user(
            by=Actor.system(), user=administrator.user, data={"is_active": False}
        )


# Who may reach administration

ADMIN_PAGES = [
    "/accounts/organisations/",
    "/accounts/organisations/new/",
    "/accounts/organisations/{org}/",
    "/accounts/organisations/{org}/edit/",
    "/accounts/organisations/{org}/teams/new/",
    "/accounts/organisations/{org}/teams/{team}/edit/",
    "/accounts/users/",
    "/accounts/users/new/",
    "/accounts/users/{user}/",
    "/accounts/users/{user}/edit/",
    "/accounts/users/{user}/memberships/new/",
]
ADMIN_ACTIONS = [
    "/accounts/users/{user}/memberships/{membership}/end/",
    "/accounts/users/{user}/two-factor/reset/",
    "/accounts/users/{user}/unlock/",
]


@pytest.fixture(params=["practitioner", "manager", "secure_staff", "partner_viewer"])
def non_admin(request, client_for) -> Client:
    return client_for(request.getfixturevalue(request.param))


def _fill(path: str, practitioner: Membership, north_team: Team) -> str:
    return path.format(
        org=north_team.organisation_id,
        team=north_team.pk,
        user=practitioner.user.pk,
        membership=practitioner.pk,
    )


@pytest.mark.parametrize("path", ADMIN_PAGES + ADMIN_ACTIONS)
def test_non_administrators_are_refused_administration(non_admin, path, practitioner, north_team):
    url = _fill(path, practitioner, north_team)
    devices = TOTPDevice.objects.filter(user=practitioner.user).count()
    events = AuditEvent.objects.count()

    assert non_admin.post(url, {"name": "Changed", "username": "changed"}).status_code == 403
    if path in ADMIN_PAGES:
        assert non_admin.get(url).status_code == 403
    practitioner.refresh_from_db()
    assert practitioner.is_active
    assert TOTPDevice.objects.filter(user=practitioner.user).count() == devices
    assert AuditEvent.objects.count() == events


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_administrator_opens_every_administration_page(admin, path, practitioner, north_team):
    expected = 403 if path == "/accounts/organisations/new/" else 200
    assert admin.get(_fill(path, practitioner, north_team)).status_code == expected


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_service_administrator_opens_every_administration_page(
    service, path, practitioner, north_team
):
    assert service.get(_fill(path, practitioner, north_team)).status_code == 200


def test_administrator_of_an_ended_membership_loses_administration(
    client_for, administrator, make_member, southmoor
):
    make_member("abe.admin", southmoor, Role.ADMINISTRATOR)
    client = client_for(administrator)
    operations.end_membership(by=Actor.system(), membership=administrator)

    assert client.get("/accounts/users/").status_code == 403


def test_tokens_listing_survives_an_ended_membership(client_for, practitioner, two_memberships):
    operations.create_access_token(by=Actor.system(), membership=practitioner, name="North")
    operations.end_membership(by=Actor.system(), membership=practitioner)

    response = client_for(practitioner).get("/accounts/me/")

    assert response.status_code == 200
    assert AccessToken.objects.get().revoked_at is not None


def test_organisation_holding_every_administrator_cannot_be_deactivated(service, admin, northshire):
    response = service.post(
        f"/accounts/organisations/{northshire.pk}/edit/",
        {"name": northshire.name, "kind": "yjs", "code": northshire.code},
    )

    northshire.refresh_from_db()
    assert response.status_code == 200
    assert "Every active administrator works in this organisation" in _html(response)
    assert northshire.is_active
    assert admin.get("/accounts/users/").status_code == 200


def test_organisation_can_be_deactivated_while_an_administrator_works_elsewhere(
    service, northshire, make_member, southmoor
):
    make_member("abe.admin", southmoor, Role.ADMINISTRATOR)

    response = service.post(
        f"/accounts/organisations/{northshire.pk}/edit/",
        {"name": northshire.name, "kind": "yjs", "code": northshire.code},
    )

    northshire.refresh_from_db()
    assert response.status_code == 302
    assert not northshire.is_active


def test_administrator_in_an_inactive_organisation_does_not_count(
    administrator, make_member, oakwood
):
    stranded = make_member("sid.stranded", oakwood, Role.ADMINISTRATOR)
    Organisation.objects.filter(pk=oakwood.pk).update(is_active=False)

    with pytest.raises(operations.LastAdministratorError):
        operations.end_membership(by=Actor.system(), membership=administrator)
    stranded.refresh_from_db()
    assert stranded.is_active


def test_unchanged_team_can_be_saved_again(admin, northshire, north_team):
    response = admin.post(
        f"/accounts/organisations/{northshire.pk}/teams/{north_team.pk}/edit/",
        {"name": north_team.name, "is_active": "on"},
    )

    assert response.status_code == 302


def test_administrator_cannot_give_themselves_a_role(client_for, administrator, southmoor):
    client = client_for(administrator)
    response = client.post(
        f"/accounts/users/{administrator.user.pk}/memberships/new/",
        {"organisation": southmoor.pk, "role": "practitioner"},
    )
    assert "You cannot give yourself a role" in response.content.decode()
    assert not administrator.user.memberships.filter(organisation=southmoor).exists()


def test_administrators_own_role_page_opens_and_says_why_it_cannot_be_used(
    client_for, administrator
):
    client = client_for(administrator)

    response = client.get(f"/accounts/users/{administrator.user.pk}/memberships/new/")

    assert response.status_code == 200
    assert "You cannot give yourself a role" in response.content.decode()


# The service administrator's way in: the top navigation


def _navigation(response) -> str:
    """The service navigation's links; empty when the page has none."""
    html = _html(response)
    start = html.find('data-module="govuk-service-navigation"')
    return "" if start < 0 else html[start : html.index("</nav>", start)]


def test_service_administrator_without_a_role_has_organisations_and_users_in_the_navigation(
    service,
):
    navigation = _navigation(service.get("/accounts/organisations/"))

    assert 'href="/accounts/organisations/"' in navigation
    assert 'href="/accounts/users/"' in navigation


def test_service_administrator_with_a_practitioners_role_also_has_administration_in_the_navigation(
    client_for, practitioner
):
    operations.set_service_administrator(by=Actor.system(), user=practitioner.user, on=True)

    navigation = _navigation(client_for(practitioner).get("/caseload/"))

    assert 'href="/caseload/"' in navigation
    assert 'href="/accounts/organisations/"' in navigation
    assert 'href="/accounts/users/"' in navigation


def test_a_practitioner_has_no_administration_in_the_navigation(client_for, practitioner):
    navigation = _navigation(client_for(practitioner).get("/caseload/"))

    assert 'href="/caseload/"' in navigation
    assert 'href="/accounts/organisations/"' not in navigation


def test_service_administrator_without_a_role_reaches_the_scoring_model_from_the_organisations(
    service,
):
    """The reoffending model is the whole service's: its administrator, who may have no role in
    any organisation, finds it from the organisations and may load a model there."""
    organisations = _html(service.get("/accounts/organisations/"))
    assert 'href="/accounts/scoring-model/"' in organisations

    page = service.get("/accounts/scoring-model/")
    assert page.status_code == 200
    assert 'name="model_file"' in _html(page)
    assert service.post("/accounts/scoring-model/", {"action": "default"}).status_code == 302


def test_an_organisations_administrator_finds_the_scoring_model_but_may_not_load_one(admin):
    assert 'href="/accounts/scoring-model/"' in _html(admin.get("/accounts/organisations/"))

    page = admin.get("/accounts/scoring-model/")
    assert page.status_code == 200
    assert 'name="model_file"' not in _html(page)
