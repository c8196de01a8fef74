"""Assessment pages keep a flat query count however many answers a stage holds."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cairn.assessment.tests.factories import (
    LIGHT,
    actor,
    answer_whole_section,
    custody_grant,
    fill_core_record,
    sections_of,
    start,
)

pytestmark = pytest.mark.django_db

# A ceiling as well as flatness, so a page cannot quietly grow a fixed number of extra queries.
MOST_QUERIES = 32
SECTION = sections_of(LIGHT)[0][0]


def queries_for(client, url: str) -> int:
    client.get(url)  # the first visit records what was seen; count a return visit
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def stages(child, make_child, northshire, practitioner):
    """Two stages of the same type: one with no answers, one with every question of a section
    answered and then carried forward into a review (so answers have authors and sources)."""
    pat = actor(practitioner)
    other = make_child(
        northshire, "Rhys", "Other", case_worker=practitioner.user, team=practitioner.team
    )
    for someone in (child, other):
        fill_core_record(someone)
    start(child, pat)  # both stages follow an earlier one, so both say what changed since
    empty = start(child, pat)
    earlier = start(other, pat)
    assert answer_whole_section(earlier, SECTION, pat) > 3
    full = start(other, pat, LIGHT)
    answer_whole_section(full, SECTION, pat)
    return empty, full


@pytest.mark.parametrize(
    "page",
    [
        lambda stage: reverse("assessment:section", args=[stage.pk, SECTION.key]),
        lambda stage: reverse("assessment:stage-detail", args=[stage.pk]),
        lambda stage: reverse("assessment:left", args=[stage.pk]),
        lambda stage: reverse("assessment:changes", args=[stage.pk]) + "?compare=start",
        lambda stage: reverse("assessment:stage-list", args=[stage.child_id]),
    ],
    ids=["section", "stage-detail", "left", "changes", "stage-list"],
)
def test_a_page_query_count_does_not_grow_with_the_answers(client_for, practitioner, stages, page):
    empty, full = stages
    client = client_for(practitioner)

    none_answered = queries_for(client, page(empty))
    all_answered = queries_for(client, page(full))

    assert full.answers.count() > empty.answers.count()
    assert all_answered == none_answered
    assert all_answered <= MOST_QUERIES


def test_a_section_page_stays_under_the_ceiling_for_a_reader_and_an_editor(
    client_for, practitioner, secure_staff, oakwood, stages
):
    _empty, full = stages
    custody_grant(full.child, oakwood)
    url = reverse("assessment:section", args=[full.pk, SECTION.key])

    editor = queries_for(client_for(practitioner), url)
    reader = queries_for(client_for(secure_staff), url)

    assert reader <= MOST_QUERIES
    assert editor <= MOST_QUERIES
