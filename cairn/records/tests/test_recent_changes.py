"""The overview's recent changes and a review's Core Record changes read every audit event the
app writes, whatever shape its detail takes, naming the item each change is about."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from cairn.audit.models import AuditEvent
from cairn.audit.operations import Actor, record_event
from cairn.records import operations, presenters
from cairn.records.models import Offence
from cairn.records.parts import PARTS

SOURCE = Path(__file__).resolve().parents[2]


def event_types() -> set[str]:
    """Every event type the app's code writes: literal ones, and the patterns spelt out."""
    found: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        found.update(re.findall(r'event_type="([a-z_]+\.[a-z_.]+)"', path.read_text()))
    for part in PARTS:
        found.update(
            f"records.{part.event_name}.{verb}" for verb in ("changed", "added", "removed")
        )
    found.update({"quality.signoff.signed_off", "quality.signoff.changes_requested"})
    found.update({"assessment.stage.stopped", "assessment.stage.cancelled"})
    return found


# The shapes of detail the app's events keep (grep `record_event(`), and a few odder ones.
DETAILS: list[dict[str, Any]] = [
    {},
    {"changes": {"legal_status": ["none", "bail"], "bail_conditions": ["", "Curfew"]}},
    {"changes": ["substance_use.details", "education.attendance"], "stage": 1, "kind": "x"},
    {"changes": {"reason": ["Child of staff", "Harmful sexual behaviour"]}},
    {"changes": {"pre_sentence": [15, 20]}, "organisation": 1},
    {"changes": {"neurodiversity": [[], ["adhd"]]}},
    {"changes": {"rating": "high"}},
    {"changes": {"a": [1, 2, 3]}},
    {"changes": "text"},
    {"changes": None},
    {"values": {"description": "Theft", "offence_date": "2026-01-02"}},
    {"item": {"description": "Theft", "offence_date": "not a date"}},
    {"object_id": 3},
    {"page": "overview", "shown": 2},
    {"added": ["pat"], "removed": [], "changes": {}, "named_themselves": False},
    {"stage": 1, "version": 2, "response": "Agreed", "was_agreed": True},
]


def test_the_scan_finds_the_event_types_that_broke_the_overview():
    assert {"judgements.reconfirmed", "judgements.concern.changed"} <= event_types()


@pytest.mark.django_db
def test_history_reads_every_event_type_in_every_shape(child):
    by = Actor.system(child.organisation)
    events = [
        record_event(by=by, event_type=kind, child_id=child.pk, obj=child, detail=detail)
        for kind in sorted(event_types())
        for detail in DETAILS
    ]

    items = presenters.history(events)

    assert items
    for item in items:
        for name, old, new in item.changes:
            assert all(isinstance(text, str) for text in (name, old, new))


@pytest.mark.django_db
def test_a_reconfirmed_judgement_does_not_break_the_overview(client_for, practitioner, child):
    record_event(
        by=Actor.system(child.organisation),
        event_type="judgements.reconfirmed",
        child_id=child.pk,
        summary="Likelihood of reoffending: medium reconfirmed",
        detail={"stage": 1, "kind": "reoffending", "changes": ["substance_use.details"]},
    )

    page = client_for(practitioner).get(reverse("records:child-overview", args=[child.pk]))

    assert page.status_code == 200
    assert "reconfirmed" in page.content.decode()


@pytest.mark.django_db
def test_every_event_type_in_the_overview_renders(client_for, practitioner, make_child):
    """One child per event type, so the overview's newest eight are all of that type."""
    client = client_for(practitioner)
    for kind in sorted(event_types()):
        child = make_child(practitioner.organisation, kind, case_worker=practitioner.user)
        by = Actor.system(child.organisation)
        for detail in DETAILS[:8]:
            record_event(by=by, event_type=kind, child_id=child.pk, obj=child, detail=detail)
        page = client.get(reverse("records:child-overview", args=[child.pk]))
        assert page.status_code == 200, kind


def an_offence(child, description: str, day: str) -> Offence:
    return operations.add_to_record(
        by=Actor.system(child.organisation),
        child=child,
        model=Offence,
        data={"offence_date": day, "description": description, "category": "theft"},
        part="offences",
    )


@pytest.mark.django_db
def test_a_changed_offence_is_named_with_its_date_and_one_item_makes_one_entry(child):
    by = Actor.system(child.organisation)
    shop = an_offence(child, "Theft from a shop", "2026-01-02")
    an_offence(child, "Criminal damage", "2026-02-03")
    operations.update_record(
        by=by,
        obj=shop,
        data={"outcome_type": "youth_rehabilitation_order", "outcome_date": "2026-03-01"},
        version=shop.version,
        part="offences",
    )
    shop.refresh_from_db()
    operations.update_record(
        by=by,
        obj=shop,
        data={"court": "Northshire Youth Court"},
        version=shop.version,
        part="offences",
    )
    events = list(
        AuditEvent.objects.filter(
            child_id=child.pk, event_type="records.offences.changed"
        ).order_by("-at", "-id")
    )

    [item] = presenters.history(events)

    assert item.summary == "Changed offences and outcomes: Theft from a shop (2 January 2026)"
    assert len(item.changes) == 3  # the outcome, its date and the court, in one entry


@pytest.mark.django_db
def test_a_removed_offence_is_named(child):
    shop = an_offence(child, "Theft from a shop", "2026-01-02")
    operations.remove_from_record(
        by=Actor.system(child.organisation), obj=shop, version=shop.version, part="offences"
    )
    event = AuditEvent.objects.get(child_id=child.pk, event_type="records.offences.removed")

    [item] = presenters.history([event])

    assert item.summary == "Removed from offences and outcomes: Theft from a shop (2 January 2026)"
