"""Two-factor sign-in for real (not demo mode): enrol an authenticator app from the QR code
page, get a wrong code refused, then sign in again with a code.

Codes are computed from the key the page shows (the "I cannot scan the QR code" details),
as an authenticator app would. Throttling after a wrong code is switched off so that the
right code can follow at once without waiting for the clock.
"""

from __future__ import annotations

import base64
import re
import time
from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from cairn.accounts.models import Membership
from tests.journeys.helpers import (
    assert_accessible,
    error_summary,
    fill_sign_in,
    sign_out,
    sign_out_button,
    submit,
)

pytestmark = pytest.mark.browser

STEP = 30


def code_at(key: bytes, step_number: int) -> str:
    totp = TOTP(key, step=STEP, t0=0, digits=6, drift=0)
    totp.time = step_number * STEP
    return f"{totp.token():06d}"


def next_code(key: bytes, device: TOTPDevice) -> tuple[str, int]:
    """A code the device accepts now and in the next time step: later than the last code it
    accepted, and inside its tolerance of one step either way of its own drift."""
    now = int(time.time()) // STEP
    step_number = max(device.last_t + 1, now + device.drift)
    return code_at(key, step_number), step_number


def wrong_code(key: bytes, around: int) -> str:
    valid = {code_at(key, around + offset) for offset in range(-3, 4)}
    return next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in valid)


def enter_code(page: Page, code: str, button: str) -> None:
    page.get_by_label("Security code").fill(code)
    submit(page, button)


@pytest.fixture
def no_throttling(settings: Any) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def test_enrol_an_authenticator_app_then_sign_in_with_a_code(
    page: Page, practitioner: Membership, no_throttling: None
) -> None:
    user = practitioner.user

    # Password first; with no device yet, Cairn asks to set one up.
    fill_sign_in(page, user.username)
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/set-up/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor sign-in")
    expect(page.locator("#qr-code svg")).to_be_visible()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    assert_accessible(page, "two-factor set-up")

    # Nothing else opens until the code is given.
    page.goto("/caseload/")
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/set-up/$"))

    page.get_by_text("I cannot scan the QR code").click()
    secret = page.locator("#totp-secret")
    expect(secret).to_be_visible()
    assert_accessible(page, "two-factor set-up with the key shown")
    key = base64.b32decode(secret.inner_text().replace(" ", ""))

    device = TOTPDevice.objects.get(user=user, confirmed=False)
    code, step_number = next_code(key, device)
    enter_code(page, wrong_code(key, step_number), "Confirm and continue")
    summary = error_summary(page)
    expect(summary).to_contain_text("The security code is wrong")
    expect(page.get_by_label("Security code")).to_have_attribute(
        "aria-describedby", re.compile(r"\bid_code-error\b")
    )
    assert_accessible(page, "two-factor set-up with a wrong code")

    enter_code(page, code, "Confirm and continue")
    expect(page.get_by_role("heading", level=1)).to_have_text("My caseload")
    expect(sign_out_button(page)).to_be_visible()
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1
    assert_accessible(page, "caseload after enrolling")
    sign_out(page)

    # Signing in again asks for a code from the app.
    fill_sign_in(page, user.username)
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your security code")
    assert_accessible(page, "enter your security code")
    code, _step = next_code(key, TOTPDevice.objects.get(user=user, confirmed=True))
    enter_code(page, code, "Continue")
    expect(page.get_by_role("heading", level=1)).to_have_text("My caseload")
    expect(sign_out_button(page)).to_be_visible()
