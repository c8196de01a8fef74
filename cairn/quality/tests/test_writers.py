"""Nobody countersigns their own work: everyone who wrote in the stage since it was last signed
off is refused, whatever they wrote (the audit log is the one source of who wrote what)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone

from cairn.accounts.models import Membership
from cairn.assessment.models import Stage
from cairn.assessment.tests import factories
from cairn.audit.operations import Actor
from cairn.childplan import operations as childplan_operations
from cairn.judgements.tests import arrange
from cairn.plans import operations as plan_operations
from cairn.quality import operations, queries
from cairn.quality.models import Sections, SignoffRequest

pytestmark = pytest.mark.django_db
Status = SignoffRequest.Status


def awaiting(stage: Stage, by: Membership) -> SignoffRequest:
    """A request as the practitioner makes it (made here directly: who may decide does not
    depend on whether the stage is ready)."""
    request = SignoffRequest.objects.create(
        stage=stage,
        sections=Sections.BOTH,
        requested_by=by.user,
        requested_by_name=by.user.display_name,
        revision_id=queries.last_revision_id(stage),
    )
    request.stage = stage
    return request


def starter(stage: Stage) -> Actor:
    return Actor(user=stage.started_by, organisation=stage.organisation)


def target(stage: Stage, by: Actor, question_key: str) -> int:
    return plan_operations.add_target(
        by=by,
        stage=stage,
        data=plan_operations.TargetInput(objective="Back to school", question_key=question_key),
    ).pk


def write_target(stage: Stage, by: Actor, key: str) -> None:
    target(stage, by, key)


def write_action(stage: Stage, by: Actor, key: str) -> None:
    plan_operations.add_action(
        by=by,
        stage=stage,
        target_id=target(stage, starter(stage), key),
        data=plan_operations.ActionInput(what="Call the school", who="practitioner"),
    )


def write_progress(stage: Stage, by: Actor, key: str) -> None:
    plan_operations.add_progress(
        by=by,
        stage=stage,
        target_id=target(stage, starter(stage), key),
        text="Went to school every day this week",
    )


def write_child_plan(stage: Stage, by: Actor, key: str) -> None:
    childplan_operations.save_plan(
        by=by,
        stage=stage,
        text=childplan_operations.PlanText(what_i_want="To go back to school"),
        version=0,
    )


def write_child_response(stage: Stage, by: Actor, key: str) -> None:
    childplan_operations.save_plan(
        by=starter(stage),
        stage=stage,
        text=childplan_operations.PlanText(what_i_want="To go back to school"),
        version=0,
    )
    childplan_operations.record_response(
        by=by,
        stage=stage,
        response="agree",
        words="Yes, that's right",
        responded_on=timezone.localdate(),
        plan_version=1,
    )


def write_judgement(stage: Stage, by: Actor, key: str) -> None:
    arrange.decide(stage, by, "safety_wellbeing", "low")


def write_concern(stage: Stage, by: Actor, key: str) -> None:
    arrange.add_concern(stage, by)


WRITES: dict[str, Callable[[Stage, Actor, str], None]] = {
    "plan target": write_target,
    "plan action": write_action,
    "progress note": write_progress,
    "child's plan": write_child_plan,
    "child's response": write_child_response,
    "judgement": write_judgement,
    "concern": write_concern,
}


@pytest.mark.parametrize("kind", list(WRITES))
def test_a_manager_who_wrote_any_part_of_the_stage_may_not_countersign(
    kind, stage, practitioner, manager, other_manager
):
    key = stage.answers.first().key
    WRITES[kind](stage, factories.actor(manager), key)
    request = awaiting(stage, practitioner)

    assert queries.refusal(manager, request) == queries.Refusal.OWN_WORK
    assert queries.refusal(other_manager, request) is None


def test_a_countersigners_comments_do_not_make_them_a_writer(stage, practitioner, manager):
    request = awaiting(stage, practitioner)
    operations.add_comment(
        by=factories.actor(manager),
        stage=stage,
        key=stage.answers.first().key,
        text="Who else lives there?",
        request=request,
    )

    assert queries.refusal(manager, request) is None


def test_writing_before_the_last_sign_off_does_not_count(stage, practitioner, manager):
    key = stage.answers.first().key
    write_target(stage, factories.actor(manager), key)
    earlier = awaiting(stage, practitioner)
    SignoffRequest.objects.filter(pk=earlier.pk).update(
        status=Status.SIGNED_OFF, decided_at=timezone.now() + dt.timedelta(seconds=1)
    )
    later = awaiting(stage, practitioner)

    assert queries.refusal(manager, later) is None
