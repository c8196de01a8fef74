"""What an administrator may administer: their own organisation, or every one for the service.

An organisation's administrator (the administrator role in their active membership) acts only
within that organisation: its details, teams and timescales, and the people whose every role is
held there. Anything else answers 404, as a child of another organisation does. The one
service-wide role is the service administrator (User.is_service_administrator), granted only
on the command line: it adds organisations and sets up anyone's roles.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from cairn.accounts.models import Membership, Organisation, User
from cairn.accounts.requests import membership_of
from cairn.accounts.roles import Capability, can

View = Callable[..., HttpResponse]


def is_service_administrator(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_authenticated and getattr(user, "is_service_administrator", False))


def administered_organisation(request: HttpRequest) -> Organisation | None:
    """The organisation an organisation's administrator manages; None for a service
    administrator (every organisation). Refuses anyone who administers nothing."""
    if is_service_administrator(request):
        return None
    membership = membership_of(request)
    if membership is None or not can(membership, Capability.MANAGE_ACCOUNTS):
        raise PermissionDenied
    return membership.organisation


def administration_required(view: View) -> View:
    """Signed in, and an organisation's administrator or a service administrator."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        administered_organisation(request)
        return view(request, *args, **kwargs)

    return wrapped


def service_administration_required(view: View) -> View:
    """Signed in as a service administrator; an organisation's administrator is refused."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_service_administrator(request):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def organisations(request: HttpRequest) -> QuerySet[Organisation]:
    own = administered_organisation(request)
    found = Organisation.objects.order_by("name")
    return found if own is None else found.filter(pk=own.pk)


def organisation_or_404(request: HttpRequest, organisation_id: int) -> Organisation:
    found = organisations(request).filter(pk=organisation_id).first()
    if found is None:
        raise Http404
    return found


def users(request: HttpRequest) -> QuerySet[User]:
    """People the administrator manages: for an organisation's administrator, those with a role
    (current or ended) in the organisation and none anywhere else."""
    own = administered_organisation(request)
    found = User.objects.prefetch_related("memberships__organisation").order_by("username")
    if own is None:
        return found
    elsewhere = Membership.objects.exclude(organisation=own).values("user_id")
    return found.filter(memberships__organisation=own).exclude(pk__in=elsewhere).distinct()


def user_or_404(request: HttpRequest, user_id: int) -> User:
    found = users(request).filter(pk=user_id).first()
    if found is None:
        raise Http404
    return found
