"""The stage pages: list, start, summary, what is left, complete, deepen, stop or cancel."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from cairn.assessment import completion
from cairn.assessment.models import Answer, Stage
from cairn.assessment.presenters import element_id
from cairn.assessment.tests.factories import (
    LIGHT,
    actor,
    answer,
    answer_everything_required,
    catalogue,
    pick,
    sections_of,
    start,
    text,
    valid_value,
)

pytestmark = pytest.mark.django_db

FULL = next(stage.key for stage in catalogue().stages if stage.depth == "full")


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


@pytest.fixture
def client(client_for, practitioner):
    return client_for(practitioner)


@pytest.fixture
def stage(child, pat):
    return start(child, pat)


def url(name, *args):
    return reverse(f"assessment:{name}", args=args)


# Stage list


def test_stage_list_without_stages_says_so_and_offers_to_start(client, child):
    page = text(client.get(url("stage-list", child.pk)))

    assert "No assessments yet." in page
    assert url("stage-start", child.pk) in page


def test_stage_list_shows_each_stage_with_its_purpose_and_link(client, child, stage, pat):
    full = start(child, pat, FULL)

    response = client.get(url("stage-list", child.pk))

    page = text(response)
    assert response.status_code == 200
    assert catalogue().stage(LIGHT).label.en in page
    assert catalogue().stage(FULL).label.en in page
    assert page.index(url("stage-detail", full.pk)) < page.index(url("stage-detail", stage.pk))


def test_stage_list_marks_an_open_stage_past_its_due_date_as_overdue(client, child, stage):
    page = text(client.get(url("stage-list", child.pk)))
    assert "Overdue" not in page

    Stage.objects.filter(pk=stage.pk).update(due_date=timezone.localdate() - dt.timedelta(days=1))

    assert "Overdue" in text(client.get(url("stage-list", child.pk)))


# Starting a stage


def test_start_page_offers_every_stage_type(client, child):
    response = client.get(url("stage-start", child.pk))

    page = text(response)
    assert response.status_code == 200
    for stage_type in catalogue().stages:
        assert f'value="{stage_type.key}"' in page
        assert stage_type.label.en in page
    assert "will be carried forward" not in page


def test_start_page_says_the_last_stages_answers_will_be_carried_forward(client, child, stage):
    assert "will be carried forward" in text(client.get(url("stage-start", child.pk)))


def test_starting_a_stage_opens_its_summary(client, child):
    response = client.post(url("stage-start", child.pk), {"stage_type": LIGHT})

    stage = Stage.objects.get(child=child)
    assert response.status_code == 302
    assert response["Location"] == url("stage-detail", stage.pk)
    assert stage.stage_type == LIGHT
    assert stage.depth == Stage.Depth.LIGHT
    assert "stage started" in text(client.get(response["Location"]))


@pytest.mark.parametrize("data", [{}, {"stage_type": ""}, {"stage_type": "not_a_stage_type"}])
def test_starting_without_a_known_purpose_is_refused_with_an_error_summary(client, child, data):
    response = client.post(url("stage-start", child.pk), data)

    page = text(response)
    assert response.status_code == 400
    assert "There is a problem" in page
    assert 'href="#stage_type"' in page
    assert "Select the purpose of the assessment" in page
    assert not Stage.objects.exists()


# Stage summary


def test_stage_detail_shows_the_stage_and_its_completion_map(client, stage):
    response = client.get(url("stage-detail", stage.pk))

    page = text(response)
    found = completion.progress(catalogue(), LIGHT, stage.depth, {})
    assert response.status_code == 200
    assert 'id="completion-map"' in page
    for section, _depth in sections_of(LIGHT):
        assert url("section", stage.pk, section.key) in page
        assert section.title.en in page
    assert stage.catalogue_version in page
    assert re.search(
        rf"Required questions left\s*</dt>\s*<dd[^>]*>\s*{len(found.required_missing)}\s*<", page
    )


def test_stage_detail_offers_the_editor_every_action_on_a_light_stage(client, stage):
    page = text(client.get(url("stage-detail", stage.pk)))

    assert url("section", stage.pk, sections_of(LIGHT)[0][0].key) in page
    assert url("complete", stage.pk) in page
    assert url("deepen", stage.pk) in page
    assert url("end", stage.pk) in page


def test_a_full_stage_cannot_be_deepened(client, child, pat):
    full = start(child, pat, FULL)

    page = text(client.get(url("stage-detail", full.pk)))

    assert url("deepen", full.pk) not in page
    assert url("complete", full.pk) in page


def test_an_ended_stage_offers_no_actions(client, stage):
    client.post(url("end", stage.pk), {"status": "stopped", "reason": "Moved away"})

    page = text(client.get(url("stage-detail", stage.pk)))

    assert "Stopped: Moved away" in page
    for name in ("complete", "deepen", "end"):
        assert url(name, stage.pk) not in page


def test_stage_detail_counts_answers_waiting_to_be_confirmed(client, child, stage, pat):
    question = pick(kinds=("choice",))
    answer(stage, question, valid_value(question), pat)
    review = start(child, pat, FULL)

    page = text(client.get(url("stage-detail", review.pk)))

    assert "1 answer was carried forward from the last stage" in page


# What is left


def missing_links(page, stage):
    return set(re.findall(rf'href="(/stages/{stage.pk}/sections/[^"#]+/#[^"]+)"', page))


def expected_links(stage, values):
    found = completion.progress(catalogue(), stage.stage_type, stage.depth, values)
    return {
        url("section", stage.pk, q.section_key) + f"#{element_id(q.key)}"
        for q in found.required_missing
    }


def test_what_is_left_lists_exactly_the_missing_required_questions(client, stage, pat):
    answered = pick(kinds=("choice",), required=True)
    answer(stage, answered, valid_value(answered), pat)

    response = client.get(url("left", stage.pk))

    page = text(response)
    expected = expected_links(stage, {answered.key: valid_value(answered)})
    assert response.status_code == 200
    assert expected
    assert missing_links(page, stage) == expected
    assert answered.label.en not in page.split('id="completion-map"')[1].split("</nav>", 1)[1]
    for question in completion.progress(
        catalogue(), LIGHT, stage.depth, {answered.key: valid_value(answered)}
    ).required_missing:
        assert question.label.en in page
    assert f"{len(expected)} required questions are still unanswered" in page


def test_what_is_left_offers_completion_when_nothing_is_missing(client, stage, pat):
    answer_everything_required(stage, pat)

    page = text(client.get(url("left", stage.pk)))

    assert missing_links(page, stage) == set()
    assert "Every required question for this stage is answered." in page
    # Completing is offered through the confirmation page ("Complete this stage?").
    assert f'href="{url("complete", stage.pk)}"' in page


# Completing


def test_complete_is_refused_while_questions_are_missing(client, stage):
    response = client.post(url("complete", stage.pk))

    stage.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == url("left", stage.pk)
    assert stage.is_open
    assert "Answer the required questions listed below" in text(client.get(response["Location"]))


def test_complete_succeeds_once_every_required_question_is_answered(client, stage, pat):
    answer_everything_required(stage, pat)

    response = client.post(url("complete", stage.pk))

    stage.refresh_from_db()
    assert response["Location"] == url("stage-detail", stage.pk)
    assert stage.status == Stage.Status.COMPLETED
    assert "Stage completed" in text(client.get(response["Location"]))


def test_completing_an_ended_stage_says_it_has_ended(client, stage):
    client.post(url("end", stage.pk), {"reason": "Moved away"})

    response = client.post(url("complete", stage.pk), follow=True)

    stage.refresh_from_db()
    assert stage.status == Stage.Status.STOPPED
    assert "This stage has already ended" in text(response)


# Deepening


def test_deepen_makes_the_stage_full_and_asks_the_full_questions(client, stage, pat):
    kept = pick(kinds=("choice",), required=True)
    answer(stage, kept, valid_value(kept), pat)
    full_question = pick(depth="full", required=True, where=lambda q: q.kind != "list")

    response = client.post(url("deepen", stage.pk))

    stage.refresh_from_db()
    assert response["Location"] == url("stage-detail", stage.pk)
    assert stage.depth == Stage.Depth.FULL
    assert Answer.objects.get(stage=stage, key=kept.key).value == valid_value(kept)
    section_page = text(client.get(url("section", stage.pk, full_question.section_key)))
    assert full_question.label.en in section_page
    assert full_question.label.en in text(client.get(url("left", stage.pk)))


def test_deepen_an_ended_stage_changes_nothing(client, stage):
    client.post(url("end", stage.pk), {"status": "stopped", "reason": "Moved away"})

    response = client.post(url("deepen", stage.pk), follow=True)

    stage.refresh_from_db()
    assert stage.depth == Stage.Depth.LIGHT
    assert "This stage has already ended" in text(response)


# Stopping and cancelling


def test_end_page_asks_why_the_work_stops_and_sends_cancelling_to_a_manager(client, stage):
    response = client.get(url("end", stage.pk))

    page = text(response)
    assert response.status_code == 200
    assert 'value="cancelled"' not in page
    assert 'name="reason"' in page
    assert "ask a manager to cancel it" in page


@pytest.mark.parametrize("status", ["stopped", "cancelled", ""])
def test_end_only_stops_whatever_is_posted(client, stage, status):
    response = client.post(
        url("end", stage.pk), {"status": status, "reason": "  Moved out of area "}
    )

    stage.refresh_from_db()
    assert response.status_code == 302
    assert stage.status == Stage.Status.STOPPED
    assert stage.end_reason == "Moved out of area"


def test_end_without_a_reason_is_refused(client, stage):
    response = client.post(url("end", stage.pk), {"status": "stopped", "reason": "  "})

    page = text(response)
    stage.refresh_from_db()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert 'href="#reason"' in page
    assert "Enter the reason" in page
    assert stage.is_open


def test_ending_an_ended_stage_says_it_has_ended(client, stage):
    client.post(url("end", stage.pk), {"status": "stopped", "reason": "Moved"})

    response = client.post(
        url("end", stage.pk), {"status": "cancelled", "reason": "Again"}, follow=True
    )

    stage.refresh_from_db()
    assert stage.status == Stage.Status.STOPPED
    assert "This stage has already ended" in text(response)
