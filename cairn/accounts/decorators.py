"""View guards: signed in, and holding a capability in the active organisation."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from cairn.accounts.roles import Capability, can

View = Callable[..., HttpResponse]


def capability_required(capability: Capability) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not can(getattr(request, "membership", None), capability):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
