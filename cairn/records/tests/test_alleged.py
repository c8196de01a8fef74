"""Alleged is not proven (issue 10, item 13): the outcomes that prove nothing, each offence's
status, and the mark on every page that lists offences."""

from __future__ import annotations

import datetime as dt

import pytest

from cairn.assessment.facts import FACTS
from cairn.judgements import sanctions
from cairn.records.models import Offence
from cairn.records.tests.factories import add_offence, text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("outcome", "status", "marker"),
    [
        ("", "alleged", "Alleged"),
        ("acquitted", "not_proven", "Acquitted"),
        ("withdrawn", "not_proven", "Withdrawn"),
        ("dismissed", "not_proven", "Dismissed"),
        ("no_further_action", "not_proven", "No further action"),
        ("outcome_21", "diverted", "Outcome 21"),
        ("outcome_22", "diverted", "Outcome 22"),
        ("community_resolution", "proven", ""),
        ("youth_caution", "proven", ""),
        ("referral_order", "proven", ""),
    ],
)
def test_each_outcome_says_whether_the_offence_is_proven(outcome, status, marker):
    offence = Offence(outcome_type=outcome)

    assert (offence.status, offence.marker) == (status, marker)
    assert offence.is_proven == (status == "proven")


@pytest.mark.parametrize(
    "outcome", ["", "acquitted", "withdrawn", "dismissed", "outcome_21", "outcome_22"]
)
def test_an_unproven_offence_is_never_a_sanction(outcome):
    fact = sanctions.OffenceFact(
        offence_date=dt.date(2024, 5, 1),
        category="theft",
        is_primary=True,
        outcome_type=outcome,
        outcome_date=dt.date(2024, 6, 1) if outcome else None,
    )

    assert not Offence(outcome_type=outcome).is_sanction
    assert sanctions.occasions([fact]) == []


def test_the_sanctions_are_exactly_the_outcomes_the_record_counts_as_sanctions():
    assert set(sanctions.SANCTION_OUTCOMES) == set(Offence.Outcome.values) - Offence.NOT_SANCTIONS


def record(child):
    add_offence(child, offence_date=dt.date(2024, 5, 1), description="Robbery of a phone")
    add_offence(
        child,
        offence_date=dt.date(2023, 5, 1),
        description="Theft of a bicycle",
        outcome_type="acquitted",
        outcome_date=dt.date(2023, 9, 1),
        court="Northshire Youth Court",
    )
    add_offence(
        child,
        offence_date=dt.date(2022, 5, 1),
        description="Criminal damage",
        outcome_type="youth_caution",
        outcome_date=dt.date(2022, 6, 1),
    )


def test_the_overview_marks_alleged_and_acquitted_offences(client_for, practitioner, child):
    record(child)

    page = text(client_for(practitioner).get(f"/children/{child.pk}/"))

    assert 'govuk-tag--yellow">Alleged</strong>' in page
    assert 'govuk-tag--grey">Acquitted</strong>' in page
    assert page.count("govuk-tag--") >= 2


def test_the_offences_tab_marks_each_unproven_offence_in_its_title(client_for, practitioner, child):
    record(child)

    page = text(client_for(practitioner).get(f"/children/{child.pk}/offences/"))

    assert 'Robbery of a phone <strong class="govuk-tag govuk-tag--yellow">Alleged</strong>' in page
    assert 'Theft of a bicycle <strong class="govuk-tag govuk-tag--grey">Acquitted</strong>' in page
    assert "Criminal damage <strong" not in page


def test_the_assessment_pull_through_marks_unproven_offences(child):
    record(child)

    shown = FACTS["offending.offences"].read(child)

    assert "Robbery of a phone (Alleged)" in shown
    assert "Theft of a bicycle (Acquitted (found not guilty); not proven)" in shown
    assert "Criminal damage (Youth caution)" in shown
