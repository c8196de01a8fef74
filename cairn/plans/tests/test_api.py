"""The plan routes of the API: a round trip through targets, actions and progress; 409 on a
stale version with the current one, 422 with the field, 423 on an ended stage; who may read
and who may write."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from cairn.assessment import operations as assessment_operations
from cairn.assessment.models import Stage
from cairn.assessment.tests.factories import actor, events, start
from cairn.audit.operations import Actor
from cairn.plans.models import Target
from cairn.plans.tests.arrange import AGAINST, FULL, add_concern, add_target, with_factors
from cairn.records import operations as record_operations
from cairn.records.models import Grant

pytestmark = pytest.mark.django_db

TARGET = {
    "objective": "Spend more evenings at football.",
    "goal_in_childs_words": "Play for the under-18s.",
    "factor": AGAINST,
}
ACTION = {"what": "Call the coach.", "who": "agency", "agency_name": "Larch Park FC"}


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


@pytest.fixture
def stage(child, pat) -> Stage:
    return with_factors(start(child, pat, FULL), pat)


@pytest.fixture
def client(client_for, practitioner) -> Client:
    return client_for(practitioner)


def base(stage: Stage) -> str:
    return f"/api/v1/stages/{stage.pk}/plan"


def post(client: Client, path: str, body: dict[str, Any]) -> Any:
    return client.post(path, body, content_type="application/json")


def put(client: Client, path: str, body: dict[str, Any]) -> Any:
    return client.put(path, body, content_type="application/json")


def test_a_round_trip_through_the_plan(client, stage):
    made = post(client, f"{base(stage)}/targets", TARGET)
    assert made.status_code == 201, made.content
    target = made.json()
    assert target["because"] == [f"Desistance factor against: {AGAINST}"]
    assert target["factor_direction"] == "against"
    assert target["version"] == 1

    action = post(client, f"{base(stage)}/targets/{target['id']}/actions", ACTION)
    assert action.status_code == 201
    assert action.json()["agency_name"] == "Larch Park FC"
    note = post(client, f"{base(stage)}/targets/{target['id']}/progress", {"text": "Went."})
    assert note.status_code == 201
    assert note.json()["by"] == "Pat Tester"

    changed = put(
        client,
        f"{base(stage)}/targets/{target['id']}",
        {**TARGET, "status": "in_progress", "version": 1},
    )
    assert changed.status_code == 200
    assert changed.json()["version"] == 2
    moved = put(
        client,
        f"{base(stage)}/targets/{target['id']}/actions/{action.json()['id']}",
        {**ACTION, "status": "done", "version": 1},
    )
    assert moved.status_code == 200
    assert moved.json()["status"] == "done"

    plan = client.get(base(stage)).json()
    [read] = plan["targets"]
    assert read["status"] == "in_progress"
    assert [a["status"] for a in read["actions"]] == ["done"]
    assert [n["text"] for n in read["progress"]] == ["Went."]
    assert events(stage.child, "records.child.viewed")[-1].detail == {"page": "api plan"}


def test_a_stale_version_is_refused_with_the_current_one(client, stage, pat):
    target = add_target(stage, pat)
    path = f"{base(stage)}/targets/{target.pk}"
    assert put(client, path, {**TARGET, "version": 1}).status_code == 200

    stale = put(client, path, {**TARGET, "status": "achieved", "version": 1})
    assert stale.status_code == 409
    assert stale.json()["current"]["version"] == 2
    assert stale.json()["current"]["status"] == "not_started"
    target.refresh_from_db()
    assert target.status == "not_started"

    action = post(client, f"{path}/actions", ACTION).json()
    put(client, f"{path}/actions/{action['id']}", {**ACTION, "version": 1})
    again = put(client, f"{path}/actions/{action['id']}", {**ACTION, "version": 1})
    assert again.status_code == 409
    assert again.json()["current"]["version"] == 2


def test_field_errors_are_422_with_the_field(client, stage, make_child, northshire, pat):
    nothing = post(client, f"{base(stage)}/targets", {**TARGET, "factor": ""})
    assert nothing.status_code == 422
    assert nothing.json()["detail"][0]["loc"][-1] == "link"
    other = add_concern(start(make_child(northshire, "Ada", "Okafor"), pat, FULL), pat)
    elsewhere = post(client, f"{base(stage)}/targets", {**TARGET, "concern_id": other.pk})
    assert elsewhere.status_code == 422
    assert elsewhere.json()["detail"][0]["loc"][-1] == "concern"
    target = add_target(stage, pat)
    agency = post(
        client, f"{base(stage)}/targets/{target.pk}/actions", {**ACTION, "agency_name": ""}
    )
    assert agency.status_code == 422
    assert agency.json()["detail"][0]["msg"] == "Enter the name of the agency"
    assert Target.objects.count() == 1


def test_an_ended_stage_is_locked(client, stage, pat):
    target = add_target(stage, pat)
    assessment_operations.end_stage(by=pat, stage=stage, status=Stage.Status.STOPPED, reason="x")
    responses = [
        post(client, f"{base(stage)}/targets", TARGET),
        put(client, f"{base(stage)}/targets/{target.pk}", {**TARGET, "version": 1}),
        post(client, f"{base(stage)}/targets/{target.pk}/actions", ACTION),
        post(client, f"{base(stage)}/targets/{target.pk}/progress", {"text": "x"}),
    ]
    assert [response.status_code for response in responses] == [423] * 4
    assert "stopped" in responses[0].json()["detail"]
    assert client.get(base(stage)).status_code == 200


def test_another_organisation_and_a_reader_get_404_on_writes(
    client_for, other_practitioner, secure_staff, stage, pat, northshire
):
    target = add_target(stage, pat)
    outsider = client_for(other_practitioner)
    assert outsider.get(base(stage)).status_code == 404
    assert post(outsider, f"{base(stage)}/targets", TARGET).status_code == 404

    record_operations.open_grant(
        by=Actor.system(northshire),
        child=stage.child,
        organisation=secure_staff.organisation,
        scope=Grant.Scope.CUSTODY,
        reason="Remanded",
    )
    reader = client_for(secure_staff)
    assert reader.get(base(stage)).status_code == 200
    assert post(reader, f"{base(stage)}/targets", TARGET).status_code == 404
    assert (
        post(reader, f"{base(stage)}/targets/{target.pk}/progress", {"text": "x"}).status_code
        == 404
    )
    assert Target.objects.count() == 1


def test_an_unknown_target_is_404(client, stage):
    assert post(client, f"{base(stage)}/targets/999999/actions", ACTION).status_code == 404
    assert put(client, f"{base(stage)}/targets/999999", {**TARGET, "version": 1}).status_code == 404
