"""The judgement pages in a browser: a practitioner opens each judgement of a full stage from
the completion map, adds a concern (first with nothing filled in), makes the serious harm
judgement with a rating that differs from the proposal (first without a reason), sees it
complete in the map, changes an answer that feeds it and sees it to reconfirm, and reconfirms
it. Every page passes axe, the reoffending page in Welsh too; one judgement is made with
JavaScript switched off."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from cairn.accounts.models import Membership
from cairn.assessment import operations
from cairn.assessment.models import Stage
from cairn.assessment.presenters import element_id
from cairn.audit.operations import Actor
from cairn.judgements.models import Concern, Judgement, Kind
from cairn.judgements.tests.arrange import FULL, feeding_only, flagged
from cairn.records import operations as record_operations
from cairn.records.models import Child, Offence
from tests.journeys.helpers import (
    assert_accessible,
    error_summary,
    fill_sign_in,
    sign_in,
    submit,
    success_banner,
)
from tests.journeys.test_without_javascript import NoScriptChecker

pytestmark = pytest.mark.browser

MODEL_LABEL = "OGRS3 (adult model), not the official YOGRS"
TITLES = {
    Kind.REOFFENDING: "Likelihood of reoffending",
    Kind.SERIOUS_HARM: "Risk of serious harm to others",
    Kind.SAFETY_WELLBEING: "Safety and well-being",
    Kind.INTERVENTION_LEVEL: "Indicative intervention level",
}


@pytest.fixture
def stage(child: Child, practitioner: Membership) -> Stage:
    """A pre-sentence (full) stage for a child with one youth caution, so there is a score."""
    record_operations.add_to_record(
        by=Actor.system(child.organisation),
        child=child,
        model=Offence,
        part="offences",
        data={
            "offence_date": dt.date(2024, 12, 1),
            "description": "Theft from a shop",
            "category": Offence.Category.THEFT,
            "outcome_type": Offence.Outcome.YOUTH_CAUTION,
            "outcome_date": dt.date(2025, 1, 10),
        },
    )
    pat = Actor(user=practitioner.user, organisation=practitioner.organisation)
    return operations.start_stage(by=pat, child=child, stage_type=FULL)


def heading(page: Page) -> Any:
    return page.get_by_role("heading", level=1)


def stage_map(page: Page) -> Any:
    return page.get_by_role("navigation", name="Sections of this assessment")


def map_link(page: Page, kind: str) -> Any:
    return stage_map(page).get_by_role("link", name=re.compile("^" + re.escape(TITLES[kind])))


def test_every_judgement_page_passes_axe_through_a_judgement_and_its_reconfirmation(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    stage: Stage,
) -> None:
    as_demo(practitioner)
    sign_in(page, practitioner, next_path=f"/stages/{stage.pk}/")

    # Each judgement, as the map links it: to do on a full stage.
    for kind, title in TITLES.items():
        expect(map_link(page, kind)).to_contain_text("To do")
        map_link(page, kind).click()
        expect(heading(page)).to_have_text(title)
        expect(map_link(page, kind)).to_have_attribute("aria-current", "location")
        assert_accessible(page, f"judgement {kind}")

    # The reoffending score names the model and explains every term; in Welsh too.
    map_link(page, Kind.REOFFENDING).click()
    main = page.get_by_role("main")
    expect(main).to_contain_text(MODEL_LABEL)
    expect(
        page.get_by_role("table", name="How the score is made up").locator("tbody tr")
    ).to_have_count(6)
    page.get_by_role("navigation", name="Account and language").get_by_role(
        "link", name="Cymraeg"
    ).click()
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page).to_have_url(re.compile(rf"/stages/{stage.pk}/judgements/reoffending/$"))
    expect(page.get_by_role("main")).to_contain_text(
        "OGRS3 (model oedolion), nid y YOGRS swyddogol"
    )
    assert_accessible(page, "judgement reoffending in Welsh")
    page.get_by_role(
        "navigation", name=re.compile("Cyfrif ac iaith|Account and language")
    ).get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")

    # Serious harm: the definitions and the matrix are on the page; add a concern.
    map_link(page, Kind.SERIOUS_HARM).click()
    expect(heading(page)).to_have_text(TITLES[Kind.SERIOUS_HARM])
    expect(page.get_by_role("main")).to_contain_text(
        "What the ratings mean for risk of serious harm to others (YJB definitions)"
    )
    page.get_by_role("link", name="Add a concern").click()
    expect(heading(page)).to_have_text("Add a concern")
    assert_accessible(page, "add a concern")
    submit(page, "Save concern")
    expect(error_summary(page)).to_contain_text("Describe what might happen")
    assert_accessible(page, "add a concern, with errors")
    page.get_by_label("What might happen").fill(
        "Kai may use the knife he has carried to threaten a rival if they meet in town."
    )
    page.get_by_role("radio", name="Another child", exact=True).check()
    page.get_by_role("radio", name=re.compile(r"^Serious: ")).check()
    page.get_by_role("radio", name="Likely", exact=True).check()
    page.get_by_role("radio", name="Within months", exact=True).check()
    page.get_by_label("Evidence").fill("Police intelligence, 3 March; Kai told me he carries it.")
    submit(page, "Save concern")
    expect(success_banner(page)).to_contain_text("Concern added")
    expect(page.get_by_role("main")).to_contain_text("Proposed now: High")
    assert_accessible(page, "serious harm with a concern")

    # The judgement, differing from the proposal: a reason is asked for.
    page.get_by_role("radio", name="Medium", exact=True).check()
    submit(page, "Save judgement")
    expect(error_summary(page)).to_contain_text(
        "Give the reason your rating differs from the proposed one"
    )
    assert_accessible(page, "serious harm judgement, no reason")
    page.get_by_label("Reason").fill("The knife was taken from him; he has moved school.")
    submit(page, "Save judgement")
    expect(success_banner(page)).to_contain_text("Risk of serious harm to others saved")
    expect(map_link(page, Kind.SERIOUS_HARM)).to_contain_text("Complete")
    assert_accessible(page, "serious harm judgement made")
    made = Judgement.objects.get(stage=stage, kind=Kind.SERIOUS_HARM)
    assert (made.proposed, made.rating) == ("high", "medium")
    assert Concern.objects.filter(stage=stage).count() == 1

    # An answer it rests on changes: the map says to reconfirm it.
    question = feeding_only(Kind.SERIOUS_HARM)
    page.goto(f"/stages/{stage.pk}/sections/{question.section_key}/")
    page.get_by_label(question.label.en).fill("He says other people are out to get him.")
    # Let the answer save itself first, as a person sees it do, so the form posts its version.
    expect(page.locator(f"#status-{element_id(question.key)}")).to_have_class(
        re.compile(r"\bcairn-save-status--saved\b")
    )
    expect(map_link(page, Kind.SERIOUS_HARM)).to_contain_text("To reconfirm")  # swapped in
    assert_accessible(page, "section after an autosave, a judgement to reconfirm")
    submit(page, "Save and continue")
    expect(map_link(page, Kind.SERIOUS_HARM)).to_contain_text("To reconfirm")
    assert flagged(stage) == {Kind.SERIOUS_HARM}
    map_link(page, Kind.SERIOUS_HARM).click()
    banner = page.get_by_role("region", name="To reconfirm")
    expect(banner).to_contain_text("1 thing this judgement rests on has changed")
    expect(banner.get_by_role("link", name=question.label.en)).to_be_visible()
    assert_accessible(page, "serious harm to reconfirm")
    submit(page, "Reconfirm Medium")
    expect(success_banner(page)).to_contain_text("Risk of serious harm to others reconfirmed")
    expect(map_link(page, Kind.SERIOUS_HARM)).to_contain_text("Complete")
    expect(page.get_by_role("region", name="To reconfirm")).to_have_count(0)
    assert_accessible(page, "serious harm reconfirmed")
    assert flagged(stage) == set()

    # What is left lists the judgements still to make.
    stage_map(page).get_by_role("link", name="What is left").click()
    expect(page.get_by_role("main")).to_contain_text("Safety and well-being: not yet made")
    assert_accessible(page, "what is left, with judgements")


def test_a_judgement_made_without_javascript(
    new_context: Callable[..., BrowserContext],
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    stage: Stage,
) -> None:
    page = new_context(java_script_enabled=False).new_page()
    axe = NoScriptChecker(new_context().new_page())
    as_demo(practitioner)
    fill_sign_in(page, practitioner.user.username, next_path=f"/stages/{stage.pk}/")
    expect(page.locator("body")).not_to_have_class(re.compile(r"\bjs-enabled\b"))

    map_link(page, Kind.SAFETY_WELLBEING).click()
    expect(heading(page)).to_have_text(TITLES[Kind.SAFETY_WELLBEING])
    axe.check(page, "safety and well-being")
    page.get_by_role("radio", name="High", exact=True).check()
    submit(page, "Save judgement")
    expect(error_summary(page)).to_contain_text(
        "Give the reason your rating differs from the proposed one"
    )
    axe.check(page, "safety and well-being, no reason")
    page.get_by_label("Reason").fill("Missing from home three times this month.")
    submit(page, "Save judgement")
    expect(success_banner(page)).to_contain_text("Safety and well-being saved")
    expect(map_link(page, Kind.SAFETY_WELLBEING)).to_contain_text("Complete")
    axe.check(page, "safety and well-being made")
    made = Judgement.objects.get(stage=stage, kind=Kind.SAFETY_WELLBEING)
    assert (made.proposed, made.rating) == ("low", "high")
