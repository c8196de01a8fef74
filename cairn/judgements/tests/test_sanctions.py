"""From offences to the score's inputs: sanction occasions, current, previous and first
sanctions at a date, and what is missing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from cairn.judgements import sanctions
from cairn.judgements.sanctions import (
    SANCTION_OUTCOMES,
    Occasion,
    OffenceFact,
    inputs_for_child,
    inputs_on,
    occasions,
)
from cairn.judgements.scoring import CannotScore, Inputs, default_model, score
from cairn.records.models import Offence
from cairn.records.tests.factories import add_offence, today

BORN = date(2008, 3, 14)


def fact(
    outcome_date: date | None,
    outcome_type: str = "youth_caution",
    category: str = "theft",
    *,
    offence_date: date | None = None,
    is_primary: bool = False,
) -> OffenceFact:
    return OffenceFact(
        offence_date=offence_date or outcome_date or date(2020, 1, 1),
        category=category,
        is_primary=is_primary,
        outcome_type=outcome_type,
        outcome_date=outcome_date,
    )


def refused(**arguments: Any) -> list[str]:
    with pytest.raises(CannotScore) as refusal:
        inputs_on(**arguments)
    return refusal.value.reasons


def test_sanctions_are_the_records_outcomes_other_than_the_non_sanctions():
    assert set(SANCTION_OUTCOMES) == set(Offence.Outcome.values) - set(Offence.NOT_SANCTIONS)
    for outcome in Offence.Outcome.values:
        record = Offence(outcome_type=outcome, outcome_date=date(2024, 1, 1))
        assert sanctions.is_sanction(fact(date(2024, 1, 1), outcome)) == record.is_sanction


def test_offences_dealt_with_on_one_date_by_one_outcome_are_one_occasion():
    found = occasions(
        [
            fact(date(2023, 6, 1), "referral_order", "theft", offence_date=date(2023, 1, 5)),
            fact(
                date(2023, 6, 1),
                "referral_order",
                "robbery",
                offence_date=date(2023, 2, 5),
                is_primary=True,
            ),
            fact(date(2023, 6, 1), "referral_order", "handling", offence_date=date(2023, 1, 1)),
        ]
    )
    assert found == [Occasion(date(2023, 6, 1), "referral_order", "robbery", 3, True)]


def test_the_same_date_with_different_outcomes_is_two_occasions_cautions_first():
    found = occasions(
        [
            fact(date(2023, 6, 1), "fine", "criminal_damage"),
            fact(date(2023, 6, 1), "youth_caution", "theft"),
        ]
    )
    assert [(o.outcome_type, o.category) for o in found] == [
        ("youth_caution", "theft"),
        ("fine", "criminal_damage"),
    ]


def test_community_resolutions_no_further_action_and_open_offences_are_not_sanctions():
    found = occasions(
        [
            fact(date(2022, 1, 1), "community_resolution"),
            fact(date(2022, 2, 1), "no_further_action"),
            fact(None, ""),
            fact(date(2022, 3, 1), "discharge"),
        ]
    )
    assert [o.outcome_type for o in found] == ["discharge"]


def test_without_a_primary_offence_the_earliest_offence_gives_the_category():
    found = occasions(
        [
            fact(date(2023, 6, 1), "fine", "theft", offence_date=date(2023, 3, 1)),
            fact(date(2023, 6, 1), "fine", "fraud", offence_date=date(2023, 2, 1)),
        ]
    )
    assert (found[0].category, found[0].category_from_primary) == ("fraud", False)


def test_on_the_same_offence_date_the_table_order_decides_whatever_the_row_order():
    rows = [
        fact(date(2023, 6, 1), "fine", "criminal_damage", offence_date=date(2023, 3, 1)),
        fact(date(2023, 6, 1), "fine", "robbery", offence_date=date(2023, 3, 1)),
    ]
    assert occasions(rows)[0].category == "robbery"
    assert occasions(reversed(rows))[0].category == "robbery"


def test_two_primary_offences_fall_back_to_the_earliest_of_them():
    found = occasions(
        [
            fact(date(2023, 6, 1), "fine", "theft", offence_date=date(2023, 3, 1), is_primary=True),
            fact(date(2023, 6, 1), "fine", "fraud", offence_date=date(2023, 1, 1), is_primary=True),
            fact(date(2023, 6, 1), "fine", "violence", offence_date=date(2022, 1, 1)),
        ]
    )
    assert (found[0].category, found[0].category_from_primary) == ("fraud", False)


def test_occasions_are_in_date_order_whatever_the_row_order():
    found = occasions(
        [fact(date(2024, 1, 1)), fact(date(2021, 1, 1), "fine"), fact(date(2022, 1, 1), "fine")]
    )
    assert [o.date for o in found] == [date(2021, 1, 1), date(2022, 1, 1), date(2024, 1, 1)]


HISTORY = [
    fact(date(2021, 9, 1), "youth_caution", "theft"),
    fact(date(2022, 1, 10), "community_resolution", "public_order"),
    fact(date(2022, 5, 3), "youth_conditional_caution", "criminal_damage"),
    fact(date(2023, 6, 1), "referral_order", "robbery", is_primary=True),
    fact(date(2023, 6, 1), "referral_order", "theft"),
    fact(date(2024, 8, 20), "youth_rehabilitation_order", "violence"),
]


def test_current_previous_and_first_sanctions_at_a_date():
    assert inputs_on("male", BORN, HISTORY, date(2024, 4, 1)) == Inputs(
        sex="male",
        date_of_birth=BORN,
        current_sanction_date=date(2023, 6, 1),
        first_sanction_date=date(2021, 9, 1),
        previous_sanctions=2,
        offence_category="robbery",
        assessed_on=date(2024, 4, 1),
    )


def test_a_sanction_on_the_date_itself_is_the_current_one():
    found = inputs_on("female", BORN, HISTORY, date(2024, 8, 20))
    assert (found.current_sanction_date, found.previous_sanctions) == (date(2024, 8, 20), 3)
    assert found.offence_category == "violence"


def test_the_only_sanction_is_both_first_and_current():
    found = inputs_on("male", BORN, HISTORY, date(2021, 12, 31))
    assert found.current_sanction_date == found.first_sanction_date == date(2021, 9, 1)
    assert found.previous_sanctions == 0


def test_every_missing_input_is_listed():
    assert refused(sex="", date_of_birth=None, offences=HISTORY[1:2], on=date(2024, 4, 1)) == [
        "The date of birth is not recorded",
        "Sex is not recorded. The model has coefficients for male and female only, so record a "
        "practitioner rating instead",
        "There is no sanction on or before 1 April 2024. A sanction is a caution, a conditional "
        "caution or a court outcome after conviction; community resolutions, no further action, "
        "police diversion (outcomes 21 and 22) and charges that are alleged, withdrawn, "
        "dismissed or ended in acquittal do not count",
    ]


def test_sanctions_only_after_the_date_do_not_count():
    assert refused(sex="male", date_of_birth=BORN, offences=HISTORY, on=date(2021, 8, 31)) == [
        "There is no sanction on or before 31 August 2021. A sanction is a caution, a "
        "conditional caution or a court outcome after conviction; community resolutions, no "
        "further action, police diversion (outcomes 21 and 22) and charges that are alleged, "
        "withdrawn, dismissed or ended in acquittal do not count"
    ]


def test_a_sex_the_model_has_no_coefficients_for_asks_for_a_practitioner_rating():
    assert refused(sex="other", date_of_birth=BORN, offences=HISTORY, on=date(2024, 4, 1)) == [
        "Sex is recorded as 'other'. The model has coefficients for male and female only, so "
        "record a practitioner rating instead"
    ]


@pytest.mark.django_db
def test_inputs_for_a_child_come_from_the_core_record_in_one_query(
    child, django_assert_num_queries
):
    first = child.tenth_birthday.replace(year=child.tenth_birthday.year + 3)
    add_offence(
        child,
        offence_date=first,
        category=Offence.Category.CRIMINAL_DAMAGE,
        outcome_type=Offence.Outcome.YOUTH_CAUTION,
        outcome_date=first,
    )
    later = first.replace(year=first.year + 1)
    add_offence(
        child,
        offence_date=later,
        category=Offence.Category.ROBBERY,
        is_primary=True,
        outcome_type=Offence.Outcome.REFERRAL_ORDER,
        outcome_date=later,
    )
    add_offence(child, offence_date=later, category=Offence.Category.THEFT)  # no outcome yet
    on = later.replace(year=later.year + 1)
    with django_assert_num_queries(1):
        found = inputs_for_child(child, on)
    assert found == Inputs(
        sex="male",
        date_of_birth=child.date_of_birth,
        current_sanction_date=later,
        first_sanction_date=first,
        previous_sanctions=1,
        offence_category="robbery",
        assessed_on=on,
    )
    assert 0 < score(default_model(), found).p_2_years < 1


@pytest.mark.django_db
def test_a_child_without_sanctions_cannot_be_scored(child):
    add_offence(child, outcome_type=Offence.Outcome.COMMUNITY_RESOLUTION, outcome_date=today())
    with pytest.raises(CannotScore, match="There is no sanction on or before"):
        inputs_for_child(child, today())
