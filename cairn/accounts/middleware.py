"""Request-wide account state: idle timeout, the two-factor step, and the active membership."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control

from cairn.accounts import queries

SESSION_LAST_SEEN = "cairn_last_seen"
SESSION_MEMBERSHIP = "cairn_membership_id"

# Paths a signed-in but not yet verified user may reach. Only the sign-in steps themselves:
# the rest of /accounts/ (the account page that makes API tokens, administration) needs the code.
_OPEN_PREFIXES = (
    "/static/",
    "/healthz",
    "/language/",
    "/accessibility/",
    "/privacy/",
    "/cookies/",
    "/accounts/sign-in/",
    "/accounts/two-factor/",
    "/accounts/sign-out/",
    "/accounts/signed-out/",
    "/accounts/keep-alive/",
)


def _is_open(path: str) -> bool:
    return path.startswith(_OPEN_PREFIXES)


class IdleTimeoutMiddleware:
    """Signs out a session that has been idle longer than CAIRN_IDLE_TIMEOUT.

    The page's own script warns two minutes before (GOV.UK timeout pattern); without
    JavaScript the person simply meets the sign-in page with an explanation.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and not request.path.startswith("/api/"):
            now = time.time()
            last_seen = request.session.get(SESSION_LAST_SEEN, now)
            if now - last_seen > settings.CAIRN_IDLE_TIMEOUT.total_seconds():
                logout(request)
                return redirect(reverse("accounts:sign-in") + "?timeout=1")
            request.session[SESSION_LAST_SEEN] = now
        return self.get_response(request)


class TwoFactorRequiredMiddleware:
    """Staff must complete two-factor sign-in before reaching anything but the sign-in pages.

    In demo mode, accounts marked as demo accounts skip it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith("/api/")
            and not _is_open(request.path)
            and not queries.has_completed_sign_in(user, request)
        ):
            return redirect("accounts:two-factor")
        return self.get_response(request)


class ActiveMembershipMiddleware:
    """Sets `request.membership`: the organisation and role the user is acting in now."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.membership = None  # type: ignore[attr-defined]
        request.memberships = []  # type: ignore[attr-defined]
        if request.user.is_authenticated:
            memberships = queries.active_memberships(request.user)
            request.memberships = memberships  # type: ignore[attr-defined]
            chosen = request.session.get(SESSION_MEMBERSHIP)
            request.membership = next(  # type: ignore[attr-defined]
                (m for m in memberships if m.pk == chosen), memberships[0] if memberships else None
            )
        return self.get_response(request)


class NoStoreMiddleware:
    """Nothing Cairn serves itself is kept by a browser or a shared cache: its pages, PDFs and
    API answers carry children's records, tokens and two-factor secrets. (Static files are
    served before this, by WhiteNoise, with their own caching.) A response that sets its own
    Cache-Control keeps it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, no_store=True, private=True)
        return response
