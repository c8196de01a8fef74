"""POST /api/v1/stages/{id}/complete, /reopen and /cancel (issue 10's fixed points)."""

from __future__ import annotations

import pytest

from cairn.accounts.models import Membership
from cairn.assessment import operations
from cairn.assessment.models import Stage
from cairn.assessment.tests.factories import (
    LIGHT,
    actor,
    answer_everything_required,
    events,
    start,
)
from cairn.audit.operations import Actor
from cairn.records import operations as record_operations
from cairn.records.models import Grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


@pytest.fixture
def as_pat(client_for, practitioner):
    return client_for(practitioner)


@pytest.fixture
def as_mo(client_for, manager):
    return client_for(manager)


def post(client, url, body=None):
    if body is None:
        return client.post(url)
    return client.post(url, body, content_type="application/json")


@pytest.fixture
def completed(child, pat):
    stage = start(child, pat, LIGHT)
    answer_everything_required(stage, pat)
    return operations.complete_stage(by=pat, stage=stage)


# Completing


def test_complete_answers_200_with_the_stage(as_pat, child, pat):
    stage = start(child, pat, LIGHT)
    answer_everything_required(stage, pat)

    response = post(as_pat, f"/api/v1/stages/{stage.pk}/complete")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["id"] == stage.pk
    assert body["status"] == "completed"
    assert body["ended_at"] is not None
    assert isinstance(body["answers"], dict)


def test_complete_answers_422_listing_each_required_question_left(as_pat, child, pat):
    stage = start(child, pat, LIGHT)

    response = post(as_pat, f"/api/v1/stages/{stage.pk}/complete")

    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail
    assert all(entry["loc"][0] in {"answers", "items"} for entry in detail)
    assert any(entry["msg"].startswith("Required question unanswered") for entry in detail)
    stage.refresh_from_db()
    assert stage.is_open


def test_complete_answers_422_naming_each_unconfirmed_carried_answer(as_pat, completed, child, pat):
    review = start(child, pat, LIGHT)
    waiting = set(review.answers.filter(is_confirmed=False).values_list("key", flat=True))

    response = post(as_pat, f"/api/v1/stages/{review.pk}/complete")

    assert response.status_code == 422
    carried = {
        entry["loc"][1]
        for entry in response.json()["detail"]
        if entry["msg"].startswith("Carried-forward answer to confirm or change")
    }
    assert carried
    assert carried <= waiting


def test_completing_an_ended_stage_is_locked(as_pat, completed):
    assert post(as_pat, f"/api/v1/stages/{completed.pk}/complete").status_code == 423


# Reopening


def test_a_manager_reopens_a_completed_stage(as_mo, completed, child):
    response = post(as_mo, f"/api/v1/stages/{completed.pk}/reopen", {"reason": "Missed a move"})

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "in_progress"
    assert response.json()["ended_at"] is None
    assert events(child, "assessment.stage.reopened")[0].detail["reason"] == "Missed a move"


def test_a_practitioner_may_not_reopen(as_pat, completed):
    response = post(as_pat, f"/api/v1/stages/{completed.pk}/reopen", {"reason": "Mine"})

    assert response.status_code == 403
    completed.refresh_from_db()
    assert completed.status == Stage.Status.COMPLETED


@pytest.mark.parametrize("body", [{}, {"reason": ""}, {"reason": "   "}, {"reason": None}])
def test_reopening_without_a_reason_is_422(as_mo, completed, body):
    response = post(as_mo, f"/api/v1/stages/{completed.pk}/reopen", body)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "reason"


def test_reopening_a_stage_in_progress_is_422(as_mo, child, pat):
    stage = start(child, pat, LIGHT)

    response = post(as_mo, f"/api/v1/stages/{stage.pk}/reopen", {"reason": "Why not"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["stage", "status"]


def test_a_stage_out_of_reach_is_404(
    client_for, other_practitioner, make_member, southmoor, completed
):
    stranger = client_for(make_member("sam.manager", southmoor, Membership.Role.MANAGER))

    assert (
        post(stranger, f"/api/v1/stages/{completed.pk}/reopen", {"reason": "x"}).status_code == 404
    )
    assert (
        post(stranger, f"/api/v1/stages/{completed.pk}/cancel", {"reason": "x"}).status_code == 404
    )
    assert post(stranger, f"/api/v1/stages/{completed.pk}/complete").status_code == 404


def test_a_read_only_grant_holder_cannot_reopen(client_for, secure_staff, completed, northshire):
    record_operations.open_grant(
        by=Actor.system(northshire),
        child=completed.child,
        organisation=secure_staff.organisation,
        scope=Grant.Scope.CUSTODY,
        reason="In custody",
    )
    reader = client_for(secure_staff)

    status = post(reader, f"/api/v1/stages/{completed.pk}/reopen", {"reason": "x"}).status_code

    assert status in {403, 404}
    completed.refresh_from_db()
    assert completed.status == Stage.Status.COMPLETED


# Cancelling


def test_a_manager_cancels_a_stage_in_progress(as_mo, child, pat):
    stage = start(child, pat, LIGHT)

    response = post(as_mo, f"/api/v1/stages/{stage.pk}/cancel", {"reason": "Wrong child"})

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "cancelled"
    stage.refresh_from_db()
    assert stage.end_reason == "Wrong child"


def test_a_practitioner_may_not_cancel(as_pat, child, pat):
    stage = start(child, pat, LIGHT)

    assert post(as_pat, f"/api/v1/stages/{stage.pk}/cancel", {"reason": "Oops"}).status_code == 403
    stage.refresh_from_db()
    assert stage.is_open


def test_cancelling_an_ended_stage_or_without_a_reason_is_422(as_mo, completed, child, pat):
    assert post(as_mo, f"/api/v1/stages/{completed.pk}/cancel", {"reason": "x"}).status_code == 422
    stage = start(child, pat, LIGHT)
    assert post(as_mo, f"/api/v1/stages/{stage.pk}/cancel", {"reason": " "}).status_code == 422


def test_completion_lists_the_carried_answers_to_confirm_and_is_not_complete(
    as_pat, completed, child, pat
):
    review = start(child, pat, LIGHT)

    body = as_pat.get(f"/api/v1/stages/{review.pk}/completion").json()

    assert body["required_missing"] == []
    assert body["carried_to_confirm"]
    assert body["complete"] is False
    waiting = {key.split(".")[0] for key in body["carried_to_confirm"]}
    states = {section["key"]: section["state"] for section in body["sections"]}
    assert waiting
    assert all(states[section] == "to_confirm" for section in waiting)
