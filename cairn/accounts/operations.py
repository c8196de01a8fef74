"""Changing accounts: organisations, teams, users, memberships, two-factor devices and tokens.

Every change is written to the audit log by the function that makes it. Administrators manage
organisations and users; each person manages their own tokens and two-factor device.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from cairn.accounts.models import AccessToken, Membership, Organisation, Team, User
from cairn.audit.operations import Actor, record_event


class LastAdministratorError(Exception):
    """The last active administrator cannot lose the role."""


def _changes(obj: Any, data: dict[str, Any]) -> dict[str, list[Any]]:
    changed = {}
    for name, value in data.items():
        old = getattr(obj, name)
        if old != value:
            changed[name] = [str(old), str(value)]
            setattr(obj, name, value)
    return changed


@transaction.atomic
def save_organisation(
    *, by: Actor, organisation: Organisation | None, data: dict[str, Any]
) -> Organisation:
    if organisation is None:
        organisation = Organisation.objects.create(**data)
        record_event(
            by=by,
            event_type="accounts.organisation.created",
            obj=organisation,
            summary=organisation.name,
        )
        return organisation
    if (
        data.get("is_active") is False
        and organisation.is_active
        and _holds_every_administrator(organisation)
    ):
        raise LastAdministratorError
    changes = _changes(organisation, data)
    if changes:
        organisation.save()
        record_event(
            by=by,
            event_type="accounts.organisation.changed",
            obj=organisation,
            summary=organisation.name,
            detail={"changes": changes},
        )
    return organisation


@transaction.atomic
def save_team(
    *, by: Actor, organisation: Organisation, team: Team | None, data: dict[str, Any]
) -> Team:
    if team is None:
        team = Team.objects.create(organisation=organisation, **data)
        record_event(
            by=by,
            event_type="accounts.team.created",
            obj=team,
            summary=f"{team.name}, {organisation.name}",
        )
        return team
    changes = _changes(team, data)
    if changes:
        team.save()
        record_event(
            by=by,
            event_type="accounts.team.changed",
            obj=team,
            summary=team.name,
            detail={"changes": changes},
        )
    return team


@transaction.atomic
def create_user(
    *,
    by: Actor,
    data: dict[str, Any],
    password: str,
    is_demo_account: bool = False,
    organisation: Organisation | None = None,
    role: str = "",
    team: Team | None = None,
) -> User:
    """A new user; with `organisation` and `role`, their role there too, in the same step."""
    user = User(**data, is_demo_account=is_demo_account)
    user.set_password(password)
    user.save()
    record_event(by=by, event_type="accounts.user.created", obj=user, summary=user.username)
    if organisation is not None:
        set_membership(by=by, user=user, organisation=organisation, role=role, team=team)
    return user


@transaction.atomic
def set_service_administrator(*, by: Actor, user: User, on: bool) -> None:
    """Grant or remove the service-wide administrator role (only from the command line)."""
    if user.is_service_administrator == on:
        return
    user.is_service_administrator = on
    user.save(update_fields=["is_service_administrator"])
    record_event(
        by=by,
        event_type="accounts.service_administrator.granted"
        if on
        else "accounts.service_administrator.removed",
        obj=user,
        summary=user.username,
    )


@transaction.atomic
def update_user(*, by: Actor, user: User, data: dict[str, Any]) -> User:
    if data.get("is_active") is False and _is_last_administrator(user):
        raise LastAdministratorError
    changes = _changes(user, data)
    if changes:
        user.save()
        record_event(
            by=by,
            event_type="accounts.user.changed",
            obj=user,
            summary=user.username,
            detail={"changes": changes},
        )
    return user


def _active_administrators() -> QuerySet[Membership]:
    # An administrator whose organisation is inactive has no active membership to act in.
    return Membership.objects.filter(
        role=Membership.Role.ADMINISTRATOR,
        is_active=True,
        user__is_active=True,
        organisation__is_active=True,
    )


def _is_last_administrator(user: User) -> bool:
    admins = _active_administrators()
    return admins.filter(user=user).exists() and not admins.exclude(user=user).exists()


def _holds_every_administrator(organisation: Organisation) -> bool:
    admins = _active_administrators()
    return (
        admins.filter(organisation=organisation).exists()
        and not admins.exclude(organisation=organisation).exists()
    )


@transaction.atomic
def set_membership(
    *, by: Actor, user: User, organisation: Organisation, role: str, team: Team | None = None
) -> Membership:
    """Give the user this role in the organisation, replacing any role they held there."""
    membership, created = Membership.objects.select_for_update().get_or_create(
        user=user, organisation=organisation, defaults={"role": role, "team": team}
    )
    if not created:
        if (
            membership.role == Membership.Role.ADMINISTRATOR
            and role != membership.role
            and _is_last_administrator(user)
        ):
            raise LastAdministratorError
        membership.role, membership.team, membership.is_active = role, team, True
        membership.save()
    record_event(
        by=by,
        event_type="accounts.membership.set",
        obj=membership,
        summary=f"{user.username}: {membership.get_role_display()}, {organisation.name}",
    )
    return membership


@transaction.atomic
def end_membership(*, by: Actor, membership: Membership) -> None:
    if membership.role == Membership.Role.ADMINISTRATOR and _is_last_administrator(membership.user):
        raise LastAdministratorError
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    membership.tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    record_event(
        by=by,
        event_type="accounts.membership.ended",
        obj=membership,
        summary=f"{membership.user.username}, {membership.organisation.name}",
    )


@transaction.atomic
def start_totp_enrolment(*, user: User) -> TOTPDevice:
    """An unconfirmed device whose secret the enrolment page shows as a QR code."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    device: TOTPDevice = TOTPDevice.objects.create(
        user=user, name="Authenticator app", confirmed=False
    )
    return device


@transaction.atomic
def confirm_totp_enrolment(*, by: Actor, device: TOTPDevice) -> None:
    TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    record_event(
        by=by,
        event_type="accounts.two_factor.enrolled",
        obj=device.user,
        summary=device.user.username,
    )


@transaction.atomic
def reset_two_factor(*, by: Actor, user: User) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    record_event(by=by, event_type="accounts.two_factor.reset", obj=user, summary=user.username)


@transaction.atomic
def create_access_token(*, by: Actor, membership: Membership, name: str) -> tuple[AccessToken, str]:
    """A new token and its secret. The secret is shown once and never stored."""
    secret = AccessToken.new_secret()
    token = AccessToken.objects.create(
        membership=membership, name=name, token_hash=AccessToken.hash_secret(secret)
    )
    record_event(
        by=by,
        event_type="accounts.token.created",
        obj=token,
        summary=f"{name} for {membership.organisation.name}",
    )
    return token, secret


@transaction.atomic
def revoke_access_token(*, by: Actor, token: AccessToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record_event(by=by, event_type="accounts.token.revoked", obj=token, summary=token.name)


def record_sign_in(*, by: Actor) -> None:
    record_event(
        by=by, event_type="accounts.user.signed_in", summary=by.user.username if by.user else ""
    )


def record_sign_out(*, by: Actor) -> None:
    record_event(
        by=by, event_type="accounts.user.signed_out", summary=by.user.username if by.user else ""
    )
