"""The audit log is append-only and hash-chained, and API reads of a child are recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from cairn.audit import queries
from cairn.audit.models import AppendOnlyError, AuditEvent, ChainHead
from cairn.audit.operations import Actor, record_event
from cairn.records import operations as record_operations
from cairn.records.models import Grant, LifeEvent, Offence

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor(practitioner) -> Actor:
    return Actor(
        user=practitioner.user,
        organisation=practitioner.organisation,
        ip_address="192.0.2.10",
        user_agent="pytest",
    )


@pytest.fixture
def events(actor) -> list[AuditEvent]:
    return [
        record_event(
            by=actor, event_type="test.first", child_id=1, summary="First", detail={"n": 1}
        ),
        record_event(
            by=actor, event_type="test.second", child_id=1, summary="Second", detail={"n": 2}
        ),
        record_event(
            by=actor, event_type="test.third", child_id=2, summary="Third", detail={"n": 3}
        ),
    ]


# Append-only


def test_saving_an_existing_event_is_refused(events):
    event = AuditEvent.objects.get(pk=events[0].pk)
    event.summary = "Rewritten"

    with pytest.raises(AppendOnlyError):
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).summary == "First"


def test_deleting_an_event_is_refused(events):
    with pytest.raises(AppendOnlyError):
        events[0].delete()
    assert AuditEvent.objects.filter(pk=events[0].pk).exists()


def test_queryset_update_is_refused(events):
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(event_type="test.first").update(summary="Rewritten")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().update(summary="Rewritten")


def test_queryset_delete_is_refused(events):
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(event_type="test.first").delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.count() == 3


def test_bulk_update_is_refused(events):
    events[0].summary = "Rewritten"

    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.bulk_update([events[0]], ["summary"])


# The hash chain


def test_each_event_links_to_the_one_before(events):
    first, second, third = (AuditEvent.objects.get(pk=event.pk) for event in events)

    assert first.previous_hash == ""
    assert second.previous_hash == first.hash
    assert third.previous_hash == second.hash
    assert ChainHead.objects.get().last_hash == third.hash


def test_stored_hash_is_the_hash_of_the_stored_content(events):
    for event in AuditEvent.objects.all():
        assert event.hash == event.content_hash()
        assert len(event.hash) == 64


def test_event_keeps_plain_copies_of_who_and_where(events, practitioner):
    event = AuditEvent.objects.get(pk=events[0].pk)

    assert event.actor_username == "pat.practitioner"
    assert event.organisation_name == "Northshire Youth Justice Service"
    assert event.ip_address == "192.0.2.10"
    assert event.user_agent == "pytest"


def test_system_events_name_the_system(northshire):
    event = record_event(by=Actor.system(northshire), event_type="test.system")

    assert event.actor_username == "system"
    assert event.actor is None


def test_intact_log_has_no_broken_links(events):
    assert list(queries.broken_links()) == []


def test_empty_log_has_no_broken_links(db):
    assert list(queries.broken_links()) == []


def _tamper(sql: str, params: list) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_content_altered_behind_the_orms_back_is_found(events):
    table = AuditEvent._meta.db_table
    _tamper(f"UPDATE {table} SET summary = %s WHERE id = %s", ["Nothing to see", events[1].pk])

    broken = list(queries.broken_links())

    assert [event.pk for event in broken] == [events[1].pk]


def test_rehashed_forgery_breaks_the_link_from_the_next_event(events):
    forged = AuditEvent.objects.get(pk=events[1].pk)
    forged.summary = "Nothing to see"
    table = AuditEvent._meta.db_table
    _tamper(
        f"UPDATE {table} SET summary = %s, hash = %s WHERE id = %s",
        [forged.summary, forged.content_hash(), forged.pk],
    )

    broken = list(queries.broken_links())

    assert [event.pk for event in broken] == [events[2].pk]


def test_removed_event_is_found(events):
    _tamper(f"DELETE FROM {AuditEvent._meta.db_table} WHERE id = %s", [events[1].pk])

    assert [event.pk for event in queries.broken_links()] == [events[2].pk]


def test_events_for_child_are_newest_first_and_only_that_child(events):
    assert [event.pk for event in queries.events_for_child(1)] == [events[1].pk, events[0].pk]


# Reads of a child through the API are recorded


def _viewed(child_id: int) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(event_type="records.child.viewed", child_id=child_id).order_by(
            "id"
        )
    )


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("/api/v1/children/{id}", "api child"),
        ("/api/v1/children/{id}/offences", "api offences"),
        ("/api/v1/children/{id}/life-events", "api life events"),
    ],
)
def test_every_api_read_of_a_child_is_recorded(client_for, practitioner, child, path, page):
    response = client_for(practitioner).get(path.format(id=child.pk), REMOTE_ADDR="198.51.100.7")

    assert response.status_code == 200
    [event] = _viewed(child.pk)
    assert event.detail == {"page": page}
    assert event.actor == practitioner.user
    assert event.organisation_name == "Northshire Youth Justice Service"
    assert event.ip_address == "198.51.100.7"


def test_api_read_through_a_grant_is_recorded_for_the_granted_organisation(
    client_for, secure_staff, child, northshire
):
    record_operations.open_grant(
        by=Actor.system(northshire),
        child=child,
        organisation=secure_staff.organisation,
        scope=Grant.Scope.CUSTODY,
        reason="Remanded to Oakwood",
    )

    client_for(secure_staff).get(f"/api/v1/children/{child.pk}")

    [event] = _viewed(child.pk)
    assert event.organisation_name == "Oakwood Secure Training Centre"


def test_refused_api_read_records_nothing(client_for, other_practitioner, child):
    response = client_for(other_practitioner).get(f"/api/v1/children/{child.pk}")

    assert response.status_code == 404
    assert _viewed(child.pk) == []


def test_api_writes_are_recorded_with_their_values(client_for, practitioner, child):
    client = client_for(practitioner)

    client.post(
        f"/api/v1/children/{child.pk}/offences",
        {"offence_date": "2024-05-01", "description": "Theft of a bicycle", "category": "theft"},
        content_type="application/json",
    )
    client.post(
        f"/api/v1/children/{child.pk}/life-events",
        {"date": "2023-01-01", "event_type": "moved_home", "description": "Moved"},
        content_type="application/json",
    )

    offence = AuditEvent.objects.get(event_type="records.offences.added")
    event = AuditEvent.objects.get(event_type="records.life_events.added")
    assert offence.child_id == child.pk
    assert offence.object_id == str(Offence.objects.get().pk)
    assert offence.detail["values"]["offence_date"] == dt.date(2024, 5, 1).isoformat()
    assert event.object_id == str(LifeEvent.objects.get().pk)
    assert list(queries.broken_links()) == []


def test_changed_names_only_the_fields_an_edit_changed():
    from cairn.audit.operations import changed

    old = {"objective": "Go to school", "status": "open", "area": "education"}
    new = {"objective": "Go to school every day", "status": "open", "area": "education"}

    assert changed(old, new) == {"objective": ["Go to school", "Go to school every day"]}
    assert changed(old, dict(old)) == {}
