"""The intervention plan in a browser: a practitioner opens the plan from the completion map,
builds a target from a finding of the assessment in one screen (first with nothing filled in),
adds a contingency action to it, sees both in the grid and the map's plan item complete, and
opens the risk and safety plan on its own. Every page passes axe."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from cairn.accounts.models import Membership
from cairn.assessment import operations
from cairn.assessment.models import Stage
from cairn.audit.operations import Actor
from cairn.plans.models import Action, Target
from cairn.plans.tests.arrange import AGAINST, FACTORS, FULL
from cairn.records.models import Child
from tests.journeys.helpers import assert_accessible, error_summary, sign_in, submit, success_banner

pytestmark = pytest.mark.browser


@pytest.fixture
def stage(child: Child, practitioner: Membership) -> Stage:
    pat = Actor(user=practitioner.user, organisation=practitioner.organisation)
    stage = operations.start_stage(by=pat, child=child, stage_type=FULL)
    operations.record_answer(
        by=pat, stage=stage, key="explanations.desistance_factors", value=FACTORS, version=0
    )
    return stage


def test_build_a_plan_from_a_finding_in_one_screen(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    stage: Stage,
) -> None:
    as_demo(practitioner)
    sign_in(page, practitioner, next_path=f"/stages/{stage.pk}/")
    stage_map = page.get_by_role("navigation", name="Sections of this assessment")
    plan_link = stage_map.get_by_role("link", name=re.compile("^Intervention plan"))
    expect(plan_link).to_contain_text("To do")
    plan_link.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Intervention plan")
    findings = page.get_by_role(
        "region", name="What the assessment found that no target covers yet"
    )
    expect(findings).to_contain_text(AGAINST)
    assert_accessible(page, "plan without targets")

    findings.get_by_role(
        "link", name=re.compile(rf"^Add a target for this\W+{re.escape(AGAINST)}")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a target")
    expect(page.get_by_label("Desistance factor it rests on")).to_have_value(AGAINST)
    assert_accessible(page, "target form")

    submit(page, "Save target")  # no objective yet
    expect(error_summary(page)).to_contain_text("Enter the objective")
    assert_accessible(page, "target form with an error")

    page.get_by_label("Objective", exact=True).fill("Fewer evenings with the older group.")
    page.get_by_label("Goal in the child’s words (optional)").fill("Play for the under-18s.")
    page.get_by_role("group", name="Does this target manage risk?").get_by_label(
        "Risk of serious harm to others"
    ).check()
    submit(page, "Save target")
    expect(success_banner(page)).to_contain_text("Target added")
    grid = page.locator("table.cairn-plan-grid")
    expect(grid).to_contain_text("Fewer evenings with the older group.")
    expect(grid).to_contain_text(f"Desistance factor against: {AGAINST}")
    expect(findings).not_to_contain_text(AGAINST)
    expect(plan_link).to_contain_text("Complete")

    grid.get_by_role("link", name=re.compile("^Add an action")).click()
    page.get_by_label("What will be done").fill("If he is seen with the group, call his mum.")
    page.get_by_role("group", name="Who will do it").get_by_label("Practitioner").check()
    page.get_by_role("group", name="Kind of action").get_by_label(
        "Contingency: what we do if…"
    ).check()
    assert_accessible(page, "action form")
    submit(page, "Save action")
    expect(grid).to_contain_text("If he is seen with the group, call his mum.")
    assert_accessible(page, "plan with a target")

    page.get_by_role("link", name="Risk and safety plan").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Risk and safety plan")
    expect(page.get_by_role("main")).to_contain_text("If he is seen with the group, call his mum.")
    assert_accessible(page, "risk and safety plan")

    target = Target.objects.get(stage=stage)
    assert target.factor == AGAINST
    assert Action.objects.get(target=target).kind == "contingency"
