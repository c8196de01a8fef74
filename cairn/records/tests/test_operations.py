"""Writes to the Core Record: versions, audit events in the same transaction, local IDs, grants."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from cairn.audit.models import AuditEvent
from cairn.audit.operations import Actor
from cairn.records import operations
from cairn.records.models import Child, Education, Grant, Health, Offence
from cairn.records.tests.factories import add_offence, events

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor(practitioner) -> Actor:
    return Actor(
        user=practitioner.user, organisation=practitioner.organisation, ip_address="198.51.100.1"
    )


def test_update_applies_the_data_and_bumps_the_version(actor, child):
    updated = operations.update_record(
        by=actor, obj=child, data={"pronouns": "they/them"}, version=1, part="personal_details"
    )

    assert updated.version == 2
    assert Child.objects.get(pk=child.pk).pronouns == "they/them"


def test_update_from_an_old_version_is_refused_and_writes_nothing(actor, child):
    operations.update_record(
        by=actor, obj=child, data={"pronouns": "they/them"}, version=1, part="personal_details"
    )
    stale_copy = Child.objects.get(pk=child.pk)
    stale_copy.version = 1

    with pytest.raises(operations.StaleRecordError) as raised:
        operations.update_record(
            by=actor,
            obj=stale_copy,
            data={"pronouns": "he/him"},
            version=1,
            part="personal_details",
        )

    assert raised.value.current.pronouns == "they/them"
    assert raised.value.current.version == 2
    assert Child.objects.get(pk=child.pk).pronouns == "they/them"
    assert len(events(child, "records.personal_details.changed")) == 1


def test_update_records_what_changed_from_the_stored_values(actor, child):
    child.pronouns = "they/them"  # as a ModelForm leaves its instance after validation

    operations.update_record(
        by=actor,
        obj=child,
        data={"pronouns": "they/them", "sex": "male"},
        version=1,
        part="personal_details",
    )

    [event] = events(child, "records.personal_details.changed")
    assert event.detail == {"changes": {"pronouns": ["", "they/them"]}}
    assert (event.actor_username, event.ip_address, event.object_type) == (
        "pat.practitioner",
        "198.51.100.1",
        "Child",
    )


def test_update_records_dates_and_related_rows_as_plain_values(actor, child, manager):
    operations.update_record(
        by=actor,
        obj=child,
        data={"next_court_date": dt.date(2026, 1, 5), "case_worker": manager.user},
        version=1,
        part="legal_status",
    )

    [event] = events(child, "records.legal_status.changed")
    assert event.detail["changes"] == {
        "next_court_date": [None, "2026-01-05"],
        "case_worker": ["pat.practitioner", "mo.manager"],
    }


def test_update_without_changes_writes_no_event(actor, child):
    operations.update_record(
        by=actor, obj=child, data={"given_name": "Kai"}, version=1, part="personal_details"
    )

    assert events(child, "records.personal_details.changed") == []


def test_updating_part_of_a_child_marks_the_child_updated(actor, child):
    before = Child.objects.get(pk=child.pk).updated_at
    education = Education.objects.get(child=child)

    operations.update_record(
        by=actor,
        obj=education,
        data={"attendance_percent": 80},
        version=education.version,
        part="education",
    )

    assert Child.objects.get(pk=child.pk).updated_at > before
    [event] = events(child, "records.education.changed")
    assert event.child_id == child.pk


def test_add_writes_the_added_event_with_plain_values(actor, child):
    offence = operations.add_to_record(
        by=actor,
        child=child,
        model=Offence,
        part="offences",
        data={
            "offence_date": dt.date(2023, 5, 1),
            "description": "Theft of a phone",
            "category": "theft",
        },
    )

    [event] = events(child, "records.offences.added")
    assert event.object_id == str(offence.pk)
    assert event.summary == "Added offences: Theft of a phone"
    assert event.detail["values"]["offence_date"] == "2023-05-01"


def test_remove_deletes_the_item_and_writes_the_removed_event(actor, child):
    offence = add_offence(child)

    operations.remove_from_record(by=actor, obj=offence, version=offence.version, part="offences")

    assert not Offence.objects.filter(pk=offence.pk).exists()
    [event] = events(child, "records.offences.removed")
    assert event.detail["object_id"] == offence.pk
    assert event.detail["item"]["description"] == "Theft of a bicycle"  # to name it once gone
    assert event.summary == "Removed offences: Theft of a bicycle"


def test_remove_from_an_old_version_is_refused(actor, child):
    offence = add_offence(child)
    operations.update_record(
        by=actor, obj=offence, data={"notes": "Admitted"}, version=1, part="offences"
    )

    with pytest.raises(operations.StaleRecordError):
        operations.remove_from_record(by=actor, obj=offence, version=1, part="offences")

    assert Offence.objects.filter(pk=offence.pk).exists()
    assert events(child, "records.offences.removed") == []


def test_removing_an_item_that_is_already_gone_does_nothing(actor, child):
    offence = add_offence(child)
    operations.remove_from_record(by=actor, obj=offence, version=1, part="offences")

    operations.remove_from_record(by=actor, obj=offence, version=1, part="offences")

    assert len(events(child, "records.offences.removed")) == 1


def test_new_child_gets_education_and_health_rows_and_a_local_id(northshire):
    child = operations.create_child(
        by=Actor.system(northshire),
        organisation=northshire,
        data={
            "given_name": "Rowan",
            "family_name": "Price",
            "date_of_birth": dt.date(2011, 1, 1),
            "sex": "female",
        },
    )

    assert child.local_id == "NOR-00001"
    assert Education.objects.filter(child=child).exists()
    assert Health.objects.filter(child=child).exists()
    assert events(child, "records.child.created")[0].actor_username == "system"


def test_next_local_id_skips_ids_already_taken(make_child, northshire):
    make_child(northshire, local_id="NOR-00002")

    assert operations.next_local_id(northshire) == "NOR-00003"


def test_local_id_given_on_creation_is_kept(make_child, northshire):
    assert make_child(northshire, local_id="LEGACY-17").local_id == "LEGACY-17"


def test_local_ids_are_numbered_per_organisation(make_child, northshire, southmoor):
    make_child(northshire)
    make_child(northshire)

    assert make_child(southmoor).local_id == "SOU-00001"


def test_opening_a_grant_is_audited_with_its_reason_and_end(actor, child, oakwood):
    until = timezone.now() + dt.timedelta(days=90)

    made = operations.open_grant(
        by=actor,
        child=child,
        organisation=oakwood,
        scope=Grant.Scope.CUSTODY,
        reason="Remanded to Oakwood",
        valid_until=until,
    )

    assert made.granted_by == actor.user
    [event] = events(child, "records.grant.opened")
    assert event.summary == f"Shared with {oakwood.name}: Secure establishment while in custody"
    assert event.detail == {"reason": "Remanded to Oakwood", "until": until.isoformat()}


def test_viewing_is_recorded_with_the_page(actor, child):
    operations.record_viewed(by=actor, child=child, page="overview")

    [event] = events(child, "records.child.viewed")
    assert (event.summary, event.detail) == ("Viewed overview", {"page": "overview"})


def test_every_write_extends_an_unbroken_audit_chain(actor, child):
    from cairn.audit.queries import broken_links

    offence = add_offence(child)
    operations.update_record(
        by=actor, obj=offence, data={"notes": "Admitted"}, version=1, part="offences"
    )
    operations.remove_from_record(
        by=actor, obj=Offence.objects.get(pk=offence.pk), version=2, part="offences"
    )

    assert AuditEvent.objects.count() >= 4
    assert list(broken_links()) == []
