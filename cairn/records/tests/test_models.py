"""The Core Record's invariants: properties, and the rules the database itself enforces."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError
from django.utils import timezone

from cairn.records.models import Address, Child, Education, Grant, Health, LifeEvent, Offence
from cairn.records.tests.factories import add_address, add_offence, today


def a_child(**extra) -> Child:
    data = {
        "given_name": "Kai",
        "family_name": "Brennan",
        "date_of_birth": dt.date(2012, 3, 14),
        "sex": "male",
    }
    return Child(**{**data, **extra})


def test_full_name_is_first_and_last_name():
    assert a_child(middle_names="Jordan").full_name == "Kai Brennan"
    assert str(a_child()) == "Kai Brennan"


def test_known_as_prefers_the_preferred_name():
    assert a_child(preferred_name="KB").known_as == "KB"
    assert a_child().known_as == "Kai"


def test_tenth_birthday():
    assert a_child().tenth_birthday == dt.date(2022, 3, 14)


def test_tenth_birthday_of_a_leap_day_child_is_1_march():
    assert a_child(date_of_birth=dt.date(2012, 2, 29)).tenth_birthday == dt.date(2022, 3, 1)


@pytest.mark.parametrize(
    ("outcome", "is_sanction"),
    [
        ("", False),
        (Offence.Outcome.NO_FURTHER_ACTION, False),
        (Offence.Outcome.COMMUNITY_RESOLUTION, False),
        (Offence.Outcome.YOUTH_CAUTION, True),
        (Offence.Outcome.YOUTH_CONDITIONAL_CAUTION, True),
        (Offence.Outcome.REFERRAL_ORDER, True),
        (Offence.Outcome.DETENTION_AND_TRAINING_ORDER, True),
    ],
)
def test_sanctions_are_outcomes_other_than_community_resolution_and_no_further_action(
    outcome, is_sanction
):
    assert Offence(outcome_type=outcome).is_sanction is is_sanction


def test_every_court_outcome_is_a_sanction_unless_it_proves_nothing():
    """A court may acquit or dismiss: those court outcomes prove nothing, so are no sanction."""
    proving = Offence.COURT_OUTCOMES - Offence.NOT_PROVEN_OUTCOMES
    assert {Offence.Outcome.ACQUITTED, Offence.Outcome.DISMISSED} <= Offence.COURT_OUTCOMES
    assert all(Offence(outcome_type=outcome).is_sanction for outcome in proving)
    assert not any(
        Offence(outcome_type=outcome).is_sanction
        for outcome in Offence.COURT_OUTCOMES & Offence.NOT_PROVEN_OUTCOMES
    )


@pytest.mark.parametrize(
    ("to_date", "is_current"),
    [
        (None, True),
        (today(), True),
        (today() + dt.timedelta(days=1), True),
        (today() - dt.timedelta(days=1), False),
    ],
)
def test_address_is_current_until_its_end_date_has_passed(to_date, is_current):
    assert Address(from_date=dt.date(2020, 1, 1), to_date=to_date).is_current is is_current


def test_education_reads_as_its_setting_or_else_its_status():
    assert str(Education(setting="Northtown Academy")) == "Northtown Academy"
    assert str(Education(status=Education.Status.NOT_IN_EDUCATION)) == (
        "Not in education, employment or training"
    )


def test_health_and_life_event_read_as_what_they_are():
    assert str(Health(child_id=7)) == "Health of 7"
    assert (
        str(LifeEvent(event_type="bereavement", date=dt.date(2020, 1, 2)))
        == "Bereavement 2 January 2020"  # a date in the reader's language, never ISO text
    )


def test_address_reads_as_its_first_line_town_and_postcode():
    assert (
        str(Address(line_1="1 High Street", town="Northtown", postcode=""))
        == "1 High Street, Northtown"
    )


# Database constraints -------------------------------------------------------------------------


@pytest.mark.django_db
def test_local_id_is_unique_within_an_organisation(make_child, northshire):
    make_child(northshire, local_id="NOR-1")

    with pytest.raises(IntegrityError):
        make_child(northshire, "Lee", "Carter", local_id="NOR-1")


@pytest.mark.django_db
def test_needing_an_interpreter_requires_a_language(make_child, northshire):
    with pytest.raises(IntegrityError):
        make_child(northshire, needs_interpreter=True, interpreter_language="")


@pytest.mark.django_db
def test_offence_outcome_cannot_precede_the_offence(child):
    with pytest.raises(IntegrityError):
        add_offence(
            child,
            offence_date=dt.date(2023, 5, 1),
            outcome_type="youth_caution",
            outcome_date=dt.date(2023, 4, 30),
        )


@pytest.mark.django_db
def test_offence_outcome_needs_a_date(child):
    with pytest.raises(IntegrityError):
        add_offence(child, outcome_type="youth_caution", outcome_date=None)


@pytest.mark.django_db
def test_address_cannot_end_before_it_starts(child):
    with pytest.raises(IntegrityError):
        add_address(child, from_date=dt.date(2023, 5, 1), to_date=dt.date(2023, 4, 30))


@pytest.mark.django_db
def test_attendance_cannot_exceed_100_percent(child):
    education = child.education
    education.attendance_percent = 101

    with pytest.raises(IntegrityError):
        education.save()


@pytest.mark.django_db
def test_grant_must_end_after_it_starts(child, oakwood):
    now = timezone.now()

    with pytest.raises(IntegrityError):
        Grant.objects.create(
            child=child,
            organisation=oakwood,
            scope="custody",
            reason="x",
            valid_from=now,
            valid_until=now,
        )


@pytest.mark.django_db
def test_grant_reads_as_its_scope_and_organisation(child, oakwood):
    made = Grant.objects.create(child=child, organisation=oakwood, scope="custody", reason="x")

    assert str(made) == f"Secure establishment while in custody: {oakwood} for child {child.pk}"
