"""A section page reads only the relations its pulled-through facts need."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cairn.assessment import facts
from cairn.assessment.tests.factories import fill_core_record
from cairn.records.models import Child

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("key", sorted(facts.FACTS))
def test_each_fact_reads_only_the_relations_it_declares(child, key):
    fill_core_record(child)
    expected = facts.read_facts(facts.prefetched(child.pk), {key})
    fresh = Child.objects.get(pk=child.pk)

    with CaptureQueriesContext(connection) as loading:
        facts.with_relations(fresh, {key})
    with CaptureQueriesContext(connection) as reading:
        found = facts.read_facts(fresh, {key})

    assert found == expected
    assert len(reading) == 0
    assert len(loading) == len(facts.relations_read(key))


def test_facts_of_a_section_share_their_relations(child):
    fill_core_record(child)
    keys = {"education.setting", "education.status", "health.gp", "child.looked_after"}
    fresh = Child.objects.get(pk=child.pk)

    with CaptureQueriesContext(connection) as loading:
        facts.with_relations(fresh, keys)

    # education, health and the organisation (whose nation words the looked-after status),
    # once each
    assert len(loading) == 3
