"""Fixtures shared by every test: organisations, people in each role, signed-in clients.

Tests run over plain HTTP, so the secure-cookie and HTTPS-redirect settings are relaxed here
(production keeps them on: see settings.py and `make check`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import settings as hypothesis_settings

from cairn.accounts.models import Membership, Organisation, Team, User
from cairn.audit.operations import Actor
from cairn.records import operations as record_operations
from cairn.records.models import Child

Role = Membership.Role

# CI machines are shared and slow at times: no per-example deadline, the same examples each run.
hypothesis_settings.register_profile("cairn", deadline=None, derandomize=True)
hypothesis_settings.load_profile("cairn")


@pytest.fixture(autouse=True)
def _english_by_default() -> Iterator[None]:
    """Every test starts in English: a Welsh request in one test must not leak into the next."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _plain_http(settings: Any) -> None:
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.LANGUAGE_COOKIE_SECURE = False
    settings.CAIRN_DEMO = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def northshire(db: None) -> Organisation:
    return Organisation.objects.create(
        name="Northshire Youth Justice Service",
        short_name="Northshire",
        code="northshire-yjs",
        kind=Organisation.Kind.YOUTH_JUSTICE_SERVICE,
    )


@pytest.fixture
def southmoor(db: None) -> Organisation:
    return Organisation.objects.create(
        name="Southmoor Youth Justice Service",
        short_name="Southmoor",
        code="southmoor-yjs",
        kind=Organisation.Kind.YOUTH_JUSTICE_SERVICE,
        nation=Organisation.Nation.WALES,  # as in the demo: its children's facts use Welsh terms
    )


@pytest.fixture
def oakwood(db: None) -> Organisation:
    return Organisation.objects.create(
        name="Oakwood Secure Training Centre",
        short_name="Oakwood",
        code="oakwood-stc",
        kind=Organisation.Kind.SECURE_TRAINING_CENTRE,
    )


@pytest.fixture
def placements(db: None) -> Organisation:
    return Organisation.objects.create(
        name="Youth Custody Service Placements Team",
        short_name="YCS",
        code="ycs",
        kind=Organisation.Kind.PLACEMENTS_TEAM,
    )


@pytest.fixture
def partner_agency(db: None) -> Organisation:
    return Organisation.objects.create(
        name="Northshire Children's Services",
        short_name="Northshire CS",
        code="northshire-cs",
        kind=Organisation.Kind.PARTNER_AGENCY,
    )


@pytest.fixture
def north_team(northshire: Organisation) -> Team:
    return Team.objects.create(organisation=northshire, name="North team")


@pytest.fixture
def make_member(db: None) -> Callable[..., Membership]:
    def make(
        username: str, organisation: Organisation, role: str, team: Team | None = None
    ) -> Membership:
        user = User.objects.create_user(
            username=username,
            password="correct-horse-battery",
            first_name=username.split(".")[0].title(),
            last_name="Tester",
        )
        return Membership.objects.create(user=user, organisation=organisation, role=role, team=team)

    return make


@pytest.fixture
def practitioner(
    make_member: Callable[..., Membership], northshire: Organisation, north_team: Team
) -> Membership:
    return make_member("pat.practitioner", northshire, Role.PRACTITIONER, north_team)


@pytest.fixture
def manager(
    make_member: Callable[..., Membership], northshire: Organisation, north_team: Team
) -> Membership:
    return make_member("mo.manager", northshire, Role.MANAGER, north_team)


@pytest.fixture
def other_practitioner(
    make_member: Callable[..., Membership], southmoor: Organisation
) -> Membership:
    return make_member("ola.other", southmoor, Role.PRACTITIONER)


@pytest.fixture
def secure_staff(make_member: Callable[..., Membership], oakwood: Organisation) -> Membership:
    return make_member("sam.secure", oakwood, Role.SECURE_ESTATE)


@pytest.fixture
def placements_officer(
    make_member: Callable[..., Membership], placements: Organisation
) -> Membership:
    return make_member("pip.placements", placements, Role.PLACEMENTS_OFFICER)


@pytest.fixture
def partner_viewer(
    make_member: Callable[..., Membership], partner_agency: Organisation
) -> Membership:
    return make_member("pam.partner", partner_agency, Role.PARTNER_VIEWER)


@pytest.fixture
def administrator(make_member: Callable[..., Membership], northshire: Organisation) -> Membership:
    return make_member("ada.admin", northshire, Role.ADMINISTRATOR)


def sign_in(client: Client, user: User) -> Client:
    """Sign in as someone who has completed two-factor sign-in."""
    device = TOTPDevice.objects.filter(
        user=user, confirmed=True
    ).first() or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def client_for() -> Callable[[Membership], Client]:
    def make(membership: Membership) -> Client:
        return sign_in(Client(), membership.user)

    return make


@pytest.fixture
def make_child(db: None) -> Callable[..., Child]:
    def make(
        organisation: Organisation,
        given_name: str = "Kai",
        family_name: str = "Brennan",
        **extra: Any,
    ) -> Child:
        data = {
            "given_name": given_name,
            "family_name": family_name,
            "date_of_birth": dt.date(2012, 3, 14),
            "sex": "male",
            **extra,
        }
        return record_operations.create_child(
            by=Actor.system(organisation), organisation=organisation, data=data
        )

    return make


@pytest.fixture
def child(
    make_child: Callable[..., Child], northshire: Organisation, practitioner: Membership
) -> Child:
    return make_child(northshire, case_worker=practitioner.user, team=practitioner.team)
