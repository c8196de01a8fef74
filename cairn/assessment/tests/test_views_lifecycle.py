"""The pages of issue 10's stage lifecycle: the review page of carried answers, What is left and
the summary pointing at it, and managers' reopen and cancel pages."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from cairn.assessment import operations
from cairn.assessment.models import Answer, Stage
from cairn.assessment.tests.factories import (
    LIGHT,
    actor,
    answer,
    answer_everything_required,
    catalogue,
    pick,
    start,
    text,
    valid_value,
)
from cairn.audit.operations import Actor
from cairn.records import operations as record_operations
from cairn.records.models import Grant

pytestmark = pytest.mark.django_db

OUTSIDE = "thinking_behaviour"
FULL = next(
    stage.key
    for stage in catalogue().stages
    if stage.depth == "full" and OUTSIDE in {entry.section for entry in stage.sections}
)


def url(name, *args):
    return reverse(f"assessment:{name}", args=args)


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


@pytest.fixture
def as_pat(client_for, practitioner):
    return client_for(practitioner)


@pytest.fixture
def as_mo(client_for, manager):
    return client_for(manager)


@pytest.fixture
def carried(child, pat):
    """A light stage started from a completed one: its answers wait to be confirmed."""
    first = start(child, pat, LIGHT)
    answer_everything_required(first, pat)
    operations.complete_stage(by=pat, stage=first)
    return start(child, pat, LIGHT)


def shown_by_section(page):
    """Each confirm form of the review page: its section and the key:version it posts."""
    forms = re.findall(
        r'<form method="post" action="/stages/\d+/sections/([^/]+)/confirm/"[^>]*>(.*?)</form>',
        page,
        re.S,
    )
    return {section: re.findall(r'name="shown" value="([^"]+)"', body) for section, body in forms}


# The review page


def test_the_review_page_lists_every_waiting_answer_with_one_confirm_per_section(as_pat, carried):
    page = text(as_pat.get(url("review", carried.pk)))

    forms = shown_by_section(page)
    waiting = {
        key: version
        for key, version in carried.answers.filter(is_confirmed=False).values_list("key", "version")
    }
    assert forms
    assert sorted(entry for shown in forms.values() for entry in shown) == sorted(
        f"{key}:{version}" for key, version in waiting.items()
    )
    assert page.count("Confirm these answers") == len(forms)
    for key in waiting:
        question = catalogue().questions[key]
        assert question.label.en in page
        assert url("section", carried.pk, question.section_key) in page


def test_confirming_a_section_on_the_review_page_confirms_only_what_it_showed(as_pat, carried):
    page = text(as_pat.get(url("review", carried.pk)))
    section, shown = next(iter(shown_by_section(page).items()))

    response = as_pat.post(
        url("confirm-section", carried.pk, section), {"shown": shown, "next": "review"}
    )

    assert response["Location"] == url("review", carried.pk)
    confirmed = set(carried.answers.filter(is_confirmed=True).values_list("key", flat=True))
    assert confirmed == {entry.rpartition(":")[0] for entry in shown}
    assert section not in shown_by_section(text(as_pat.get(url("review", carried.pk))))


def test_an_answer_changed_since_the_page_was_shown_is_not_confirmed(as_pat, carried, pat):
    page = text(as_pat.get(url("review", carried.pk)))
    section, shown = next(iter(shown_by_section(page).items()))
    key = shown[0].rpartition(":")[0]
    operations.confirm_answer(by=pat, stage=carried, key=key, version=1)
    answer(carried, key, valid_value(catalogue().questions[key], 1), pat)

    response = as_pat.post(
        url("confirm-section", carried.pk, section), {"shown": shown, "next": "review"}, follow=True
    )

    assert Answer.objects.get(stage=carried, key=key).version == 3
    assert "Someone changed some of these answers meanwhile" in text(response)


def test_the_review_page_leaves_out_sections_the_stage_does_not_ask(as_pat, child, pat):
    full = start(child, pat, FULL)
    outside = pick(FULL, section=OUTSIDE)
    answer(full, outside, valid_value(outside), pat)
    light = start(child, pat, LIGHT)

    page = text(as_pat.get(url("review", light.pk)))
    summary = text(as_pat.get(url("stage-detail", light.pk)))

    assert outside.label.en not in page
    assert OUTSIDE not in shown_by_section(page)
    assert url("section", light.pk, OUTSIDE) not in summary
    assert "Every carried-forward answer has been confirmed or corrected." in summary


def test_a_reader_sees_the_answers_but_no_confirm(client_for, secure_staff, carried, northshire):
    record_operations.open_grant(
        by=Actor.system(northshire),
        child=carried.child,
        organisation=secure_staff.organisation,
        scope=Grant.Scope.CUSTODY,
        reason="In custody",
    )
    page = text(client_for(secure_staff).get(url("review", carried.pk)))

    assert "Carried-forward answers" in page
    assert "Confirm these answers" not in page


def test_the_summary_and_map_point_to_the_review_page(as_pat, carried):
    page = text(as_pat.get(url("stage-detail", carried.pk)))

    assert "Review the carried-forward answers on one page" in page
    assert f'href="{url("review", carried.pk)}"' in page


def test_what_is_left_lists_the_carried_answers_by_section_and_completing_is_refused(
    as_pat, carried
):
    response = as_pat.post(url("complete", carried.pk), follow=True)

    page = text(response)
    carried.refresh_from_db()
    assert carried.is_open
    assert "Confirm or change the carried-forward answers listed below" in page
    assert "Carried-forward answers to confirm or change" in page
    assert f'href="{url("review", carried.pk)}"' in page
    assert "Every required question for this stage is answered." not in page


# Reopening and cancelling


@pytest.fixture
def completed(child, pat):
    stage = start(child, pat, LIGHT)
    answer_everything_required(stage, pat)
    return operations.complete_stage(by=pat, stage=stage)


def test_a_manager_sees_reopen_on_a_completed_stage_and_a_practitioner_does_not(
    as_mo, as_pat, completed
):
    assert "Reopen this stage" in text(as_mo.get(url("stage-detail", completed.pk)))
    assert "Reopen this stage" not in text(as_pat.get(url("stage-detail", completed.pk)))
    assert as_pat.get(url("reopen", completed.pk)).status_code == 403


def test_a_manager_sees_cancel_on_a_stage_in_progress_and_a_practitioner_does_not(
    as_mo, as_pat, child, pat
):
    stage = start(child, pat, LIGHT)

    assert "Cancel this stage" in text(as_mo.get(url("stage-detail", stage.pk)))
    assert "Reopen this stage" not in text(as_mo.get(url("stage-detail", stage.pk)))
    assert "Cancel this stage" not in text(as_pat.get(url("stage-detail", stage.pk)))
    assert as_pat.post(url("cancel", stage.pk), {"reason": "Oops"}).status_code == 403
    stage.refresh_from_db()
    assert stage.is_open


def test_reopening_needs_a_reason_shown_as_a_gov_uk_error(as_mo, completed):
    response = as_mo.post(url("reopen", completed.pk), {"reason": "  "})

    page = text(response)
    assert response.status_code == 400
    assert "There is a problem" in page
    assert 'href="#reason"' in page
    assert "Enter the reason" in page
    completed.refresh_from_db()
    assert completed.status == Stage.Status.COMPLETED


def test_a_manager_reopens_a_completed_stage(as_mo, completed):
    response = as_mo.post(url("reopen", completed.pk), {"reason": "New school to add"}, follow=True)

    completed.refresh_from_db()
    assert completed.is_open
    assert "Stage reopened" in text(response)


def test_the_reopen_page_of_a_stage_in_progress_says_why_not(as_mo, child, pat):
    stage = start(child, pat, LIGHT)

    response = as_mo.get(url("reopen", stage.pk))

    assert response.status_code == 200
    assert "This stage is already in progress" in text(response)
    assert 'name="reason"' not in text(response)


def test_a_manager_cancels_a_stage_and_it_stays_listed_as_cancelled_with_reason_and_who(
    as_mo, child, pat, manager
):
    stage = start(child, pat, LIGHT)

    as_mo.post(url("cancel", stage.pk), {"reason": "Started for the wrong child"})

    stage.refresh_from_db()
    assert stage.status == Stage.Status.CANCELLED
    listing = text(as_mo.get(url("stage-list", child.pk)))
    assert "Cancelled" in listing
    assert "Started for the wrong child" in listing
    assert manager.user.display_name in listing
    detail = as_mo.get(url("stage-detail", stage.pk))
    assert detail.status_code == 200
    assert "Started for the wrong child" in text(detail)
    assert "Complete stage" not in text(detail)
    assert "Cancel this stage" not in text(detail)


def test_the_stop_page_offers_a_manager_the_cancel_page(as_mo, child, pat):
    stage = start(child, pat, LIGHT)

    assert url("cancel", stage.pk) in text(as_mo.get(url("end", stage.pk)))


def test_an_answer_the_stage_does_not_show_cannot_be_confirmed_one_by_one(as_pat, child, pat):
    full = start(child, pat, FULL)
    outside = pick(FULL, section=OUTSIDE)
    answer(full, outside, valid_value(outside), pat)
    light = start(child, pat, LIGHT)

    response = as_pat.post(url("confirm", light.pk, outside.key), {"version": "1"})

    assert response.status_code == 404
    assert not Answer.objects.get(stage=light, key=outside.key).is_confirmed


def test_the_section_forms_confirm_only_answers_that_section_shows(as_pat, child, pat):
    full = start(child, pat, FULL)
    outside = pick(FULL, section=OUTSIDE)
    answer(full, outside, valid_value(outside), pat)
    light = start(child, pat, LIGHT)
    section = pick(LIGHT, required=True).section_key

    response = as_pat.post(url("section", light.pk, section), {"confirm": outside.key})

    assert response.status_code == 302
    assert not Answer.objects.get(stage=light, key=outside.key).is_confirmed


# An ended stage asks for no work, and says how it ended


def test_a_cancelled_review_asks_for_no_work_and_says_how_it_ended(as_mo, carried, manager):
    mo = actor(manager)
    assert Answer.objects.filter(stage=carried, is_confirmed=False).exists()
    operations.end_stage(
        by=mo, stage=carried, status=Stage.Status.CANCELLED, reason="Started in error"
    )

    for page in ("stage-detail", "left", "review"):
        shown = text(as_mo.get(url(page, carried.pk)))
        assert f"This stage was cancelled by {manager.user.display_name}" in shown, page
        assert "Started in error" in shown, page
        assert "cannot be reopened" in shown, page
        for work in (
            "Review them all on one page",
            "wait for you to confirm",
            "waits for you to confirm",
            "To reconfirm",
            "to confirm",
            "Ready to mark complete",
            "Complete stage",
        ):
            assert work not in shown, (page, work)


def test_a_completed_stage_says_who_completed_it_and_that_a_manager_can_reopen_it(
    as_pat, as_mo, completed, practitioner
):
    page = text(as_pat.get(url("stage-detail", completed.pk)))

    assert f"This stage was completed by {practitioner.user.display_name}" in page
    assert "Only a manager can reopen it." in page
    assert "As a manager, you can reopen it." in text(as_mo.get(url("left", completed.pk)))


def test_a_reopened_stage_shows_who_reopened_it_when_and_why_to_everyone(
    as_pat, as_mo, completed, manager
):
    as_mo.post(url("reopen", completed.pk), {"reason": "New school to add"})

    page = text(as_pat.get(url("stage-detail", completed.pk)))

    assert f"Reopened by {manager.user.display_name} on " in page
    assert ": New school to add" in page


# The out-of-court recommendation on the summary


def test_an_out_of_court_summary_shows_the_recommendation_to_the_panel(as_pat, child, pat):
    stage = start(child, pat, "out_of_court")
    recommendation = catalogue().question("offending.jdm_recommendation")
    answer(stage, recommendation, valid_value(recommendation), pat)

    page = text(as_pat.get(url("stage-detail", stage.pk)))

    block = page.split("Recommendation to the panel", 1)[1]
    assert recommendation.label.en in block
    assert catalogue().question("offending.jdm_reasons").label.en in block
    assert "Not answered yet" in block


def test_a_stage_that_makes_no_recommendation_shows_none(as_pat, child, pat):
    stage = start(child, pat, FULL)

    assert "Recommendation to the panel" not in text(as_pat.get(url("stage-detail", stage.pk)))


# Completing asks first


def test_the_complete_button_leads_to_a_page_that_asks_first(as_pat, child, pat):
    stage = start(child, pat, LIGHT)
    answer_everything_required(stage, pat)
    assert f'href="{url("complete", stage.pk)}"' in text(as_pat.get(url("left", stage.pk)))
    assert f'href="{url("complete", stage.pk)}"' in text(as_pat.get(url("stage-detail", stage.pk)))

    page = text(as_pat.get(url("complete", stage.pk)))

    assert "Complete this stage?" in page
    assert "nobody can change them" in page
    assert "Core Record facts it used are kept" in page
    assert "Only a manager can reopen a completed stage" in page
    assert re.search(r'<form method="post" novalidate>', page)
    assert f'href="{url("stage-detail", stage.pk)}">Cancel</a>' in page
    stage.refresh_from_db()
    assert stage.is_open


def test_the_complete_page_posts_and_completes(as_pat, child, pat):
    stage = start(child, pat, LIGHT)
    answer_everything_required(stage, pat)

    response = as_pat.post(url("complete", stage.pk))

    assert response["Location"] == url("stage-detail", stage.pk)
    stage.refresh_from_db()
    assert stage.status == Stage.Status.COMPLETED


def test_the_complete_page_of_a_stage_with_work_left_offers_no_button(as_pat, child, pat):
    stage = start(child, pat, LIGHT)

    page = text(as_pat.get(url("complete", stage.pk)))

    assert "cannot be completed yet" in page
    assert f'href="{url("left", stage.pk)}"' in page
    assert '<form method="post" novalidate>' not in page
