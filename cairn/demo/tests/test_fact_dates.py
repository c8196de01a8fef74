"""The demo writes each Core Record fact at the moment the child's story says it was recorded
(issue 10, item 6): the record is opened with what was known then, a later fact on its own date,
an offence as a charge when it happened and its outcome on the day it was given. So a review
lists only what changed since the stage before it, not the whole record as "added today".

The demo is loaded once for this module, inside a transaction rolled back at the end."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from cairn.assessment import review
from cairn.assessment.models import Stage
from cairn.audit.models import AuditEvent
from cairn.records.models import Child, Offence
from cairn.records.presenters import history

pytestmark = pytest.mark.django_db

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def loaded(django_db_setup: None, django_db_blocker: Any) -> Iterator[dt.datetime]:
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHER, CAIRN_DEMO=True),
        transaction.atomic(),
    ):
        started = timezone.now()
        call_command("loaddemo", stdout=io.StringIO())
        yield started
        transaction.set_rollback(True)


def jordan() -> Child:
    return Child.objects.get(local_id="NOR-00003", organisation__code="northshire-yjs")


def test_jordans_review_lists_only_what_changed_since_his_pre_sentence_report(loaded):
    stage = Stage.objects.get(child=jordan(), stage_type="review")
    since = review.since(stage)

    changes = review.record_changes(stage)

    assert changes, "the new order since the report is a change"
    assert all(event.at > since for event in changes)
    assert {event.event_type for event in changes} == {"records.offences.changed"}
    # The 2023 offences and the record's opening are not "added" since the report.
    assert not [e for e in changes if e.event_type.endswith(".added")]
    # What changed is the outcome: the youth rehabilitation order given after the report.
    outcomes = {tuple(e.detail["changes"]["outcome_type"]) for e in changes}
    assert outcomes == {("", "youth_rehabilitation_order")}
    # Each changed offence is named, with its date, so no two entries read alike.
    items = history(changes)
    assert len({item.summary for item in items}) == len(items)
    assert all(item.summary.startswith("Changed offences and outcomes: ") for item in items)


def test_the_record_is_opened_at_the_first_offence_and_every_fact_is_dated_by_its_story(loaded):
    child = jordan()
    events = AuditEvent.objects.filter(child_id=child.pk, event_type__startswith="records.")
    created = events.get(event_type="records.child.created")
    first_offence = min(child.offences.values_list("offence_date", flat=True))

    assert timezone.localdate(created.at) == first_offence
    facts = events.exclude(event_type="records.child.viewed")
    assert all(created.at <= event.at < loaded for event in facts)


def test_an_offence_is_recorded_as_alleged_then_given_its_outcome_on_its_day(loaded):
    child = jordan()
    offence = child.offences.filter(outcome_type="youth_caution").get()
    events = AuditEvent.objects.filter(
        child_id=child.pk, object_type="Offence", object_id=str(offence.pk)
    ).order_by("at")

    added, changed = events
    assert added.event_type == "records.offences.added"
    assert added.detail["values"]["outcome_type"] == ""  # a charge: alleged
    assert timezone.localdate(added.at) == offence.offence_date
    assert changed.detail["changes"]["outcome_type"] == ["", "youth_caution"]
    assert timezone.localdate(changed.at) == offence.outcome_date
    assert offence.status == Offence.Status.PROVEN


def test_every_stage_of_every_child_starts_after_the_record_was_opened(loaded):
    for stage in Stage.objects.select_related("child"):
        created = AuditEvent.objects.get(
            child_id=stage.child_id, event_type="records.child.created"
        )
        assert created.at < stage.started_at, stage.child.local_id


def test_a_grant_is_opened_on_its_story_date_so_a_review_does_not_list_it(loaded):
    dylan = Child.objects.get(local_id="NOR-00007", organisation__code="northshire-yjs")
    grant = AuditEvent.objects.get(child_id=dylan.pk, event_type="records.grant.opened")
    sentenced = dylan.offences.filter(outcome_type="detention_and_training_order").first()
    transition = Stage.objects.get(child=dylan, stage_type="transition")

    assert timezone.localdate(grant.at) == sentenced.outcome_date
    assert grant.at < transition.previous.ended_at
    assert "records.grant.opened" not in {e.event_type for e in review.record_changes(transition)}


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
AHEAD = re.compile(r"\b(booked|due|next|planned|will)\b")
DAY_MONTH = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")\b")


def test_no_answer_names_a_day_after_it_was_written(loaded):
    """An answer's "(mum, 3 May)" is a day before the answer was saved, never one to come:
    Jordan's review answer saved on 18 November named tests on 2 December."""
    from cairn.assessment.models import Answer

    later = []
    for answer in Answer.objects.select_related("stage__child"):
        if not isinstance(answer.value, str):
            continue
        written = timezone.localdate(answer.updated_at)
        for found in DAY_MONTH.finditer(answer.value):
            day, month = found.groups()
            if AHEAD.search(answer.value[max(0, found.start() - 30) : found.start()]):
                continue  # a meeting booked for a day to come
            named = dt.date(written.year, MONTHS.index(month) + 1, int(day))
            if 0 < (named - written).days <= 90:  # later than written, not last year's
                later.append((answer.stage.child.local_id, answer.key, named, written))
    assert later == [], "\n".join(map(str, later))


def test_southmoor_answers_use_the_welsh_terms_for_learning_needs(loaded):
    from cairn.assessment.models import Answer

    english = [
        (answer.stage.child.local_id, answer.key)
        for answer in Answer.objects.filter(stage__child__organisation__code="southmoor-yjs")
        if isinstance(answer.value, str) and re.search(r"\b(SEN|EHCP|SENCO)\b", answer.value)
    ]
    assert english == []
