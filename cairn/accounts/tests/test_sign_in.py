"""Signing in with a password, lockout after repeated failures, idle timeout and signing out."""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.test import Client

from cairn.accounts.middleware import SESSION_LAST_SEEN
from cairn.accounts.tests.helpers import PASSWORD, is_signed_in, sign_in_with_password
from cairn.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

WRONG_DETAILS = "Enter a correct username and password"


def test_sign_in_page_asks_for_username_and_password(client):
    response = client.get("/accounts/sign-in/")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="username"' in html
    assert 'name="password"' in html
    assert 'type="password"' in html


def test_wrong_password_is_refused_with_an_error_summary(client, practitioner):
    response = sign_in_with_password(client, "pat.practitioner", "not-the-password")

    html = response.content.decode()
    assert response.status_code == 200
    assert WRONG_DETAILS in html
    assert "govuk-error-summary" in html
    assert "There is a problem" in html
    assert not is_signed_in(client)


def test_wrong_password_is_not_written_back_into_the_page(client, practitioner):
    response = sign_in_with_password(client, "pat.practitioner", "my-secret-guess-123")

    assert "my-secret-guess-123" not in response.content.decode()


def test_unknown_username_gets_the_same_message_as_a_wrong_password(client, practitioner):
    response = sign_in_with_password(client, "nobody.here", PASSWORD)

    assert WRONG_DETAILS in response.content.decode()
    assert not is_signed_in(client)


def test_empty_fields_each_get_a_message_linked_from_the_summary(client):
    response = client.post("/accounts/sign-in/", {"username": "", "password": ""})

    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "Enter your username" in html
    assert "Enter your password" in html
    assert 'href="#id_username"' in html
    assert 'href="#id_password"' in html


def test_deactivated_user_cannot_sign_in(client, practitioner):
    practitioner.user.is_active = False
    practitioner.user.save()

    response = sign_in_with_password(client, "pat.practitioner")

    assert WRONG_DETAILS in response.content.decode()
    assert not is_signed_in(client)


def test_right_password_without_a_device_leads_to_two_factor_set_up(client, practitioner):
    response = sign_in_with_password(client, "pat.practitioner")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/two-factor/set-up/"
    assert is_signed_in(client)


def _fail(client: Client, times: int, username: str = "pat.practitioner") -> list[int]:
    return [sign_in_with_password(client, username, f"wrong-{n}").status_code for n in range(times)]


def test_account_locks_after_the_failure_limit_with_a_clear_message(client, practitioner):
    limit = settings.AXES_FAILURE_LIMIT

    statuses = _fail(client, limit)

    assert statuses[:-1] == [200] * (limit - 1)
    assert statuses[-1] == 429
    locked = sign_in_with_password(client, "pat.practitioner", "wrong-again")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "You have entered the wrong details too many times" in html
    assert "ask an administrator to unlock your account" in html
    assert "govuk-error-summary" in html


def test_locked_account_refuses_even_the_right_password(client, practitioner):
    _fail(client, settings.AXES_FAILURE_LIMIT)

    response = sign_in_with_password(client, "pat.practitioner", PASSWORD)

    assert response.status_code == 429
    assert not is_signed_in(client)


def test_lockout_is_per_account(client, practitioner, manager):
    _fail(client, settings.AXES_FAILURE_LIMIT)

    response = sign_in_with_password(Client(), "mo.manager", PASSWORD)

    assert response.status_code == 302


def test_administrator_unlock_lets_the_person_sign_in_again(
    client, practitioner, administrator, client_for
):
    _fail(client, settings.AXES_FAILURE_LIMIT)

    unlock = client_for(administrator).post(f"/accounts/users/{practitioner.user.pk}/unlock/")
    response = sign_in_with_password(client, "pat.practitioner", PASSWORD)

    assert unlock.status_code == 302
    assert response.status_code == 302
    assert is_signed_in(client)


def test_idle_session_is_signed_out_and_the_sign_in_page_explains(client_for, practitioner):
    client = client_for(practitioner)
    session = client.session
    session[SESSION_LAST_SEEN] = time.time() - settings.CAIRN_IDLE_TIMEOUT.total_seconds() - 3600
    session.save()

    response = client.get("/caseload/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/sign-in/?timeout=1"
    assert not is_signed_in(client)
    page = client.get(response["Location"]).content.decode()
    assert "You were signed out because you were inactive" in page


def test_idle_timeout_message_names_the_configured_period(client, settings):
    settings.CAIRN_IDLE_TIMEOUT = settings.CAIRN_IDLE_TIMEOUT * 2

    page = client.get("/accounts/sign-in/?timeout=1").content.decode()

    minutes = int(settings.CAIRN_IDLE_TIMEOUT.total_seconds() // 60)
    assert f"inactive for {minutes} minutes" in page


def test_active_session_is_kept_and_its_last_seen_time_moves_on(client_for, practitioner):
    client = client_for(practitioner)
    earlier = time.time() - settings.CAIRN_IDLE_TIMEOUT.total_seconds() / 2
    session = client.session
    session[SESSION_LAST_SEEN] = earlier
    session.save()

    response = client.get("/caseload/")

    assert response.status_code == 200
    assert client.session[SESSION_LAST_SEEN] > earlier


def test_sign_in_page_without_timeout_does_not_mention_it(client):
    assert "inactive" not in client.get("/accounts/sign-in/").content.decode()


def test_sign_out_refuses_get(client_for, practitioner):
    client = client_for(practitioner)

    response = client.get("/accounts/sign-out/")

    assert response.status_code == 405
    assert is_signed_in(client)


def test_sign_out_by_post_ends_the_session_and_is_recorded(client_for, practitioner):
    client = client_for(practitioner)

    response = client.post("/accounts/sign-out/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/signed-out/"
    assert not is_signed_in(client)
    assert client.get("/caseload/")["Location"].startswith("/accounts/sign-in/")
    assert AuditEvent.objects.filter(
        event_type="accounts.user.signed_out", actor=practitioner.user
    ).exists()


def test_signed_in_user_visiting_sign_in_goes_to_a_safe_next_page(client_for, practitioner):
    client = client_for(practitioner)

    assert client.get("/accounts/sign-in/?next=/caseload/team/")["Location"] == "/caseload/team/"
    assert client.get("/accounts/sign-in/?next=https://evil.example/")["Location"] == "/"
