"""Typed access to what the account middleware puts on each request."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from cairn.accounts.models import Membership


def membership_of(request: HttpRequest) -> Membership | None:
    """The membership (organisation and role) the person is acting in, if any."""
    membership: Membership | None = getattr(request, "membership", None)
    return membership


def memberships_of(request: HttpRequest) -> list[Membership]:
    memberships: list[Membership] = getattr(request, "memberships", [])
    return memberships


def acting_membership(request: HttpRequest) -> Membership:
    """The membership of a view that has already checked a capability; refuse if there is none."""
    membership = membership_of(request)
    if membership is None:
        raise PermissionDenied
    return membership
