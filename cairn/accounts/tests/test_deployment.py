"""Deployment safety: a real secret key outside local and demo mode, the demo only in demo mode,
and nothing with a child's data or a secret kept in a browser's or proxy's cache."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command

from cairn.accounts.checks import refuse_insecure_start
from cairn.accounts.models import Organisation, User

ROOT = Path(__file__).resolve().parents[3]
DEVELOPMENT_KEY = django_settings.CAIRN_DEVELOPMENT_SECRET_KEY


def _deploy_errors() -> list[str]:
    return [message.id for message in run_checks(include_deployment_checks=True) if message.id]


def test_check_deploy_fails_with_the_development_key(settings):
    settings.SECRET_KEY = DEVELOPMENT_KEY

    assert "cairn.E001" in _deploy_errors()


def test_check_deploy_passes_the_key_check_with_a_real_key(settings):
    settings.SECRET_KEY = "a-real-key-" + "x7Rq" * 12

    assert "cairn.E001" not in _deploy_errors()


@pytest.mark.parametrize(("local", "demo"), [(False, False)])
def test_the_server_refuses_to_start_with_the_development_key(settings, local, demo):
    settings.SECRET_KEY, settings.CAIRN_INSECURE_LOCAL, settings.CAIRN_DEMO = (
        DEVELOPMENT_KEY,
        local,
        demo,
    )

    with pytest.raises(ImproperlyConfigured, match="CAIRN_SECRET_KEY"):
        refuse_insecure_start()


@pytest.mark.parametrize(
    ("key", "local", "demo"),
    [
        (DEVELOPMENT_KEY, True, False),
        (DEVELOPMENT_KEY, False, True),
        ("a-real-key-" + "x7Rq" * 12, False, False),
    ],
)
def test_the_server_starts_locally_in_demo_mode_or_with_a_real_key(settings, key, local, demo):
    settings.SECRET_KEY, settings.CAIRN_INSECURE_LOCAL, settings.CAIRN_DEMO = key, local, demo

    refuse_insecure_start()


def test_the_wsgi_application_does_not_load_without_a_secret_key():
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"CAIRN_SECRET_KEY", "CAIRN_INSECURE_LOCAL", "CAIRN_DEMO"}
    }
    started = subprocess.run(
        [sys.executable, "-c", "import cairn.wsgi"],
        cwd=ROOT,
        env={**env, "CAIRN_INSECURE_LOCAL": "0", "CAIRN_DEMO": "0"},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert started.returncode != 0
    assert "CAIRN_SECRET_KEY is not set" in started.stderr


@pytest.mark.django_db
def test_loaddemo_is_refused_outside_demo_mode(settings):
    settings.CAIRN_DEMO = False

    with pytest.raises(CommandError, match="demo mode"):
        call_command("loaddemo", stdout=io.StringIO())

    assert not Organisation.objects.exists()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_a_childs_page_is_not_stored(client_for, practitioner, child):
    response = client_for(practitioner).get(f"/children/{child.pk}/")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_account_and_tokens_page_is_not_stored(client_for, practitioner):
    response = client_for(practitioner).get("/accounts/me/")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_apis_children_are_not_stored(client_for, practitioner, child):
    response = client_for(practitioner).get("/api/v1/children")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
