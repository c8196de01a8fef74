"""Reading answers from a posted form, and the one adapter from a question to GOV.UK options."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from cairn.assessment import answers, inputs, presenters
from cairn.assessment.answers import InvalidAnswerError
from cairn.assessment.tests.factories import options, question, words
from cairn.framework.schema import ItemField

WHEN = question("probe.when", "date")
MANY = question("probe.many", "multi_choice", options=options("red", "green"))
COUNT = question("probe.count", "number")
FLAG = question("probe.flag", "yes_no", yet_to_clarify=True)
ENTRIES = question(
    "probe.entries",
    "list",
    items=(
        ItemField(key="name", kind="text", label=words("Name")),
        ItemField(key="level", kind="choice", label=words("Level"), options=options("low", "high")),
    ),
)


def form(pairs):
    query = QueryDict(mutable=True)
    for key, value in pairs:
        query.appendlist(key, value)
    return query


# inputs


def test_a_date_posts_as_day_month_and_year():
    data = form([("probe.when_day", "5"), ("probe.when_month", "3"), ("probe.when_year", "2024")])
    assert inputs.value_from(WHEN, data) == "2024-03-05"


def test_an_empty_date_is_no_answer():
    data = form([("probe.when_day", ""), ("probe.when_month", " "), ("probe.when_year", "")])
    assert inputs.value_from(WHEN, data) is None


def test_a_date_missing_a_part_is_refused():
    data = form([("probe.when_day", "5"), ("probe.when_month", ""), ("probe.when_year", "2024")])
    with pytest.raises(InvalidAnswerError, match="Enter a day, month and year"):
        inputs.value_from(WHEN, data)


@pytest.mark.parametrize(("day", "month"), [("31", "2"), ("x", "1"), ("1", "13")])
def test_an_impossible_date_is_refused(day, month):
    data = form([("probe.when_day", day), ("probe.when_month", month), ("probe.when_year", "2024")])
    with pytest.raises(InvalidAnswerError, match="Enter a real date"):
        inputs.value_from(WHEN, data)


def test_multi_choice_reads_every_ticked_box_and_ignores_blanks():
    data = form([("probe.many", "red"), ("probe.many", ""), ("probe.many", "green")])
    assert inputs.value_from(MANY, data) == ["red", "green"]


def test_a_number_is_read_as_trimmed_text_or_nothing():
    assert inputs.value_from(COUNT, form([("probe.count", " 4 ")])) == "4"
    assert inputs.value_from(COUNT, form([("probe.count", "  ")])) is None


def test_a_list_reads_each_numbered_entry_and_skips_empty_ones():
    data = form(
        [
            ("probe.entries.0.name", "Aunt Sam"),
            ("probe.entries.0.level", "high"),
            ("probe.entries.1.name", ""),
            ("probe.entries.1.level", ""),
            ("probe.entries.2.name", "Coach"),
        ]
    )

    assert inputs.value_from(ENTRIES, data) == [
        {"name": "Aunt Sam", "level": "high"},
        {"name": "Coach", "level": ""},
    ]


def test_other_kinds_read_the_field_named_for_the_question():
    assert inputs.value_from(FLAG, form([("probe.flag", "yes")])) == "yes"
    assert inputs.value_from(FLAG, form([])) == ""


def test_the_version_is_read_from_the_form_and_never_negative():
    assert inputs.version_from(FLAG, form([("version:probe.flag", "3")])) == 3
    assert inputs.version_from(FLAG, form([("version:probe.flag", "-2")])) == 0
    assert inputs.version_from(FLAG, form([("version:probe.flag", "abc")])) == 0
    assert inputs.version_from(FLAG, form([])) == 0


def test_a_question_counts_as_posted_only_when_its_version_is():
    assert inputs.posted(FLAG, form([("version:probe.flag", "0")]))
    assert not inputs.posted(FLAG, form([("probe.flag", "yes")]))


def test_names_lists_every_field_a_question_posts():
    assert inputs.names(FLAG) == ["probe.flag", "version:probe.flag"]
    assert inputs.names(WHEN) == [
        "probe.when_day",
        "probe.when_month",
        "probe.when_year",
        "version:probe.when",
    ]
    list_names = inputs.names(ENTRIES)
    assert "probe.entries.0.name" in list_names
    assert f"probe.entries.{inputs.MAX_LIST_ENTRIES - 1}.level" in list_names
    assert list_names[-1] == "version:probe.entries"


# presenters.component


def component(q, value=None, error=""):
    return presenters.component(q, name=q.key, value=value, error=error, language="en", label="L")


def test_yes_no_is_inline_radios_with_yet_to_clarify_when_allowed():
    found = component(FLAG, "no")

    assert found["component"] == "radios"
    assert "govuk-radios--inline" in found["params"]["classes"]
    items = found["params"]["items"]
    assert [item["value"] for item in items] == ["yes", "no", "yet_to_clarify"]
    assert [item["checked"] for item in items] == [False, True, False]


def test_a_short_choice_is_radios_and_a_long_one_a_select():
    short = question("probe.short", "choice", options=options(*"abc"))
    long = question("probe.long", "choice", options=options(*"abcdefghij"))

    assert component(short)["component"] == "radios"
    found = component(long, "c")
    assert found["component"] == "select"
    assert found["params"]["items"][0]["value"] == ""
    assert [item["value"] for item in found["params"]["items"] if item.get("selected")] == ["c"]


def test_multi_choice_is_checkboxes_with_the_chosen_ticked():
    found = component(MANY, ["green"])

    assert found["component"] == "checkboxes"
    assert [item["checked"] for item in found["params"]["items"]] == [False, True]


def test_long_text_is_a_character_count_and_short_text_an_input():
    assert component(question("probe.notes", "long_text"), "Hi")["params"]["value"] == "Hi"
    long = component(question("probe.notes", "long_text"))
    assert long["component"] == "character-count"
    assert long["params"]["maxlength"] == answers.LONG_TEXT_LIMIT
    assert component(question("probe.text", "text"))["component"] == "input"


def test_a_number_is_a_numeric_input():
    found = component(COUNT, 0)

    assert found["component"] == "input"
    assert found["params"]["inputmode"] == "numeric"
    assert found["params"]["value"] == 0


def test_a_date_is_three_boxes_filled_from_the_stored_date():
    found = component(WHEN, "2024-03-05")

    assert found["component"] == "date"
    assert [item["value"] for item in found["params"]["items"]] == ["5", "3", "2024"]
    assert [item["name"] for item in found["params"]["items"]] == [
        "probe.when_day",
        "probe.when_month",
        "probe.when_year",
    ]


def test_a_date_that_cannot_be_read_leaves_the_boxes_empty():
    found = component(WHEN, "not a date")
    assert [item["value"] for item in found["params"]["items"]] == ["", "", ""]


def test_an_error_is_passed_to_the_component():
    assert component(FLAG, error="Choose one")["params"]["errorMessage"] == {"text": "Choose one"}
    assert component(FLAG)["params"]["errorMessage"] is None


def test_element_id_turns_a_key_into_an_html_id():
    assert (
        presenters.element_id("living_arrangements.lives_with") == "living-arrangements-lives-with"
    )
