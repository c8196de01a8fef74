"""Signing in and out, two-factor sign-in, switching organisation, and the account page."""

from __future__ import annotations

from typing import Any

import segno
from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from cairn.accounts import operations, queries
from cairn.accounts.forms import AccessTokenForm, CodeForm, SignInForm, SwitchOrganisationForm
from cairn.accounts.middleware import SESSION_MEMBERSHIP
from cairn.accounts.requests import membership_of, memberships_of
from cairn.audit.operations import Actor

SESSION_NEXT = "cairn_next"
SESSION_ENROLMENT = "cairn_enrolment_device"


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("ui:home")


def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated and queries.has_completed_sign_in(request.user, request):
        return redirect(_safe_next(request, request.GET.get("next")))
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request, username=form.cleaned_data["username"], password=form.cleaned_data["password"]
        )
        if user is None:
            form.add_error(None, _("Enter a correct username and password"))
        else:
            login(request, user)
            request.session[SESSION_NEXT] = _safe_next(request, request.GET.get("next"))
            if queries.has_completed_sign_in(user, request):
                operations.record_sign_in(by=Actor.from_request(request))
                return redirect(request.session.pop(SESSION_NEXT))
            if user_has_device(user):
                return redirect("accounts:two-factor")
            return redirect("accounts:two-factor-set-up")
    return render(
        request,
        "accounts/sign_in.html",
        {
            "form": form,
            "timed_out": request.GET.get("timeout") == "1",
            "timeout_minutes": int(settings.CAIRN_IDLE_TIMEOUT.total_seconds() // 60),
            "demo_accounts": list(queries.demo_accounts()) if settings.CAIRN_DEMO else [],
        },
    )


def locked_out(
    request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any
) -> HttpResponse:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    form = SignInForm(request.POST or None)
    form.is_valid()
    form.add_error(
        None,
        _(
            "You have entered the wrong details too many times. Try again in %(minutes)s minutes, or ask an administrator to unlock your account."
        )
        % {"minutes": minutes},
    )
    return render(request, "accounts/sign_in.html", {"form": form, "demo_accounts": []}, status=429)


def _finish_sign_in(request: HttpRequest, device: TOTPDevice) -> HttpResponse:
    otp_login(request, device)
    operations.record_sign_in(by=Actor.from_request(request))
    return redirect(request.session.pop(SESSION_NEXT, reverse("ui:home")))


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    if not user_has_device(request.user):
        return redirect("accounts:two-factor-set-up")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            return _finish_sign_in(request, device)
        form.add_error(
            "code",
            _("The security code is wrong or has expired. Enter the newest code from your app"),
        )
    return render(request, "accounts/two_factor.html", {"form": form})


@login_required
def two_factor_set_up(request: HttpRequest) -> HttpResponse:
    if user_has_device(request.user) and not request.user.is_verified():  # type: ignore[union-attr]
        return redirect("accounts:two-factor")
    device = TOTPDevice.objects.filter(
        pk=request.session.get(SESSION_ENROLMENT), user=request.user, confirmed=False
    ).first()
    if device is None:
        device = operations.start_totp_enrolment(user=request.user)  # type: ignore[arg-type]
        request.session[SESSION_ENROLMENT] = device.pk
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            operations.confirm_totp_enrolment(by=Actor.from_request(request), device=device)
            request.session.pop(SESSION_ENROLMENT, None)
            return _finish_sign_in(request, device)
        form.add_error(
            "code",
            _("The security code is wrong. Check your app shows Cairn and enter the newest code"),
        )
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "accounts/two_factor_set_up.html",
        {
            "form": form,
            # segno builds the SVG itself from the device's URL; nothing in it comes from input.
            "qr_svg": mark_safe(  # noqa: S308
                qr.svg_inline(scale=5, title=_("QR code for your authenticator app"))
            ),
            "secret": _spaced(device.bin_key),
        },
    )


def _spaced(key: bytes) -> str:
    from base64 import b32encode

    text = b32encode(key).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        operations.record_sign_out(by=Actor.from_request(request))
    logout(request)
    return redirect("accounts:signed-out")


def signed_out(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signed_out.html")


@require_POST
@login_required
def keep_alive(request: HttpRequest) -> HttpResponse:
    return HttpResponse(status=204)


@login_required
def switch_organisation(request: HttpRequest) -> HttpResponse:
    memberships = memberships_of(request)
    current = membership_of(request)
    form = SwitchOrganisationForm(
        request.POST or None,
        memberships=memberships,
        initial={"membership": current.pk if current else None},
    )
    if request.method == "POST" and form.is_valid():
        request.session[SESSION_MEMBERSHIP] = form.cleaned_data["membership"]
        return redirect("ui:home")
    return render(request, "accounts/switch_organisation.html", {"form": form})


@login_required
def account(request: HttpRequest) -> HttpResponse:
    form = AccessTokenForm(request.POST or None)
    new_secret = None
    membership = membership_of(request)
    if request.method == "POST" and membership is not None and form.is_valid():
        _token, new_secret = operations.create_access_token(
            by=Actor.from_request(request),
            membership=membership,
            name=form.cleaned_data["name"],
        )
        form = AccessTokenForm()
    return render(
        request,
        "accounts/account.html",
        {
            "form": form,
            "new_secret": new_secret,
            "tokens": list(queries.tokens_of(request.user)),  # type: ignore[arg-type]
            "has_device": user_has_device(request.user),
        },
    )


@require_POST
@login_required
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(queries.tokens_of(request.user), pk=token_id)  # type: ignore[arg-type]
    operations.revoke_access_token(by=Actor.from_request(request), token=token)
    return redirect("accounts:account")
