"""The child's plan in the API: read, write with a version (409 stale with the plan as it is
now, 422 with the field, 423 on an ended stage), record the child's response, the same
operations and audit as the pages, and the same refusals as the pages (404, never 403)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cairn.accounts.models import Membership
from cairn.assessment import operations as assessment_operations
from cairn.assessment.models import Stage
from cairn.assessment.tests.factories import actor, custody_grant, events, start
from cairn.childplan.models import ChildPlan, ChildResponse
from cairn.records.models import Child

pytestmark = pytest.mark.django_db
JSON = "application/json"
PLAN = {
    "what_i_want": "To go to college",
    "what_im_good_at": "Football",
    "what_ill_do": ["Go to training", "Talk to Sam when I'm angry"],
    "who_will_help": [{"who": "Mum", "how": "Comes to meetings"}],
    "how_well_know": "I'm still at college at Easter",
    "language": "en",
}


@pytest.fixture
def stage(child: Child, practitioner: Membership) -> Stage:
    return start(child, actor(practitioner))


@pytest.fixture
def client(client_for, practitioner: Membership) -> Client:
    return client_for(practitioner)


def path(stage: Stage, tail: str = "") -> str:
    return f"/api/v1/stages/{stage.pk}/child-plan{tail}"


def put(client: Client, stage: Stage, body: dict[str, Any]) -> Any:
    return client.put(path(stage), body, content_type=JSON)


def respond(client: Client, stage: Stage, body: dict[str, Any]) -> Any:
    return client.post(path(stage, "/responses"), body, content_type=JSON)


def test_a_stage_without_a_plan_reads_as_not_written_at_version_0(client, stage):
    response = client.get(path(stage))

    assert response.status_code == 200
    body = response.json()
    assert (body["version"], body["status"], body["responses"]) == (0, "not_written", [])
    assert events(stage.child, "records.child.viewed")


def test_write_read_and_the_childs_agreement_round_trip(client, stage):
    saved = put(client, stage, {**PLAN, "version": 0})
    assert saved.status_code == 200, saved.content
    assert (saved.json()["version"], saved.json()["status"]) == (1, "draft")
    assert saved.json()["who_will_help"] == [{"who": "Mum", "how": "Comes to meetings"}]
    assert ChildPlan.objects.get(stage=stage).what_ill_do == PLAN["what_ill_do"]
    assert events(stage.child, "childplan.saved")

    agreed = respond(client, stage, {"response": "agree", "words": "Yes", "plan_version": 1})
    assert agreed.status_code == 201, agreed.content
    assert agreed.json()["responded_on"] == timezone.localdate().isoformat()
    assert events(stage.child, "childplan.response_recorded")
    body = client.get(path(stage)).json()
    assert body["status"] == "agreed"
    assert [r["response"] for r in body["responses"]] == ["agree"]

    changed = put(client, stage, {**PLAN, "what_i_want": "To be a mechanic", "version": 1})
    assert (changed.json()["status"], changed.json()["changed_since_agreed"]) == ("draft", True)


def test_a_stale_version_is_409_with_the_plan_as_it_is(client, stage):
    put(client, stage, {**PLAN, "version": 0})

    stale = put(client, stage, {**PLAN, "what_i_want": "Something else", "version": 0})

    assert stale.status_code == 409
    assert stale.json()["current"]["version"] == 1
    assert stale.json()["current"]["what_i_want"] == "To go to college"
    late = respond(client, stage, {"response": "agree", "plan_version": 2})
    assert late.status_code == 409
    assert not ChildResponse.objects.exists()


def test_invalid_input_is_422_naming_the_field(client, stage):
    too_long = put(client, stage, {**PLAN, "what_i_want": "x" * 500, "version": 0})
    assert too_long.status_code == 422
    assert too_long.json()["detail"][0]["loc"][-1] == "what_i_want"
    assert not ChildPlan.objects.exists()

    no_plan = respond(client, stage, {"response": "agree", "plan_version": 1})
    assert no_plan.status_code == 422
    assert no_plan.json()["detail"][0]["loc"][-1] == "plan_version"
    put(client, stage, {**PLAN, "version": 0})
    unknown = respond(client, stage, {"response": "maybe", "plan_version": 1})
    assert unknown.status_code == 422


def test_an_ended_stage_is_423(client, stage, practitioner):
    put(client, stage, {**PLAN, "version": 0})
    assessment_operations.end_stage(
        by=actor(practitioner), stage=stage, status=Stage.Status.STOPPED, reason="Moved away"
    )

    assert put(client, stage, {**PLAN, "version": 1}).status_code == 423
    assert respond(client, stage, {"response": "agree", "plan_version": 1}).status_code == 423


def test_a_read_only_grant_reads_it_and_gets_404_on_writes_as_from_the_pages(
    client_for, stage, secure_staff, client
):
    put(client, stage, {**PLAN, "version": 0})
    custody_grant(stage.child, secure_staff.organisation)
    reader = client_for(secure_staff)

    assert reader.get(path(stage)).status_code == 200
    assert put(reader, stage, {**PLAN, "version": 1}).status_code == 404
    assert respond(reader, stage, {"response": "agree", "plan_version": 1}).status_code == 404
    # The same refusals from the pages.
    assert reader.get(reverse("childplan:change", args=[stage.pk])).status_code == 404
    assert reader.get(reverse("childplan:respond", args=[stage.pk])).status_code == 404
    assert ChildPlan.objects.get(stage=stage).version == 1


def test_another_organisation_gets_404(client_for, stage, other_practitioner):
    outsider = client_for(other_practitioner)

    assert outsider.get(path(stage)).status_code == 404
    assert put(outsider, stage, {**PLAN, "version": 0}).status_code == 404


def test_the_routes_are_documented_with_their_schemas(client):
    spec = client.get("/api/v1/openapi.json").json()
    plan = spec["paths"]["/api/v1/stages/{stage_id}/child-plan"]
    assert {"get", "put"} <= set(plan)
    assert {"200", "409", "423"} <= set(plan["put"]["responses"])
    responses = spec["paths"]["/api/v1/stages/{stage_id}/child-plan/responses"]["post"]
    assert {"201", "409", "423"} <= set(responses["responses"])
    assert "ChildPlanOut" in spec["components"]["schemas"]
