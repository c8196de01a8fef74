"""Writing the plan: links checked against the stage, versions refusing stale saves, every
write audited, ended and frozen stages refused, progress notes appended, the map's items, and
the plan carried into the next stage."""

from __future__ import annotations

import datetime as dt

import pytest

from cairn.assessment import extensions
from cairn.assessment import operations as assessment_operations
from cairn.assessment.models import Stage
from cairn.assessment.operations import StageFrozenError
from cairn.assessment.tests.factories import actor, events, start
from cairn.framework import catalogue as catalogues
from cairn.judgements.models import Concern, Kind
from cairn.plans import operations, progress, queries
from cairn.plans.models import Action, ProgressNote, Target
from cairn.plans.tests.arrange import (
    AGAINST,
    FOR,
    FULL,
    action_input,
    add_action,
    add_concern,
    add_note,
    add_target,
    target_input,
    with_factors,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


@pytest.fixture
def stage(child, pat):
    return with_factors(start(child, pat, FULL), pat)


# Targets and their links


def test_a_target_rests_on_a_factor_and_says_so(stage, pat):
    target = add_target(stage, pat)

    target.refresh_from_db()
    assert (target.factor, target.factor_direction) == (AGAINST, "against")
    assert target.because == f"Desistance factor against: {AGAINST}"
    assert (target.version, target.position, target.updated_by) == (1, 1, pat.user)
    [event] = events(stage.child, "plans.target.added")
    assert event.detail["factor"] == AGAINST
    assert event.detail["objective"] == target.objective


def test_a_target_may_rest_on_a_concern_and_a_need_together(stage, pat):
    concern = add_concern(stage, pat)
    question = "education.difficulties"
    found = catalogues.load()
    label = f"{found.section('education').title.en}: {found.question(question).label.en}"

    target = add_target(stage, pat, factor="", concern_id=concern.pk, question_key=question)

    assert target.concern == concern
    lines = target.because.splitlines()
    assert lines[0] == f"Concern (Risk of serious harm to others): {concern.what}"
    assert lines == [lines[0], label]
    assert target.question_key == question


def test_a_target_needs_something_it_rests_on(stage, pat):
    with pytest.raises(operations.InvalidError) as refused:
        add_target(stage, pat, factor="")
    assert set(refused.value.errors) == {"link"}
    assert not Target.objects.exists()


def test_links_must_be_of_this_stage(stage, pat, make_child, northshire):
    other = with_factors(start(make_child(northshire, "Ada", "Okafor"), pat, FULL), pat)
    elsewhere = add_concern(other, pat)

    with pytest.raises(operations.InvalidError) as refused:
        add_target(
            stage,
            pat,
            factor="Something nobody found",
            concern_id=elsewhere.pk,
            question_key="nowhere.at_all",
        )

    assert set(refused.value.errors) == {"factor", "concern", "question_key"}
    assert not Target.objects.exists()
    assert not events(stage.child, "plans.target.added")


def test_an_objective_and_known_choices_are_required(stage, pat):
    with pytest.raises(operations.InvalidError) as refused:
        add_target(stage, pat, objective="  ", area="sailing", manages_risk="", status="done")
    assert refused.value.errors == {
        "objective": "Enter the objective",
        "area": "‘sailing’ is not one of the choices",
        "manages_risk": "Select whether this target manages risk",
        "status": "‘done’ is not one of the choices",
    }


def test_changing_a_target_needs_the_version_it_was_read_at(stage, pat):
    target = add_target(stage, pat)
    changed = operations.change_target(
        by=pat,
        stage=stage,
        target_id=target.pk,
        data=target_input(status="in_progress", factor=FOR),
        version=1,
    )
    assert (changed.version, changed.status, changed.factor_direction) == (2, "in_progress", "for")

    with pytest.raises(operations.StaleError) as stale:
        operations.change_target(
            by=pat,
            stage=stage,
            target_id=target.pk,
            data=target_input(status="achieved"),
            version=1,
        )
    assert stale.value.current.version == 2
    target.refresh_from_db()
    assert target.status == "in_progress"
    [event] = events(stage.child, "plans.target.changed")
    assert event.detail["changes"]["status"] == ["not_started", "in_progress"]
    assert event.detail["changes"]["factor"] == [AGAINST, FOR]


# Actions and progress


def test_an_action_says_who_by_when_and_what_kind(stage, pat):
    target = add_target(stage, pat)
    action = add_action(
        stage, pat, target, who="agency", agency_name="Larch Park FC", kind="external_control"
    )
    assert (action.who_label, action.kind, action.by_when) == (
        "Larch Park FC",
        "external_control",
        dt.date(2027, 3, 27),
    )
    [event] = events(stage.child, "plans.action.added")
    assert event.detail["agency_name"] == "Larch Park FC"
    assert event.detail["by_when"] == "2027-03-27"


def test_another_agency_must_be_named_and_choices_known(stage, pat):
    target = add_target(stage, pat)
    with pytest.raises(operations.InvalidError) as refused:
        add_action(stage, pat, target, what="", who="agency", kind="magic")
    assert refused.value.errors == {
        "what": "Describe the action",
        "agency_name": "Enter the name of the agency",
        "kind": "‘magic’ is not one of the choices",
    }
    assert not Action.objects.exists()


def test_changing_an_action_refuses_a_stale_version(stage, pat):
    target = add_target(stage, pat)
    action = add_action(stage, pat, target)
    operations.change_action(
        by=pat,
        stage=stage,
        target_id=target.pk,
        action_id=action.pk,
        data=action_input(status="done"),
        version=1,
    )
    with pytest.raises(operations.StaleError) as stale:
        operations.change_action(
            by=pat,
            stage=stage,
            target_id=target.pk,
            action_id=action.pk,
            data=action_input(status="stopped"),
            version=1,
        )
    assert stale.value.current.status == "done"
    [event] = events(stage.child, "plans.action.changed")
    assert event.detail["changes"] == {"status": ["not_started", "done"]}


def test_an_action_of_another_stages_target_is_not_found(stage, pat, make_child, northshire):
    other = with_factors(start(make_child(northshire, "Ada", "Okafor"), pat, FULL), pat)
    elsewhere = add_target(other, pat)
    with pytest.raises(Target.DoesNotExist):
        add_action(stage, pat, elsewhere)


def test_progress_notes_are_appended_with_their_author_and_date(stage, pat):
    target = add_target(stage, pat)
    first = add_note(stage, pat, target, "Went to training twice.")
    second = operations.add_progress(
        by=pat, stage=stage, target_id=target.pk, text="Missed one.", noted_on=dt.date(2026, 1, 5)
    )
    assert first.by_name == "Pat Tester"
    assert second.noted_on == dt.date(2026, 1, 5)
    assert [note.text for note in queries.targets_of(stage)[0].progress_notes.all()] == [
        "Missed one.",
        "Went to training twice.",
    ]
    assert len(events(stage.child, "plans.progress.added")) == 2
    with pytest.raises(operations.InvalidError) as refused:
        operations.add_progress(
            by=pat,
            stage=stage,
            target_id=target.pk,
            text="",
            noted_on=dt.date.today() + dt.timedelta(days=3),
        )
    assert set(refused.value.errors) == {"text", "noted_on"}


# Closed and frozen stages


def test_an_ended_stage_refuses_every_write(stage, pat):
    target = add_target(stage, pat)
    assessment_operations.end_stage(by=pat, stage=stage, status=Stage.Status.STOPPED, reason="x")

    with pytest.raises(StageFrozenError):
        add_target(stage, pat)
    with pytest.raises(StageFrozenError):
        add_action(stage, pat, target)
    with pytest.raises(StageFrozenError):
        add_note(stage, pat, target)
    assert Target.objects.count() == 1
    assert not Action.objects.exists()


def test_a_frozen_stage_refuses_writes_and_edits_are_heard(stage, pat, monkeypatch):
    heard: list[int] = []
    monkeypatch.setattr(extensions, "ON_STAGE_EDITED", [lambda by, s: heard.append(s.pk)])
    target = add_target(stage, pat)
    add_action(stage, pat, target)
    assert heard == [stage.pk, stage.pk]

    monkeypatch.setattr(extensions, "FREEZE_CHECKS", [lambda s: "Signed off"])
    with pytest.raises(StageFrozenError):
        operations.change_target(
            by=pat, stage=stage, target_id=target.pk, data=target_input(), version=1
        )
    assert heard == [stage.pk, stage.pk]


# The completion map


def _states(stage: Stage) -> dict[str, tuple[str, bool]]:
    return {item.key: (item.state, item.is_required) for item in progress.stage_items(stage)}


def test_the_plan_is_done_when_it_has_targets_managing_every_high_concern(stage, pat):
    assert _states(stage)[progress.PLAN_KEY] == ("missing", True)
    low = add_concern(stage, pat, impact="minor", likelihood="unlikely")
    high = add_concern(stage, pat)  # serious and likely: high
    add_target(stage, pat)
    assert [c.pk for c in queries.unmanaged_high_concerns(stage)] == [high.pk]
    assert _states(stage)[progress.PLAN_KEY] == ("missing", True)
    item = next(i for i in progress.stage_items(stage) if i.key == progress.PLAN_KEY)
    assert item.detail == "1 concern rated high or very high has no target managing it"

    target = add_target(stage, pat, concern_id=high.pk)
    assert _states(stage)[progress.PLAN_KEY] == ("done", True)
    assert _states(stage)[progress.RISK_KEY] == ("offered", False)
    add_action(stage, pat, target)  # a target managing a concern: its actions manage risk
    assert _states(stage)[progress.RISK_KEY] == ("done", False)
    assert low.pk not in {t.concern_id for t in Target.objects.all()}


def test_the_plan_is_offered_on_a_light_stage(child, pat):
    light = start(child, pat)
    assert _states(light)[progress.PLAN_KEY] == ("offered", False)


def test_the_risk_plan_gathers_actions_that_manage_risk(stage, pat):
    ordinary = add_target(stage, pat)
    add_action(stage, pat, ordinary, what="Ordinary")
    add_action(stage, pat, ordinary, what="If he goes missing, call police", kind="contingency")
    safety = add_target(stage, pat, manages_risk="safety_wellbeing")
    add_action(stage, pat, safety, what="Weekly check-in")

    plan = queries.risk_plan(queries.targets_of(stage))
    assert [entry.action.what for entry in plan.serious_harm] == ["If he goes missing, call police"]
    assert [entry.action.what for entry in plan.safety_wellbeing] == ["Weekly check-in"]


# Carrying forward


def test_a_review_continues_the_plan(stage, pat, manager):
    concern = add_concern(stage, pat)
    target = add_target(stage, pat, concern_id=concern.pk, status="in_progress")
    add_action(stage, pat, target, kind="contingency")
    note = add_note(stage, pat, target, "Went twice.")
    assessment_operations.end_stage(by=pat, stage=stage, status=Stage.Status.STOPPED, reason="x")

    review = start(stage.child, actor(manager), FULL)

    [carried] = queries.targets_of(review)
    assert carried.is_carried
    assert carried.carried_from == stage
    assert (carried.objective, carried.status, carried.because) == (
        target.objective,
        "in_progress",
        target.because,
    )
    new_concern = Concern.objects.get(stage=review)
    assert carried.concern == new_concern
    assert new_concern.judgement == Kind.SERIOUS_HARM
    [action] = carried.actions.all()
    assert action.kind == "contingency"
    [copied] = carried.progress_notes.all()
    assert (copied.text, copied.by, copied.by_name, copied.noted_on, copied.created_at) == (
        "Went twice.",
        pat.user,
        "Pat Tester",
        note.noted_on,
        note.created_at,
    )
    assert ProgressNote.objects.count() == 2  # the old stage keeps its own
    [event] = events(stage.child, "plans.carried_forward")
    assert event.detail == {"from_stage": stage.pk, "stage": review.pk, "actions": 1}
