"""Autosave on an assessment section: a practitioner starts an out-of-court stage, types and
chooses, and every answer saves itself with no button pressed. The completion map and "What is
left" follow the answers, a description that slips into analysis gets a coaching hint, and
every state of every page passes axe."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from cairn.accounts.models import Membership
from cairn.assessment import completion
from cairn.assessment.models import Answer, Stage
from cairn.framework import catalogue as catalogues
from cairn.records.models import Child
from tests.journeys.helpers import assert_accessible, open_record_tab, sign_in, submit

pytestmark = pytest.mark.browser

SECTION = "living_arrangements"
SECTION_TITLE = "Living arrangements and housing"
VIEW = "What does the child say about where they live?"  # long text, required, a description
STABLE = "Is the child's home stable and suitable?"  # yes/no radios, required
CHILD_SAYS = "Kai says he likes his room and feels safe at home with his mum."
BECAUSE = "Kai says he feels safe at home because his mum is always there after school."


def map_entry(page: Page, title: str) -> object:
    return page.get_by_role("navigation", name="Sections of this assessment").get_by_role(
        "link", name=re.compile("^" + re.escape(title))
    )


def save_status(page: Page, key: str) -> object:
    return page.locator(f"#status-{key.replace('.', '-').replace('_', '-')}")


def expected_left(stage: Stage) -> list[str]:
    """The labels of the required questions still unanswered, section by section, in order."""
    catalogue = catalogues.load(stage.catalogue_version)
    values = {answer.key: answer.value for answer in Answer.objects.filter(stage=stage)}
    found = completion.progress(catalogue, stage.stage_type, stage.depth, values)
    return [question.label.en for question in found.required_missing]


def test_answers_save_themselves_and_the_map_follows(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    child: Child,
) -> None:
    as_demo(practitioner)
    sign_in(page, practitioner)
    page.goto(f"/children/{child.pk}/")

    # Start an out-of-court stage from the child's Assessments tab.
    open_record_tab(page, "Assessments")
    expect(page.get_by_role("main")).to_contain_text("No assessments yet.")
    assert_accessible(page, "assessments, none yet")
    page.get_by_role("button", name="Start an assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What is the assessment for?")
    assert_accessible(page, "start an assessment")
    page.get_by_role("radio", name="Out-of-court disposal").check()
    submit(page, "Start assessment")
    expect(page.get_by_role("heading", level=1)).to_have_text("Out-of-court disposal assessment")
    expect(page.get_by_role("alert", name="Success")).to_contain_text(
        "Out-of-court disposal stage started"
    )
    stage = Stage.objects.get(child=child)
    assert (stage.stage_type, stage.depth) == ("out_of_court", Stage.Depth.LIGHT)
    expect(map_entry(page, SECTION_TITLE)).to_contain_text("3 required questions left")
    assert_accessible(page, "new stage summary")

    # The first section: every question is on the page, nothing saved yet.
    page.get_by_role("button", name="Continue assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SECTION_TITLE)
    expect(map_entry(page, SECTION_TITLE)).to_have_attribute("aria-current", "location")
    assert_accessible(page, "first section, nothing answered")

    # Type a long answer: it saves itself, and the map's count goes down, with no button pressed.
    page.get_by_label(VIEW).fill(CHILD_SAYS)
    status = save_status(page, f"{SECTION}.child_view")
    expect(status).to_have_text(re.compile(r"^Saved at \d\d:\d\d:\d\d$"))
    expect(status).to_have_class(re.compile(r"\bcairn-save-status--saved\b"))
    expect(map_entry(page, SECTION_TITLE)).to_contain_text("2 required questions left")
    expect(page.locator(f"#version-{SECTION.replace('_', '-')}-child-view")).to_have_value("1")
    answer = Answer.objects.get(stage=stage, key=f"{SECTION}.child_view")
    assert (answer.value, answer.version, answer.updated_by) == (CHILD_SAYS, 1, practitioner.user)
    assert_accessible(page, "section after a long answer saved itself")

    # Reload: the text is there, and the map agrees.
    page.reload()
    expect(page.get_by_label(VIEW)).to_have_value(CHILD_SAYS)
    expect(map_entry(page, SECTION_TITLE)).to_contain_text("2 required questions left")
    assert_accessible(page, "section reloaded")

    # Choose a radio: it saves on the change.
    page.get_by_role("group", name=STABLE).get_by_role("radio", name="Yes", exact=True).check()
    expect(save_status(page, f"{SECTION}.is_stable")).to_have_text(re.compile(r"^Saved at "))
    expect(map_entry(page, SECTION_TITLE)).to_contain_text("1 required question left")
    assert Answer.objects.get(stage=stage, key=f"{SECTION}.is_stable").value == "yes"
    assert_accessible(page, "section after a choice saved itself")
    page.reload()
    expect(
        page.get_by_role("group", name=STABLE).get_by_role("radio", name="Yes", exact=True)
    ).to_be_checked()

    # What is left lists exactly the required questions still unanswered.
    page.get_by_role("link", name="What is left").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What is left")
    left = expected_left(stage)
    assert VIEW not in left
    assert STABLE not in left
    assert "Who does the child live with most of the time?" in left
    main = page.get_by_role("main")
    expect(main.locator(".govuk-grid-column-three-quarters").get_by_role("link")).to_have_text(left)
    expect(main).to_contain_text(f"{len(left)} required questions are still unanswered")
    assert_accessible(page, "what is left")

    # Its link takes the practitioner to the question.
    main.get_by_role("link", name="Who does the child live with most of the time?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SECTION_TITLE)
    expect(page).to_have_url(re.compile(r"#living-arrangements-lives-with$"))

    # A description that explains rather than describes gets a coaching hint once it saves.
    hints = page.locator("#hints-living-arrangements-child-view")
    expect(hints).to_be_empty()
    page.get_by_label(VIEW).fill(BECAUSE)
    expect(hints).to_contain_text("This reads like analysis (‘because’)")
    expect(save_status(page, f"{SECTION}.child_view")).to_have_text(re.compile(r"^Saved at "))
    answer.refresh_from_db()
    assert (answer.value, answer.version) == (BECAUSE, 2)
    assert_accessible(page, "section with a coaching hint")

    # The hint is a hint: it stays after a reload, and the answer is saved as written.
    page.reload()
    expect(page.get_by_label(VIEW)).to_have_value(BECAUSE)
    expect(hints).to_contain_text("This reads like analysis (‘because’)")
