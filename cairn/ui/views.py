"""Pages that belong to the service rather than to a child: home, help pages, errors, health."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language

from cairn.accounts.roles import Capability, can


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("accounts:sign-in")
    membership = getattr(request, "membership", None)
    if can(membership, Capability.VIEW_OWN_CHILDREN):
        return redirect("records:my-caseload")
    if can(membership, Capability.MANAGE_ACCOUNTS):
        return redirect("accounts:user-list")
    if can(membership, Capability.USE_GRANTS):
        return redirect("records:shared-with-us")
    if getattr(request.user, "is_service_administrator", False):
        return redirect("accounts:organisation-list")
    return render(request, "ui/no_role.html", status=403)


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def language(request: HttpRequest, code: str) -> HttpResponse:
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = HttpResponseRedirect(target)
    if check_for_language(code) and code in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=365 * 24 * 60 * 60,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite="Lax",
        )
    return response


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "ui/accessibility.html")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "ui/privacy.html")


def cookies(request: HttpRequest) -> HttpResponse:
    return render(request, "ui/cookies.html")


def _error_page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    # The error may have happened before AuthenticationMiddleware ran (a bad Host header is
    # refused in CommonMiddleware): the page, which reads request.user, must still render.
    if not hasattr(request, "user"):
        request.user = AnonymousUser()
    return render(request, template, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, "ui/400.html", 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, "ui/403.html", 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, "ui/404.html", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return _error_page(request, "ui/500.html", 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _error_page(request, "ui/csrf.html", 403)
