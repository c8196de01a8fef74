"""Service pages: health check, help pages, language, home, and the error pages."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory

from cairn.accounts.models import Membership
from cairn.ui import views

pytestmark = pytest.mark.django_db

DESIGN_SYSTEM = [
    'class="govuk-template',
    "govuk-footer",
    'id="main-content"',
    "/static/dist/cairn.css",
]


def assert_designed(html: str) -> None:
    for marker in DESIGN_SYSTEM:
        assert marker in html, marker


# Health check


def test_healthz_answers_ok_as_json(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok"}


def test_healthz_needs_no_sign_in_step(client_for, practitioner):
    client = client_for(practitioner)
    session = client.session
    session.pop("otp_device_id", None)
    session.save()

    assert client.get("/healthz").json() == {"status": "ok"}


# Help pages


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/accessibility/", "Accessibility"), ("/privacy/", "Privacy"), ("/cookies/", "Cookies")],
)
def test_help_pages_are_open_to_anyone(client, path, heading):
    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert_designed(html)
    assert heading in html


def test_pages_are_in_english_by_default(client):
    assert '<html lang="en-GB"' in client.get("/accessibility/").content.decode()


def test_welsh_page_declares_welsh(client):
    client.cookies["cairn_language"] = "cy"

    html = client.get("/accessibility/").content.decode()

    assert '<html lang="cy"' in html
    assert 'hreflang="en"' in html  # the switch back to English


# Language switch


def test_language_switch_sets_the_cookie_and_returns_to_the_page(client):
    response = client.get("/language/cy/?next=/accessibility/")

    assert response.status_code == 302
    assert response["Location"] == "/accessibility/"
    cookie = response.cookies["cairn_language"]
    assert cookie.value == "cy"
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert '<html lang="cy"' in client.get("/accessibility/").content.decode()


def test_language_switch_back_to_english(client):
    client.get("/language/cy/?next=/accessibility/")

    client.get("/language/en-gb/?next=/accessibility/")

    assert '<html lang="en-GB"' in client.get("/accessibility/").content.decode()


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "http://evil.example/accessibility/",
        "/\\evil.example",
        "javascript:alert(1)",
    ],
)
def test_language_switch_refuses_an_off_site_next(client, target):
    response = client.get("/language/cy/", {"next": target})

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_language_switch_without_next_goes_home(client):
    assert client.get("/language/cy/")["Location"] == "/"


def test_unknown_language_sets_no_cookie(client):
    response = client.get("/language/xx/?next=/accessibility/")

    assert response["Location"] == "/accessibility/"
    assert "cairn_language" not in response.cookies


# Home


def test_home_sends_anonymous_visitors_to_sign_in(client):
    assert client.get("/")["Location"] == "/accounts/sign-in/"


def test_home_explains_when_the_user_has_no_role(client_for, practitioner):
    Membership.objects.filter(pk=practitioner.pk).update(is_active=False)

    response = client_for(practitioner).get("/")

    assert response.status_code == 403
    assert_designed(response.content.decode())


# Error pages


@pytest.fixture
def failing_client(settings) -> Client:
    settings.ROOT_URLCONF = "cairn.ui.tests.error_urls"
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("status", "title"),
    [
        (400, ""),
        (403, "You do not have permission to see this page"),
        (404, "Page not found"),
        (500, "Sorry, there is a problem with the service"),
    ],
)
def test_error_pages_render_in_the_design_system(failing_client, status, title):
    response = failing_client.get(f"/test-errors/{status}/")

    html = response.content.decode()
    assert response.status_code == status
    assert_designed(html)
    assert title in html


def test_error_page_for_a_signed_in_user_keeps_the_header(failing_client, practitioner):
    from conftest import sign_in

    sign_in(failing_client, practitioner.user)

    html = failing_client.get("/test-errors/500/").content.decode()

    assert "Northshire Youth Justice Service" in html
    assert "Sign out" in html


def test_disallowed_host_gets_the_designed_bad_request_page():
    response = Client(raise_request_exception=False).get(
        "/accessibility/", HTTP_HOST="evil.example"
    )

    assert response.status_code == 400
    assert_designed(response.content.decode())


def test_unknown_url_gets_the_designed_not_found_page(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert_designed(response.content.decode())
    assert "Page not found" in response.content.decode()


def test_server_error_handler_renders_for_a_bare_request():
    request = RequestFactory().get("/")

    response = views.server_error(request)

    assert response.status_code == 500
    html = response.content.decode()
    assert_designed(html)
    assert "Sorry, there is a problem with the service" in html


def test_server_error_handler_renders_for_an_anonymous_request():
    request = RequestFactory().get("/children/1/")
    request.user = AnonymousUser()

    response = views.server_error(request)

    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


@pytest.mark.parametrize(
    ("handler", "status"),
    [(views.bad_request, 400), (views.permission_denied, 403), (views.page_not_found, 404)],
)
def test_other_error_handlers_render_for_a_bare_request(handler, status):
    response = handler(RequestFactory().get("/"), Exception("x"))

    assert response.status_code == status
    assert_designed(response.content.decode())


def test_expired_form_gets_the_designed_csrf_page(practitioner):
    from conftest import sign_in

    client = sign_in(Client(enforce_csrf_checks=True), practitioner.user)

    response = client.post("/accounts/me/", {"name": "No token"})

    assert response.status_code == 403
    assert "Sorry, this form has expired" in response.content.decode()
    assert_designed(response.content.decode())


def test_a_page_has_one_header_one_footer_and_one_working_csrf_token(practitioner):
    import re

    from conftest import sign_in

    client = sign_in(Client(enforce_csrf_checks=True), practitioner.user)

    html = client.get("/caseload/").content.decode()

    assert html.count('<header class="govuk-template__header">') == 1
    assert html.count('<footer class="govuk-template__footer">') == 1
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
    assert len(tokens) == 1  # the sign-out forms in the header and the timeout warning
    response = client.post("/accounts/sign-out/", {"csrfmiddlewaretoken": tokens.pop()})
    assert response.status_code == 302


# Content Security Policy: the nonce GOV.UK Frontend's inline script needs


@pytest.mark.parametrize("path", ["/accounts/sign-in/", "/accessibility/"])
def test_every_inline_script_carries_the_nonce_the_csp_header_allows(client, path):
    response = client.get(path)

    header = response["Content-Security-Policy"]
    allowed = re.search(r"script-src [^;]*'nonce-([^']+)'", header)
    assert allowed, header
    html = response.content.decode()
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline, "the page has GOV.UK Frontend's inline script"
    for attributes in inline:
        assert f'nonce="{allowed.group(1)}"' in attributes


def test_each_response_has_its_own_nonce(client):
    nonces = {
        re.search(r"'nonce-([^']+)'", client.get("/accessibility/")["Content-Security-Policy"])
        for _ in range(2)
    }

    assert None not in nonces
    assert len({match.group(1) for match in nonces if match}) == 2
