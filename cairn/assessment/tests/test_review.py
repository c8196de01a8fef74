"""A stage started from an earlier one says what changed since: the Core Record changes, the
carried answers still to confirm, and what to make or reconfirm."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cairn.assessment import completion, review
from cairn.assessment.tests.factories import actor, answer_whole_section, first_section, start, text
from cairn.framework import catalogue as catalogues
from cairn.records.tests.factories import add_offence

pytestmark = pytest.mark.django_db


def test_a_first_stage_has_nothing_since(child, practitioner):
    stage = start(child, actor(practitioner))

    assert review.record_changes(stage) == []
    assert review.since(stage) == stage.started_at


def test_record_changes_since_the_earlier_stage_are_listed_and_earlier_ones_are_not(
    child, practitioner
):
    add_offence(child, description="Before the first stage")
    earlier = start(child, actor(practitioner))
    add_offence(child, description="Shoplifting at the market")
    later = start(child, actor(practitioner))

    summaries = [event.summary for event in review.record_changes(later)]

    assert later.previous == earlier
    assert len(summaries) == 1
    assert "offence" in summaries[0].lower()


def test_carried_answers_waiting_are_counted_by_section(child, practitioner):
    section = first_section()
    earlier = start(child, actor(practitioner))
    count = answer_whole_section(earlier, section, actor(practitioner))
    later = start(child, actor(practitioner))

    waiting = review.unconfirmed_by_section(later, catalogues.load(), "en")

    # Only what the section page shows counts: a follow-up whose condition no longer holds,
    # or a question asked only in full, is kept but not work.
    values = dict(later.answers.values_list("key", "value"))
    found = completion.progress(catalogues.load(), later.stage_type, later.depth, values)
    progress = found.section(section.key)
    shown = [q for q in (*progress.asked, *progress.offered) if q.source is None]
    assert 0 < len(shown) <= count
    assert waiting == [(section.key, section.title.en, len(shown))]


def test_the_stage_page_shows_what_changed_since_the_last_stage(child, practitioner, client_for):
    section = first_section()
    earlier = start(child, actor(practitioner))
    answer_whole_section(earlier, section, actor(practitioner))
    add_offence(child, description="Shoplifting at the market")
    later = start(child, actor(practitioner))

    page = text(client_for(practitioner).get(reverse("assessment:stage-detail", args=[later.pk])))

    assert "Since the last stage" in page
    assert "Changes to the Core Record" in page
    assert "No changes to the Core Record since then." not in page
    assert section.title.en in page
    assert reverse("assessment:section", args=[later.pk, section.key]) in page


def test_a_first_stage_page_has_no_since_section(child, practitioner, client_for):
    stage = start(child, actor(practitioner))

    page = text(client_for(practitioner).get(reverse("assessment:stage-detail", args=[stage.pk])))

    assert "Since the last stage" not in page
