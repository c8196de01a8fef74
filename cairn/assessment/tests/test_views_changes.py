"""What changed in a stage, against the previous stage or since a point; one answer's history."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone

from cairn.assessment import operations
from cairn.assessment.answers import display
from cairn.assessment.tests.factories import (
    actor,
    answer,
    answer_everything_required,
    frozen,
    pick,
    start,
    text,
    valid_value,
)

pytestmark = pytest.mark.django_db

T0 = timezone.now().replace(microsecond=0) - dt.timedelta(days=10)


def at(hours):
    return T0 + dt.timedelta(hours=hours)


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


@pytest.fixture
def mo(manager):
    return actor(manager)


@pytest.fixture
def client(client_for, practitioner):
    return client_for(practitioner)


@pytest.fixture
def choice():
    return pick(kinds=("choice",), required=True)


@pytest.fixture
def notes(choice):
    return pick(kinds=("long_text",), required=True, section=choice.section_key)


def changes(client, stage, query=""):
    response = client.get(reverse("assessment:changes", args=[stage.pk]) + query)
    assert response.status_code == 200
    return text(response)


def rows(page):
    """Each changed question as (label, before, now), read from the tables."""
    found = []
    for row in re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", page, re.S):
        cells = [
            " ".join(re.sub(r"<[^>]+>", " ", c).split())
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        if cells and cells[0] not in {"Question"}:
            found.append(tuple(cells[:3]))
    return found


@pytest.fixture
def stage(child, pat, choice, notes):
    """Started at 0h; choice answered at 1h, changed at 2h by Mo; notes written at 3h."""
    with frozen(at(0)):
        stage = start(child, pat)
    with frozen(at(1)):
        answer(stage, choice, valid_value(choice, 0), pat)
    return stage


def grow(stage, pat, mo, choice, notes):
    with frozen(at(2)):
        answer(stage, choice, valid_value(choice, 1), mo)
    with frozen(at(3)):
        answer(stage, notes, "Settled at home", pat)


def test_changes_of_a_first_stage_are_changes_since_it_started(
    client, stage, pat, mo, choice, notes
):
    grow(stage, pat, mo, choice, notes)

    page = changes(client, stage)

    assert "Changes since" in page
    assert (choice.label.en, "–", display(choice, valid_value(choice, 1))) in rows(page)
    assert (notes.label.en, "–", "Settled at home") in rows(page)
    assert "mo.manager" in page
    assert "?compare=previous" not in page


def test_changes_since_a_point_show_only_later_changes(client, stage, pat, mo, choice, notes):
    grow(stage, pat, mo, choice, notes)

    page = changes(client, stage, f"?compare=since&since={quote(at(2.5).isoformat())}")

    assert rows(page) == [(notes.label.en, "–", "Settled at home")]


def test_changes_since_a_point_span_several_saves(client, stage, pat, mo, choice, notes):
    grow(stage, pat, mo, choice, notes)

    page = changes(client, stage, f"?compare=since&since={quote(at(0.5).isoformat())}")

    assert (choice.label.en, "–", display(choice, valid_value(choice, 1))) in rows(page)


def test_changes_since_a_point_given_without_a_time_zone_are_read_in_local_time(
    client, stage, pat, mo, choice, notes
):
    grow(stage, pat, mo, choice, notes)
    naive = timezone.localtime(at(2.5)).replace(tzinfo=None).isoformat()

    page = changes(client, stage, f"?compare=since&since={quote(naive)}")

    assert rows(page) == [(notes.label.en, "–", "Settled at home")]


@pytest.mark.parametrize("since", ["", "not-a-time", "2026-02-30T10:00:00"])
def test_changes_since_an_unreadable_point_fall_back_to_the_start(client, stage, choice, since):
    page = changes(client, stage, f"?compare=since&since={since}")

    assert (choice.label.en, "–", display(choice, valid_value(choice, 0))) in rows(page)


def test_nothing_changed_says_so(client, child, pat):
    stage = start(child, pat)

    assert "Nothing has changed." in changes(client, stage)


@pytest.fixture
def review(child, stage, pat, mo, choice, notes):
    """The light stage completed at 5h; a review started at 6h, its choice corrected at 7h."""
    with frozen(at(4)):
        answer_everything_required(stage, pat)
        answer(stage, notes, "Settled at home", pat)
    with frozen(at(5)):
        operations.complete_stage(by=pat, stage=stage)
    with frozen(at(6)):
        review = start(child, pat, "review")
    with frozen(at(7)):
        answer(review, choice, valid_value(choice, 1), mo)
    return review


def test_changes_of_a_review_default_to_a_comparison_with_the_previous_stage(
    client, review, choice, stage
):
    page = changes(client, review)

    assert "Compared with the previous stage" in page
    before = display(choice, stage.answers.get(key=choice.key).value)
    assert rows(page) == [(choice.label.en, before, display(choice, valid_value(choice, 1)))]
    assert 'aria-current="page" href="?compare=previous"' in page


def test_changes_against_the_previous_stage_leave_out_answers_carried_unchanged(
    client, review, notes
):
    page = changes(client, review, "?compare=previous")

    assert notes.label.en not in [row[0] for row in rows(page)]


def test_changes_since_the_previous_stage_was_completed(client, review, choice, stage):
    page = changes(client, review, "?compare=completed")

    before = display(choice, stage.answers.get(key=choice.key).value)
    assert rows(page) == [(choice.label.en, before, display(choice, valid_value(choice, 1)))]
    assert "mo.manager" in page


def test_changes_since_the_review_started(client, review, choice):
    page = changes(client, review, "?compare=start")

    assert [row[0] for row in rows(page)] == [choice.label.en]
    assert 'aria-current="page" href="?compare=start"' in page


def test_changes_ignore_confirming_a_carried_forward_answer(client, review, pat, notes):
    with frozen(at(8)):
        operations.confirm_answer(by=pat, stage=review, key=notes.key, version=1)

    page = changes(client, review, "?compare=start")

    assert notes.label.en not in [row[0] for row in rows(page)]


# Answer history


def test_answer_history_lists_every_version_newest_first(client, stage, pat, mo, choice, notes):
    grow(stage, pat, mo, choice, notes)

    response = client.get(reverse("assessment:answer-history", args=[stage.pk, choice.key]))

    page = text(response)
    assert response.status_code == 200
    assert choice.label.en in page
    newest, oldest = (
        display(choice, valid_value(choice, 1)),
        display(choice, valid_value(choice, 0)),
    )
    assert page.index(newest) < page.index(oldest)
    assert "mo.manager" in page
    assert "pat.practitioner" in page
    assert reverse("assessment:section", args=[stage.pk, choice.section_key]) in page


def test_answer_history_notes_carried_forward_and_confirmed_versions(client, review, pat, notes):
    operations.confirm_answer(by=pat, stage=review, key=notes.key, version=1)

    page = text(client.get(reverse("assessment:answer-history", args=[review.pk, notes.key])))

    assert "(confirmed)" in page
    assert "(carried forward)" in page


def test_answer_history_of_an_unknown_question_is_not_found(client, stage):
    response = client.get(reverse("assessment:answer-history", args=[stage.pk, "nowhere.nothing"]))

    assert response.status_code == 404
