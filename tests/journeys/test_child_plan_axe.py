"""The child's plan in a browser: a practitioner opens it from the stage's completion map,
writes it with the child (first with a part too long), records the child's response (first
with nothing chosen), and opens the print view in English and Welsh. Every page passes axe."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from cairn.accounts.models import Membership
from cairn.assessment import operations
from cairn.assessment.models import Stage
from cairn.audit.operations import Actor
from cairn.childplan.models import ChildPlan
from cairn.records.models import Child
from tests.journeys.helpers import (
    AXE_SCRIPT,
    AXE_TAGS,
    assert_accessible,
    error_summary,
    sign_in,
    submit,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def stage(child: Child, practitioner: Membership) -> Stage:
    pat = Actor(user=practitioner.user, organisation=practitioner.organisation)
    return operations.start_stage(by=pat, child=child, stage_type="out_of_court")


def heading(page: Page) -> Any:
    return page.get_by_role("heading", level=1)


def assert_print_view_accessible(page: Page, where: str) -> None:
    """axe on the standalone print view (it has no GOV.UK template; its own stylesheet)."""
    page.wait_for_load_state("load")  # the stylesheet, not only the headings, has arrived
    size = page.evaluate("() => getComputedStyle(document.body).fontSize")
    assert size != "16px", f"{where}: the print stylesheet did not apply"
    page.add_script_tag(path=str(AXE_SCRIPT))
    result: dict[str, Any] = page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        AXE_TAGS,
    )
    problems = [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in result["violations"]]
    assert not problems, f"{where}: {problems}"


def test_the_childs_plan_pages_pass_axe_from_writing_to_agreement_and_print(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    stage: Stage,
) -> None:
    as_demo(practitioner)
    sign_in(page, practitioner, next_path=f"/stages/{stage.pk}/")
    page.get_by_role("navigation", name="Sections of this assessment").get_by_role(
        "link", name=re.compile("^The child's plan")
    ).click()
    expect(heading(page)).to_have_text("The child's plan")
    assert_accessible(page, "child's plan, none yet")

    page.get_by_role("button", name="Write the child's plan").click()
    expect(heading(page)).to_have_text("Change the child's plan")
    assert_accessible(page, "write the plan")
    page.get_by_label("What I want").fill("x" * 161)
    submit(page, "Save the plan")
    expect(error_summary(page)).to_contain_text("What I want must be 160 characters or fewer")
    assert_accessible(page, "write the plan, with errors")
    page.get_by_label("What I want").fill("To go back to college and do bricklaying.")
    page.get_by_label("What I'm good at").fill("Football. Making my sister laugh.")
    page.get_by_label("What I'll do").fill("Go to college every day\nTalk to Sam when I'm angry")
    page.get_by_role("group", name="Helper 1").get_by_label("Name or role").fill("Mum")
    page.get_by_role("group", name="Helper 1").get_by_label("How they will help").fill(
        "Comes to my meetings"
    )
    page.get_by_label("How we'll know it's working").fill("I'm still at college at Easter.")
    submit(page, "Save the plan")
    expect(page.get_by_role("main")).to_contain_text("Draft")
    expect(page.get_by_role("main")).to_contain_text("Talk to Sam when I'm angry")
    assert_accessible(page, "child's plan, a draft")

    page.get_by_role("button", name="Record the child's response").click()
    expect(heading(page)).to_have_text("Record the child's response")
    assert_accessible(page, "record the response")
    submit(page, "Record the response")
    expect(error_summary(page)).to_contain_text("Select what the child said about the plan")
    assert_accessible(page, "record the response, with errors")
    page.get_by_label("Agrees with the plan").check()
    page.get_by_label("The child's own words").fill("Yeah, that's me.")
    submit(page, "Record the response")
    expect(page.get_by_role("main")).to_contain_text("Agreed with the child")
    assert_accessible(page, "child's plan, agreed")
    assert ChildPlan.objects.get(stage=stage).is_agreed

    page.get_by_role("link", name="Open the print view").click()
    expect(heading(page)).to_have_text("My plan")
    expect(page.locator("main")).not_to_contain_text("DRAFT")
    assert_print_view_accessible(page, "print view")
    page.goto(f"/stages/{stage.pk}/child-plan/print/?lang=cy")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(heading(page)).to_have_text("Fy nghynllun")
    assert_print_view_accessible(page, "print view in Welsh")
