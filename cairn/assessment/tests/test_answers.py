"""What a valid answer to each kind of question looks like, and how answers read back."""

from __future__ import annotations

import datetime as dt

import pytest

from cairn.assessment import answers
from cairn.assessment.answers import InvalidAnswerError, clean, display
from cairn.assessment.tests.factories import options, question, words
from cairn.framework.schema import ItemField

TEXT = question("probe.text", "text")
LONG = question("probe.long", "long_text")
YES_NO = question("probe.flag", "yes_no")
YES_NO_UNSURE = question("probe.flag_unsure", "yes_no", yet_to_clarify=True)
CHOICE = question("probe.choice", "choice", options=options("first", "second"))
CHOICE_UNSURE = question(
    "probe.choice_unsure", "choice", options=options("first"), yet_to_clarify=True
)
MANY = question("probe.many", "multi_choice", options=options("red", "green", "blue"))
WHEN = question("probe.when", "date")
COUNT = question("probe.count", "number")
RATING = question("probe.rating", "rating", options=options("low", "medium", "high"))
ENTRIES = question(
    "probe.entries",
    "list",
    items=(
        ItemField(key="name", kind="text", label=words("Name")),
        ItemField(key="on", kind="date", label=words("On"), required=False),
        ItemField(key="level", kind="choice", label=words("Level"), options=options("low", "high")),
    ),
)
EVERY_KIND = [TEXT, LONG, YES_NO, CHOICE, MANY, WHEN, COUNT, RATING, ENTRIES]


@pytest.mark.parametrize("empty", [None, "", [], {}])
@pytest.mark.parametrize("kind", EVERY_KIND, ids=lambda q: q.kind)
def test_an_empty_answer_is_always_allowed_and_stored_as_none(kind, empty):
    assert clean(kind, empty) is None


@pytest.mark.parametrize("value", [None, "", [], {}])
def test_empty_values_are_not_answered(value):
    assert not answers.is_answered(value)


@pytest.mark.parametrize("value", ["x", 0, ["a"], {"a": 1}, False])
def test_any_other_value_is_answered(value):
    assert answers.is_answered(value)


# text and long text


def test_text_is_stripped_and_windows_line_endings_normalised():
    assert clean(LONG, "  first\r\nsecond  ") == "first\nsecond"


def test_text_at_its_limit_is_accepted():
    assert clean(TEXT, "a" * answers.TEXT_LIMIT) == "a" * answers.TEXT_LIMIT


def test_text_over_its_limit_is_refused_with_the_limit_named():
    with pytest.raises(InvalidAnswerError, match="500 characters or fewer"):
        clean(TEXT, "a" * (answers.TEXT_LIMIT + 1))


def test_long_text_allows_more_than_short_text():
    value = "a" * (answers.TEXT_LIMIT + 1)
    assert clean(LONG, value) == value


def test_long_text_at_its_limit_is_accepted_and_over_it_refused():
    assert len(clean(LONG, "a" * answers.LONG_TEXT_LIMIT)) == answers.LONG_TEXT_LIMIT
    with pytest.raises(InvalidAnswerError, match="20,000 characters or fewer"):
        clean(LONG, "a" * (answers.LONG_TEXT_LIMIT + 1))


def test_surrounding_spaces_do_not_count_towards_the_limit():
    assert clean(TEXT, " " + "a" * answers.TEXT_LIMIT + " ") == "a" * answers.TEXT_LIMIT


@pytest.mark.parametrize("value", [3, ["a"], {"a": "b"}, True])
def test_text_that_is_not_a_string_is_refused(value):
    with pytest.raises(InvalidAnswerError, match="Enter text"):
        clean(TEXT, value)


# yes / no


@pytest.mark.parametrize("value", ["yes", "no"])
def test_yes_no_accepts_yes_and_no(value):
    assert clean(YES_NO, value) == value


def test_yes_no_refuses_yet_to_clarify_unless_the_question_allows_it():
    with pytest.raises(InvalidAnswerError):
        clean(YES_NO, "yet_to_clarify")
    assert clean(YES_NO_UNSURE, "yet_to_clarify") == "yet_to_clarify"


@pytest.mark.parametrize("value", ["Yes", "maybe", True, 1])
def test_yes_no_refuses_anything_else(value):
    with pytest.raises(InvalidAnswerError, match="Choose one of the options"):
        clean(YES_NO_UNSURE, value)


# choice and rating


def test_choice_accepts_one_of_its_options():
    assert clean(CHOICE, "second") == "second"


def test_choice_refuses_a_value_that_is_not_an_option():
    with pytest.raises(InvalidAnswerError, match="Choose one of the options"):
        clean(CHOICE, "third")


def test_choice_refuses_a_list():
    with pytest.raises(InvalidAnswerError):
        clean(CHOICE, ["first"])


def test_choice_offers_yet_to_clarify_only_when_the_question_allows_it():
    with pytest.raises(InvalidAnswerError):
        clean(CHOICE, "yet_to_clarify")
    assert clean(CHOICE_UNSURE, "yet_to_clarify") == "yet_to_clarify"


def test_rating_accepts_its_options_and_refuses_others():
    assert clean(RATING, "high") == "high"
    with pytest.raises(InvalidAnswerError):
        clean(RATING, "extreme")


# multiple choice


def test_multi_choice_keeps_the_order_chosen():
    assert clean(MANY, ["blue", "red"]) == ["blue", "red"]


def test_multi_choice_drops_duplicates():
    assert clean(MANY, ["green", "red", "green", "red"]) == ["green", "red"]


def test_multi_choice_refuses_an_unknown_option():
    with pytest.raises(InvalidAnswerError, match="Choose one of the options"):
        clean(MANY, ["red", "purple"])


def test_multi_choice_refuses_a_single_string():
    with pytest.raises(InvalidAnswerError, match="Choose from the list"):
        clean(MANY, "red")


# dates


def test_date_is_stored_as_an_iso_date():
    assert clean(WHEN, "2024-02-29") == "2024-02-29"


@pytest.mark.parametrize("value", ["2023-02-29", "29/02/2024", "yesterday"])
def test_date_that_is_not_a_real_iso_date_is_refused(value):
    with pytest.raises(InvalidAnswerError, match="Enter a real date"):
        clean(WHEN, value)


def test_date_before_1900_is_refused():
    with pytest.raises(InvalidAnswerError, match="between 1900"):
        clean(WHEN, "1899-12-31")


def test_date_more_than_ten_years_ahead_is_refused():
    far = dt.date.today() + dt.timedelta(days=3661)
    with pytest.raises(InvalidAnswerError, match="ten years from now"):
        clean(WHEN, far.isoformat())


def test_date_that_is_not_a_string_is_refused():
    with pytest.raises(InvalidAnswerError, match="Enter a date"):
        clean(WHEN, 20240101)


# numbers


@pytest.mark.parametrize(
    ("value", "expected"), [(0, 0), (7, 7), ("12", 12), (" 3 ", 3), (100_000, 100_000)]
)
def test_number_accepts_whole_numbers_as_numbers_or_text(value, expected):
    assert clean(COUNT, value) == expected


@pytest.mark.parametrize("value", [True, False])
def test_number_refuses_true_and_false(value):
    with pytest.raises(InvalidAnswerError, match="whole number"):
        clean(COUNT, value)


@pytest.mark.parametrize("value", [-1, "-1", 100_001])
def test_number_refuses_negative_and_huge_numbers(value):
    with pytest.raises(InvalidAnswerError, match="between 0 and 100,000"):
        clean(COUNT, value)


@pytest.mark.parametrize("value", ["three", "2.5", 2.5, "1e3", "--3", "²", "-", "3-"])
def test_number_refuses_anything_that_is_not_a_whole_number(value):
    with pytest.raises(InvalidAnswerError, match="whole number"):
        clean(COUNT, value)


# lists of structured items


def test_list_cleans_each_field_of_each_entry():
    value = [{"name": "  Aunt Sam ", "on": "2024-05-01", "level": "high"}]
    assert clean(ENTRIES, value) == [{"name": "Aunt Sam", "on": "2024-05-01", "level": "high"}]


def test_list_fills_missing_fields_with_none():
    assert clean(ENTRIES, [{"name": "Coach"}]) == [{"name": "Coach", "on": None, "level": None}]


def test_list_drops_entries_with_nothing_in_them():
    value = [{"name": "", "on": None}, {"name": "Coach"}]
    assert clean(ENTRIES, value) == [{"name": "Coach", "on": None, "level": None}]


def test_list_refuses_an_entry_with_an_unknown_field_naming_it():
    with pytest.raises(InvalidAnswerError, match=r"Entry 2 has unknown fields: colour, size"):
        clean(ENTRIES, [{"name": "A"}, {"name": "B", "size": "x", "colour": "y"}])


def test_list_refuses_an_invalid_field_naming_the_field_and_the_entry():
    with pytest.raises(InvalidAnswerError, match=r"Level \(2\)"):
        clean(ENTRIES, [{"name": "A"}, {"name": "B", "level": "extreme"}])


@pytest.mark.parametrize("value", ["Coach", {"name": "Coach"}, ["Coach"]])
def test_list_refuses_anything_but_a_list_of_entries(value):
    with pytest.raises(InvalidAnswerError, match="Enter a list of entries"):
        clean(ENTRIES, value)


# display


def test_display_of_an_empty_answer_is_empty():
    assert display(CHOICE, None) == ""
    assert display(MANY, []) == ""


def test_display_shows_option_labels_in_the_chosen_language():
    assert display(CHOICE, "second") == "Second"
    assert display(CHOICE, "second", "cy") == "Second (cy)"


def test_display_of_yes_no_and_yet_to_clarify_reads_as_words():
    assert display(YES_NO_UNSURE, "yes") == "Yes"
    assert display(YES_NO_UNSURE, "no") == "No"
    assert display(YES_NO_UNSURE, "yet_to_clarify") == "Yet to clarify"
    assert display(CHOICE_UNSURE, "yet_to_clarify") == "Yet to clarify"


def test_display_of_multi_choice_joins_labels():
    assert display(MANY, ["blue", "red"]) == "Blue, Red"


def test_display_of_a_date_is_in_words():
    assert display(WHEN, "2024-03-05") == "5 March 2024"


def test_display_of_a_number_and_text_is_the_value():
    assert display(COUNT, 3) == "3"
    assert display(TEXT, "Lives with mum") == "Lives with mum"


def test_display_of_an_unknown_option_falls_back_to_the_stored_value():
    assert display(CHOICE, "retired_option") == "retired_option"


def test_display_of_a_list_shows_each_entry_with_its_answered_fields():
    value = [
        {"name": "Aunt Sam", "on": "2024-05-01", "level": "high"},
        {"name": "Coach", "on": None, "level": None},
    ]
    assert display(ENTRIES, value) == "Aunt Sam, 1 May 2024, High; Coach"


def test_an_exclusive_option_cannot_be_combined_with_others():
    from cairn.assessment.answers import InvalidAnswerError, clean
    from cairn.framework.schema import Option, Question, Text

    question = Question(
        key="home.worries",
        kind="multi_choice",
        label=Text(en="Worries", cy="Pryderon"),
        options=(
            Option(value="money", label=Text(en="Money", cy="Arian")),
            Option(
                value="none_known", label=Text(en="None known", cy="Dim yn hysbys"), exclusive=True
            ),
        ),
    )

    assert clean(question, ["none_known"]) == ["none_known"]
    assert clean(question, ["money"]) == ["money"]
    with pytest.raises(InvalidAnswerError, match="None known"):
        clean(question, ["money", "none_known"])
