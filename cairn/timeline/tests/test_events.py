"""The timeline's rules as plain data: calendar months, sanction occasions, custody as the
record shows it, and periods of desistance."""

from __future__ import annotations

import datetime as dt

from cairn.timeline import events
from cairn.timeline.events import CurrentCustody, RecordedOffence

TODAY = dt.date(2026, 6, 15)


def offence(on: dt.date, category: str = "theft", **outcome: object) -> RecordedOffence:
    return RecordedOffence(
        offence_date=on,
        category=category,
        category_label=category.title(),
        description=f"Offence on {on}",
        **outcome,  # type: ignore[arg-type]
    )


def dto(on: dt.date, sentenced: dt.date, order_ends: dt.date | None) -> RecordedOffence:
    return offence(
        on,
        outcome_type="detention_and_training_order",
        outcome_label="Detention and training order",
        outcome_date=sentenced,
        order_end_date=order_ends,
        is_sanction=True,
    )


def test_whole_months_counts_calendar_months():
    assert events.whole_months(dt.date(2024, 1, 15), dt.date(2024, 7, 15)) == 6
    assert events.whole_months(dt.date(2024, 1, 15), dt.date(2024, 7, 14)) == 5
    assert events.whole_months(dt.date(2024, 8, 31), dt.date(2025, 2, 28)) == 6
    assert events.whole_months(dt.date(2024, 3, 1), dt.date(2024, 8, 31)) == 5
    assert events.whole_months(dt.date(2024, 3, 1), dt.date(2024, 2, 1)) == 0


def test_add_months_keeps_the_last_day_of_a_shorter_month():
    assert events.add_months(dt.date(2024, 8, 31), 6) == dt.date(2025, 2, 28)
    assert events.add_months(dt.date(2023, 11, 30), 3) == dt.date(2024, 2, 29)


def test_exactly_six_calendar_months_without_offending_is_a_period_of_desistance():
    found = events.desistance_periods([dt.date(2024, 1, 15), dt.date(2024, 7, 15)], [], TODAY)

    assert events.DesistancePeriod(dt.date(2024, 1, 15), dt.date(2024, 7, 15), False) in found


def test_five_months_and_thirty_days_is_not_a_period_of_desistance():
    # 1 March + 5 months = 1 August, + 30 days = 31 August; six months would be 1 September.
    found = events.desistance_periods([dt.date(2024, 3, 1), dt.date(2024, 8, 31)], [], TODAY)

    assert [p for p in found if p.start == dt.date(2024, 3, 1)] == []


def test_the_time_since_the_last_offence_is_an_ongoing_period():
    found = events.desistance_periods([dt.date(2025, 10, 1)], [], TODAY)

    assert found == [events.DesistancePeriod(dt.date(2025, 10, 1), TODAY, ongoing=True)]
    assert found[0].months == 8


def test_no_period_since_the_last_offence_when_it_is_recent():
    assert events.desistance_periods([dt.date(2026, 1, 1)], [], TODAY) == []


def test_no_offences_no_periods():
    assert events.desistance_periods([], [], TODAY) == []


def test_offences_on_the_same_day_count_once():
    days = [dt.date(2024, 1, 1), dt.date(2024, 1, 1), dt.date(2024, 9, 1)]
    found = events.desistance_periods(days, [], TODAY)

    assert found[0] == events.DesistancePeriod(dt.date(2024, 1, 1), dt.date(2024, 9, 1), False)


def test_custody_is_not_desistance_the_clock_restarts_at_release():
    custody = [events.CustodyPeriod(dt.date(2024, 2, 1), dt.date(2024, 8, 1), "dto", "DTO")]
    days = [dt.date(2024, 1, 1), dt.date(2025, 1, 1)]  # twelve months apart

    found = events.desistance_periods(days, custody, TODAY)

    # 1 Jan to 1 Feb (one month) and 1 Aug to 1 Jan (five months): neither reaches six.
    assert [p for p in found if p.start < dt.date(2025, 1, 1)] == []


def test_after_custody_six_months_in_the_community_is_a_period():
    custody = [events.CustodyPeriod(dt.date(2024, 2, 1), dt.date(2024, 8, 1), "dto", "DTO")]
    days = [dt.date(2024, 1, 1), dt.date(2025, 3, 1)]

    found = events.desistance_periods(days, custody, TODAY)

    assert found[0] == events.DesistancePeriod(dt.date(2024, 8, 1), dt.date(2025, 3, 1), False)
    assert found[0].months == 7


def test_custody_without_a_recorded_end_claims_no_desistance_until_the_next_offence():
    custody = [events.CustodyPeriod(dt.date(2024, 2, 1), None, "sentence", "Custodial")]
    days = [dt.date(2024, 1, 1), dt.date(2025, 6, 1)]

    found = events.desistance_periods(days, custody, TODAY)

    assert [p for p in found if p.end <= dt.date(2025, 6, 1)] == []


def test_current_remand_with_no_recorded_start_claims_no_period_since_the_last_offence():
    remand = events.CustodyPeriod(None, None, "remand", "Remanded", current=True)

    assert events.desistance_periods([dt.date(2025, 1, 1)], [remand], TODAY) == []
    assert events.desistance_periods([dt.date(2025, 1, 1)], [], TODAY) != []


def test_offences_dealt_with_together_are_one_outcome():
    sentenced = dt.date(2024, 5, 1)
    outcome = {
        "outcome_type": "referral_order",
        "outcome_label": "Referral order",
        "outcome_date": sentenced,
        "is_sanction": True,
    }
    offences = [offence(dt.date(2024, 3, 1), **outcome), offence(dt.date(2024, 3, 5), **outcome)]

    found = events.outcomes_of(offences)

    assert len(found) == 1
    assert (found[0].on, found[0].offences, found[0].kind) == (sentenced, 2, "sanction")


def test_a_community_resolution_is_not_a_sanction_and_a_dto_is_custodial():
    resolution = offence(
        dt.date(2024, 1, 1),
        outcome_type="community_resolution",
        outcome_label="Community resolution",
        outcome_date=dt.date(2024, 1, 10),
        is_sanction=False,
    )
    found = events.outcomes_of(
        [resolution, dto(dt.date(2024, 2, 1), dt.date(2024, 3, 1), dt.date(2025, 3, 1))]
    )

    assert [outcome.kind for outcome in found] == ["not_sanction", "custodial"]


def test_a_dto_is_drawn_in_custody_for_the_first_half_of_the_order():
    timeline = events.build(
        offences=[dto(dt.date(2024, 1, 1), dt.date(2024, 3, 1), dt.date(2025, 3, 1))],
        today=TODAY,
    )

    (period,) = timeline.custody
    assert (period.start, period.end, period.kind) == (
        dt.date(2024, 3, 1),
        dt.date(2024, 8, 30),  # 365 days: release after 182
        "dto",
    )
    assert period.estimated_end
    assert "first half" in period.label


def test_a_dto_with_no_end_date_is_drawn_as_its_start():
    timeline = events.build(
        offences=[dto(dt.date(2024, 1, 1), dt.date(2024, 3, 1), None)], today=TODAY
    )

    (period,) = timeline.custody
    assert (period.start, period.end, period.current) == (dt.date(2024, 3, 1), None, False)
    assert "end not recorded" in period.label


def test_another_custodial_sentence_runs_to_the_recorded_end():
    sentence = offence(
        dt.date(2024, 1, 1),
        outcome_type="other_custodial",
        outcome_label="Other custodial sentence",
        outcome_date=dt.date(2024, 2, 1),
        order_end_date=dt.date(2025, 2, 1),
        is_sanction=True,
    )

    (period,) = events.build(offences=[sentence], today=TODAY).custody

    assert (period.start, period.end, period.kind) == (
        dt.date(2024, 2, 1),
        dt.date(2025, 2, 1),
        "sentence",
    )


def test_serving_a_sentence_now_marks_the_sentence_that_covers_today():
    timeline = events.build(
        offences=[dto(dt.date(2026, 1, 1), dt.date(2026, 2, 1), dt.date(2027, 2, 1))],
        current_custody=CurrentCustody("custody", "Oakwood Secure Training Centre"),
        today=TODAY,
    )

    (period,) = timeline.custody
    assert period.current
    assert period.establishment == "Oakwood Secure Training Centre"


def test_remand_now_is_added_with_its_start_not_recorded():
    timeline = events.build(
        offences=[offence(dt.date(2026, 5, 1))],
        current_custody=CurrentCustody("remand_yda", "Oakwood Secure Training Centre"),
        today=TODAY,
    )

    (period,) = timeline.custody
    assert (period.start, period.end, period.kind, period.current) == (None, None, "remand", True)
    assert "start not recorded" in period.label


def test_offence_categories_fall_into_groups():
    assert events.OffenceEntry(TODAY, "robbery", "Robbery", "").group == "violence"
    assert events.OffenceEntry(TODAY, "taking_vehicle", "", "").group == "vehicles"
    assert events.OffenceEntry(TODAY, "unknown_code", "", "").group == "other"
    assert set(events.GROUP_OF_CATEGORY) == {
        "violence", "robbery", "public_order", "sexual_not_child", "sexual_child",
        "soliciting", "burglary_domestic", "burglary_other", "theft", "handling", "fraud",
        "absconding_bail", "taking_vehicle", "theft_from_vehicle", "other_motoring",
        "drink_driving", "criminal_damage", "drug_production", "drug_possession_supply", "other",
    }  # fmt: skip


def test_within_keeps_what_happened_in_those_years():
    life = events.LifeEventEntry(dt.date(2023, 5, 1), "moved_home", "Moved home", "")
    stage = events.StageEntry(dt.date(2022, 12, 1), dt.date(2023, 2, 1), "Stage", "completed", "")
    timeline = events.build(
        offences=[offence(dt.date(2022, 6, 1)), offence(dt.date(2024, 3, 1))],
        life_events=[life],
        stages=[stage],
        today=TODAY,
    )

    shown = timeline.within(2024, 2023)

    assert [entry.on for entry in shown.offences] == [dt.date(2024, 3, 1)]
    assert shown.life_events == (life,)
    assert shown.stages == (stage,)  # it lasted into 2023
    assert [period.start for period in shown.desistance] == [
        dt.date(2022, 6, 1),
        dt.date(2024, 3, 1),
    ]
    assert (shown.first_year, shown.last_year, shown.all_offences) == (2023, 2024, 2)
    assert timeline.years == (2022, 2023, 2024, 2025, 2026)
