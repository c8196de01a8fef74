"""Starting, answering, confirming, completing, ending and deepening stages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from cairn.accounts.models import Membership, User
from cairn.assessment import answers, completion, facts, operations
from cairn.assessment.models import (
    Answer,
    AnswerRevision,
    SectionMark,
    SectionVisit,
    Stage,
    Timescale,
)
from cairn.assessment.tests.factories import (
    LIGHT,
    actor,
    answer,
    answer_everything_required,
    catalogue,
    events,
    fill_core_record,
    first_section,
    pick,
    questions_of,
    start,
    valid_value,
)
from cairn.audit.models import AuditEvent
from cairn.audit.operations import Actor
from cairn.records.models import Address

pytestmark = pytest.mark.django_db

FULL = next(stage.key for stage in catalogue().stages if stage.depth == "full")


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


@pytest.fixture
def stage(child, pat):
    return start(child, pat)


@pytest.fixture
def choice():
    """The first required choice question of the first section of the light stage type."""
    return pick(kinds=("choice",), required=True)


@pytest.fixture
def long_text():
    return pick(kinds=("long_text",), required=True)


def revisions(stage, key):
    return list(AnswerRevision.objects.filter(stage=stage, key=key).order_by("version"))


# Starting a stage


def test_start_stage_takes_its_depth_from_the_stage_type(child, pat):
    light = start(child, pat, LIGHT)
    full = start(child, pat, FULL)

    assert light.depth == Stage.Depth.LIGHT == catalogue().stage(LIGHT).depth
    assert full.depth == Stage.Depth.FULL


def test_start_stage_records_the_catalogue_version_and_who_started_it(stage, practitioner):
    assert stage.catalogue_version == catalogue().version
    assert stage.status == Stage.Status.IN_PROGRESS
    assert stage.is_open
    assert stage.started_by == practitioner.user
    assert stage.organisation == stage.child.organisation


def test_start_stage_is_due_after_the_catalogue_default(stage):
    days = catalogue().stage(LIGHT).due_days
    assert stage.due_date == timezone.localdate() + dt.timedelta(days=days)


def test_start_stage_is_due_after_the_organisations_own_timescale(child, pat, northshire):
    Timescale.objects.create(organisation=northshire, stage_type=LIGHT, due_days=3)

    stage = start(child, pat)

    assert stage.due_date == timezone.localdate() + dt.timedelta(days=3)


def test_another_organisations_timescale_does_not_apply(child, pat, southmoor):
    Timescale.objects.create(organisation=southmoor, stage_type=LIGHT, due_days=3)

    stage = start(child, pat)

    assert stage.due_date == timezone.localdate() + dt.timedelta(
        days=catalogue().stage(LIGHT).due_days
    )


def test_start_stage_of_an_unknown_type_is_refused_and_nothing_is_made(child, pat):
    with pytest.raises(operations.UnknownStageTypeError):
        start(child, pat, "not_a_stage_type")

    assert not Stage.objects.exists()


def test_start_stage_is_audited(stage, child):
    (event,) = events(child, "assessment.stage.started")

    assert event.object_id == str(stage.pk)
    assert event.detail["stage_type"] == LIGHT


# Carrying answers forward


def test_new_stage_carries_forward_the_last_stages_answers_unconfirmed(
    child, pat, stage, choice, practitioner
):
    answer(stage, choice, valid_value(choice), pat)

    review = start(child, pat, FULL)

    carried = Answer.objects.get(stage=review, key=choice.key)
    assert carried.value == valid_value(choice)
    assert carried.carried_from == stage
    assert not carried.is_confirmed
    assert carried.version == 1
    assert carried.updated_by == practitioner.user
    assert review.previous == stage


def test_carried_forward_answers_are_in_the_revision_log(child, pat, stage, choice):
    answer(stage, choice, valid_value(choice), pat)

    review = start(child, pat, FULL)

    (revision,) = revisions(review, choice.key)
    assert revision.note == "carried forward"
    assert revision.old_value is None
    assert revision.new_value == valid_value(choice)
    assert revision.version == 1


def test_carry_forward_skips_pulled_through_blank_and_unknown_answers(child, pat, stage, choice):
    pulled = pick(pulled=True)
    answer(stage, choice, valid_value(choice), pat)
    # Rows that an older catalogue or an import could have left behind:
    Answer.objects.create(stage=stage, key=pulled.key, value="Old address")
    Answer.objects.create(stage=stage, key="retired.question", value="Old")
    blank = pick(kinds=("long_text",))
    Answer.objects.create(stage=stage, key=blank.key, value=None)

    review = start(child, pat, FULL)

    assert set(review.answers.values_list("key", flat=True)) == {choice.key}


def test_carry_forward_takes_the_latest_stage_that_was_not_cancelled(child, pat, choice, manager):
    kept = start(child, pat)
    answer(kept, choice, valid_value(choice, 0), pat)
    mistaken = start(child, pat)
    answer(mistaken, choice, valid_value(choice, 1), pat)
    operations.end_stage(
        by=actor(manager), stage=mistaken, status=Stage.Status.CANCELLED, reason="Wrong child"
    )

    review = start(child, pat, FULL)

    assert review.previous == kept
    assert Answer.objects.get(stage=review, key=choice.key).value == valid_value(choice, 0)


def test_start_stage_without_carry_forward_starts_empty(child, pat, stage, choice):
    answer(stage, choice, valid_value(choice), pat)

    fresh = operations.start_stage(by=pat, child=child, stage_type=FULL, carry_forward=False)

    assert fresh.previous is None
    assert not fresh.answers.exists()


def test_first_stage_has_nothing_to_carry_forward(stage, child):
    assert stage.previous is None
    assert events(child, "assessment.stage.started")[0].detail["carried_forward"] == 0


# Recording answers


def test_first_save_of_a_question_is_based_on_version_zero(stage, pat, choice):
    saved = operations.record_answer(
        by=pat, stage=stage, key=choice.key, value=valid_value(choice), version=0
    )

    assert saved.version == 1
    assert saved.value == valid_value(choice)
    assert saved.question_label == choice.label.en
    assert saved.is_confirmed


def test_each_save_adds_one_to_the_version(stage, pat, choice):
    operations.record_answer(
        by=pat, stage=stage, key=choice.key, value=valid_value(choice, 0), version=0
    )
    second = operations.record_answer(
        by=pat, stage=stage, key=choice.key, value=valid_value(choice, 1), version=1
    )
    third = operations.record_answer(
        by=pat, stage=stage, key=choice.key, value=valid_value(choice, 0), version=2
    )

    assert (second.version, third.version) == (2, 3)
    assert Answer.objects.get(stage=stage, key=choice.key).value == valid_value(choice, 0)


def test_saved_value_is_the_cleaned_value(stage, pat, long_text):
    saved = operations.record_answer(
        by=pat, stage=stage, key=long_text.key, value="  Settled \r\nat home ", version=0
    )
    assert saved.value == "Settled \nat home"


def test_stale_save_is_refused_and_carries_the_current_answer(stage, pat, choice, manager):
    operations.record_answer(
        by=actor(manager), stage=stage, key=choice.key, value=valid_value(choice, 0), version=0
    )

    with pytest.raises(operations.StaleAnswerError) as refused:
        operations.record_answer(
            by=pat, stage=stage, key=choice.key, value=valid_value(choice, 1), version=0
        )

    assert refused.value.current.value == valid_value(choice, 0)
    assert refused.value.current.version == 1
    assert refused.value.current.updated_by == manager.user
    assert Answer.objects.get(stage=stage, key=choice.key).value == valid_value(choice, 0)
    assert len(revisions(stage, choice.key)) == 1


def test_save_based_on_a_version_that_never_existed_is_refused(stage, pat, choice):
    with pytest.raises(operations.StaleAnswerError) as refused:
        operations.record_answer(
            by=pat, stage=stage, key=choice.key, value=valid_value(choice), version=1
        )

    assert refused.value.current is None
    assert not Answer.objects.filter(stage=stage).exists()


def test_saving_the_same_confirmed_value_again_makes_no_new_version(stage, pat, choice, child):
    first = answer(stage, choice, valid_value(choice), pat)

    again = operations.record_answer(
        by=pat, stage=stage, key=choice.key, value=valid_value(choice), version=1
    )

    assert again.version == first.version == 1
    assert len(revisions(stage, choice.key)) == 1
    assert len(events(child, "assessment.answer.recorded")) == 1


def test_every_change_is_appended_to_the_revision_log(stage, pat, choice, practitioner):
    answer(stage, choice, valid_value(choice, 0), pat)
    answer(stage, choice, valid_value(choice, 1), pat)

    first, second = revisions(stage, choice.key)

    assert (first.version, first.old_value, first.new_value) == (1, None, valid_value(choice, 0))
    assert (second.version, second.old_value, second.new_value) == (
        2,
        valid_value(choice, 0),
        valid_value(choice, 1),
    )
    assert second.by == practitioner.user
    assert second.by_name == practitioner.user.username
    assert second.note == ""


def test_recording_an_answer_is_audited(stage, pat, choice, child):
    saved = answer(stage, choice, valid_value(choice), pat)

    (event,) = events(child, "assessment.answer.recorded")

    assert event.object_id == str(saved.pk)
    assert event.detail == {"stage": stage.pk, "key": choice.key, "version": 1}
    assert event.actor_username == pat.user.username


def test_saving_an_answer_unmarks_its_section(stage, pat, choice):
    operations.mark_section_complete(by=pat, stage=stage, section=choice.section_key)

    answer(stage, choice, valid_value(choice), pat)

    assert not SectionMark.objects.filter(stage=stage, section=choice.section_key).exists()


def test_saving_an_answer_leaves_other_sections_marked(stage, pat, choice):
    other = next(
        q for q in questions_of() if q.section_key != choice.section_key and q.source is None
    )
    operations.mark_section_complete(by=pat, stage=stage, section=other.section_key)

    answer(stage, choice, valid_value(choice), pat)

    assert SectionMark.objects.filter(stage=stage, section=other.section_key).exists()


def test_an_empty_answer_is_a_valid_save(stage, pat, choice):
    answer(stage, choice, valid_value(choice), pat)

    cleared = answer(stage, choice, "", pat)

    assert cleared.value is None
    assert cleared.version == 2


def test_an_invalid_answer_is_refused_and_nothing_is_saved(stage, pat, choice):
    with pytest.raises(answers.InvalidAnswerError):
        operations.record_answer(
            by=pat, stage=stage, key=choice.key, value="not_an_option", version=0
        )

    assert not Answer.objects.filter(stage=stage).exists()
    assert not AnswerRevision.objects.filter(stage=stage).exists()


def test_a_pulled_through_question_cannot_be_answered(stage, pat):
    pulled = pick(pulled=True)

    with pytest.raises(operations.PulledThroughError):
        operations.record_answer(
            by=pat, stage=stage, key=pulled.key, value="Somewhere else", version=0
        )

    assert not Answer.objects.filter(stage=stage).exists()


def test_a_question_the_catalogue_does_not_have_is_refused(stage, pat):
    with pytest.raises(operations.UnknownQuestionError):
        operations.record_answer(by=pat, stage=stage, key="nowhere.nothing", value="x", version=0)


def test_changing_a_carried_forward_answer_confirms_it_and_notes_the_correction(
    child, pat, stage, choice
):
    answer(stage, choice, valid_value(choice, 0), pat)
    review = start(child, pat, FULL)

    corrected = answer(review, choice, valid_value(choice, 1), pat)

    assert corrected.is_confirmed
    assert corrected.version == 2
    assert revisions(review, choice.key)[-1].note == "corrected"


# Confirming carried-forward answers


@pytest.fixture
def review(child, pat, stage, choice, long_text):
    answer(stage, choice, valid_value(choice), pat)
    answer(stage, long_text, "Settled at home", pat)
    return start(child, pat, FULL)


def test_confirm_answer_accepts_a_carried_forward_answer(review, pat, choice, child):
    confirmed = operations.confirm_answer(by=pat, stage=review, key=choice.key, version=1)

    assert confirmed.is_confirmed
    assert confirmed.version == 2
    assert confirmed.value == valid_value(choice)
    last = revisions(review, choice.key)[-1]
    assert (last.note, last.old_value, last.new_value) == (
        "confirmed",
        valid_value(choice),
        valid_value(choice),
    )
    assert events(child, "assessment.answer.confirmed")[0].detail == {
        "stage": review.pk,
        "key": choice.key,
    }


def test_confirm_answer_based_on_an_old_version_is_refused(review, pat, choice):
    answer(review, choice, valid_value(choice, 1), pat)

    with pytest.raises(operations.StaleAnswerError) as refused:
        operations.confirm_answer(by=pat, stage=review, key=choice.key, version=1)

    assert refused.value.current.version == 2


def test_confirm_answer_of_an_unanswered_question_is_refused(review, pat):
    other = pick(
        FULL, kinds=("long_text",), where=lambda q: not review.answers.filter(key=q.key).exists()
    )

    with pytest.raises(operations.StaleAnswerError) as refused:
        operations.confirm_answer(by=pat, stage=review, key=other.key, version=0)

    assert refused.value.current is None


def test_confirming_an_answer_twice_changes_nothing_the_second_time(review, pat, choice):
    operations.confirm_answer(by=pat, stage=review, key=choice.key, version=1)

    again = operations.confirm_answer(by=pat, stage=review, key=choice.key, version=2)

    assert again.version == 2
    assert len(revisions(review, choice.key)) == 2


def test_confirm_answer_of_an_unknown_question_is_refused(review, pat):
    with pytest.raises(operations.UnknownQuestionError):
        operations.confirm_answer(by=pat, stage=review, key="nowhere.nothing", version=1)


def test_confirm_section_confirms_every_carried_answer_of_that_section_only(
    review, pat, choice, long_text
):
    shown = operations.waiting_in_section(review, choice.section_key)
    count = operations.confirm_section(
        by=pat, stage=review, section=choice.section_key, shown=shown
    )

    in_section = [k for k in (choice.key, long_text.key) if k.startswith(f"{choice.section_key}.")]
    assert count == len(in_section)
    for answer_row in review.answers.all():
        assert answer_row.is_confirmed == (answer_row.key in in_section)


def test_confirm_section_with_nothing_to_confirm_confirms_nothing(stage, pat):
    assert (
        operations.confirm_section(
            by=pat, stage=stage, section=first_section().key, shown={pick().key: 1}
        )
        == 0
    )


# Marking sections


def test_mark_section_complete_is_recorded_once_and_audited(stage, pat, child):
    operations.mark_section_complete(by=pat, stage=stage, section=first_section().key)
    operations.mark_section_complete(by=pat, stage=stage, section=first_section().key)

    assert SectionMark.objects.filter(stage=stage).count() == 1
    assert len(events(child, "assessment.section.marked_complete")) == 2


def test_record_section_visit_keeps_one_row_per_person_and_section(stage, practitioner):
    operations.record_section_visit(
        user=practitioner.user, stage=stage, section="s", keys={"s.b", "s.a"}
    )
    operations.record_section_visit(user=practitioner.user, stage=stage, section="s", keys={"s.c"})

    (visit,) = SectionVisit.objects.filter(stage=stage)
    assert visit.seen_keys == ["s.c"]


# Completing a stage


def test_complete_stage_is_refused_listing_the_missing_required_questions(stage, pat):
    expected = completion.progress(catalogue(), LIGHT, stage.depth, {}).required_missing

    with pytest.raises(operations.IncompleteStageError) as refused:
        operations.complete_stage(by=pat, stage=stage)

    assert [q.key for q in refused.value.missing] == [q.key for q in expected]
    assert refused.value.missing
    stage.refresh_from_db()
    assert stage.is_open


def test_complete_stage_refused_for_one_missing_answer_names_it(stage, pat):
    answer_everything_required(stage, pat)
    last = completion.progress(catalogue(), LIGHT, stage.depth, {}).required_missing[-1]
    answer(stage, last, None, pat)

    with pytest.raises(operations.IncompleteStageError) as refused:
        operations.complete_stage(by=pat, stage=stage)

    assert [q.key for q in refused.value.missing] == [last.key]


def test_complete_stage_freezes_it(stage, pat, practitioner, child):
    answer_everything_required(stage, pat)

    done = operations.complete_stage(by=pat, stage=stage)

    done.refresh_from_db()
    assert done.status == Stage.Status.COMPLETED
    assert done.ended_at is not None
    assert done.ended_by == practitioner.user
    assert len(events(child, "assessment.stage.completed")) == 1


def test_complete_stage_snapshots_the_core_record_facts_its_questions_pull_through(
    stage, pat, child
):
    fill_core_record(child)
    answer_everything_required(stage, pat)
    found = completion.progress(
        catalogue(), LIGHT, stage.depth, dict(stage.answers.values_list("key", "value"))
    )
    sources = {q.source for s in found.sections for q in s.asked + s.offered if q.source}

    done = operations.complete_stage(by=pat, stage=stage)

    assert sources
    assert set(done.snapshot["facts"]) == sources
    assert done.snapshot["facts"] == facts.read_facts(facts.prefetched(child.pk), sources)
    assert any(done.snapshot["facts"].values())


def test_the_snapshot_keeps_the_facts_as_they_were_when_the_core_record_changes(stage, pat, child):
    fill_core_record(child)
    answer_everything_required(stage, pat)
    done = operations.complete_stage(by=pat, stage=stage)
    before = dict(done.snapshot["facts"])

    Address.objects.filter(child=child).update(line_1="99 New Road")

    done.refresh_from_db()
    assert done.snapshot["facts"] == before
    assert "99 New Road" not in str(before)


# A frozen stage


def ended(stage, pat, how):
    if how == "completed":
        answer_everything_required(stage, pat)
        return operations.complete_stage(by=pat, stage=stage)
    if how == Stage.Status.CANCELLED:  # cancelling is for managers
        manager = make_manager(stage)
        return operations.end_stage(by=manager, stage=stage, status=how, reason="Work ended")
    return operations.end_stage(by=pat, stage=stage, status=how, reason="Work ended")


def make_manager(stage):
    user = User.objects.create_user("mo.lifecycle", password="x" * 16)
    membership = Membership.objects.create(
        user=user, organisation=stage.organisation, role=Membership.Role.MANAGER
    )
    return actor(membership)


FROZEN = [Stage.Status.COMPLETED, Stage.Status.STOPPED, Stage.Status.CANCELLED]


@pytest.mark.parametrize("how", FROZEN)
def test_record_answer_on_a_frozen_stage_is_refused(stage, pat, choice, how):
    ended(stage, pat, how)
    before = AnswerRevision.objects.filter(stage=stage).count()

    with pytest.raises(operations.StageFrozenError):
        operations.record_answer(
            by=pat, stage=stage, key=choice.key, value=valid_value(choice, 1), version=0
        )

    assert AnswerRevision.objects.filter(stage=stage).count() == before


@pytest.mark.parametrize("how", FROZEN)
def test_every_change_to_a_frozen_stage_is_refused(stage, pat, how):
    ended(stage, pat, how)
    stage.refresh_from_db()
    section_key = first_section().key

    for change in [
        lambda: operations.confirm_answer(by=pat, stage=stage, key=pick().key, version=1),
        lambda: operations.confirm_section(
            by=pat, stage=stage, section=section_key, shown={pick().key: 1}
        ),
        lambda: operations.mark_section_complete(by=pat, stage=stage, section=section_key),
        lambda: operations.complete_stage(by=pat, stage=stage),
        lambda: operations.deepen_stage(by=pat, stage=stage),
        lambda: operations.end_stage(
            by=pat, stage=stage, status=Stage.Status.STOPPED, reason="Again"
        ),
    ]:
        with pytest.raises(operations.StageFrozenError):
            change()
    stage.refresh_from_db()
    assert stage.status == how


def test_record_answer_refuses_a_stage_ended_after_it_was_loaded(stage, pat, choice):
    loaded = Stage.objects.get(pk=stage.pk)
    operations.end_stage(by=pat, stage=stage, status=Stage.Status.STOPPED, reason="Moved away")

    with pytest.raises(operations.StageFrozenError):
        operations.record_answer(
            by=pat, stage=loaded, key=choice.key, value=valid_value(choice), version=0
        )


# Stopping and cancelling


@pytest.mark.parametrize("status", [Stage.Status.STOPPED, Stage.Status.CANCELLED])
def test_end_stage_records_how_it_ended_and_why(stage, manager, child, status):
    done = operations.end_stage(
        by=actor(manager), stage=stage, status=status, reason="Family moved away"
    )

    done.refresh_from_db()
    assert done.status == status
    assert done.end_reason == "Family moved away"
    assert done.ended_by == manager.user
    assert done.ended_at is not None
    assert len(events(child, f"assessment.stage.{status}")) == 1


def test_end_stage_cannot_complete_a_stage(stage, pat):
    with pytest.raises(ValueError):
        operations.end_stage(by=pat, stage=stage, status=Stage.Status.COMPLETED, reason="Done")

    stage.refresh_from_db()
    assert stage.is_open


def test_end_stage_keeps_at_most_300_characters_of_the_reason(stage, pat):
    done = operations.end_stage(by=pat, stage=stage, status=Stage.Status.STOPPED, reason="x" * 400)
    assert len(done.end_reason) == 300


# Deepening


def test_deepen_stage_makes_a_light_stage_full_and_keeps_every_answer(stage, pat, child):
    answer_everything_required(stage, pat)
    before = {(a.key, a.version, repr(a.value)) for a in stage.answers.all()}

    deepened = operations.deepen_stage(by=pat, stage=stage)

    deepened.refresh_from_db()
    assert deepened.depth == Stage.Depth.FULL
    assert deepened.deepened_at is not None
    assert {(a.key, a.version, repr(a.value)) for a in deepened.answers.all()} == before
    assert len(events(child, "assessment.stage.deepened")) == 1


def test_deepen_stage_adds_the_full_questions_to_the_required_set(stage, pat):
    answer_everything_required(stage, pat)
    values = dict(stage.answers.values_list("key", "value"))
    assert completion.progress(catalogue(), LIGHT, stage.depth, values).is_complete

    deepened = operations.deepen_stage(by=pat, stage=stage)

    missing = completion.progress(catalogue(), LIGHT, deepened.depth, values).required_missing
    assert missing
    # Deepening asks every section in full (catalogue/README.md): the stage's own sections add
    # their full questions, and a section the light stage only offered (depth `further`) is
    # now asked in full too, so its core questions become required as well.
    offered = {
        entry.section for entry in catalogue().stage(LIGHT).sections if entry.depth == "further"
    }
    assert any(q.depth == "full" for q in missing)
    for question in missing:
        assert question.depth == "full" or question.key.split(".")[0] in offered
    with pytest.raises(operations.IncompleteStageError):
        operations.complete_stage(by=pat, stage=deepened)


def test_deepening_a_full_stage_changes_nothing(child, pat):
    full = start(child, pat, FULL)

    again = operations.deepen_stage(by=pat, stage=full)

    assert again.depth == Stage.Depth.FULL
    assert again.deepened_at is None
    assert not AuditEvent.objects.filter(event_type="assessment.stage.deepened").exists()


def test_system_actor_is_named_system_in_the_revision_log(stage, choice):
    answer(stage, choice, valid_value(choice), Actor.system(stage.organisation))
    assert revisions(stage, choice.key)[0].by_name == "system"


def test_saving_the_stored_value_from_an_older_version_is_not_a_conflict(stage, pat, long_text):
    """A page's form post racing its own autosave of the same text: the same value is saved."""
    operations.record_answer(by=pat, stage=stage, key=long_text.key, value="Settled", version=0)

    again = operations.record_answer(
        by=pat, stage=stage, key=long_text.key, value="Settled", version=0
    )

    assert again.version == 1
    assert again.value == "Settled"
    assert len(revisions(stage, long_text.key)) == 1


def test_saving_a_colleagues_value_from_an_older_version_is_not_a_conflict(
    stage, pat, manager, long_text
):
    operations.record_answer(
        by=actor(manager), stage=stage, key=long_text.key, value="Settled", version=0
    )

    same = operations.record_answer(
        by=pat, stage=stage, key=long_text.key, value="Settled", version=0
    )

    assert same.version == 1
    assert same.updated_by == manager.user
