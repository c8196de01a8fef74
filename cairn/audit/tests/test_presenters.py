"""Audit events read in the reader's language: each app describes its own event types from the
type and stored detail, and an event nobody describes (or an old one whose detail lacks what
its description needs) shows the summary stored when it happened."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from cairn.assessment.tests.factories import actor as actor_of
from cairn.assessment.tests.factories import answer, pick, start
from cairn.audit.models import AuditEvent
from cairn.audit.operations import Actor, record_event
from cairn.audit.presenters import _EXACT, _PATTERNS, describe, describe_as
from cairn.framework import catalogue as catalogues
from cairn.records import operations as record_operations
from cairn.records.models import Exclusion

pytestmark = pytest.mark.django_db


@pytest.fixture
def by(practitioner) -> Actor:
    return actor_of(practitioner)


@pytest.fixture
def registry():
    """Describers added by a test are taken away after it."""
    exact, patterns = dict(_EXACT), dict(_PATTERNS)
    yield
    _EXACT.clear()
    _EXACT.update(exact)
    _PATTERNS.clear()
    _PATTERNS.update(patterns)


def event(by, child, event_type, summary, detail=None) -> AuditEvent:
    return record_event(
        by=by, event_type=event_type, child_id=child.pk, summary=summary, detail=detail or {}
    )


def welsh(found: AuditEvent) -> str:
    with translation.override("cy"):
        return describe(found)


def test_an_event_nobody_describes_shows_its_summary(by, child):
    found = event(by, child, "elsewhere.something.happened", "Something happened")

    assert welsh(found) == "Something happened"


def test_an_event_whose_detail_lacks_what_its_description_reads_shows_its_summary(
    by, child, registry
):
    describe_as("probe.kept", lambda e: "Kept " + e.detail["what"])
    old = event(by, child, "probe.kept", "Kept something, long ago")

    assert describe(old) == "Kept something, long ago"
    assert describe(event(by, child, "probe.kept", "", {"what": "it"})) == "Kept it"


def test_a_family_of_events_is_described_by_one_pattern(by, child, registry):
    describe_as("probe.*.gone", lambda e: "Gone: " + e.event_type.split(".")[1])

    assert describe(event(by, child, "probe.thing.gone", "x")) == "Gone: thing"
    assert describe(event(by, child, "probe.thing.here", "x")) == "x"


def test_an_answer_reads_with_the_questions_welsh_label(by, child):
    stage = start(child, by)
    question = pick(kinds=("long_text",), required=True)
    answer(stage, question, "Mae Kai yn hoffi ei ystafell.", by)
    recorded = AuditEvent.objects.filter(event_type="assessment.answer.recorded").latest("id")

    text = welsh(recorded)

    assert question.label.cy in text
    assert question.label.en not in text


def test_a_started_stage_reads_with_the_stage_types_welsh_label(by, child):
    stage = start(child, by)
    started = AuditEvent.objects.get(event_type="assessment.stage.started")

    label = catalogues.load().stage(stage.stage_type).label
    assert label.cy in welsh(started)
    assert label.en not in welsh(started)


def test_a_record_part_change_reads_with_the_parts_welsh_name(by, child):
    changed = event(
        by,
        child,
        "records.personal_details.changed",
        "Changed personal details",
        {"changes": {"date_of_birth": ["2011-03-14", "2011-04-14"]}},
    )

    assert "manylion personol" in welsh(changed).lower()
    assert "personal details" not in welsh(changed)


def test_a_view_of_the_overview_reads_in_welsh(by, child):
    viewed = event(by, child, "records.child.viewed", "Viewed overview", {"page": "overview"})

    assert describe(viewed) == "Viewed the overview"
    assert welsh(viewed) == "Wedi gweld y trosolwg"


def test_recent_changes_on_the_overview_are_in_the_readers_language(
    client_for, practitioner, by, child
):
    event(
        by,
        child,
        "records.personal_details.changed",
        "Changed personal details",
        {"changes": {"date_of_birth": ["2011-03-14", "2011-04-14"]}},
    )
    client = client_for(practitioner)
    client.cookies["cairn_language"] = "cy"

    page = client.get(f"/children/{child.pk}/").content.decode()

    assert "Wedi newid manylion personol" in page
    assert "Changed personal details" not in page
    # The dates the log keeps as ISO text read as dates, in Welsh.
    assert "14 Mawrth 2011" in page
    assert "2011-03-14" not in page


def test_the_access_log_is_in_the_readers_language(client_for, manager, by, child):
    event(by, child, "records.child.viewed", "Viewed timeline", {"page": "timeline"})
    client = client_for(manager)
    client.cookies["cairn_language"] = "cy"

    page = client.get(f"/children/{child.pk}/access-log/").content.decode()

    assert "Wedi gweld y llinell amser" in page
    assert "Viewed timeline" not in page


def test_an_added_item_is_named_with_its_date_in_the_readers_language(by, child):
    record_operations.add_to_record(
        by=by,
        child=child,
        model=Exclusion,
        data={"start_date": dt.date(2024, 3, 4), "kind": "suspension", "reason": ""},
        part="exclusions",
    )
    added = AuditEvent.objects.get(event_type="records.exclusions.added")

    assert "4 March 2024" in describe(added)
    assert "4 Mawrth 2024" in welsh(added)
    assert "2024-03-04" not in welsh(added)
