"""Writing hints: keep description apart from analysis, and say things once."""

from __future__ import annotations

from cairn.assessment import coaching, presenters
from cairn.assessment.coaching import Hint, hints_for
from cairn.assessment.tests.factories import catalogue

PARAGRAPH = "Kai shares a bedroom with his brother and says he cannot sleep at night."


def test_analysis_words_in_a_description_answer_produce_a_hint():
    found = hints_for(
        "a.b", "He stays out late because friends do.", is_description=True, others={}
    )

    assert found == [Hint("analysis", marker="because")]


def test_the_analysis_marker_is_found_whatever_its_case():
    assert coaching.analysis_marker("THEREFORE he left.") == "therefore"
    assert coaching.analysis_marker("This suggests a pattern") == "this suggests"


def test_analysis_words_in_an_analysis_answer_produce_no_hint():
    assert hints_for("a.b", "He offends because of debt.", is_description=False, others={}) == []


def test_a_marker_inside_another_word_is_not_analysis():
    assert coaching.analysis_marker("The fine was overdue tomorrow.") is None


def test_plain_description_has_no_hint():
    assert hints_for("a.b", "Mum said he was home by nine.", is_description=True, others={}) == []


def test_an_empty_or_non_text_answer_has_no_hints():
    assert hints_for("a.b", "", is_description=True, others={"c.d": ""}) == []
    assert hints_for("a.b", ["because"], is_description=True, others={}) == []
    assert hints_for("a.b", None, is_description=True, others={}) == []


def test_a_long_paragraph_repeated_in_another_answer_names_that_answer():
    others = {"a.b": PARAGRAPH, "c.d": f"Visited on Monday.\n\n{PARAGRAPH}"}

    found = hints_for("a.b", PARAGRAPH, is_description=False, others=others)

    assert found == [Hint("repeat", other_key="c.d")]


def test_repeats_are_found_despite_spacing_and_case():
    others = {"c.d": PARAGRAPH.upper().replace(" ", "   ")}

    assert hints_for("a.b", PARAGRAPH, is_description=False, others=others) == [
        Hint("repeat", other_key="c.d")
    ]


def test_a_short_paragraph_repeated_is_not_named():
    short = "Lives with mum and two brothers in a flat."
    assert len(short) < coaching.MIN_REPEAT_LENGTH

    assert hints_for("a.b", short, is_description=False, others={"c.d": short}) == []


def test_a_paragraph_of_exactly_the_minimum_length_counts():
    exact = "x" * coaching.MIN_REPEAT_LENGTH

    assert hints_for("a.b", exact, is_description=False, others={"c.d": exact}) == [
        Hint("repeat", other_key="c.d")
    ]


def test_only_the_first_repeat_is_named_and_non_text_answers_are_skipped():
    others = {"a.b": PARAGRAPH, "c.d": ["list"], "e.f": PARAGRAPH, "g.h": PARAGRAPH}

    assert hints_for("a.b", PARAGRAPH, is_description=False, others=others) == [
        Hint("repeat", other_key="e.f")
    ]


def test_analysis_and_repeat_hints_together():
    text = f"{PARAGRAPH} This means he is tired."
    found = hints_for("a.b", text, is_description=True, others={"c.d": text})

    assert [hint.kind for hint in found] == ["analysis", "repeat"]


# How hints read


def test_analysis_hint_text_quotes_the_marker():
    (text,) = presenters.hint_texts([Hint("analysis", marker="due to")], catalogue(), "en")

    assert "‘due to’" in text
    assert "Explanations and Conclusions" in text


def test_repeat_hint_text_names_the_other_question_and_its_section():
    other = next(iter(catalogue().questions.values()))
    section = catalogue().section(other.section_key)

    (text,) = presenters.hint_texts([Hint("repeat", other_key=other.key)], catalogue(), "en")

    assert other.label.en in text
    assert section.title.en in text


def test_repeat_hint_of_an_unknown_question_is_left_out():
    assert presenters.hint_texts([Hint("repeat", other_key="gone.away")], catalogue(), "en") == []
