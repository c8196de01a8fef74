"""Reading accounts: memberships, organisations and users, as the acting user may see them."""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest

from cairn.accounts.models import AccessToken, Membership, Organisation, Team, User


def active_memberships(user: User) -> list[Membership]:
    return list(
        Membership.objects.filter(user=user, is_active=True, organisation__is_active=True)
        .select_related("organisation", "team")
        .order_by("organisation__name")
    )


def has_completed_sign_in(user: User, request: HttpRequest) -> bool:
    if settings.CAIRN_DEMO and user.is_demo_account:
        return True
    # OTPMiddleware gives request.user `is_verified`; the user that authenticate() has just
    # returned has not given a code yet, and has no such method.
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified is not None and is_verified())


def organisations() -> QuerySet[Organisation]:
    return Organisation.objects.order_by("name")


def teams_of(organisation: Organisation) -> QuerySet[Team]:
    return Team.objects.filter(organisation=organisation).order_by("name")


def users() -> QuerySet[User]:
    return User.objects.prefetch_related("memberships__organisation").order_by("username")


def staff_of(organisation: Organisation) -> QuerySet[User]:
    return (
        User.objects.filter(
            memberships__organisation=organisation,
            memberships__is_active=True,
            is_active=True,
        )
        .distinct()
        .order_by("first_name", "last_name")
    )


def tokens_of(user: User) -> QuerySet[AccessToken]:
    return (
        AccessToken.objects.filter(membership__user=user)
        .select_related("membership__organisation")
        .order_by("-created_at")
    )


def token_by_secret(secret: str) -> AccessToken | None:
    return (
        AccessToken.objects.filter(
            token_hash=AccessToken.hash_secret(secret),
            revoked_at__isnull=True,
            membership__is_active=True,
            membership__user__is_active=True,
            membership__organisation__is_active=True,
        )
        .select_related("membership__user", "membership__organisation")
        .first()
    )


def demo_accounts() -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user__is_demo_account=True, user__is_active=True)
        .select_related("user", "organisation")
        .order_by("user__username")
    )
