"""Administrators act only within their own organisation: the cross-organisation cells.

Every administration URL (each row of the matrix that only administrators open, and each
administration action) is tried by Southmoor's administrator against Northshire's organisation,
team, user and membership, by GET and by POST: each answers 404, as another organisation's
child does, and nothing changes. Adding an organisation is the service administrator's alone.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from cairn.accounts.models import Membership, Organisation, User
from cairn.assessment import operations as assessment_operations
from cairn.audit.models import AuditEvent
from tests.access.test_matrix import ADMIN, ADMIN_ONLY, EXPECTED, PARAMETERS

pytestmark = pytest.mark.django_db

Role = Membership.Role

# Administration URLs that name an object of one organisation: another's administrator gets 404.
CROSS_ORGANISATION = [
    "accounts:organisation-detail",
    "accounts:organisation-edit",
    "accounts:team-create",
    "accounts:team-edit",
    "accounts:user-detail",
    "accounts:user-edit",
    "accounts:membership-create",
    "accounts:membership-end",
    "accounts:two-factor-reset",
    "accounts:user-unlock",
    "assessment:timescales",
]
# Administration URLs that name no object: what each shows or does is limited to the caller's own
# organisation (tested below), or is the service administrator's alone.
UNSCOPED = ["accounts:organisation-list", "accounts:user-list", "accounts:user-create"]
SERVICE_ONLY = ["accounts:organisation-create"]
ACTIONS = {"accounts:membership-end", "accounts:two-factor-reset", "accounts:user-unlock"}
# Not an organisation's administration: the scoring model is the whole service's. Organisation
# administrators read it; only a service administrator loads one (test_model_upload_refusals).
NOT_ORGANISATION_ADMINISTRATION = {"judgements:scoring-model"}


def test_every_administration_url_has_a_cross_organisation_cell():
    administration = {
        name
        for name, row in EXPECTED.items()
        if row == ADMIN_ONLY or (name.startswith("accounts:") and name in ACTIONS)
    }
    covered = set(CROSS_ORGANISATION) | set(UNSCOPED) | set(SERVICE_ONLY)
    assert administration - NOT_ORGANISATION_ADMINISTRATION - covered == set()


@pytest.fixture
def south_admin(make_member, southmoor, client_for) -> Client:
    return client_for(make_member("sue.southadmin", southmoor, Role.ADMINISTRATOR))


@pytest.fixture
def north(practitioner, north_team, northshire) -> dict[str, Any]:
    return {
        "organisation_id": northshire.pk,
        "team_id": north_team.pk,
        "user_id": practitioner.user.pk,
        "membership_id": practitioner.pk,
    }


def _url(name: str, north: dict[str, Any]) -> str:
    return reverse(name, kwargs={param: north[param] for param in PARAMETERS[name]})


POSTS = {
    "name": "Taken over",
    "short_name": "X",
    "kind": "yjs",
    "code": "taken-over",
    "is_active": "",
    "username": "taken.over",
    "first_name": "Taken",
    "last_name": "Over",
    "email": "",
    "role": Role.ADMINISTRATOR,
    "out_of_court": "5",
}


@pytest.mark.parametrize("name", CROSS_ORGANISATION)
def test_another_organisations_administrator_gets_404(name, south_admin, north, practitioner):
    url = _url(name, north)
    organisation = Organisation.objects.get(pk=north["organisation_id"])
    devices = TOTPDevice.objects.filter(user=practitioner.user).count()
    before = AuditEvent.objects.filter(event_type__startswith="accounts.").count()
    timescales = assessment_operations.timescales_of(organisation.pk)

    if name not in ACTIONS:
        assert south_admin.get(url).status_code == 404, url
    assert south_admin.post(url, {**POSTS, "organisation": organisation.pk}).status_code == 404

    practitioner.refresh_from_db()
    practitioner.user.refresh_from_db()
    organisation.refresh_from_db()
    assert practitioner.is_active
    assert practitioner.role == Role.PRACTITIONER
    assert practitioner.user.username == "pat.practitioner"
    assert practitioner.user.is_active
    assert organisation.is_active
    assert organisation.name == "Northshire Youth Justice Service"
    assert TOTPDevice.objects.filter(user=practitioner.user).count() == devices
    assert AuditEvent.objects.filter(event_type__startswith="accounts.").count() == before
    assert assessment_operations.timescales_of(organisation.pk) == timescales


def test_organisation_and_user_lists_show_only_the_administrators_own(
    south_admin, practitioner, northshire
):
    organisations = south_admin.get(reverse("accounts:organisation-list")).content.decode()
    users = south_admin.get(reverse("accounts:user-list")).content.decode()

    assert "Southmoor Youth Justice Service" in organisations
    assert northshire.name not in organisations
    assert "sue.southadmin" in users
    assert "pat.practitioner" not in users


def test_an_organisations_administrator_cannot_add_an_organisation(south_admin):
    response = south_admin.post(
        reverse("accounts:organisation-create"), {"name": "Rogue", "kind": "yjs", "code": "rogue"}
    )

    assert response.status_code == 403
    assert not Organisation.objects.filter(code="rogue").exists()


def test_a_new_account_gets_a_role_only_in_the_administrators_organisation(
    client_for, administrator, southmoor, northshire
):
    response = client_for(administrator).post(
        reverse("accounts:user-create"),
        {
            "username": "nia.new",
            "first_name": "Nia",
            "last_name": "Newcomer",
            "is_active": "on",
            "password": "granite-lantern-orchard-42",
            "organisation": southmoor.pk,
            "role": Role.ADMINISTRATOR,
        },
    )

    assert response.status_code == 302
    roles = list(Membership.objects.filter(user__username="nia.new").values_list("organisation"))
    assert roles == [(northshire.pk,)]


def test_an_administrator_cannot_give_anyone_a_role_elsewhere(
    client_for, administrator, practitioner, southmoor
):
    response = client_for(administrator).post(
        reverse("accounts:membership-create", args=[practitioner.user.pk]),
        {"organisation": southmoor.pk, "role": Role.ADMINISTRATOR},
    )

    assert response.status_code == 200
    assert "Select an organisation you administer" in response.content.decode()
    assert not Membership.objects.filter(organisation=southmoor).exists()


def test_someone_with_a_role_elsewhere_is_the_service_administrators_to_manage(
    client_for, administrator, practitioner, southmoor
):
    """A person who also works for Southmoor is not Northshire's alone to change."""
    Membership.objects.create(user=practitioner.user, organisation=southmoor, role=Role.MANAGER)

    client = client_for(administrator)

    assert client.get(reverse("accounts:user-detail", args=[practitioner.user.pk])).status_code == (
        404
    )
    assert client.post(
        reverse("accounts:two-factor-reset", args=[practitioner.user.pk])
    ).status_code == (404)


def test_the_service_administrator_role_is_not_on_any_form(client_for, administrator, practitioner):
    client = client_for(administrator)
    client.post(
        reverse("accounts:user-edit", args=[practitioner.user.pk]),
        {
            "username": "pat.practitioner",
            "first_name": "Pat",
            "last_name": "Tester",
            "is_active": "on",
            "is_service_administrator": "on",
        },
    )
    client.post(
        reverse("accounts:user-edit", args=[administrator.user.pk]),
        {
            "username": "ada.admin",
            "first_name": "Ada",
            "last_name": "Tester",
            "is_active": "on",
            "is_service_administrator": "on",
        },
    )

    assert not User.objects.filter(is_service_administrator=True).exists()


def test_matrix_administrator_is_refused_adding_organisations():
    assert EXPECTED["accounts:organisation-create"][ADMIN] == 403


def test_a_service_administrator_without_a_role_starts_at_the_organisations(db):
    from cairn.accounts import operations
    from cairn.audit.operations import Actor
    from conftest import sign_in

    user = User.objects.create_user("sol.service", password="correct-horse-battery")
    operations.set_service_administrator(by=Actor.system(), user=user, on=True)
    client = sign_in(Client(), user)

    assert client.get("/")["Location"] == reverse("accounts:organisation-list")
    assert client.get(reverse("accounts:organisation-create")).status_code == 200
    assert AuditEvent.objects.filter(event_type="accounts.service_administrator.granted").exists()


def test_the_service_administrator_role_is_granted_on_the_command_line(practitioner):
    import io

    from django.core.management import call_command

    call_command("service_administrator", "pat.practitioner", stdout=io.StringIO())
    practitioner.user.refresh_from_db()
    assert practitioner.user.is_service_administrator

    call_command("service_administrator", "pat.practitioner", "--remove", stdout=io.StringIO())
    practitioner.user.refresh_from_db()
    assert not practitioner.user.is_service_administrator


def test_a_service_administrator_sets_any_organisations_timescales(db, southmoor):
    user = User.objects.create_user("sol.service", password="correct-horse-battery")
    user.is_service_administrator = True
    user.save()
    from conftest import sign_in

    client = sign_in(Client(), user)

    assert client.get(reverse("assessment:timescales", args=[southmoor.pk])).status_code == 200
