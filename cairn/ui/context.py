"""What every page needs to draw the service header, the footer and the timeout warning."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.functional import SimpleLazyObject


def service(request: HttpRequest) -> dict[str, Any]:
    membership = getattr(request, "membership", None)
    memberships = getattr(request, "memberships", [])
    return {
        "is_demo": settings.CAIRN_DEMO,
        "user": request.user,
        "membership": membership,
        "memberships": memberships,
        "language": translation.get_language() or settings.LANGUAGE_CODE,
        "idle_timeout_seconds": int(settings.CAIRN_IDLE_TIMEOUT.total_seconds()),
        "idle_warning_seconds": int(settings.CAIRN_IDLE_WARNING.total_seconds()),
        # django-csp's nonce is lazy and reads as false until something has read its text, so
        # GOV.UK Frontend's template (`{% if cspNonce %}`) would never print it and the CSP
        # would block its inline script. Reading it here issues it (the header then names it);
        # lazily, so a page with no inline script adds no nonce.
        "csp_nonce": SimpleLazyObject(lambda: str(getattr(request, "csp_nonce", ""))),
        # One token for all the page's forms, worked out when first used, as Django's own
        # template engine does (Jinja's default is a fresh one each time it is printed).
        "csrf_token": SimpleLazyObject(lambda: get_token(request)),
    }
