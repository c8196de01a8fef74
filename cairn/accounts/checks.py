"""Deployment safety: the public development secret key never signs a real service's sessions."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register
from django.core.exceptions import ImproperlyConfigured


def uses_development_key() -> bool:
    return bool(settings.SECRET_KEY == settings.CAIRN_DEVELOPMENT_SECRET_KEY)


def refuse_insecure_start() -> None:
    """Called as the web server starts (cairn.wsgi): outside local or demo mode, a service
    without its own secret key does not start."""
    if uses_development_key() and not (settings.CAIRN_INSECURE_LOCAL or settings.CAIRN_DEMO):
        raise ImproperlyConfigured(
            "CAIRN_SECRET_KEY is not set: Cairn will not serve with the public development key "
            "outside local or demo mode (CAIRN_INSECURE_LOCAL=1 or CAIRN_DEMO=1)."
        )


@register(Tags.security, deploy=True)
def check_secret_key(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if uses_development_key():
        return [
            Error(
                "SECRET_KEY is the public development key.",
                hint="Set CAIRN_SECRET_KEY to 50 or more random characters.",
                id="cairn.E001",
            )
        ]
    return []
