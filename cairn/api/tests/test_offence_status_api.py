"""Offences in the API: the outcomes that prove nothing, and each offence's `status` (issue 10's
fixed point: a charge with no outcome is `"status": "alleged"`)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

JSON = "application/json"
CHARGE = {
    "offence_date": "2024-05-01",
    "description": "Robbery of a phone",
    "category": "robbery",
    "is_primary": True,
}


def offences(client, child) -> list[dict]:
    return client.get(f"/api/v1/children/{child.pk}/offences").json()["items"]


def test_a_charge_with_no_outcome_is_alleged(client_for, practitioner, child):
    client = client_for(practitioner)

    created = client.post(f"/api/v1/children/{child.pk}/offences", CHARGE, content_type=JSON)

    assert created.status_code == 201
    (offence,) = offences(client, child)
    assert (offence["outcome_type"], offence["status"]) == ("", "alleged")


@pytest.mark.parametrize(
    ("outcome", "status"),
    [
        ("acquitted", "not_proven"),
        ("withdrawn", "not_proven"),
        ("dismissed", "not_proven"),
        ("outcome_21", "diverted"),
        ("outcome_22", "diverted"),
        ("youth_caution", "proven"),
        ("community_resolution", "proven"),
    ],
)
def test_the_new_outcomes_are_accepted_with_their_status(
    client_for, practitioner, child, outcome, status
):
    client = client_for(practitioner)
    body = {**CHARGE, "outcome_type": outcome, "outcome_date": "2024-08-01", "court": "Northshire"}

    created = client.post(f"/api/v1/children/{child.pk}/offences", body, content_type=JSON)

    assert created.status_code == 201, created.content
    (offence,) = offences(client, child)
    assert (offence["outcome_type"], offence["status"]) == (outcome, status)


def test_the_status_and_the_new_outcomes_are_documented(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]

    assert set(schemas["OffenceOut"]["properties"]["status"]["enum"]) == {
        "alleged",
        "proven",
        "not_proven",
        "diverted",
    }
    outcome = str(schemas["OffenceIn"]["properties"]["outcome_type"])
    for code in ("acquitted", "withdrawn", "dismissed", "outcome_21", "outcome_22"):
        assert code in outcome
