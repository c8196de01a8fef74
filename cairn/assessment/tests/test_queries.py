"""Reading stages, answers and their history: diffs come from the revision log."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import Http404
from django.utils import timezone

from cairn.assessment import operations, queries
from cairn.assessment.models import Stage
from cairn.assessment.tests.factories import (
    actor,
    answer,
    answer_everything_required,
    custody_grant,
    frozen,
    pick,
    start,
    valid_value,
)
from cairn.records.access import Access

pytestmark = pytest.mark.django_db

T0 = timezone.now().replace(microsecond=0) - dt.timedelta(days=10)


def at(hours):
    return T0 + dt.timedelta(hours=hours)


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


@pytest.fixture
def mo(manager):
    return actor(manager)


@pytest.fixture
def first():
    return pick(kinds=("choice",), required=True)


@pytest.fixture
def second():
    return pick(kinds=("long_text",), required=True)


@pytest.fixture
def stage(child, pat):
    with frozen(at(0)):
        return start(child, pat)


@pytest.fixture
def history(stage, pat, mo, first, second):
    """first: v0 at 1h by pat, v1 at 2h by mo; second: written at 3h by pat."""
    with frozen(at(1)):
        answer(stage, first, valid_value(first, 0), pat)
    with frozen(at(2)):
        answer(stage, first, valid_value(first, 1), mo)
    with frozen(at(3)):
        answer(stage, second, "Lives with mum", pat)
    return stage


# changes_since


def test_changes_since_gives_each_changed_question_its_value_then_and_now(
    history, first, second, manager, practitioner
):
    changes = queries.changes_since(history, at(1.5))

    assert [(c.key, c.old, c.new, c.by, c.at) for c in changes] == [
        (second.key, None, "Lives with mum", practitioner.user.username, at(3)),
        (first.key, valid_value(first, 0), valid_value(first, 1), manager.user.username, at(2)),
    ]


def test_changes_since_spans_several_saves_of_the_same_question(history, first):
    (change,) = [c for c in queries.changes_since(history, at(0.5)) if c.key == first.key]

    assert (change.old, change.new) == (None, valid_value(first, 1))


def test_changes_since_now_is_empty(history):
    assert queries.changes_since(history, at(4)) == []


def test_changes_since_leaves_out_an_answer_changed_and_changed_back(history, first, pat):
    with frozen(at(4)):
        answer(history, first, valid_value(first, 0), pat)

    keys = [c.key for c in queries.changes_since(history, at(1.5))]

    assert first.key not in keys


def test_changes_since_ignores_pure_confirmations(child, pat, first):
    with frozen(at(0)):
        earlier = start(child, pat)
        answer(earlier, first, valid_value(first), pat)
    with frozen(at(1)):
        review = start(child, pat, "review")
    with frozen(at(2)):
        operations.confirm_answer(by=pat, stage=review, key=first.key, version=1)

    assert queries.changes_since(review, at(1)) == []


def test_changes_since_the_start_leaves_out_carried_forward_answers_and_shows_corrections(
    child, pat, first
):
    with frozen(at(0)):
        earlier = start(child, pat)
        answer(earlier, first, valid_value(first, 0), pat)
    with frozen(at(1)):
        review = start(child, pat, "review")
    with frozen(at(2)):
        answer(review, first, valid_value(first, 1), pat)

    (change,) = queries.changes_since(review, review.started_at)

    assert (change.key, change.old, change.new) == (
        first.key,
        valid_value(first, 0),
        valid_value(first, 1),
    )


# values_at


def test_values_at_gives_the_answers_as_they_stood(history, first, second):
    assert queries.values_at(history, at(0.5)) == {}
    assert queries.values_at(history, at(1)) == {first.key: valid_value(first, 0)}
    assert queries.values_at(history, at(2.5)) == {first.key: valid_value(first, 1)}
    assert queries.values_at(history, at(3)) == {
        first.key: valid_value(first, 1),
        second.key: "Lives with mum",
    }


def test_values_at_now_equals_the_stored_answers(history):
    assert queries.values_at(history, timezone.now()) == queries.values_of(history)


# compare and history_of


def test_compare_lists_only_differences_in_key_order():
    old = {"b.one": "x", "a.two": "same", "c.three": "gone"}
    new = {"b.one": "y", "a.two": "same", "a.four": "new"}

    assert queries.compare(old, new) == [
        ("a.four", None, "new"),
        ("b.one", "x", "y"),
        ("c.three", "gone", None),
    ]


def test_compare_of_equal_answers_is_empty():
    assert queries.compare({"a.b": ["x"]}, {"a.b": ["x"]}) == []


def test_history_of_lists_every_version_newest_first(history, first, manager):
    revisions = list(queries.history_of(history, first.key))

    assert [r.version for r in revisions] == [2, 1]
    assert revisions[0].new_value == valid_value(first, 1)
    assert revisions[0].by == manager.user


def test_history_of_an_unanswered_question_is_empty(stage):
    assert not queries.history_of(stage, "nowhere.nothing").exists()


# Reading stages and answers


def test_stages_of_lists_a_childs_stages_newest_first(child, pat, make_child, northshire):
    with frozen(at(0)):
        older = start(child, pat)
    with frozen(at(1)):
        newer = start(child, pat, "review")
    start(make_child(northshire, "Other", "Child"), pat)

    assert list(queries.stages_of(child)) == [newer, older]


def test_answers_values_marks_and_visits_of_a_stage(history, first, second, pat, practitioner):
    operations.mark_section_complete(by=pat, stage=history, section=first.section_key)
    operations.record_section_visit(
        user=practitioner.user, stage=history, section="x", keys={"x.a"}
    )

    assert set(queries.answers_of(history)) == {first.key, second.key}
    assert queries.answers_of(history)[first.key].version == 2
    assert queries.values_of(history) == {
        first.key: valid_value(first, 1),
        second.key: "Lives with mum",
    }
    assert queries.marked_sections(history) == {first.section_key}
    assert queries.seen_keys(history, practitioner.user) == {"x": {"x.a"}}


def test_last_completed_at_is_set_only_for_a_completed_stage(stage, pat):
    assert queries.last_completed_at(stage) is None
    answer_everything_required(stage, pat)

    done = operations.complete_stage(by=pat, stage=stage)

    assert queries.last_completed_at(done) == done.ended_at


def test_last_completed_at_of_a_stopped_stage_is_none(stage, pat):
    done = operations.end_stage(by=pat, stage=stage, status=Stage.Status.STOPPED, reason="Moved")
    assert queries.last_completed_at(done) is None


# stage_for


def test_stage_for_gives_the_stage_and_the_access_of_its_own_organisation(stage, practitioner):
    found, access = queries.stage_for(practitioner, stage.pk)

    assert found == stage
    assert access == Access.EDIT


def test_stage_for_is_not_found_for_another_organisation(stage, other_practitioner):
    with pytest.raises(Http404):
        queries.stage_for(other_practitioner, stage.pk)


def test_stage_for_is_not_found_for_nobody(stage):
    with pytest.raises(Http404):
        queries.stage_for(None, stage.pk)


def test_stage_for_an_unknown_stage_is_not_found(practitioner):
    with pytest.raises(Http404):
        queries.stage_for(practitioner, 999_999)


def test_stage_for_a_custody_grant_reads_but_cannot_edit(stage, child, secure_staff, oakwood):
    custody_grant(child, oakwood)

    found, access = queries.stage_for(secure_staff, stage.pk)

    assert found == stage
    assert access == Access.READ
    with pytest.raises(Http404):
        queries.stage_for(secure_staff, stage.pk, Access.EDIT)


def test_changes_since_ignore_answers_carried_forward_from_the_last_stage(
    child, pat, first, second
):
    with frozen(at(0)):
        earlier = start(child, pat)
        answer(earlier, first, valid_value(first, 0), pat)
        answer(earlier, second, "Settled", pat)
    with frozen(at(2)):
        review = start(child, pat, "review")
    with frozen(at(3)):
        answer(review, first, valid_value(first, 1), pat)

    changes = queries.changes_since(review, at(1))

    assert [(c.key, c.old, c.new) for c in changes] == [
        (first.key, valid_value(first, 0), valid_value(first, 1))
    ]
