"""The account page: switching organisation and personal access tokens."""

from __future__ import annotations

import re

import pytest

from cairn.accounts.middleware import SESSION_MEMBERSHIP
from cairn.accounts.models import AccessToken, Membership
from cairn.accounts.tests.helpers import header_organisation
from cairn.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

SECRET = re.compile(r'id="new-token">(cairn_[A-Za-z0-9_-]+)<')


@pytest.fixture
def two_hats(practitioner, southmoor) -> Membership:
    """The practitioner also works for Southmoor; returns that second membership."""
    return Membership.objects.create(
        user=practitioner.user, organisation=southmoor, role=Membership.Role.MANAGER
    )


def test_first_organisation_is_active_until_the_user_switches(client_for, practitioner, two_hats):
    response = client_for(practitioner).get("/accounts/me/")

    assert response.wsgi_request.membership == practitioner
    assert header_organisation(response.content.decode()) == "Northshire Youth Justice Service"


def test_switch_page_offers_only_the_users_own_memberships(
    client_for, practitioner, two_hats, other_practitioner
):
    html = client_for(practitioner).get("/accounts/organisation/").content.decode()

    assert f'value="{practitioner.pk}"' in html
    assert f'value="{two_hats.pk}"' in html
    assert f'value="{other_practitioner.pk}"' not in html


def test_switching_organisation_changes_the_active_membership_and_header(
    client_for, practitioner, two_hats
):
    client = client_for(practitioner)

    response = client.post("/accounts/organisation/", {"membership": two_hats.pk})
    page = client.get("/accounts/me/")

    assert response.status_code == 302
    assert page.wsgi_request.membership == two_hats
    assert header_organisation(page.content.decode()) == "Southmoor Youth Justice Service"
    assert "Switch organisation" in page.content.decode()


def test_cannot_switch_to_someone_elses_membership(
    client_for, practitioner, two_hats, other_practitioner
):
    client = client_for(practitioner)

    response = client.post("/accounts/organisation/", {"membership": other_practitioner.pk})

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert SESSION_MEMBERSHIP not in client.session
    assert client.get("/accounts/me/").wsgi_request.membership == practitioner


def test_forged_session_membership_of_someone_else_is_ignored(
    client_for, practitioner, other_practitioner
):
    client = client_for(practitioner)
    session = client.session
    session[SESSION_MEMBERSHIP] = other_practitioner.pk
    session.save()

    assert client.get("/accounts/me/").wsgi_request.membership == practitioner


def test_ended_membership_falls_back_to_another(client_for, practitioner, two_hats):
    client = client_for(practitioner)
    client.post("/accounts/organisation/", {"membership": two_hats.pk})
    Membership.objects.filter(pk=two_hats.pk).update(is_active=False)

    assert client.get("/accounts/me/").wsgi_request.membership == practitioner


def test_creating_a_token_shows_its_secret_once(client_for, practitioner):
    client = client_for(practitioner)

    response = client.post("/accounts/me/", {"name": "Reporting spreadsheet"})

    html = response.content.decode()
    secret = SECRET.search(html).group(1)
    token = AccessToken.objects.get(membership=practitioner)
    assert token.name == "Reporting spreadsheet"
    assert token.token_hash == AccessToken.hash_secret(secret)
    assert secret not in client.get("/accounts/me/").content.decode()
    assert AuditEvent.objects.filter(event_type="accounts.token.created").exists()


def test_token_needs_a_name(client_for, practitioner):
    response = client_for(practitioner).post("/accounts/me/", {"name": ""})

    assert "Enter a name for the token" in response.content.decode()
    assert not AccessToken.objects.exists()


def test_token_belongs_to_the_active_membership(client_for, practitioner, two_hats):
    client = client_for(practitioner)
    client.post("/accounts/organisation/", {"membership": two_hats.pk})

    client.post("/accounts/me/", {"name": "Southmoor reports"})

    assert AccessToken.objects.get().membership == two_hats


def test_revoking_a_token_marks_it_revoked(client_for, practitioner):
    client = client_for(practitioner)
    client.post("/accounts/me/", {"name": "Spreadsheet"})
    token = AccessToken.objects.get()

    response = client.post(f"/accounts/me/tokens/{token.pk}/revoke/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/me/"
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "Revoked" in client.get("/accounts/me/").content.decode()
    assert AuditEvent.objects.filter(event_type="accounts.token.revoked").exists()


def test_revoke_refuses_get(client_for, practitioner):
    client = client_for(practitioner)
    client.post("/accounts/me/", {"name": "Spreadsheet"})
    token = AccessToken.objects.get()

    assert client.get(f"/accounts/me/tokens/{token.pk}/revoke/").status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None


def test_cannot_revoke_someone_elses_token(client_for, practitioner, manager):
    client_for(manager).post("/accounts/me/", {"name": "Manager's"})
    token = AccessToken.objects.get()

    response = client_for(practitioner).post(f"/accounts/me/tokens/{token.pk}/revoke/")

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
