"""The countersigning API: request, decide (403 for own work or without the role, 409 when not
awaiting), read; after sign-off the stage's answers and judgements answer 423."""

from __future__ import annotations

import pytest

from cairn.assessment.tests import factories
from cairn.quality.models import SignoffRequest

pytestmark = pytest.mark.django_db
Status = SignoffRequest.Status


def post(client, url, payload):
    return client.post(url, payload, content_type="application/json")


def requested(client, stage, sections=("explanations", "planning")):
    response = post(
        client, f"/api/v1/stages/{stage.pk}/signoff-requests", {"sections": list(sections)}
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_request_decide_and_read(client_for, practitioner, manager, stage):
    created = requested(client_for(practitioner), stage)
    assert created["status"] == "awaiting"
    assert SignoffRequest.objects.get(pk=created["id"]).sections == "both"
    again = post(
        client_for(practitioner),
        f"/api/v1/stages/{stage.pk}/signoff-requests",
        {"sections": ["planning"]},
    )
    assert again.status_code == 409
    url = f"/api/v1/signoff-requests/{created['id']}/decision"
    response = post(client_for(manager), url, {"decision": "signed_off", "comment": "Good"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["sections"], body["comment"]) == (
        "signed_off",
        ["explanations", "planning"],
        "Good",
    )
    assert post(client_for(manager), url, {"decision": "signed_off"}).status_code == 409
    read = client_for(practitioner).get(f"/api/v1/signoff-requests/{created['id']}")
    assert read.status_code == 200
    assert read.json()["decided_by"] == "Mo Tester"


def test_the_decider_who_wrote_the_stage_or_lacks_the_role_gets_403(
    client_for, practitioner, manager, child, other_manager
):
    stage = factories.start(child, by=factories.actor(manager))
    factories.answer_everything_required(stage, by=factories.actor(practitioner))
    created = requested(client_for(practitioner), stage, ["explanations"])
    url = f"/api/v1/signoff-requests/{created['id']}/decision"
    own = post(client_for(manager), url, {"decision": "signed_off"})
    assert own.status_code == 403
    assert "wrote part of this stage" in own.json()["detail"]
    assert post(client_for(practitioner), url, {"decision": "signed_off"}).status_code == 403
    assert SignoffRequest.objects.get(pk=created["id"]).status == Status.AWAITING
    assert post(client_for(other_manager), url, {"decision": "signed_off"}).status_code == 200


def test_another_organisation_gets_404(client_for, practitioner, stage, southmoor_manager):
    created = requested(client_for(practitioner), stage)
    client = client_for(southmoor_manager)
    assert client.get(f"/api/v1/signoff-requests/{created['id']}").status_code == 404
    decision = post(
        client, f"/api/v1/signoff-requests/{created['id']}/decision", {"decision": "signed_off"}
    )
    assert decision.status_code == 404
    ask = post(client, f"/api/v1/stages/{stage.pk}/signoff-requests", {"sections": ["planning"]})
    assert ask.status_code == 404


def test_changes_required_needs_a_comment(client_for, practitioner, manager, stage):
    created = requested(client_for(practitioner), stage)
    url = f"/api/v1/signoff-requests/{created['id']}/decision"
    assert post(client_for(manager), url, {"decision": "changes_required"}).status_code == 422
    assert post(client_for(manager), url, {"decision": "maybe"}).status_code == 422
    ok = post(client_for(manager), url, {"decision": "changes_required", "comment": "More"})
    assert ok.json()["status"] == "changes_required"


def test_after_signoff_answers_and_judgements_are_refused(
    client_for, practitioner, manager, stage, text_question
):
    created = requested(client_for(practitioner), stage)
    post(
        client_for(manager),
        f"/api/v1/signoff-requests/{created['id']}/decision",
        {"decision": "signed_off"},
    )
    client = client_for(practitioner)
    answer = client.put(
        f"/api/v1/stages/{stage.pk}/answers/{text_question.key}",
        {"value": "Too late", "version": 1},
        content_type="application/json",
    )
    assert answer.status_code == 423
    assert "signed off" in answer.json()["detail"]
    judgement = client.put(
        f"/api/v1/stages/{stage.pk}/judgements/safety_wellbeing",
        {"rating": "low", "reason": "x", "version": 0},
        content_type="application/json",
    )
    assert judgement.status_code == 423
    again = post(client, f"/api/v1/stages/{stage.pk}/signoff-requests", {"sections": ["planning"]})
    assert again.status_code == 423


def test_an_empty_or_unknown_section_is_422(client_for, practitioner, stage):
    url = f"/api/v1/stages/{stage.pk}/signoff-requests"
    assert post(client_for(practitioner), url, {"sections": []}).status_code == 422
    assert post(client_for(practitioner), url, {"sections": ["plan"]}).status_code == 422
