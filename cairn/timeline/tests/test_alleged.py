"""Alleged is not proven (issue 10, item 13): a charge awaiting its outcome, and one acquitted,
withdrawn, dismissed or diverted, is drawn and marked but ends no period without offending."""

from __future__ import annotations

import datetime as dt

import pytest

from cairn.audit.operations import Actor
from cairn.records import operations
from cairn.records.models import Offence
from cairn.timeline import drawing, presenters, queries

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 15)


def add(child, on: dt.date, description: str, outcome: str = "", outcome_date=None, court=""):
    return operations.add_to_record(
        by=Actor.system(child.organisation),
        child=child,
        model=Offence,
        part="offences",
        data={
            "offence_date": on,
            "description": description,
            "category": "theft",
            "outcome_type": outcome,
            "outcome_date": outcome_date,
            "court": court,
        },
    )


@pytest.mark.parametrize(
    ("outcome", "marker"),
    [
        ("", "Alleged"),
        ("acquitted", "Acquitted"),
        ("withdrawn", "Withdrawn"),
        ("dismissed", "Dismissed"),
        ("outcome_21", "Outcome 21"),
        ("outcome_22", "Outcome 22"),
    ],
)
def test_an_unproven_offence_does_not_end_a_period_without_offending(child, outcome, marker):
    add(child, dt.date(2024, 1, 10), "Theft of a phone", "youth_caution", dt.date(2024, 2, 1))
    add(
        child,
        dt.date(2025, 3, 1),
        "Theft of a bike",
        outcome,
        dt.date(2025, 4, 1) if outcome else None,
        "Northshire Youth Court" if outcome in {"acquitted", "dismissed"} else "",
    )

    timeline = queries.timeline_of(child, TODAY)

    assert [(p.start, p.ongoing) for p in timeline.desistance] == [(dt.date(2024, 1, 10), True)]
    rows = [row.what for row in presenters.table_rows(timeline)]
    assert f"Theft of a bike (Theft (non-motor)): {marker}" in rows
    assert "Theft of a phone (Theft (non-motor))" in rows
    assert "1 not proven" in drawing.summary(timeline)


def test_a_proven_offence_ends_the_period(child):
    add(child, dt.date(2024, 1, 10), "Theft of a phone", "youth_caution", dt.date(2024, 2, 1))
    add(child, dt.date(2025, 3, 1), "Theft of a bike", "community_resolution", dt.date(2025, 3, 9))

    timeline = queries.timeline_of(child, TODAY)

    assert [(p.start, p.end) for p in timeline.desistance] == [
        (dt.date(2024, 1, 10), dt.date(2025, 3, 1)),
        (dt.date(2025, 3, 1), TODAY),
    ]


def test_the_drawing_shows_an_alleged_offence_hollow_and_says_so_in_the_legend(child):
    add(child, dt.date(2025, 3, 1), "Theft of a bike")

    timeline = queries.timeline_of(child, TODAY)
    svg = drawing.svg(timeline, title="Timeline", id_prefix="t", description="")

    assert "Theft of a bike (Theft (non-motor)): Alleged" in svg
    assert 'stroke-width="2.5"' in svg  # hollow
    assert any("Hollow: not proven" in item.label for item in drawing.legend(timeline))
