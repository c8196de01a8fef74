"""PATCH /api/v1/children/{id}: a change of date of birth based on the personal details'
version as GET returns it; 409 when stale, 422 naming the offences that would fall before the
tenth birthday (issue 10's fixed point)."""

from __future__ import annotations

import datetime as dt

import pytest

from cairn.audit.models import AuditEvent
from cairn.records.models import Child
from cairn.records.tests.factories import add_offence

pytestmark = pytest.mark.django_db

JSON = "application/json"


def patch(client, child: Child, body: dict) -> object:
    return client.patch(f"/api/v1/children/{child.pk}", body, content_type=JSON)


def test_patch_changes_the_date_of_birth_at_the_version_get_returns(
    client_for, practitioner, child
):
    client = client_for(practitioner)
    version = client.get(f"/api/v1/children/{child.pk}").json()["version"]

    response = patch(client, child, {"date_of_birth": "2012-06-01", "version": version})

    assert response.status_code == 200
    assert response.json()["date_of_birth"] == "2012-06-01"
    assert response.json()["version"] == version + 1
    assert Child.objects.get(pk=child.pk).date_of_birth == dt.date(2012, 6, 1)
    assert AuditEvent.objects.filter(
        child_id=child.pk, event_type="records.personal_details.changed"
    ).exists()


def test_patch_from_a_stale_version_is_409_with_the_child_as_saved(client_for, practitioner, child):
    client = client_for(practitioner)
    version = client.get(f"/api/v1/children/{child.pk}").json()["version"]
    patch(client, child, {"date_of_birth": "2012-06-01", "version": version})

    response = patch(client, child, {"date_of_birth": "2012-07-01", "version": version})

    assert response.status_code == 409
    assert response.json()["current"]["date_of_birth"] == "2012-06-01"
    assert response.json()["current"]["version"] == version + 1
    assert Child.objects.get(pk=child.pk).date_of_birth == dt.date(2012, 6, 1)


def test_saving_alerts_does_not_make_the_personal_details_version_stale(
    client_for, practitioner, child
):
    client = client_for(practitioner)
    version = client.get(f"/api/v1/children/{child.pk}").json()["version"]
    client.post(
        f"/children/{child.pk}/alerts/edit/",
        {
            "has_exploitation_concern": "no",
            "exploitation_note": "",
            "has_risk_to_staff": "yes",
            "risk_to_staff_note": "Meet in the office",
            "version": "1",
        },
    )

    response = patch(client, child, {"date_of_birth": "2012-06-01", "version": version})

    assert Child.objects.get(pk=child.pk).has_risk_to_staff
    assert response.status_code == 200


def test_patch_refuses_a_date_of_birth_putting_an_offence_before_the_tenth_birthday(
    client_for, practitioner, child
):
    offence = add_offence(child, offence_date=dt.date(2023, 4, 17), description="Theft of a bike")
    client = client_for(practitioner)
    version = client.get(f"/api/v1/children/{child.pk}").json()["version"]

    response = patch(client, child, {"date_of_birth": "2014-01-01", "version": version})

    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["body", "payload", "date_of_birth"]
    assert "Theft of a bike (17 April 2023)" in error["msg"]
    assert error["ctx"]["offences"] == [
        {"id": offence.pk, "description": "Theft of a bike", "offence_date": "2023-04-17"}
    ]
    assert Child.objects.get(pk=child.pk).date_of_birth == dt.date(2012, 3, 14)


def test_patch_refuses_unknown_fields(client_for, practitioner, child):
    response = patch(
        client_for(practitioner), child, {"date_of_birth": "2012-06-01", "version": 1, "sex": "x"}
    )

    assert response.status_code == 422


def test_patch_by_a_read_only_grant_changes_nothing(client_for, secure_staff, child):
    from cairn.audit.operations import Actor
    from cairn.records import operations

    operations.open_grant(
        by=Actor.system(child.organisation),
        child=child,
        organisation=secure_staff.organisation,
        scope="custody",
        reason="In custody",
    )

    response = patch(client_for(secure_staff), child, {"date_of_birth": "2012-06-01", "version": 1})

    assert response.status_code in {403, 404}
    assert Child.objects.get(pk=child.pk).date_of_birth == dt.date(2012, 3, 14)


def test_patch_is_documented_in_openapi(client):
    document = client.get("/api/v1/openapi.json").json()

    operation = document["paths"]["/api/v1/children/{child_id}"]["patch"]
    assert {"200", "409"} <= set(operation["responses"])
