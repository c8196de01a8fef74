"""A stage answers only the sections its stage type asks."""

from __future__ import annotations

import pytest

from cairn.assessment import operations
from cairn.audit.operations import Actor
from cairn.framework import catalogue

pytestmark = pytest.mark.django_db


def test_answer_to_a_section_the_stage_does_not_ask_is_refused(child):
    stage = operations.start_stage(by=Actor.system(), child=child, stage_type="out_of_court")
    asked = {entry.section for entry in catalogue.load().stage("out_of_court").sections}
    outside = next(
        question
        for question in catalogue.load().questions.values()
        if question.section_key not in asked and question.source is None
    )
    with pytest.raises(operations.UnknownQuestionError):
        operations.record_answer(
            by=Actor.system(), stage=stage, key=outside.key, value=None, version=0
        )


def test_resaving_a_carried_forward_answer_unchanged_confirms_it(child):
    first = operations.start_stage(by=Actor.system(), child=child, stage_type="out_of_court")
    question = next(
        q
        for q in catalogue.load()
        .section(catalogue.load().stage("out_of_court").sections[0].section)
        .questions
        if q.kind == "long_text" and q.source is None
    )
    operations.record_answer(
        by=Actor.system(), stage=first, key=question.key, value="Lives with mum", version=0
    )
    review = operations.start_stage(by=Actor.system(), child=child, stage_type="review")

    answer = operations.record_answer(
        by=Actor.system(), stage=review, key=question.key, value="Lives with mum", version=1
    )

    assert answer.is_confirmed
    assert review.revisions.get(key=question.key, version=2).note == "confirmed"
