"""The HTTP API: authentication, what each caller sees, validation, and the documented shape."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from cairn.accounts import operations as account_operations
from cairn.accounts.models import AccessToken, Membership
from cairn.audit.operations import Actor
from cairn.records import operations as record_operations
from cairn.records.models import Child, Grant, LifeEvent, Offence
from conftest import sign_in

pytestmark = pytest.mark.django_db

JSON = "application/json"
NEW_CHILD = {
    "given_name": "Ada",
    "family_name": "Okafor",
    "date_of_birth": "2011-06-01",
    "sex": "female",
}
NEW_OFFENCE = {
    "offence_date": "2024-05-01",
    "description": "Theft of a bicycle",
    "category": "theft",
    "is_primary": True,
    "outcome_type": "youth_caution",
    "outcome_date": "2024-06-01",
}
NEW_LIFE_EVENT = {
    "date": "2023-01-01",
    "event_type": "moved_home",
    "description": "Moved to Northtown",
}


def bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def token_for(membership: Membership, name: str = "Script") -> str:
    _token, secret = account_operations.create_access_token(
        by=Actor.system(), membership=membership, name=name
    )
    return secret


def field_errors(response) -> dict[str, str]:
    """Each field at fault and its messages. Locations read ["body", "payload", field, ...]."""
    errors: dict[str, str] = {}
    for error in response.json()["detail"]:
        assert error["loc"][:2] == ["body", "payload"], error
        errors[error["loc"][2]] = " ".join(
            filter(None, [errors.get(error["loc"][2]), error["msg"]])
        )
    return errors


def grant(child: Child, membership: Membership, scope: str) -> Grant:
    return record_operations.open_grant(
        by=Actor.system(child.organisation),
        child=child,
        organisation=membership.organisation,
        scope=scope,
        reason="Test",
    )


# Service endpoints


def test_healthz_answers_ok_as_json(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"status": "ok"}


def test_openapi_document_lists_every_path_and_both_ways_to_authenticate(client):
    response = client.get("/api/v1/openapi.json")

    document = response.json()
    assert response.status_code == 200
    assert document["info"]["title"] == "Cairn API"
    paths = document["paths"]
    assert set(paths) >= {
        "/api/v1/children",
        "/api/v1/children/{child_id}",
        "/api/v1/children/{child_id}/offences",
        "/api/v1/children/{child_id}/life-events",
    }
    assert set(paths["/api/v1/children"]) == {"get", "post"}
    assert "201" in paths["/api/v1/children/{child_id}/offences"]["post"]["responses"]
    schemes = document["components"]["securitySchemes"]
    assert {scheme["type"] for scheme in schemes.values()} == {"http", "apiKey"}


def test_api_documentation_page_renders(client):
    assert client.get("/api/v1/docs").status_code == 200


# Authentication


def test_anonymous_callers_are_unauthorised_on_every_route(client, child):
    for method, path in [
        ("get", "/api/v1/children"),
        ("post", "/api/v1/children"),
        ("get", f"/api/v1/children/{child.pk}"),
        ("get", f"/api/v1/children/{child.pk}/offences"),
        ("post", f"/api/v1/children/{child.pk}/offences"),
        ("get", f"/api/v1/children/{child.pk}/life-events"),
        ("post", f"/api/v1/children/{child.pk}/life-events"),
    ]:
        response = getattr(client, method)(
            path,
            {} if method == "get" else NEW_CHILD,
            **({} if method == "get" else {"content_type": JSON}),
        )
        assert response.status_code == 401, (method, path)


@pytest.fixture
def csrf_client(practitioner) -> Client:
    """A signed-in browser session that enforces CSRF, as a real browser would meet it."""
    client = sign_in(Client(enforce_csrf_checks=True), practitioner.user)
    client.get("/accounts/me/")  # sets the csrftoken cookie
    return client


def test_session_reads_need_no_csrf_token(csrf_client):
    assert csrf_client.get("/api/v1/children").status_code == 200


def test_session_write_without_csrf_header_is_refused(csrf_client):
    response = csrf_client.post("/api/v1/children", NEW_CHILD, content_type=JSON)

    assert response.status_code == 403
    assert not Child.objects.filter(given_name="Ada").exists()


def test_session_write_with_a_wrong_csrf_header_is_refused(csrf_client):
    response = csrf_client.post(
        "/api/v1/children", NEW_CHILD, content_type=JSON, HTTP_X_CSRFTOKEN="x" * 32
    )

    assert response.status_code == 403


def test_session_write_with_csrf_header_works(csrf_client):
    token = csrf_client.cookies["csrftoken"].value

    response = csrf_client.post(
        "/api/v1/children", NEW_CHILD, content_type=JSON, HTTP_X_CSRFTOKEN=token
    )

    assert response.status_code == 201
    assert Child.objects.filter(pk=response.json()["id"], given_name="Ada").exists()


def test_token_writes_need_no_csrf_token(practitioner):
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        "/api/v1/children", NEW_CHILD, content_type=JSON, **bearer(token_for(practitioner))
    )

    assert response.status_code == 201


def test_token_created_on_the_account_page_works_until_revoked(client_for, practitioner, child):
    page = client_for(practitioner)
    html = page.post("/accounts/me/", {"name": "Reporting"}).content.decode()
    secret = re.search(r'id="new-token">(cairn_[A-Za-z0-9_-]+)<', html).group(1)
    api = Client()

    assert api.get(f"/api/v1/children/{child.pk}", **bearer(secret)).status_code == 200

    token = AccessToken.objects.get()
    page.post(f"/accounts/me/tokens/{token.pk}/revoke/")

    assert api.get(f"/api/v1/children/{child.pk}", **bearer(secret)).status_code == 401
    assert api.get("/api/v1/children", **bearer(secret)).status_code == 401


@pytest.mark.parametrize("secret", ["cairn_not-a-real-token", "not-even-the-prefix", ""])
def test_unknown_tokens_are_unauthorised(client, practitioner, secret):
    token_for(practitioner)

    assert client.get("/api/v1/children", **bearer(secret)).status_code == 401


def test_token_acts_in_its_own_organisation(
    client, practitioner, southmoor, make_child, northshire
):
    south = Membership.objects.create(
        user=practitioner.user, organisation=southmoor, role=Membership.Role.PRACTITIONER
    )
    make_child(northshire, "Nell", "North")
    make_child(southmoor, "Sol", "South")
    headers = bearer(token_for(south))

    listed = client.get("/api/v1/children", **headers).json()
    created = client.post("/api/v1/children", NEW_CHILD, content_type=JSON, **headers)

    assert [item["given_name"] for item in listed["items"]] == ["Sol"]
    assert listed["items"][0]["organisation"] == "Southmoor Youth Justice Service"
    assert Child.objects.get(pk=created.json()["id"]).organisation == southmoor


def test_token_of_an_ended_membership_stops_working(client, practitioner, administrator):
    secret = token_for(practitioner)
    assert client.get("/api/v1/children", **bearer(secret)).status_code == 200

    account_operations.end_membership(by=Actor.system(), membership=practitioner)

    assert client.get("/api/v1/children", **bearer(secret)).status_code == 401


def test_token_of_a_membership_made_inactive_stops_working_even_if_not_revoked(
    client, practitioner
):
    secret = token_for(practitioner)

    Membership.objects.filter(pk=practitioner.pk).update(is_active=False)

    assert client.get("/api/v1/children", **bearer(secret)).status_code == 401


def test_token_of_a_deactivated_user_or_organisation_stops_working(
    client, practitioner, northshire
):
    secret = token_for(practitioner)
    northshire.is_active = False
    northshire.save()
    assert client.get("/api/v1/children", **bearer(secret)).status_code == 401

    northshire.is_active = True
    northshire.save()
    practitioner.user.is_active = False
    practitioner.user.save()
    assert client.get("/api/v1/children", **bearer(secret)).status_code == 401


def test_token_use_is_noted(client, practitioner):
    secret = token_for(practitioner)

    client.get("/api/v1/children", **bearer(secret))

    assert AccessToken.objects.get().last_used_at is not None


# What each caller sees


def test_list_shows_only_children_the_caller_may_see(
    client_for, practitioner, child, make_child, southmoor
):
    make_child(southmoor, "Sol", "South")

    response = client_for(practitioner).get("/api/v1/children")

    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 1
    assert [item["id"] for item in body["items"]] == [child.pk]


def test_list_shows_granted_children_to_the_secure_estate(
    client_for, secure_staff, child, make_child, northshire
):
    make_child(northshire, "Nell", "North")
    grant(child, secure_staff, Grant.Scope.CUSTODY)

    body = client_for(secure_staff).get("/api/v1/children").json()

    assert body["count"] == 1
    assert body["items"][0]["id"] == child.pk
    assert body["items"][0]["organisation"] == "Northshire Youth Justice Service"


def test_list_no_longer_shows_a_child_when_the_grant_is_revoked(client_for, secure_staff, child):
    given = grant(child, secure_staff, Grant.Scope.CUSTODY)
    client = client_for(secure_staff)
    assert client.get("/api/v1/children").json()["count"] == 1

    Grant.objects.filter(pk=given.pk).update(revoked_at=timezone.now())

    assert client.get("/api/v1/children").json()["count"] == 0
    assert client.get(f"/api/v1/children/{child.pk}").status_code == 404


def test_expired_grant_gives_nothing(client_for, secure_staff, child):
    Grant.objects.create(
        child=child,
        organisation=secure_staff.organisation,
        scope=Grant.Scope.CUSTODY,
        reason="Old",
        valid_from=timezone.now() - dt.timedelta(days=30),
        valid_until=timezone.now() - dt.timedelta(days=1),
    )

    assert client_for(secure_staff).get(f"/api/v1/children/{child.pk}").status_code == 404


def test_list_is_paginated_with_limit_and_offset(client_for, practitioner, northshire, make_child):
    for given, family in [("Cara", "Adams"), ("Bea", "Baker"), ("Dan", "Clarke")]:
        make_child(northshire, given, family)
    client = client_for(practitioner)

    first = client.get("/api/v1/children?limit=2").json()
    rest = client.get("/api/v1/children?limit=2&offset=2").json()

    assert first["count"] == rest["count"] == 3
    assert [item["family_name"] for item in first["items"]] == ["Adams", "Baker"]
    assert [item["family_name"] for item in rest["items"]] == ["Clarke"]


def test_bad_pagination_parameters_are_refused(client_for, practitioner):
    assert client_for(practitioner).get("/api/v1/children?limit=lots").status_code == 422


def test_child_detail_for_its_own_organisation_has_the_full_record(client_for, practitioner, child):
    body = client_for(practitioner).get(f"/api/v1/children/{child.pk}").json()

    assert body["id"] == child.pk
    assert body["given_name"] == "Kai"
    assert body["date_of_birth"] == "2012-03-14"
    assert body["organisation"] == "Northshire Youth Justice Service"
    assert body["access"] == "edit"
    assert body["pnc_number"] == ""
    assert body["version"] == 1


def test_child_detail_through_a_summary_grant_withholds_the_record(
    client_for, partner_viewer, child
):
    Child.objects.filter(pk=child.pk).update(
        social_worker_name="Sam Social", bail_conditions="Curfew"
    )
    grant(child, partner_viewer, Grant.Scope.SUMMARY)

    body = client_for(partner_viewer).get(f"/api/v1/children/{child.pk}").json()

    assert body["access"] == "summary"
    assert body["given_name"] == "Kai"
    assert body["social_worker_name"] is None
    assert body["bail_conditions"] is None
    assert body["pnc_number"] is None


def test_summary_grant_does_not_open_offences_or_life_events(client_for, partner_viewer, child):
    grant(child, partner_viewer, Grant.Scope.SUMMARY)
    client = client_for(partner_viewer)

    assert client.get(f"/api/v1/children/{child.pk}/offences").status_code == 404
    assert client.get(f"/api/v1/children/{child.pk}/life-events").status_code == 404


def test_child_detail_through_a_custody_grant_is_read_only(client_for, secure_staff, child):
    grant(child, secure_staff, Grant.Scope.CUSTODY)

    assert client_for(secure_staff).get(f"/api/v1/children/{child.pk}").json()["access"] == "read"


# Another organisation's child is not found, on every route


def _routes(child_id: int) -> list[tuple[str, str, dict]]:
    return [
        ("get", f"/api/v1/children/{child_id}", {}),
        ("get", f"/api/v1/children/{child_id}/offences", {}),
        ("post", f"/api/v1/children/{child_id}/offences", NEW_OFFENCE),
        ("get", f"/api/v1/children/{child_id}/life-events", {}),
        ("post", f"/api/v1/children/{child_id}/life-events", NEW_LIFE_EVENT),
    ]


@pytest.mark.parametrize("route", range(5))
def test_another_organisations_child_is_not_found_like_a_missing_one(
    client_for, other_practitioner, child, route
):
    client = client_for(other_practitioner)
    method, path, payload = _routes(child.pk)[route]
    _method, missing_path, _payload = _routes(child.pk + 1000)[route]

    hidden = (
        getattr(client, method)(path, payload, content_type=JSON)
        if method == "post"
        else client.get(path)
    )
    missing = (
        getattr(client, method)(missing_path, payload, content_type=JSON)
        if method == "post"
        else client.get(missing_path)
    )

    assert hidden.status_code == 404
    assert hidden.json() == missing.json()
    assert not Offence.objects.exists()
    assert not LifeEvent.objects.exists()


@pytest.mark.parametrize("route", range(5))
def test_another_organisations_child_is_not_found_with_a_token_either(
    client, other_practitioner, child, route
):
    method, path, payload = _routes(child.pk)[route]
    headers = bearer(token_for(other_practitioner))

    response = (
        client.post(path, payload, content_type=JSON, **headers)
        if method == "post"
        else client.get(path, **headers)
    )

    assert response.status_code == 404


def test_huge_child_id_is_not_found(client_for, practitioner):
    assert (
        client_for(practitioner).get("/api/v1/children/99999999999999999999999").status_code == 404
    )


# Writing


def test_create_child_returns_201_with_its_id(client_for, practitioner):
    response = client_for(practitioner).post("/api/v1/children", NEW_CHILD, content_type=JSON)

    body = response.json()
    child = Child.objects.get(pk=body["id"])
    assert response.status_code == 201
    assert body["local_id"] == child.local_id
    assert body["likely_duplicates"] == []
    assert (child.organisation, child.case_worker, child.team) == (
        practitioner.organisation,
        practitioner.user,
        practitioner.team,
    )


def test_create_child_names_likely_duplicates(client_for, practitioner, child):
    payload = {
        "given_name": "kai",
        "family_name": "BRENNAN",
        "date_of_birth": "2012-03-14",
        "sex": "male",
    }

    response = client_for(practitioner).post("/api/v1/children", payload, content_type=JSON)

    assert response.status_code == 201
    assert response.json()["likely_duplicates"] == [child.pk]


@pytest.mark.parametrize(
    "membership", ["secure_staff", "placements_officer", "partner_viewer", "administrator"]
)
def test_roles_that_cannot_add_children_are_forbidden(client_for, request, membership):
    response = client_for(request.getfixturevalue(membership)).post(
        "/api/v1/children", NEW_CHILD, content_type=JSON
    )

    assert response.status_code == 403
    assert not Child.objects.exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"date_of_birth": "2099-01-01"}, "date_of_birth", "Date of birth must be in the past"),
        ({"date_of_birth": "1950-01-01"}, "date_of_birth", "Date of birth must be no more than"),
        ({"sex": "unknown"}, "sex", "Input should be 'male' or 'female'"),
        ({"given_name": ""}, "given_name", "at least 1 character"),
        ({"date_of_birth": "14/03/2012"}, "date_of_birth", "date"),
        ({"pnc_number": "not a pnc"}, "pnc_number", ""),
    ],
)
def test_invalid_child_is_refused_with_field_errors(
    client_for, practitioner, change, field, message
):
    response = client_for(practitioner).post(
        "/api/v1/children", {**NEW_CHILD, **change}, content_type=JSON
    )

    assert response.status_code == 422
    errors = field_errors(response)
    assert field in errors
    assert message in errors[field]
    assert not Child.objects.exists()


def test_missing_child_fields_are_each_named(client_for, practitioner):
    response = client_for(practitioner).post(
        "/api/v1/children", {"given_name": "Ada"}, content_type=JSON
    )

    assert response.status_code == 422
    assert set(field_errors(response)) == {"family_name", "date_of_birth", "sex"}


def test_duplicate_local_id_is_refused(client_for, practitioner, child):
    response = client_for(practitioner).post(
        "/api/v1/children", {**NEW_CHILD, "local_id": child.local_id}, content_type=JSON
    )

    assert response.status_code == 422
    assert "local_id" in field_errors(response)


@pytest.mark.parametrize("body", ["{not json", "", "[1, 2", "null", "[]", '"text"'])
def test_malformed_body_is_a_client_error(client_for, practitioner, child, body):
    client = client_for(practitioner)

    for path in [
        "/api/v1/children",
        f"/api/v1/children/{child.pk}/offences",
        f"/api/v1/children/{child.pk}/life-events",
    ]:
        response = client.post(path, body, content_type=JSON)
        assert 400 <= response.status_code < 500, (path, response.status_code)


def test_form_encoded_body_is_a_client_error(client_for, practitioner):
    response = client_for(practitioner).post(
        "/api/v1/children", "given_name=Ada", content_type="application/x-www-form-urlencoded"
    )

    assert 400 <= response.status_code < 500


def test_offences_are_added_and_listed(client_for, practitioner, child):
    client = client_for(practitioner)

    created = client.post(f"/api/v1/children/{child.pk}/offences", NEW_OFFENCE, content_type=JSON)
    listed = client.get(f"/api/v1/children/{child.pk}/offences").json()

    assert created.status_code == 201
    offence = Offence.objects.get(pk=created.json()["id"])
    assert (offence.child, offence.category, offence.is_primary, offence.outcome_type) == (
        child,
        "theft",
        True,
        "youth_caution",
    )
    assert listed["count"] == 1
    item = listed["items"][0]
    assert {key: item[key] for key in NEW_OFFENCE} == NEW_OFFENCE


def test_offence_without_outcome_is_accepted(client_for, practitioner, child):
    payload = {
        "offence_date": "2024-05-01",
        "description": "Criminal damage",
        "category": "criminal_damage",
    }

    response = client_for(practitioner).post(
        f"/api/v1/children/{child.pk}/offences", payload, content_type=JSON
    )

    assert response.status_code == 201
    assert Offence.objects.get().outcome_type == ""


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"offence_date": "2021-01-01", "outcome_date": None, "outcome_type": None},
            "offence_date",
            "tenth birthday",
        ),
        ({"offence_date": "2099-01-01"}, "offence_date", "today or in the past"),
        ({"category": "jaywalking"}, "category", "Input should be"),
        ({"outcome_type": "hanging"}, "outcome_type", "Input should be"),
        ({"outcome_date": None}, "outcome_date", "Enter the date of the outcome"),
        ({"outcome_date": "2024-04-01"}, "outcome_date", "same as or after the offence date"),
        ({"outcome_type": "referral_order"}, "court", "Enter the court"),
        ({"description": ""}, "description", "at least 1 character"),
    ],
)
def test_invalid_offence_is_refused_with_field_errors(
    client_for, practitioner, child, change, field, message
):
    response = client_for(practitioner).post(
        f"/api/v1/children/{child.pk}/offences", {**NEW_OFFENCE, **change}, content_type=JSON
    )

    assert response.status_code == 422
    errors = field_errors(response)
    assert field in errors
    assert message in errors[field]
    assert not Offence.objects.exists()


def test_missing_offence_fields_are_each_named(client_for, practitioner, child):
    response = client_for(practitioner).post(
        f"/api/v1/children/{child.pk}/offences", {}, content_type=JSON
    )

    assert response.status_code == 422
    assert set(field_errors(response)) == {"offence_date", "description", "category"}


def test_life_events_are_added_and_listed(client_for, practitioner, child):
    client = client_for(practitioner)

    created = client.post(
        f"/api/v1/children/{child.pk}/life-events", NEW_LIFE_EVENT, content_type=JSON
    )
    listed = client.get(f"/api/v1/children/{child.pk}/life-events").json()

    assert created.status_code == 201
    assert LifeEvent.objects.get(pk=created.json()["id"]).child == child
    assert listed["count"] == 1
    assert {key: listed["items"][0][key] for key in NEW_LIFE_EVENT} == NEW_LIFE_EVENT


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"date": "2099-01-01"}, "date"),
        ({"date": "2010-01-01"}, "date"),  # before the child was born
        ({"event_type": "abduction_by_aliens"}, "event_type"),
        ({"description": ""}, "description"),
    ],
)
def test_invalid_life_event_is_refused_with_field_errors(
    client_for, practitioner, child, change, field
):
    response = client_for(practitioner).post(
        f"/api/v1/children/{child.pk}/life-events", {**NEW_LIFE_EVENT, **change}, content_type=JSON
    )

    assert response.status_code == 422
    assert field in field_errors(response)
    assert not LifeEvent.objects.exists()


@pytest.mark.parametrize(
    ("membership", "scope"),
    [
        ("secure_staff", Grant.Scope.CUSTODY),
        ("placements_officer", Grant.Scope.PLACEMENT),
        ("partner_viewer", Grant.Scope.SUMMARY),
    ],
)
def test_read_only_grant_holders_get_the_pages_404_on_writes(
    client_for, request, child, membership, scope
):
    holder = request.getfixturevalue(membership)
    grant(child, holder, scope)
    client = client_for(holder)

    offence = client.post(f"/api/v1/children/{child.pk}/offences", NEW_OFFENCE, content_type=JSON)
    event = client.post(
        f"/api/v1/children/{child.pk}/life-events", NEW_LIFE_EVENT, content_type=JSON
    )

    assert (offence.status_code, event.status_code) == (404, 404)
    assert not Offence.objects.exists()
    assert not LifeEvent.objects.exists()


def test_transfer_grant_holder_may_write(client_for, make_member, southmoor, child):
    receiving = make_member("rae.receiving", southmoor, Membership.Role.PRACTITIONER)
    grant(child, receiving, Grant.Scope.TRANSFER)

    response = client_for(receiving).post(
        f"/api/v1/children/{child.pk}/offences", NEW_OFFENCE, content_type=JSON
    )

    assert response.status_code == 201
