"""Every assessment page, in every state a practitioner meets, passes axe: the stage list, starting
a stage (with and without an error), the summary, each section of an out-of-court stage (open,
carried forward, read-only), a section showing conflicts, what is left, changes with each
comparison, an answer's history, stopping a stage with an error, and a section in Welsh."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from cairn.accounts.models import Membership
from cairn.assessment import completion, operations
from cairn.assessment.models import Stage
from cairn.audit.operations import Actor
from cairn.framework import catalogue as catalogues
from cairn.framework.schema import Question
from cairn.records.models import Child
from tests.journeys.helpers import assert_accessible, error_summary, sign_in, submit

pytestmark = pytest.mark.browser

SECTIONS = {
    "living_arrangements": "Living arrangements and housing",
    "family_relationships": "Family and personal relationships, parenting and care",
    "education": "Education, training and employment",
    "exploitation": "Exploitation",
    "offending": "Offending and anti-social behaviour",
    "foundations_for_change": "Foundations for change",
}
VIEW_KEY = "living_arrangements.child_view"
VIEW = "What does the child say about where they live?"


def first_answer(question: Question) -> Any:
    """A valid answer: the first option, or a short sentence."""
    if question.kind == "yes_no":
        return "yes"
    if question.kind in {"choice", "rating"}:
        return question.choices()[0].value
    if question.kind == "multi_choice":
        return [question.choices()[0].value]
    if question.kind == "number":
        return 1
    if question.kind == "date":
        return timezone.localdate().isoformat()
    if question.kind == "list":
        return [{item.key: "Football with his uncle" for item in question.items[:1]}]
    return "Kai said this when we met at the youth justice office."


def answer_every_required(by: Actor, stage: Stage) -> None:
    """Answer the required questions, and the follow-ups the answers bring in, until none is left."""
    catalogue = catalogues.load(stage.catalogue_version)
    while True:
        values = {answer.key: answer.value for answer in stage.answers.all()}
        missing = completion.progress(
            catalogue, stage.stage_type, stage.depth, values
        ).required_missing
        if not missing:
            return
        for question in missing:
            version = stage.answers.filter(key=question.key).values_list("version", flat=True)
            operations.record_answer(
                by=by,
                stage=stage,
                key=question.key,
                value=first_answer(question),
                version=version[0] if version else 0,
            )


@pytest.fixture
def stages(child: Child, practitioner: Membership, manager: Membership) -> tuple[Stage, Stage]:
    """A completed out-of-court stage, and a second one in progress that carried its answers
    forward, then changed two (one cleared, so something is left) and added one."""
    pat = Actor(user=practitioner.user, organisation=practitioner.organisation)
    mo = Actor(user=manager.user, organisation=manager.organisation)
    first = operations.start_stage(by=pat, child=child, stage_type="out_of_court")
    answer_every_required(pat, first)
    operations.complete_stage(by=pat, stage=first)
    second = operations.start_stage(by=pat, child=child, stage_type="out_of_court")
    assert second.previous == first
    assert second.answers.filter(is_confirmed=False).exists()
    operations.record_answer(
        by=mo,
        stage=second,
        key=VIEW_KEY,
        value="Kai says he would rather live with his nan.",
        version=1,
    )
    operations.record_answer(by=pat, stage=second, key="education.progress", value=None, version=1)
    operations.record_answer(
        by=pat,
        stage=second,
        key="living_arrangements.carer_view",
        value="Mum says the flat is too small for the three of them.",
        version=0,
    )
    return first, second


def heading(page: Page) -> Any:
    return page.get_by_role("heading", level=1)


def test_every_assessment_page_passes_axe(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    child: Child,
    stages: tuple[Stage, Stage],
) -> None:
    first, second = stages
    as_demo(practitioner)
    sign_in(page, practitioner, next_path=f"/children/{child.pk}/stages/")

    # The list, with one completed stage and one in progress.
    expect(heading(page)).to_have_text("Assessments")
    expect(page.get_by_role("table")).to_contain_text("Completed")
    expect(page.get_by_role("table")).to_contain_text("In progress")
    assert_accessible(page, "stage list")

    # Starting a stage: the page, then the error for choosing nothing.
    page.get_by_role("button", name="Start an assessment").click()
    expect(heading(page)).to_have_text("What is the assessment for?")
    assert_accessible(page, "start a stage")
    submit(page, "Start assessment")
    expect(error_summary(page)).to_contain_text("Select the purpose of the assessment")
    assert_accessible(page, "start a stage, with an error")

    # The summary of the stage in progress.
    page.goto(f"/stages/{second.pk}/")
    expect(heading(page)).to_have_text("Out-of-court disposal assessment")
    expect(page.get_by_role("main")).to_contain_text("carried forward from the last stage")
    assert_accessible(page, "stage summary")

    # Every section, as the map links them.
    for key, title in SECTIONS.items():
        page.get_by_role("navigation", name="Sections of this assessment").get_by_role(
            "link", name=re.compile("^" + re.escape(title))
        ).click()
        expect(heading(page)).to_have_text(title)
        expect(page).to_have_url(re.compile(rf"/sections/{key}/$"))
        assert_accessible(page, f"section {key}")

    # A section after its carried-forward answers are confirmed, and after marking it complete.
    page.goto(f"/stages/{second.pk}/sections/living_arrangements/")
    submit(page, "Confirm the carried-forward answers shown on this page")
    expect(page.get_by_role("alert", name="Success")).to_contain_text("answers confirmed")
    assert_accessible(page, "section with its answers confirmed")

    # Every other carried answer on one page, with a confirm per section.
    page.get_by_role("navigation", name="Sections of this assessment").get_by_role(
        "link", name="Carried-forward answers"
    ).click()
    expect(heading(page)).to_have_text("Carried-forward answers")
    assert_accessible(page, "carried-forward answers")
    page.get_by_role("button", name="Confirm these answers").first.click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("answers confirmed")
    expect(heading(page)).to_have_text("Carried-forward answers")
    assert_accessible(page, "carried-forward answers, one section confirmed")
    page.goto(f"/stages/{second.pk}/sections/living_arrangements/")
    submit(page, "Save and mark section complete")
    expect(heading(page)).to_have_text(SECTIONS["family_relationships"])
    expect(
        page.get_by_role("navigation", name="Sections of this assessment").get_by_role(
            "link", name=re.compile("^Living arrangements")
        )
    ).to_contain_text("Complete")
    assert_accessible(page, "next section, after marking one complete")

    # Marking a section complete with a required answer missing is refused.
    page.goto(f"/stages/{second.pk}/sections/education/")
    submit(page, "Save and mark section complete")
    expect(heading(page)).to_have_text(SECTIONS["education"])
    # The error summary names each missing question and links to it.
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Answer the required questions")
    expect(summary.get_by_role("link").first).to_have_attribute("href", re.compile("^#"))
    assert_accessible(page, "section refused as complete")

    # What is left: one question.
    page.get_by_role("link", name="What is left").click()
    expect(heading(page)).to_have_text("What is left")
    expect(page.get_by_role("main")).to_contain_text("1 required question is still unanswered")
    assert_accessible(page, "what is left")

    # Changes, with each comparison, and with nothing to show.
    page.get_by_role("link", name="Changes", exact=True).click()
    expect(heading(page)).to_have_text("What changed")
    compare = page.get_by_role("navigation", name="Compare with")
    for name in (
        "Against the previous stage",
        "Since the previous stage was completed",
        "Since this stage started",
    ):
        compare.get_by_role("link", name=name).click()
        expect(compare.get_by_role("link", name=name)).to_have_attribute("aria-current", "page")
        expect(page.get_by_role("main")).to_contain_text(
            "Kai says he would rather live with his nan."
        )
        assert_accessible(page, f"changes: {name}")
    later = quote((timezone.now() + dt.timedelta(hours=1)).isoformat())
    page.goto(f"/stages/{second.pk}/changes/?compare=since&since={later}")
    expect(page.get_by_role("main")).to_contain_text("Nothing has changed.")
    assert_accessible(page, "changes: none since a time")

    # The history of one answer, from its section.
    page.goto(f"/stages/{second.pk}/sections/living_arrangements/")
    page.get_by_role("link", name=f"History of {VIEW}").click()
    expect(heading(page)).to_have_text("History of an answer")
    expect(page.get_by_role("table")).to_contain_text("carried forward")
    assert_accessible(page, "answer history")

    # Stopping the stage: the reason is needed.
    page.goto(f"/stages/{second.pk}/")
    page.get_by_role("link", name="Stop this stage").click()
    expect(heading(page)).to_have_text("Stop this stage")
    assert_accessible(page, "stop")
    submit(page, "Stop this stage")
    expect(error_summary(page)).to_contain_text("Enter the reason")
    assert_accessible(page, "stop, no reason")

    # The completed stage: its summary and a section, read only.
    page.goto(f"/stages/{first.pk}/")
    expect(page.get_by_role("main")).to_contain_text("Completed")
    assert_accessible(page, "completed stage summary")
    page.goto(f"/stages/{first.pk}/sections/offending/")
    expect(heading(page)).to_have_text(SECTIONS["offending"])
    expect(page.get_by_role("button", name="Save and continue")).to_have_count(0)
    assert_accessible(page, "completed stage section, read only")
    page.goto(f"/stages/{first.pk}/left/")
    expect(page.get_by_role("main")).to_contain_text("Nothing: this stage has ended.")
    assert_accessible(page, "what is left, nothing")


def test_sections_showing_conflicts_pass_axe(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    manager: Membership,
    stages: tuple[Stage, Stage],
) -> None:
    _first, second = stages
    mo = Actor(user=manager.user, organisation=manager.organisation)
    as_demo(practitioner)
    sign_in(page, practitioner, next_path=f"/stages/{second.pk}/sections/living_arrangements/")
    expect(heading(page)).to_have_text(SECTIONS["living_arrangements"])

    # Mo saves while Pat has the page open: Pat's autosave shows both answers.
    operations.record_answer(by=mo, stage=second, key=VIEW_KEY, value="Mo's newer note.", version=2)
    page.get_by_label(VIEW).fill("Pat's note, from the old version.")
    status = page.locator("#status-living-arrangements-child-view")
    expect(status).to_have_class(re.compile(r"\bcairn-save-status--conflict\b"))
    expect(status.locator(".cairn-conflict__theirs")).to_have_text("Mo's newer note.")
    assert_accessible(page, "section with an autosave conflict")

    # The form, posted from the same old version, answers the conflict page.
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Save and continue").click()
    assert navigation.value is not None
    assert navigation.value.status == 409
    expect(page.locator(".govuk-error-summary")).to_contain_text("Some answers were not saved")
    expect(
        page.locator("#question-living-arrangements-child-view .cairn-conflict")
    ).to_contain_text("Mo's newer note.")
    assert_accessible(page, "section form with a conflict")


def test_a_section_in_welsh_passes_axe(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    stages: tuple[Stage, Stage],
) -> None:
    _first, second = stages
    as_demo(practitioner)
    sign_in(page, practitioner, next_path=f"/stages/{second.pk}/sections/living_arrangements/")
    expect(heading(page)).to_have_text(SECTIONS["living_arrangements"])
    page.get_by_role("navigation", name="Account and language").get_by_role(
        "link", name="Cymraeg"
    ).click()
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(heading(page)).to_have_text("Trefniadau byw a thai")
    expect(page).to_have_url(re.compile(r"/sections/living_arrangements/$"))
    assert_accessible(page, "section in Welsh")

    # An answer saving itself, in Welsh.
    page.locator("#living-arrangements-carer-view").fill(
        "Mae Mam yn dweud bod y fflat yn rhy fach."
    )
    expect(page.locator("#status-living-arrangements-carer-view")).to_have_class(
        re.compile(r"\bcairn-save-status--saved\b")
    )
    assert_accessible(page, "section in Welsh after an autosave")


def test_a_managers_reopen_and_cancel_pages_pass_axe(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    manager: Membership,
    stages: tuple[Stage, Stage],
) -> None:
    first, second = stages
    as_demo(manager)
    sign_in(page, manager, next_path=f"/stages/{second.pk}/")

    # Cancelling the stage in progress: the reason is needed, then it is listed as cancelled.
    page.get_by_role("button", name="Cancel this stage").click()
    expect(heading(page)).to_have_text("Cancel this stage")
    assert_accessible(page, "cancel")
    submit(page, "Cancel this stage")
    expect(error_summary(page)).to_contain_text("Enter the reason")
    assert_accessible(page, "cancel, no reason")
    page.get_by_label("Why is this stage being cancelled?").fill("Started twice by mistake")
    submit(page, "Cancel this stage")
    expect(page.get_by_role("main")).to_contain_text("Started twice by mistake")
    assert_accessible(page, "cancelled stage summary")

    # Reopening the completed one.
    page.goto(f"/stages/{first.pk}/")
    page.get_by_role("button", name="Reopen this stage").click()
    expect(heading(page)).to_have_text("Reopen this stage")
    assert_accessible(page, "reopen")
    page.get_by_label("Why does this stage need reopening?").fill("An answer needs correcting")
    submit(page, "Reopen this stage")
    expect(page.get_by_role("alert", name="Success")).to_contain_text("Stage reopened")
    assert_accessible(page, "reopened stage summary")
