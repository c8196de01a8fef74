"""The child's plan's operations: versions and stale saves, the limits that keep it to one
page, draft until the child agrees to the current version, draft again after a change, the
responses appended, closed stages refused, carried forward as a draft, and the prefill from the
intervention plan."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from cairn.accounts.models import Membership
from cairn.assessment import extensions
from cairn.assessment import operations as assessment_operations
from cairn.assessment.models import Stage
from cairn.assessment.operations import StageFrozenError
from cairn.assessment.tests.factories import actor, start
from cairn.audit.models import AuditEvent
from cairn.childplan import operations, progress, queries
from cairn.childplan.models import ChildPlan, ChildResponse
from cairn.childplan.operations import Helper, PlanText
from cairn.plans.models import Action, Target, TargetStatus, Who
from cairn.records.models import Child

pytestmark = pytest.mark.django_db

TEXT = PlanText(
    what_i_want="To go back to college and do bricklaying.",
    what_im_good_at="Football. Making my little sister laugh.",
    what_ill_do=("Go to college every day", "Talk to Sam when I'm angry"),
    who_will_help=(Helper("Sam, my YOT worker", "Meets me every Tuesday"), Helper("Mum")),
    how_well_know="I'm still at college at Easter.",
)


@pytest.fixture
def stage(child: Child, practitioner: Membership) -> Stage:
    return start(child, actor(practitioner))


def save(stage: Stage, by: Membership, text: PlanText = TEXT, version: int = 0) -> ChildPlan:
    return operations.save_plan(by=actor(by), stage=stage, text=text, version=version)


def respond(
    stage: Stage, by: Membership, response: str, version: int, words: str = "Yeah, fine."
) -> ChildResponse:
    return operations.record_response(
        by=actor(by),
        stage=stage,
        response=response,
        words=words,
        responded_on=timezone.localdate(),
        plan_version=version,
    )


def test_saving_writes_version_one_then_two_and_audits_each(
    stage: Stage, practitioner: Membership
) -> None:
    plan = save(stage, practitioner)
    assert plan.version == 1
    assert plan.what_ill_do == list(TEXT.what_ill_do)
    assert plan.who_will_help[1] == {"who": "Mum", "how": ""}
    changed = save(stage, practitioner, PlanText(what_i_want="A job"), version=1)
    assert changed.version == 2
    assert changed.what_ill_do == []
    assert AuditEvent.objects.filter(event_type="childplan.saved").count() == 2


def test_saving_the_same_text_again_is_no_new_version(
    stage: Stage, practitioner: Membership
) -> None:
    save(stage, practitioner)
    assert save(stage, practitioner, version=1).version == 1


def test_a_stale_version_is_refused_and_changes_nothing(
    stage: Stage, practitioner: Membership, manager: Membership
) -> None:
    save(stage, practitioner)
    save(stage, manager, PlanText(what_i_want="Theirs"), version=1)
    with pytest.raises(operations.StaleError) as raised:
        save(stage, practitioner, PlanText(what_i_want="Mine"), version=1)
    assert raised.value.current is not None
    assert raised.value.current.version == 2
    assert ChildPlan.objects.get(stage=stage).what_i_want == "Theirs"
    with pytest.raises(operations.StaleError):
        save(stage, practitioner, version=0)


def test_text_too_long_for_the_page_is_refused_field_by_field(
    stage: Stage, practitioner: Membership
) -> None:
    too_long = PlanText(
        what_i_want="x" * (operations.MAX_TEXT + 1),
        what_ill_do=tuple(f"thing {n}" for n in range(operations.MAX_ITEMS + 1)),
        who_will_help=(Helper("", "helps"),),
    )
    with pytest.raises(operations.InvalidError) as raised:
        save(stage, practitioner, too_long)
    assert set(raised.value.errors) == {"what_i_want", "what_ill_do", "helper_1_who"}
    assert not ChildPlan.objects.filter(stage=stage).exists()


def test_blank_lines_and_helpers_are_dropped(stage: Stage, practitioner: Membership) -> None:
    plan = save(
        stage,
        practitioner,
        PlanText(what_ill_do=(" Go to college ", "", "  "), who_will_help=(Helper(" "),)),
    )
    assert plan.what_ill_do == ["Go to college"]
    assert plan.who_will_help == []


def test_draft_until_the_child_agrees_to_the_current_version(
    stage: Stage, practitioner: Membership
) -> None:
    plan = save(stage, practitioner)
    assert not plan.is_agreed
    respond(stage, practitioner, ChildResponse.Response.DISAGREE, 1, "Not the college bit")
    assert not ChildPlan.objects.get(pk=plan.pk).is_agreed
    respond(stage, practitioner, ChildResponse.Response.AGREE, 1)
    plan = ChildPlan.objects.get(pk=plan.pk)
    assert plan.is_agreed
    assert not plan.changed_since_agreed
    assert [r.response for r in plan.responses.all()] == ["disagree", "agree"]
    assert plan.responses.first().words == "Not the college bit"  # type: ignore[union-attr]


def test_a_change_after_agreement_makes_it_a_draft_again(
    stage: Stage, practitioner: Membership
) -> None:
    save(stage, practitioner)
    respond(stage, practitioner, ChildResponse.Response.AGREE, 1)
    plan = save(stage, practitioner, PlanText(what_i_want="Something else"), version=1)
    assert not plan.is_agreed
    assert plan.changed_since_agreed
    event = AuditEvent.objects.filter(event_type="childplan.saved").latest("pk")
    assert "draft again" in event.summary


def test_could_not_answer_leaves_it_a_draft(stage: Stage, practitioner: Membership) -> None:
    save(stage, practitioner)
    respond(stage, practitioner, ChildResponse.Response.COULD_NOT_ANSWER, 1, "")
    assert not ChildPlan.objects.get(stage=stage).is_agreed


def test_a_response_to_an_old_version_is_refused(stage: Stage, practitioner: Membership) -> None:
    save(stage, practitioner)
    save(stage, practitioner, PlanText(what_i_want="New"), version=1)
    with pytest.raises(operations.StaleError):
        respond(stage, practitioner, ChildResponse.Response.AGREE, 1)
    assert not ChildResponse.objects.exists()


def test_a_response_needs_a_plan_and_a_real_past_date(
    stage: Stage, practitioner: Membership
) -> None:
    with pytest.raises(operations.NoPlanError):
        respond(stage, practitioner, ChildResponse.Response.AGREE, 1)
    save(stage, practitioner)
    with pytest.raises(operations.InvalidError) as raised:
        operations.record_response(
            by=actor(practitioner),
            stage=stage,
            response="maybe",
            words="w" * (operations.MAX_WORDS + 1),
            responded_on=timezone.localdate() + dt.timedelta(days=1),
            plan_version=1,
        )
    assert set(raised.value.errors) == {"response", "words", "responded_on"}


def test_writes_tell_the_edit_hooks(
    stage: Stage, practitioner: Membership, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard: list[int] = []
    monkeypatch.setattr(extensions, "ON_STAGE_EDITED", [lambda by, s: heard.append(s.pk)])
    save(stage, practitioner)
    respond(stage, practitioner, ChildResponse.Response.AGREE, 1)
    assert heard == [stage.pk, stage.pk]


def test_a_frozen_or_ended_stage_is_refused(
    stage: Stage, practitioner: Membership, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extensions, "FREEZE_CHECKS", [lambda s: "signed off"])
    with pytest.raises(StageFrozenError):
        save(stage, practitioner)
    monkeypatch.setattr(extensions, "FREEZE_CHECKS", [])
    save(stage, practitioner)
    assessment_operations.end_stage(
        by=actor(practitioner), stage=stage, status=Stage.Status.STOPPED, reason="Moved away"
    )
    with pytest.raises(StageFrozenError):
        save(stage, practitioner, PlanText(what_i_want="Later"), version=1)
    with pytest.raises(StageFrozenError):
        respond(stage, practitioner, ChildResponse.Response.AGREE, 1)


def test_the_map_item_is_offered_until_agreed(stage: Stage, practitioner: Membership) -> None:
    [item] = progress.stage_items(stage)
    assert (item.state, item.is_required, item.group) == (
        extensions.ItemState.OFFERED,
        False,
        "Pathways and Planning",
    )
    save(stage, practitioner)
    respond(stage, practitioner, ChildResponse.Response.AGREE, 1)
    [item] = progress.stage_items(stage)
    assert item.state == extensions.ItemState.DONE
    assert not item.is_outstanding


def test_a_new_stage_carries_the_plan_forward_as_a_draft(
    stage: Stage, practitioner: Membership, child: Child
) -> None:
    save(stage, practitioner)
    respond(stage, practitioner, ChildResponse.Response.AGREE, 1)
    assessment_operations.end_stage(
        by=actor(practitioner), stage=stage, status=Stage.Status.STOPPED, reason="Review due"
    )
    later = start(child, actor(practitioner))
    carried = ChildPlan.objects.get(stage=later)
    assert carried.what_ill_do == list(TEXT.what_ill_do)
    assert carried.version == 1
    assert not carried.is_agreed


def test_the_prefill_takes_open_goals_child_actions_and_owners(
    stage: Stage, practitioner: Membership
) -> None:
    target = Target.objects.create(
        stage=stage, objective="Attend college", goal_in_childs_words="Go to college every day"
    )
    Action.objects.create(target=target, what="Set an alarm for 7", who=Who.CHILD)
    Action.objects.create(target=target, what="Weekly check-in", who=Who.PRACTITIONER)
    Action.objects.create(
        target=target, what="Bricklaying taster", who=Who.AGENCY, agency_name="Northshire College"
    )
    Target.objects.create(
        stage=stage,
        objective="Done already",
        goal_in_childs_words="Old goal",
        status=TargetStatus.ACHIEVED,
    )
    current = PlanText(what_i_want="A trade", what_ill_do=("Something old",))
    found = queries.from_intervention_plan(stage, current)
    assert found.what_i_want == "A trade"
    assert found.what_ill_do == ("Go to college every day", "Set an alarm for 7")
    assert [helper.who for helper in found.who_will_help] == ["Practitioner", "Northshire College"]
    assert found.who_will_help[1].how == "Bricklaying taster"
    assert queries.has_intervention_plan(stage)
