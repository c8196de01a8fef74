"""Why a judgement rests on an answer, and optional judgements that do not block (issue 10,
item 4). A judgement "To reconfirm" names what changed: the question (its label in the
reader's language and its section, with a link to it) and old → new, on the judgement page,
in "what is left" and on a review's stage summary. On a light stage, a judgement the stage only
offers may be left as it was once something it rests on changed: it shows "made before …
changed; not reconfirmed" and does not hold the stage back; a required one still does."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

from cairn.assessment import operations as assessment_operations
from cairn.assessment import presenters as assessment_presenters
from cairn.assessment.models import Stage
from cairn.assessment.tests.factories import (
    actor,
    answer,
    answer_everything_required,
    start,
    valid_value,
)
from cairn.framework import catalogue as catalogues
from cairn.framework.schema import Question
from cairn.judgements import progress
from cairn.judgements.models import Kind
from cairn.judgements.tests.arrange import (
    FULL,
    LIGHT,
    change_answer,
    decide,
    feeding_only,
    scorable,
)
from cairn.judgements.tests.test_reconfirm import map_entry, ready_to_complete
from cairn.quality.tests.policies import require_no_countersigning
from cairn.records.access import Access
from cairn.reports import summary

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_countersigning(northshire):
    """These tests complete stages to test judgements, not countersigning (which the default
    policy asks for on pre-sentence stages and high ratings)."""
    require_no_countersigning(northshire)


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


@pytest.fixture
def client(client_for, practitioner):
    return client_for(practitioner)


def shown(question: Question, value: object, language: str = "en") -> str:
    catalogue = catalogues.load()
    return " ".join(
        assessment_presenters.display_value(catalogue, question.key, value, language).split()
    )


def plain(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def section_title(question: Question, language: str = "en") -> str:
    catalogue = catalogues.load()
    return next(s for s in catalogue.sections if s.key == question.section_key).title.get(language)


def question_url(stage: Stage, question: Question) -> str:
    return reverse("assessment:section", args=[stage.pk, question.section_key]) + (
        f"#{assessment_presenters.element_id(question.key)}"
    )


def judgement_url(stage: Stage, kind: str) -> str:
    return reverse("judgements:judgement", args=[stage.pk, kind])


def changed_after_deciding(stage: Stage, by, kind: str, stage_type: str) -> Question:
    """Answer a question feeding only this judgement, decide it, then change the answer."""
    question = feeding_only(kind, stage_type)
    answer(stage, question, valid_value(question, 0), by)
    decide(stage, by, kind)
    answer(stage, question, valid_value(question, 1), by)
    return question


# Naming what changed


def test_the_judgement_page_names_the_question_its_section_and_old_to_new(child, pat, client):
    stage = start(scorable(child), pat, FULL)
    question = changed_after_deciding(stage, pat, Kind.SAFETY_WELLBEING, FULL)

    page = client.get(judgement_url(stage, Kind.SAFETY_WELLBEING)).content.decode()

    assert f'href="{question_url(stage, question)}"' in page
    text = plain(page)
    assert "To reconfirm" in text
    old, new = shown(question, valid_value(question, 0)), shown(question, valid_value(question, 1))
    assert f"{question.label.en} ({section_title(question)}): {old[:59]}" in text, (
        "the question, its section and what it was"
    )
    assert f"→ {new[:59]}" in text


def test_what_is_left_names_the_question_with_its_link(child, pat, client):
    stage = start(scorable(child), pat, FULL)
    question = changed_after_deciding(stage, pat, Kind.SAFETY_WELLBEING, FULL)

    page = client.get(reverse("assessment:left", args=[stage.pk])).content.decode()
    main = page.split("<main", 1)[1]

    assert f'href="{judgement_url(stage, Kind.SAFETY_WELLBEING)}"' in main
    assert f'<a class="govuk-link" href="{question_url(stage, question)}">' in main
    text = plain(main)
    assert "Safety and well-being : 1 thing it rests on has changed" in text
    assert f"{question.label.en} ({section_title(question)}):" in text


def test_the_reasons_are_in_the_readers_language(child, pat):
    stage = start(scorable(child), pat, FULL)
    question = changed_after_deciding(stage, pat, Kind.SAFETY_WELLBEING, FULL)
    with translation.override("cy"):
        item = next(
            i
            for i in progress.stage_items(Stage.objects.get(pk=stage.pk))
            if i.key == progress.item_key(Kind.SAFETY_WELLBEING)
        )
    [reason] = item.reasons
    assert reason.label == question.label.cy
    assert reason.section == section_title(question, "cy")
    assert reason.new == shown(question, valid_value(question, 1), "cy")[:60]


def test_a_reviews_stage_summary_names_what_changed(child, pat, client):
    first = start(scorable(child), pat, FULL)
    question = feeding_only(Kind.SAFETY_WELLBEING)
    answer(first, question, valid_value(question, 0), pat)
    ready_to_complete(first, pat)
    assessment_operations.complete_stage(by=pat, stage=first)
    review = assessment_operations.start_stage(by=pat, child=child, stage_type="review")
    answer(review, question, valid_value(question, 1), pat)

    page = client.get(reverse("assessment:stage-detail", args=[review.pk])).content.decode()

    main = page.split("<main", 1)[1]
    assert "To make or reconfirm" in main
    assert f'href="{judgement_url(review, Kind.SAFETY_WELLBEING)}"' in main
    assert f'<a class="govuk-link" href="{question_url(review, question)}">' in main
    assert f"{question.label.en} ({section_title(question)}):" in plain(main)


# Optional judgements may be left stale


def test_a_light_stages_optional_judgement_left_stale_does_not_block(child, pat, client):
    light = start(scorable(child), pat, LIGHT)
    question = changed_after_deciding(light, pat, Kind.SAFETY_WELLBEING, LIGHT)
    item = next(
        i
        for i in progress.stage_items(Stage.objects.get(pk=light.pk))
        if i.key == progress.item_key(Kind.SAFETY_WELLBEING)
    )
    assert (item.state, item.is_required, item.is_outstanding) == ("reconfirm", False, False)
    note = f"made before “{question.label.en}” changed; not reconfirmed"
    assert item.detail == note

    section = reverse("assessment:section", args=[light.pk, question.section_key])
    assert map_entry(
        client.get(section).content.decode(), judgement_url(light, Kind.SAFETY_WELLBEING)
    ) == ("Safety and well-being Not reconfirmed")
    text = plain(client.get(judgement_url(light, Kind.SAFETY_WELLBEING)).content.decode())
    assert f"This judgement was {note}." in text
    assert "the stage can be completed without reconfirming it" in text

    answer_everything_required(light, pat)
    done = assessment_operations.complete_stage(by=pat, stage=light)
    assert done.status == Stage.Status.COMPLETED


def test_a_required_judgement_left_stale_still_blocks(child, pat):
    stage = start(scorable(child), pat, FULL)
    ready_to_complete(stage, pat)
    question = feeding_only(Kind.SAFETY_WELLBEING)
    change_answer(stage, question, pat)
    answer_everything_required(stage, pat)

    with pytest.raises(assessment_operations.IncompleteStageError) as caught:
        assessment_operations.complete_stage(by=pat, stage=stage)

    [item] = caught.value.outstanding
    assert item.key == progress.item_key(Kind.SAFETY_WELLBEING)
    assert item.is_required
    assert [reason.label for reason in item.reasons] == [question.label.en]


def test_the_summary_carries_the_note_of_an_optional_judgement_left_stale(child, pat):
    light = start(scorable(child), pat, LIGHT)
    question = changed_after_deciding(light, pat, Kind.SAFETY_WELLBEING, LIGHT)

    found = summary.summary_for(child, Access.EDIT)

    [line] = [line for line in found.judgements if line.kind == Kind.SAFETY_WELLBEING]
    assert line.to_reconfirm
    assert line.stale_note == f"made before “{question.label.en}” changed; not reconfirmed"
