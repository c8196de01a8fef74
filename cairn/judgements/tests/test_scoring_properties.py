"""Properties of the reoffending score that hold for every input (hypothesis).

On "more previous sanctions never lower the score": with everything else held equal (sex,
date of birth, the dates of the first and current sanctions, the current offence, the
assessment date), the linear score is *strictly* increasing in the number of previous
sanctions, because the Copas term is a positive coefficient times ln(n + 1) over a fixed
denominator and the sanctions term is larger for n > 0 than for n = 0. So the probabilities,
the displayed percentages and the band never go down.

It is *not* true that recording another sanction never lowers the score: a sanction that
becomes the new current one (or the new first one) also moves the span of years in the
Copas denominator, so a child whose sanctions slow down gets a lower rate and a lower score;
the later sanction may also bring a different offence category and an older age band. What
holds for the Core Record is that a sanction occasion added between the first and the current
one never lowers the score; both properties are tested below, with an example of the other.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cairn.judgements.sanctions import OffenceFact, inputs_on
from cairn.judgements.scoring import (
    OFFENCE_CODES,
    SEXES,
    CannotScore,
    Inputs,
    Score,
    ScoringModel,
    default_model,
    model_from_data,
    model_to_data,
    score,
)

deterministic = settings(derandomize=True, database=None, max_examples=300)


def outcome(model: ScoringModel, given_inputs: Inputs) -> Score | list[str]:
    """The score, or the reasons it was refused (any other exception escapes)."""
    try:
        return score(model, given_inputs)
    except CannotScore as refusal:
        return refusal.reasons


MODEL = default_model()


def years_after(born: date, years: int) -> date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # 29 February
        return date(born.year + years, 3, 1)


@st.composite
def valid_inputs(draw: st.DrawFn, most_previous: int = 500) -> Inputs:
    born = draw(st.dates(min_value=date(1920, 1, 1), max_value=date(2030, 12, 31)))
    first = years_after(born, 10) + timedelta(days=draw(st.integers(0, 365 * 60)))
    current = first + timedelta(days=draw(st.integers(0, 365 * 40)))
    assessed = current + timedelta(days=draw(st.integers(0, 365 * 10)))
    return Inputs(
        sex=draw(st.sampled_from(SEXES)),
        date_of_birth=born,
        current_sanction_date=current,
        first_sanction_date=first,
        previous_sanctions=draw(st.integers(0, most_previous)),
        offence_category=draw(st.sampled_from(OFFENCE_CODES)),
        assessed_on=assessed,
    )


@deterministic
@given(valid_inputs())
def test_probabilities_stay_strictly_between_0_and_1_and_percentages_in_1_to_99(given_inputs):
    found = score(MODEL, given_inputs)
    assert 0 < found.p_1_year < 1
    assert 0 < found.p_2_years < 1
    assert found.p_1_year <= found.p_2_years  # the 2-year intercept is the larger
    assert 1 <= found.percent_1_year <= 99
    assert 1 <= found.percent_2_years <= 99
    assert found.band.lower_percent <= found.percent_2_years <= found.band.upper_percent


@deterministic
@given(valid_inputs(), st.integers(1, 500))
def test_more_previous_sanctions_all_else_equal_never_lower_the_score(given_inputs, more):
    fewer = score(MODEL, given_inputs)
    many = score(
        MODEL, replace(given_inputs, previous_sanctions=given_inputs.previous_sanctions + more)
    )
    assert many.linear_score > fewer.linear_score
    assert many.p_1_year >= fewer.p_1_year
    assert many.p_2_years >= fewer.p_2_years
    assert many.percent_2_years >= fewer.percent_2_years
    assert MODEL.bands.index(many.band) >= MODEL.bands.index(fewer.band)


@deterministic
@given(
    valid_inputs(most_previous=20),
    st.lists(st.integers(0, 10_000), max_size=5),
    st.sampled_from(["youth_caution", "fine", "referral_order"]),
)
def test_a_sanction_recorded_between_the_first_and_the_current_never_lowers_the_score(
    given_inputs, offsets, outcome
):
    first, current = given_inputs.first_sanction_date, given_inputs.current_sanction_date
    assume((current - first).days >= 2)
    between = [
        first + timedelta(days=1 + offset % ((current - first).days - 1)) for offset in offsets
    ]
    facts = [
        OffenceFact(first, "theft", False, "youth_caution", first),
        *[OffenceFact(day, "theft", False, "discharge", day) for day in between],
        OffenceFact(current, given_inputs.offence_category, True, "referral_order", current),
    ]
    before = score(
        MODEL,
        inputs_on(given_inputs.sex, given_inputs.date_of_birth, facts, given_inputs.assessed_on),
    )
    new_day = first + timedelta(days=1 + len(offsets) % ((current - first).days - 1))
    facts.append(OffenceFact(new_day, "robbery", False, outcome, new_day))
    after = score(
        MODEL,
        inputs_on(given_inputs.sex, given_inputs.date_of_birth, facts, given_inputs.assessed_on),
    )
    assert after.inputs.previous_sanctions == before.inputs.previous_sanctions + 1
    assert after.p_2_years >= before.p_2_years


def test_a_later_sanction_can_lower_the_score_when_the_rate_of_sanctions_falls():
    """Five previous sanctions over two years, then a sixth three years later: the rate falls."""
    born = date(2000, 1, 1)
    at = {age: date(2000 + age, 6, 1) for age in (14, 16, 19)}
    earlier = Inputs("male", born, at[16], at[14], 5, "theft", date(2019, 7, 1))
    later = replace(earlier, current_sanction_date=at[19], previous_sanctions=6)
    assert score(MODEL, later).p_2_years < score(MODEL, earlier).p_2_years


sex_values = st.one_of(st.sampled_from(SEXES), st.text(max_size=10), st.none())
date_values = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.none(),
    st.datetimes(),
)
count_values = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**400), st.none(), st.booleans(), st.floats()
)
category_values = st.one_of(st.sampled_from(OFFENCE_CODES), st.text(max_size=20), st.none())


@deterministic
@given(
    st.builds(
        Inputs,
        sex=sex_values,
        date_of_birth=date_values,
        current_sanction_date=date_values,
        first_sanction_date=date_values,
        previous_sanctions=count_values,
        offence_category=category_values,
        assessed_on=date_values,
    )
)
def test_any_input_is_scored_within_bounds_or_refused_with_reasons(given_inputs):
    found = outcome(MODEL, given_inputs)
    if isinstance(found, list):
        assert found
        assert all(isinstance(reason, str) and reason for reason in found)
        return
    assert 0 < found.p_1_year < 1
    assert 0 < found.p_2_years < 1
    assert 1 <= found.percent_2_years <= 99


@deterministic
@given(valid_inputs(), st.integers(10**13, 10**400))
def test_an_absurd_number_of_sanctions_is_refused_rather_than_scored_as_certain(
    given_inputs, count
):
    found = outcome(MODEL, replace(given_inputs, previous_sanctions=count))
    if isinstance(found, list):
        assert found == [
            "The inputs give a score outside the range the model can express; check them"
        ]
        return
    assert 0 < found.p_2_years < 1


@deterministic
@given(valid_inputs(), st.data())
def test_each_kind_of_invalid_input_is_refused_with_its_reason(given_inputs, data):
    kind = data.draw(
        st.sampled_from(
            ["sex", "category", "negative", "first_after_current", "too_young", "assessed_early"]
        )
    )
    born = given_inputs.date_of_birth
    broken, expected = {
        "sex": (
            replace(
                given_inputs, sex=data.draw(st.text(max_size=8).filter(lambda s: s not in SEXES))
            ),
            "the model has coefficients for male and female only",
        ),
        "category": (
            replace(
                given_inputs,
                offence_category=data.draw(
                    st.text(max_size=8).filter(lambda c: c not in OFFENCE_CODES)
                ),
            ),
            "is not one the model has a coefficient for",
        ),
        "negative": (
            replace(given_inputs, previous_sanctions=data.draw(st.integers(max_value=-1))),
            "it cannot be negative",
        ),
        "first_after_current": (
            replace(
                given_inputs,
                first_sanction_date=given_inputs.current_sanction_date + timedelta(days=1),
            ),
            "is after the current one",
        ),
        "too_young": (
            replace(
                given_inputs,
                first_sanction_date=born,
                current_sanction_date=years_after(born, 10) - timedelta(days=1),
            ),
            "the model needs 10 or over",
        ),
        "assessed_early": (
            replace(
                given_inputs,
                assessed_on=given_inputs.current_sanction_date - timedelta(days=1),
            ),
            "is before the current sanction",
        ),
    }[kind]
    found = outcome(MODEL, broken)
    assert isinstance(found, list), f"{kind} was scored"
    assert any(expected.lower() in reason.lower() for reason in found)


finite = st.floats(min_value=-50, max_value=50, allow_nan=False)


@deterministic
@given(finite, finite, finite, st.lists(finite, min_size=20, max_size=20))
def test_any_model_of_the_family_survives_a_round_trip(one_year, two_years, copas, offences):
    data = model_to_data(MODEL)
    data["intercepts"] = {"one_year": one_year, "two_years": two_years}
    data["copas"]["coefficient"] = copas
    data["offence_categories"] = dict(zip(OFFENCE_CODES, offences, strict=True))
    model = model_from_data(data)
    assert model_from_data(model_to_data(model)) == model
    assert model.offence_categories["theft"] == offences[OFFENCE_CODES.index("theft")]


def test_datetimes_are_not_taken_for_dates():
    moment = datetime(2024, 1, 1, 12, 0)
    given_inputs = Inputs("male", date(2008, 1, 1), moment, moment, 0, "theft", moment)
    with pytest.raises(CannotScore) as refusal:
        score(MODEL, given_inputs)
    assert "There is no current sanction" in refusal.value.reasons
