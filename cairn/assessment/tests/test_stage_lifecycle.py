"""Carried answers only from the stage's own sections, completion that waits for them, and
reopening and cancelling stages (issue 10 items 1-3)."""

from __future__ import annotations

import pytest

from cairn.accounts.models import Membership
from cairn.assessment import extensions, operations, review
from cairn.assessment.models import Answer, Stage
from cairn.assessment.tests.factories import (
    LIGHT,
    actor,
    answer,
    answer_everything_required,
    catalogue,
    events,
    pick,
    sections_of,
    start,
    valid_value,
)

pytestmark = pytest.mark.django_db

OUTSIDE = "thinking_behaviour"  # asked by the full stages, not by an out-of-court stage
FULL = next(
    stage.key
    for stage in catalogue().stages
    if stage.depth == "full" and OUTSIDE in {entry.section for entry in stage.sections}
)
assert OUTSIDE not in {section.key for section, _depth in sections_of(LIGHT)}


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


@pytest.fixture
def mo(manager):
    return actor(manager)


def outside_question():
    return pick(FULL, section=OUTSIDE)


def own_question():
    """A core question of the out-of-court stage's first section."""
    return pick(LIGHT, required=True)


def waiting_keys(stage):
    return {
        question.key
        for _progress, questions in review.waiting(stage, catalogue())
        for question in questions
    }


def waiting_sections(stage):
    return [progress.section.key for progress, _questions in review.waiting(stage, catalogue())]


def confirm_everything(stage, by):
    for section in waiting_sections(stage):
        operations.confirm_section(
            by=by,
            stage=stage,
            section=section,
            shown=operations.waiting_in_section(stage, section),
        )


# Carried answers only from the stage's own sections


def test_an_out_of_court_stage_keeps_answers_from_sections_it_does_not_ask_but_not_as_work(
    child, pat
):
    full = start(child, pat, FULL)
    outside, own = outside_question(), own_question()
    answer(full, outside, valid_value(outside), pat)
    answer(full, own, valid_value(own), pat)

    light = start(child, pat, LIGHT)

    kept = Answer.objects.get(stage=light, key=outside.key)
    assert kept.value == valid_value(outside)
    assert not kept.is_confirmed
    assert waiting_keys(light) == {own.key}
    assert OUTSIDE not in waiting_sections(light)
    assert [
        key for key, _title, _count in review.unconfirmed_by_section(light, catalogue(), "en")
    ] == [own.section_key]


def test_answers_not_asked_do_not_block_completion(child, pat):
    full = start(child, pat, FULL)
    outside = outside_question()
    answer(full, outside, valid_value(outside), pat)
    light = start(child, pat, LIGHT)
    answer_everything_required(light, pat)
    confirm_everything(light, pat)

    done = operations.complete_stage(by=pat, stage=light)

    assert done.status == Stage.Status.COMPLETED
    assert not Answer.objects.get(stage=light, key=outside.key).is_confirmed


def test_a_later_stage_that_asks_the_section_brings_the_kept_answer_back_into_view(child, pat):
    full = start(child, pat, FULL)
    outside = outside_question()
    answer(full, outside, valid_value(outside), pat)
    start(child, pat, LIGHT)

    again = start(child, pat, FULL)

    assert outside.key in waiting_keys(again)
    assert Answer.objects.get(stage=again, key=outside.key).value == valid_value(outside)


def test_deepening_brings_full_questions_of_the_stages_sections_into_view(child, pat):
    light_section = sections_of(LIGHT)[0][0].key
    deep = pick(FULL, section=light_section, depth="full")
    full = start(child, pat, FULL)
    answer(full, deep, valid_value(deep), pat)
    light = start(child, pat, LIGHT)
    assert deep.key not in waiting_keys(light)

    deepened = operations.deepen_stage(by=pat, stage=light)

    assert deep.key in waiting_keys(deepened)


# Completion waits for every carried answer of the stage's own sections


@pytest.fixture
def carried(child, pat):
    """A light stage started from a completed one: every answer waits to be confirmed."""
    first = start(child, pat, LIGHT)
    answer_everything_required(first, pat)
    operations.complete_stage(by=pat, stage=first)
    return start(child, pat, LIGHT)


def test_complete_stage_is_refused_while_carried_answers_wait_listing_them_by_section(carried, pat):
    waiting = waiting_keys(carried)
    assert waiting

    with pytest.raises(operations.IncompleteStageError) as refused:
        operations.complete_stage(by=pat, stage=carried)

    assert refused.value.missing == []
    listed = {q.key for _section, questions in refused.value.unconfirmed for q in questions}
    assert listed == waiting
    assert [section.key for section, _q in refused.value.unconfirmed] == waiting_sections(carried)
    carried.refresh_from_db()
    assert carried.is_open


def test_complete_stage_succeeds_once_each_carried_answer_is_confirmed_or_changed(carried, pat):
    sections = waiting_sections(carried)
    first, *_rest = sections
    changed = next(iter(operations.waiting_in_section(carried, first)))
    answer(carried, changed, valid_value(catalogue().questions[changed], 1), pat)
    for section in sections:
        operations.confirm_section(
            by=pat,
            stage=carried,
            section=section,
            shown=operations.waiting_in_section(carried, section),
        )

    assert operations.complete_stage(by=pat, stage=carried).status == Stage.Status.COMPLETED


def test_confirm_section_confirms_only_what_the_page_showed(carried, pat):
    section = waiting_sections(carried)[0]
    shown = operations.waiting_in_section(carried, section)
    assert len(shown) >= 2, "the first section should carry at least two answers"
    one, other, *_ = shown
    elsewhere = waiting_sections(carried)[-1]
    elsewhere_key = next(iter(operations.waiting_in_section(carried, elsewhere)))

    count = operations.confirm_section(
        by=pat,
        stage=carried,
        section=section,
        shown={one: shown[one], other: shown[other] + 5, elsewhere_key: 1},
    )

    assert count == 1
    confirmed = dict(carried.answers.values_list("key", "is_confirmed"))
    assert confirmed[one] is True
    assert confirmed[other] is False  # shown at another version: not what the page displayed
    assert confirmed[elsewhere_key] is (elsewhere == section)


def test_confirm_section_does_not_confirm_an_answer_the_stage_does_not_show(child, pat):
    full = start(child, pat, FULL)
    outside = outside_question()
    answer(full, outside, valid_value(outside), pat)
    light = start(child, pat, LIGHT)

    count = operations.confirm_section(by=pat, stage=light, section=OUTSIDE, shown={outside.key: 1})

    assert count == 0
    assert not Answer.objects.get(stage=light, key=outside.key).is_confirmed


# Reopening


@pytest.fixture
def completed(child, pat):
    stage = start(child, pat, LIGHT)
    answer_everything_required(stage, pat)
    return operations.complete_stage(by=pat, stage=stage)


@pytest.fixture
def heard():
    calls = []

    def hook(by, stage, reason):
        calls.append((by, stage.pk, stage.status, reason))

    extensions.ON_STAGE_REOPENED.append(hook)
    yield calls
    extensions.ON_STAGE_REOPENED.remove(hook)


def test_a_manager_reopens_a_completed_stage_with_a_reason(completed, mo, manager, child, heard):
    facts_then = completed.snapshot["facts"]

    stage = operations.reopen_stage(by=mo, stage=completed, reason="  Missed the new school  ")

    stage.refresh_from_db()
    assert stage.status == Stage.Status.IN_PROGRESS
    assert (stage.ended_at, stage.ended_by, stage.end_reason) == (None, None, "")
    assert "facts" not in stage.snapshot
    assert stage.snapshot["earlier"][0]["facts"] == facts_then
    (event,) = events(child, "assessment.stage.reopened")
    assert event.detail["reason"] == "Missed the new school"
    assert event.detail["was"] == Stage.Status.COMPLETED
    assert event.actor_id == manager.user_id
    assert heard == [(mo, stage.pk, Stage.Status.IN_PROGRESS, "Missed the new school")]


def test_a_reopened_stage_can_be_completed_again_keeping_its_earlier_facts(completed, mo, pat):
    operations.reopen_stage(by=mo, stage=completed, reason="Correct an answer")

    again = operations.complete_stage(by=pat, stage=completed)

    assert again.status == Stage.Status.COMPLETED
    assert "facts" in again.snapshot
    assert len(again.snapshot["earlier"]) == 1


def test_a_stopped_stage_can_be_reopened(child, pat, mo):
    stage = start(child, pat, LIGHT)
    operations.end_stage(by=pat, stage=stage, status=Stage.Status.STOPPED, reason="Moved away")

    assert operations.reopen_stage(by=mo, stage=stage, reason="Came back").is_open


def test_a_stage_frozen_by_a_sign_off_can_be_reopened_and_the_hooks_lift_the_freeze(
    child, pat, mo, heard, monkeypatch
):
    stage = start(child, pat, LIGHT)
    held = {stage.pk}
    monkeypatch.setattr(
        extensions,
        "FREEZE_CHECKS",
        [lambda s: "signed off" if s.pk in held else None],
    )
    monkeypatch.setattr(
        extensions,
        "ON_STAGE_REOPENED",
        [*extensions.ON_STAGE_REOPENED, lambda by, s, r: held.clear()],
    )

    operations.reopen_stage(by=mo, stage=stage, reason="Judgements out of date")

    assert extensions.frozen_reason(stage) is None
    operations.ensure_editable(stage)
    assert events(child, "assessment.stage.reopened")[0].detail["held"] == "signed off"


def test_a_practitioner_may_not_reopen(completed, pat):
    with pytest.raises(operations.NotPermittedError):
        operations.reopen_stage(by=pat, stage=completed, reason="Mine")
    completed.refresh_from_db()
    assert completed.status == Stage.Status.COMPLETED


def test_a_manager_of_another_organisation_may_not_reopen(completed, make_member, southmoor):
    other = make_member("sam.manager", southmoor, Membership.Role.MANAGER)
    with pytest.raises(operations.NotPermittedError):
        operations.reopen_stage(by=actor(other), stage=completed, reason="Ours")


@pytest.mark.parametrize("reason", ["", "   "])
def test_reopening_needs_a_reason(completed, mo, reason):
    with pytest.raises(operations.ReasonRequiredError):
        operations.reopen_stage(by=mo, stage=completed, reason=reason)


def test_an_open_stage_that_nothing_holds_cannot_be_reopened(child, pat, mo):
    stage = start(child, pat, LIGHT)
    with pytest.raises(operations.CannotReopenError):
        operations.reopen_stage(by=mo, stage=stage, reason="Why not")


def test_a_cancelled_stage_cannot_be_reopened(child, pat, mo):
    stage = start(child, pat, LIGHT)
    operations.end_stage(by=mo, stage=stage, status=Stage.Status.CANCELLED, reason="Wrong child")
    with pytest.raises(operations.CannotReopenError):
        operations.reopen_stage(by=mo, stage=stage, reason="Undo")


def test_a_stage_with_a_later_stage_cannot_be_reopened(completed, child, pat, mo):
    start(child, pat, LIGHT)
    with pytest.raises(operations.CannotReopenError):
        operations.reopen_stage(by=mo, stage=completed, reason="Old one")


# Cancelling


def test_a_practitioner_may_stop_but_not_cancel(child, pat):
    stage = start(child, pat, LIGHT)
    with pytest.raises(operations.NotPermittedError):
        operations.end_stage(by=pat, stage=stage, status=Stage.Status.CANCELLED, reason="Oops")
    stage.refresh_from_db()
    assert stage.is_open
    operations.end_stage(by=pat, stage=stage, status=Stage.Status.STOPPED, reason="Moved")


def test_a_manager_cancels_with_a_reason_and_the_stage_no_longer_counts_as_latest(
    child, pat, mo, manager
):
    first = start(child, pat, LIGHT)
    mistaken = start(child, pat, LIGHT)

    operations.end_stage(
        by=mo, stage=mistaken, status=Stage.Status.CANCELLED, reason="Started for the wrong child"
    )

    mistaken.refresh_from_db()
    assert mistaken.status == Stage.Status.CANCELLED
    assert mistaken.end_reason == "Started for the wrong child"
    assert mistaken.ended_by == manager.user
    assert operations.latest_stage(child) == first
    (event,) = events(child, "assessment.stage.cancelled")
    assert event.detail["reason"] == "Started for the wrong child"


def test_cancelling_needs_a_reason(child, pat, mo):
    stage = start(child, pat, LIGHT)
    with pytest.raises(operations.ReasonRequiredError):
        operations.end_stage(by=mo, stage=stage, status=Stage.Status.CANCELLED, reason=" ")
