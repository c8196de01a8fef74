"""The service's URLs plus views that fail on purpose, to see the error pages end to end."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path

from cairn.urls import urlpatterns as service_urlpatterns


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("Something went wrong on purpose")


def forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def missing(request: HttpRequest) -> HttpResponse:
    raise Http404("Nothing here")


def suspicious(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("Tampered input")


urlpatterns = [
    path("test-errors/500/", boom),
    path("test-errors/403/", forbidden),
    path("test-errors/404/", missing),
    path("test-errors/400/", suspicious),
    *service_urlpatterns,
]

handler400 = "cairn.ui.views.bad_request"
handler403 = "cairn.ui.views.permission_denied"
handler404 = "cairn.ui.views.page_not_found"
handler500 = "cairn.ui.views.server_error"
