"""Small helpers shared by the accounts tests: security codes and reading pages."""

from __future__ import annotations

import re

from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "correct-horse-battery"  # what conftest's make_member gives everyone


def code_for(device: TOTPDevice) -> str:
    """The code an authenticator app shows now for this device."""
    value = totp(
        device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift
    )
    return f"{value:0{device.digits}d}"


def wrong_code_for(device: TOTPDevice) -> str:
    """A well-formed code that is not the right one at any moment near now."""
    right = {int(code_for(device))}
    candidate = 0
    while candidate in right or _matches_nearby(device, candidate):
        candidate += 1
    return f"{candidate:06d}"


def _matches_nearby(device: TOTPDevice, candidate: int) -> bool:
    return any(
        totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift)
        == candidate
        for drift in (-1, 0, 1)
    )


def sign_in_with_password(
    client: Client, username: str, password: str = PASSWORD, next_url: str = ""
):
    url = "/accounts/sign-in/" + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"username": username, "password": password})


def header_organisation(html: str) -> str:
    """The organisation name the service header shows."""
    match = re.search(r'class="[^"]*cairn-header__organisation[^"]*">([^<]*)<', html)
    return match.group(1).strip() if match else ""


def is_signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session
