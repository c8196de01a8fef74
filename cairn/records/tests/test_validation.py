"""The Core Record's own rules about its facts (shared by forms and the API)."""

from __future__ import annotations

import datetime as dt

import pytest

from cairn.records import validation
from cairn.records.models import Child, Offence
from cairn.records.tests.factories import long_date, today, years_ago

ONE_DAY = dt.timedelta(days=1)


def a_child(date_of_birth: dt.date | None = None, **extra) -> Child:
    return Child(
        given_name="Kai",
        family_name="Brennan",
        date_of_birth=date_of_birth or years_ago(15),
        **extra,
    )


# Date of birth --------------------------------------------------------------------------------


def test_date_of_birth_in_the_future_is_refused():
    assert validation.date_of_birth_errors(today() + ONE_DAY) == {
        "date_of_birth": "Date of birth must be in the past"
    }


def test_missing_date_of_birth_has_no_rule_of_its_own():
    assert validation.date_of_birth_errors(None) == {}


@pytest.mark.parametrize("years", [8, 10, 17, 25])
def test_date_of_birth_of_a_child_aged_8_to_25_is_accepted(years):
    assert validation.date_of_birth_errors(years_ago(years)) == {}


def test_date_of_birth_of_a_child_under_8_is_refused():
    errors = validation.date_of_birth_errors(years_ago(8) + ONE_DAY)

    assert errors["date_of_birth"].startswith("Date of birth must be at least 8 years ago")


def test_date_of_birth_of_someone_aged_26_is_refused():
    errors = validation.date_of_birth_errors(years_ago(26))

    assert errors == {"date_of_birth": "Date of birth must be no more than 25 years ago"}


def test_date_of_birth_today_is_refused_as_too_young():
    errors = validation.date_of_birth_errors(today())

    assert "at least 8 years ago" in errors["date_of_birth"]


# Identifiers ----------------------------------------------------------------------------------


def test_identifiers_are_normalised_and_blank_ones_cleared():
    values, errors = validation.normalised_identifiers(
        {"pnc_number": "12/1234567c", "nhs_number": "9434765919", "upn": " "}
    )

    assert errors == {}
    assert values == {"pnc_number": "12/1234567C", "nhs_number": "943 476 5919", "upn": ""}


def test_identifiers_not_in_the_data_are_left_alone():
    values, errors = validation.normalised_identifiers({"pnc_number": ""})

    assert values == {"pnc_number": ""}
    assert errors == {}


def test_each_malformed_identifier_gets_its_own_message():
    values, errors = validation.normalised_identifiers(
        {"pnc_number": "12/1234567D", "nhs_number": "123", "upn": "H801200001001"}
    )

    assert set(errors) == {"pnc_number", "nhs_number"}
    assert errors["pnc_number"].startswith("Enter a real PNC ID")
    assert errors["nhs_number"].startswith("Enter an NHS number with 10 digits")
    assert values == {"upn": "H801200001001"}


# Offences -------------------------------------------------------------------------------------


def test_offence_before_tenth_birthday_is_refused_with_the_date_named():
    child = a_child(dt.date(2012, 3, 14), preferred_name="Kai")

    errors = validation.offence_errors(child, {"offence_date": dt.date(2022, 3, 13)})

    assert errors["offence_date"] == (
        "Offence date must be on or after Kai’s tenth birthday (14 March 2022): "
        "children under 10 cannot commit a criminal offence"
    )


def test_offence_on_tenth_birthday_is_accepted():
    child = a_child(dt.date(2012, 3, 14))

    assert validation.offence_errors(child, {"offence_date": dt.date(2022, 3, 14)}) == {}


def test_tenth_birthday_of_a_child_born_on_29_february_is_1_march():
    child = a_child(dt.date(2012, 2, 29))

    errors = validation.offence_errors(child, {"offence_date": dt.date(2022, 2, 28)})

    assert "(1 March 2022)" in errors["offence_date"]
    assert validation.offence_errors(child, {"offence_date": dt.date(2022, 3, 1)}) == {}


def test_offence_message_uses_the_name_the_child_is_known_by():
    child = a_child(dt.date(2012, 3, 14), preferred_name="KB")

    errors = validation.offence_errors(child, {"offence_date": dt.date(2021, 1, 1)})

    assert "KB’s tenth birthday" in errors["offence_date"]


def test_offence_in_the_future_is_refused():
    errors = validation.offence_errors(a_child(), {"offence_date": today() + ONE_DAY})

    assert errors == {"offence_date": "Offence date must be today or in the past"}


def test_outcome_without_a_date_is_refused():
    child = a_child()

    errors = validation.offence_errors(
        child, {"offence_date": years_ago(1), "outcome_type": Offence.Outcome.YOUTH_CAUTION}
    )

    assert errors == {"outcome_date": "Enter the date of the outcome"}


def test_outcome_date_without_an_outcome_is_refused():
    errors = validation.offence_errors(
        a_child(), {"offence_date": years_ago(1), "outcome_date": years_ago(1)}
    )

    assert errors == {"outcome_type": "Select the outcome, or remove the outcome date"}


def test_outcome_date_before_the_offence_is_refused():
    data = {
        "offence_date": years_ago(1),
        "outcome_type": Offence.Outcome.YOUTH_CAUTION,
        "outcome_date": years_ago(1) - ONE_DAY,
    }

    errors = validation.offence_errors(a_child(), data)

    assert errors == {"outcome_date": "Outcome date must be the same as or after the offence date"}


def test_outcome_on_the_day_of_the_offence_is_accepted():
    data = {
        "offence_date": years_ago(1),
        "outcome_type": Offence.Outcome.COMMUNITY_RESOLUTION,
        "outcome_date": years_ago(1),
    }

    assert validation.offence_errors(a_child(), data) == {}


def test_outcome_more_than_a_year_ahead_is_refused():
    data = {
        "offence_date": years_ago(1),
        "outcome_type": Offence.Outcome.YOUTH_CAUTION,
        "outcome_date": today() + dt.timedelta(days=367),
    }

    errors = validation.offence_errors(a_child(), data)

    assert errors == {"outcome_date": "Outcome date must be within the next year"}


@pytest.mark.parametrize("outcome", sorted(Offence.COURT_OUTCOMES))
def test_court_outcome_without_a_court_is_refused(outcome):
    data = {
        "offence_date": years_ago(1),
        "outcome_type": outcome,
        "outcome_date": years_ago(1),
        "court": "  ",
    }

    errors = validation.offence_errors(a_child(), data)

    assert errors == {"court": "Enter the court that decided the outcome"}


@pytest.mark.parametrize(
    "outcome",
    [
        Offence.Outcome.COMMUNITY_RESOLUTION,
        Offence.Outcome.YOUTH_CAUTION,
        Offence.Outcome.YOUTH_CONDITIONAL_CAUTION,
        Offence.Outcome.NO_FURTHER_ACTION,
    ],
)
def test_out_of_court_outcome_needs_no_court(outcome):
    data = {"offence_date": years_ago(1), "outcome_type": outcome, "outcome_date": years_ago(1)}

    assert validation.offence_errors(a_child(), data) == {}


def test_court_outcome_with_a_court_is_accepted():
    data = {
        "offence_date": years_ago(1),
        "outcome_type": Offence.Outcome.REFERRAL_ORDER,
        "outcome_date": years_ago(1),
        "court": "Northtown Youth Court",
    }

    assert validation.offence_errors(a_child(), data) == {}


# Life events and periods ----------------------------------------------------------------------


def test_life_event_before_birth_is_refused():
    child = a_child(dt.date(2012, 3, 14))

    errors = validation.life_event_errors(child, {"date": dt.date(2012, 3, 13)})

    assert errors == {"date": "Date must be on or after Kai’s date of birth"}


def test_life_event_on_the_day_of_birth_is_accepted():
    child = a_child(dt.date(2012, 3, 14))

    assert validation.life_event_errors(child, {"date": dt.date(2012, 3, 14)}) == {}


def test_life_event_in_the_future_is_refused():
    assert validation.life_event_errors(a_child(), {"date": today() + ONE_DAY}) == {
        "date": "Date must be today or in the past"
    }


def test_period_ending_before_it_starts_is_refused():
    errors = validation.period_errors(
        years_ago(1), years_ago(2), from_field="from_date", to_field="to_date"
    )

    assert errors == {"to_date": "The end date must be the same as or after the start date"}


@pytest.mark.parametrize(
    ("start", "end"), [(years_ago(2), years_ago(2)), (years_ago(2), None), (None, years_ago(2))]
)
def test_period_in_order_or_open_is_accepted(start, end):
    assert validation.period_errors(start, end, from_field="from_date", to_field="to_date") == {}


def test_long_date_matches_the_message_format():
    assert long_date(dt.date(2022, 3, 4)) == "4 March 2022"
