"""The completion map: what a stage asks, what is required, what is missing, what is new.

Pure functions, tested against a small catalogue built here; the working catalogue is used
only for the proportionality budget of the light stage types.
"""

from __future__ import annotations

import pytest

from cairn.assessment.completion import SectionState, effort, is_shown, progress, stage_sections
from cairn.assessment.tests.factories import (
    catalogue,
    inline_catalogue,
    options,
    question,
    section,
    stage_type,
)

HOME = section(
    "home",
    question("home.address", source="child.current_address"),
    question("home.lives_with", "choice", options=options("parents", "relatives")),
    question("home.is_stable", "yes_no", yet_to_clarify=True),
    question("home.concerns", "long_text", show_if={"question": "home.is_stable", "equals": "no"}),
    question("home.moves", "number", depth="full"),
    question("home.note", "text", required=False),
    question("home.carer_view", "long_text", depth="further"),
)
WORRIES = section(
    "worries",
    question("worries.kinds", "multi_choice", options=options("money", "health", "none")),
    question(
        "worries.details",
        "long_text",
        show_if={"question": "worries.kinds", "in": ["money", "health"]},
    ),
    question("worries.known_to_school", "yes_no", required=False),
    question(
        "worries.school_says",
        "long_text",
        show_if={"question": "worries.known_to_school", "answered": True},
    ),
    question(
        "worries.why_not_asked",
        "long_text",
        show_if={"question": "worries.known_to_school", "answered": False},
        required=False,
    ),
)
EXTRAS = section(
    "extras",
    question("extras.anything_else", "long_text", required=False),
    question("extras.deeper", "long_text", depth="further"),
)
SKIPPED = section("skipped", question("skipped.never", "text"))
CATALOGUE = inline_catalogue(
    [HOME, WORRIES, EXTRAS, SKIPPED],
    [
        # Listed out of catalogue order on purpose: sections show in catalogue order.
        stage_type("light", "core", "extras", "home", "worries"),
        stage_type("full_stage", "full", "home", ("worries", "core")),
        stage_type("mixed", "core", ("home", "full"), "worries"),
    ],
)
HOME_DONE = {"home.lives_with": "parents", "home.is_stable": "yes"}


def keys(questions):
    return [q.key for q in questions]


def home(stage="light", depth="core", answers=None, **extra):
    return progress(CATALOGUE, stage, depth, answers or {}, **extra).section("home")


# Which sections, at which depth


def test_stage_asks_its_sections_in_catalogue_order_at_its_depth():
    found = stage_sections(CATALOGUE, "light", "core")

    assert [(s.key, depth) for s, depth in found] == [
        ("home", "core"),
        ("worries", "core"),
        ("extras", "core"),
    ]


def test_a_section_depth_set_by_the_stage_type_overrides_the_stage_depth():
    assert [(s.key, d) for s, d in stage_sections(CATALOGUE, "full_stage", "full")] == [
        ("home", "full"),
        ("worries", "core"),
    ]
    assert [(s.key, d) for s, d in stage_sections(CATALOGUE, "mixed", "core")] == [
        ("home", "full"),
        ("worries", "core"),
    ]


def test_a_deepened_light_stage_asks_every_section_in_full():
    assert {d for _, d in stage_sections(CATALOGUE, "light", "full")} == {"full"}


# Core, full and further


def test_a_light_stage_asks_core_questions_only():
    found = home()

    assert keys(found.asked) == ["home.address", "home.lives_with", "home.is_stable", "home.note"]
    assert "home.moves" not in keys(found.asked + found.offered)


def test_a_full_stage_asks_core_and_full_questions():
    assert "home.moves" in keys(home("full_stage", "full").asked)


def test_a_deepened_light_stage_asks_full_questions_and_requires_them():
    found = home("light", "full", HOME_DONE)

    assert "home.moves" in keys(found.asked)
    assert keys(found.required_missing) == ["home.moves"]


def test_further_exploration_is_offered_at_every_depth_and_never_required():
    for stage, depth in [("light", "core"), ("full_stage", "full")]:
        found = home(stage, depth)
        assert keys(found.offered) == ["home.carer_view"]
        assert "home.carer_view" not in keys(found.required_missing)


def test_a_pulled_through_question_is_shown_but_never_required():
    found = home()

    assert "home.address" in keys(found.asked)
    assert "home.address" not in keys(found.required_missing)


def test_an_optional_question_is_asked_but_not_required():
    found = home()

    assert "home.note" in keys(found.asked)
    assert "home.note" not in keys(found.required_missing)


def test_required_missing_lists_shown_required_unanswered_questions_in_order():
    assert keys(home().required_missing) == ["home.lives_with", "home.is_stable"]


def test_a_blank_answer_still_counts_as_missing():
    assert keys(home(answers={"home.lives_with": "", "home.is_stable": None}).required_missing) == [
        "home.lives_with",
        "home.is_stable",
    ]


def test_counts_of_required_and_answered_questions():
    found = home(answers={"home.lives_with": "parents", "home.note": "x", "home.carer_view": "y"})

    assert found.required_count == 2
    assert found.answered_count == 3


# Show-if


def test_follow_up_is_hidden_until_its_condition_holds():
    assert "home.concerns" not in keys(home(answers={"home.is_stable": "yes"}).asked)


def test_follow_up_shown_by_equals_becomes_required():
    found = home(answers={"home.lives_with": "parents", "home.is_stable": "no"})

    assert "home.concerns" in keys(found.asked)
    assert keys(found.required_missing) == ["home.concerns"]


def test_follow_up_shown_by_in_matches_any_listed_value():
    found = progress(CATALOGUE, "light", "core", {"worries.kinds": "money"}).section("worries")
    assert "worries.details" in keys(found.asked)


def test_follow_up_shown_by_in_matches_a_multi_choice_holding_any_listed_value():
    shown = progress(CATALOGUE, "light", "core", {"worries.kinds": ["none", "health"]}).section(
        "worries"
    )
    hidden = progress(CATALOGUE, "light", "core", {"worries.kinds": ["none"]}).section("worries")

    assert "worries.details" in keys(shown.asked)
    assert "worries.details" not in keys(hidden.asked)


def test_follow_up_shown_by_answered_true_appears_once_the_question_is_answered():
    before = progress(CATALOGUE, "light", "core", {}).section("worries")
    after = progress(CATALOGUE, "light", "core", {"worries.known_to_school": "no"}).section(
        "worries"
    )

    assert "worries.school_says" not in keys(before.asked)
    assert "worries.school_says" in keys(after.asked)
    assert "worries.school_says" in keys(after.required_missing)


def test_follow_up_shown_by_answered_false_disappears_once_the_question_is_answered():
    before = progress(CATALOGUE, "light", "core", {}).section("worries")
    after = progress(CATALOGUE, "light", "core", {"worries.known_to_school": "yes"}).section(
        "worries"
    )

    assert "worries.why_not_asked" in keys(before.asked)
    assert "worries.why_not_asked" not in keys(after.asked)


def test_is_shown_without_a_condition_is_always_true():
    assert is_shown(HOME.questions[1], {})


def test_an_answer_to_a_hidden_follow_up_is_neither_counted_nor_required():
    found = home(answers={**HOME_DONE, "home.concerns": "Old worry"})

    assert "home.concerns" not in keys(found.asked)
    assert found.answered_count == 2


# Section states


def test_section_with_required_questions_missing_says_so():
    assert home().state == SectionState.REQUIRED_MISSING


def test_section_with_everything_required_answered_is_ready_until_marked():
    assert home(answers=HOME_DONE).state == SectionState.READY


def test_section_is_complete_only_when_marked_and_nothing_is_missing():
    assert home(answers=HOME_DONE, marked={"home"}).state == SectionState.COMPLETE


def test_a_marked_section_with_a_required_question_missing_is_not_complete():
    found = home(answers={**HOME_DONE, "home.is_stable": "no"}, marked={"home"})

    assert found.is_marked_complete
    assert found.state == SectionState.REQUIRED_MISSING


def test_section_with_only_optional_questions_is_optional():
    extras = progress(CATALOGUE, "light", "core", {}).section("extras")

    assert extras.required_count == 0
    assert extras.state == SectionState.OPTIONAL_ONLY


def test_a_marked_optional_section_is_complete():
    extras = progress(CATALOGUE, "light", "core", {}, marked={"extras"}).section("extras")
    assert extras.state == SectionState.COMPLETE


def test_stage_is_complete_when_no_section_misses_a_required_answer():
    values = {**HOME_DONE, "worries.kinds": ["none"], "worries.why_not_asked": ""}
    found = progress(CATALOGUE, "light", "core", values)

    assert found.is_complete
    assert found.required_missing == []


def test_stage_required_missing_gathers_every_section_in_order():
    found = progress(CATALOGUE, "light", "core", {})

    assert keys(found.required_missing) == ["home.lives_with", "home.is_stable", "worries.kinds"]
    assert not found.is_complete


def test_section_lookup_of_a_section_the_stage_does_not_ask_fails():
    with pytest.raises(StopIteration):
        progress(CATALOGUE, "light", "core", {}).section("skipped")


# New questions since the person's last visit


def test_without_a_record_of_visits_nothing_is_new():
    assert home().new_keys == frozenset()
    assert not home(seen={}).has_new_questions


def test_questions_shown_since_the_last_visit_are_new():
    seen = {"home": {q.key for q in home().asked + home().offered}}

    found = home(answers={"home.is_stable": "no"}, seen=seen)

    assert found.new_keys == {"home.concerns"}
    assert found.has_new_questions


def test_questions_added_by_deepening_are_new_to_someone_who_saw_the_light_section():
    light = home()
    seen = {"home": {q.key for q in light.asked + light.offered}}

    deepened = home("light", "full", seen=seen)

    assert deepened.new_keys == {"home.moves"}


def test_nothing_is_new_when_every_shown_question_was_seen():
    found = home()
    assert home(seen={"home": {q.key for q in found.asked + found.offered}}).new_keys == frozenset()


# The proportionality budget, on the working catalogue


def test_effort_counts_required_inputs_optional_inputs_and_screens():
    found = effort(CATALOGUE, "light")

    # home: lives_with, is_stable; worries: kinds. Pulled-through and show-if questions are not
    # required inputs; optional, further and conditional ones are optional inputs.
    assert found == {
        "required_inputs": 3,
        "optional_inputs": 9,
        "screens": 3,
        "optional_screens": 0,
    }


LIGHT_STAGE_TYPES = [stage.key for stage in catalogue().stages if stage.depth == "core"]


def test_the_working_catalogue_has_light_stage_types():
    assert "out_of_court" in LIGHT_STAGE_TYPES


@pytest.mark.parametrize("stage_type_key", LIGHT_STAGE_TYPES)
def test_a_light_stage_type_keeps_to_forty_required_inputs_on_six_screens(stage_type_key):
    found = effort(catalogue(), stage_type_key)

    assert 0 < found["required_inputs"] <= 40
    assert 0 < found["screens"] <= 6


def test_every_stage_type_of_the_working_catalogue_has_a_section_to_ask():
    for stage in catalogue().stages:
        assert stage_sections(catalogue(), stage.key, stage.depth)


def test_a_follow_up_of_a_hidden_question_is_hidden_too():
    first = question("home.settled", "yes_no")
    second = question("home.moves", "yes_no", show_if={"question": "home.settled", "equals": "no"})
    third = question("home.why", "long_text", show_if={"question": "home.moves", "equals": "yes"})
    questions = {q.key: q for q in (first, second, third)}

    # "moves" still holds "yes" from before, but "settled" is now "yes", which hides "moves".
    answers = {"home.settled": "yes", "home.moves": "yes"}

    assert not is_shown(second, answers, questions)
    assert not is_shown(third, answers, questions)
    assert is_shown(third, {"home.settled": "no", "home.moves": "yes"}, questions)


# Carried-forward answers waiting to be confirmed


def test_a_section_showing_carried_answers_to_confirm_is_not_ready_to_mark_complete():
    found = home(answers=HOME_DONE, unconfirmed={"home.lives_with", "home.is_stable"})

    assert keys(found.unconfirmed) == ["home.lives_with", "home.is_stable"]
    assert found.state == SectionState.TO_CONFIRM


def test_a_marked_section_with_carried_answers_to_confirm_is_not_complete():
    found = home(answers=HOME_DONE, marked={"home"}, unconfirmed={"home.lives_with"})

    assert found.state == SectionState.TO_CONFIRM


def test_required_questions_left_come_before_answers_to_confirm():
    found = home(answers={"home.lives_with": "parents"}, unconfirmed={"home.lives_with"})

    assert found.state == SectionState.REQUIRED_MISSING
    assert keys(found.unconfirmed) == ["home.lives_with"]


def test_an_unconfirmed_answer_the_section_does_not_show_is_not_waiting():
    # a hidden follow-up, a full question of a light stage, another section's question
    hidden = {"home.concerns", "home.moves", "worries.kinds"}
    found = home(answers=HOME_DONE, marked={"home"}, unconfirmed=hidden)

    assert found.unconfirmed == ()
    assert found.state == SectionState.COMPLETE
