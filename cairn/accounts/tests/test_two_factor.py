"""Two-factor sign-in: enrolling an authenticator app, the code step, and demo accounts."""

from __future__ import annotations

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from cairn.accounts.tests.helpers import (
    code_for,
    is_signed_in,
    sign_in_with_password,
    wrong_code_for,
)
from cairn.accounts.views import SESSION_ENROLMENT
from cairn.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolling(client: Client, practitioner) -> Client:
    """Signed in with the password, no device yet, looking at the set-up page."""
    sign_in_with_password(client, "pat.practitioner", next_url="/caseload/team/")
    client.get("/accounts/two-factor/set-up/")
    return client


def _enrolment_device(client: Client) -> TOTPDevice:
    return TOTPDevice.objects.get(pk=client.session[SESSION_ENROLMENT])


@pytest.fixture
def with_device(practitioner) -> TOTPDevice:
    return TOTPDevice.objects.create(user=practitioner.user, name="Phone", confirmed=True)


def test_set_up_page_shows_an_inline_svg_qr_code_and_the_key(enrolling):
    response = enrolling.get("/accounts/two-factor/set-up/")

    html = response.content.decode()
    assert response.status_code == 200
    qr = html[html.index('id="qr-code"') :]
    assert "<svg" in qr[:300]
    assert "QR code for your authenticator app" in html
    assert 'id="totp-secret"' in html


def test_set_up_page_keeps_the_same_secret_while_enrolling(enrolling):
    first = _enrolment_device(enrolling)

    enrolling.get("/accounts/two-factor/set-up/")

    assert _enrolment_device(enrolling).pk == first.pk
    assert TOTPDevice.objects.filter(user=first.user).count() == 1


def test_wrong_code_at_set_up_is_refused(enrolling):
    device = _enrolment_device(enrolling)

    response = enrolling.post("/accounts/two-factor/set-up/", {"code": wrong_code_for(device)})

    assert response.status_code == 200
    assert "The security code is wrong" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert enrolling.get("/caseload/")["Location"] == "/accounts/two-factor/"


@pytest.mark.parametrize("code", ["12345", "abcdef", "1234567"])
def test_malformed_code_is_refused_with_a_message(enrolling, code):
    response = enrolling.post("/accounts/two-factor/set-up/", {"code": code})

    assert "Enter the security code as 6 digits" in response.content.decode()


def test_right_code_at_set_up_confirms_the_device_and_completes_sign_in(enrolling, practitioner):
    device = _enrolment_device(enrolling)

    response = enrolling.post("/accounts/two-factor/set-up/", {"code": code_for(device)})

    assert response.status_code == 302
    assert response["Location"] == "/caseload/team/"
    device.refresh_from_db()
    assert device.confirmed
    assert enrolling.get("/caseload/").status_code == 200
    assert AuditEvent.objects.filter(
        event_type="accounts.two_factor.enrolled", actor=practitioner.user
    ).exists()
    assert AuditEvent.objects.filter(
        event_type="accounts.user.signed_in", actor=practitioner.user
    ).exists()


def test_right_code_still_works_after_a_mistake(enrolling, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a person takes longer than the throttle to retype
    device = _enrolment_device(enrolling)
    enrolling.post("/accounts/two-factor/set-up/", {"code": wrong_code_for(device)})

    response = enrolling.post("/accounts/two-factor/set-up/", {"code": code_for(device)})

    assert response.status_code == 302


def test_enrolment_replaces_an_earlier_device(client_for, practitioner, with_device):
    client = client_for(practitioner)
    client.get("/accounts/two-factor/set-up/")
    device = _enrolment_device(client)

    client.post("/accounts/two-factor/set-up/", {"code": code_for(device)})

    assert list(TOTPDevice.objects.filter(user=practitioner.user).values_list("pk", flat=True)) == [
        device.pk
    ]


def test_account_with_a_device_must_give_a_code_before_any_page(client, with_device):
    response = sign_in_with_password(client, "pat.practitioner")

    assert response["Location"] == "/accounts/two-factor/"
    for path in [
        "/caseload/",
        "/",
        "/children/new/",
        "/accounts/me/",
        "/accounts/organisation/",
        "/accounts/organisations/",
        "/accounts/users/",
    ]:
        assert client.get(path)["Location"] == "/accounts/two-factor/", path
    assert client.get("/accounts/two-factor/set-up/")["Location"] == "/accounts/two-factor/"


def test_password_alone_cannot_create_an_api_token(client, with_device, practitioner):
    sign_in_with_password(client, "pat.practitioner")

    response = client.post("/accounts/me/", {"name": "Sneaky"})

    assert response["Location"] == "/accounts/two-factor/"
    assert not practitioner.tokens.exists()


def test_password_alone_does_not_open_administration(client, administrator):
    TOTPDevice.objects.create(user=administrator.user, name="Phone", confirmed=True)
    sign_in_with_password(client, "ada.admin")

    response = client.post(
        "/accounts/organisations/new/", {"name": "Rogue", "kind": "yjs", "code": "rogue"}
    )

    assert response["Location"] == "/accounts/two-factor/"


def test_pages_open_to_everyone_stay_open_before_the_code(client, with_device):
    sign_in_with_password(client, "pat.practitioner")

    for path in ["/accessibility/", "/privacy/", "/cookies/", "/healthz"]:
        assert client.get(path).status_code == 200, path


def test_right_code_completes_sign_in(client, with_device):
    sign_in_with_password(client, "pat.practitioner", next_url="/caseload/team/")

    response = client.post("/accounts/two-factor/", {"code": code_for(with_device)})

    assert response["Location"] == "/caseload/team/"
    assert client.get("/caseload/").status_code == 200


def test_wrong_code_is_refused(client, with_device):
    sign_in_with_password(client, "pat.practitioner")

    response = client.post("/accounts/two-factor/", {"code": wrong_code_for(with_device)})

    assert response.status_code == 200
    assert "The security code is wrong or has expired" in response.content.decode()
    assert client.get("/caseload/")["Location"] == "/accounts/two-factor/"


def test_two_factor_page_without_a_device_goes_to_set_up(client, practitioner):
    sign_in_with_password(client, "pat.practitioner")

    assert client.get("/accounts/two-factor/")["Location"] == "/accounts/two-factor/set-up/"


def test_api_with_a_session_that_has_not_given_the_code_is_unauthorised(client, with_device):
    sign_in_with_password(client, "pat.practitioner")

    assert client.get("/api/v1/children").status_code == 401


@pytest.fixture
def demo_user(practitioner):
    practitioner.user.is_demo_account = True
    practitioner.user.save()
    return practitioner.user


def test_demo_account_skips_two_factor_in_demo_mode(client, demo_user, settings):
    settings.CAIRN_DEMO = True

    response = sign_in_with_password(client, demo_user.username)

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/caseload/").status_code == 200


def test_demo_account_needs_two_factor_outside_demo_mode(client, demo_user, settings):
    settings.CAIRN_DEMO = False

    response = sign_in_with_password(client, demo_user.username)

    assert response["Location"] == "/accounts/two-factor/set-up/"
    assert client.get("/caseload/")["Location"] == "/accounts/two-factor/"
    assert is_signed_in(client)


def test_ordinary_account_needs_two_factor_even_in_demo_mode(client, practitioner, settings):
    settings.CAIRN_DEMO = True

    response = sign_in_with_password(client, "pat.practitioner")

    assert response["Location"] == "/accounts/two-factor/set-up/"


def test_sign_in_page_lists_demo_accounts_only_in_demo_mode(client, demo_user, settings):
    settings.CAIRN_DEMO = True
    demo_page = client.get("/accounts/sign-in/").content.decode()
    settings.CAIRN_DEMO = False
    live_page = client.get("/accounts/sign-in/").content.decode()

    assert "Demo accounts" in demo_page
    assert demo_user.username in demo_page
    assert "Demo accounts" not in live_page
    assert demo_user.username not in live_page


def test_demo_banner_appears_only_in_demo_mode(client, settings):
    settings.CAIRN_DEMO = True
    demo_page = client.get("/accessibility/").content.decode()
    settings.CAIRN_DEMO = False
    live_page = client.get("/accessibility/").content.decode()

    assert "This is a demonstration of Cairn" in demo_page
    assert "govuk-phase-banner" in demo_page
    assert "This is a demonstration of Cairn" not in live_page
    assert "govuk-phase-banner" not in live_page


def test_keep_alive_works_before_the_code_so_the_sign_in_steps_do_not_time_out(client, with_device):
    sign_in_with_password(client, "pat.practitioner")

    assert client.post("/accounts/keep-alive/").status_code == 204
