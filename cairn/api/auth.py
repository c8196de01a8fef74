"""How API callers prove who they are: the signed-in session (writes need X-CSRFToken) or a
personal access token sent as `Authorization: Bearer ...`. Either way the request ends up
with `request.user` and `request.membership`, as for pages."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import APIKeyCookie, HttpBearer

from cairn.accounts import queries as account_queries
from cairn.accounts.models import AccessToken


class SessionAuth(APIKeyCookie):
    param_name = settings.SESSION_COOKIE_NAME

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = request.user
        if (
            user.is_authenticated
            and account_queries.has_completed_sign_in(user, request)
            and getattr(request, "membership", None)
        ):
            return user
        return None


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        if not token.startswith(AccessToken.PREFIX):
            return None
        found = account_queries.token_by_secret(token)
        if found is None:
            return None
        if found.last_used_at is None or (timezone.now() - found.last_used_at).total_seconds() > 60:
            AccessToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.membership.user
        request.membership = found.membership  # type: ignore[attr-defined]
        return found.membership.user
