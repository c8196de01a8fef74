"""A follow-up question appears as soon as the answer it follows is saved, with no reload, and
goes again when that answer changes back; it saves itself like any other, and the page passes
axe in each state."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from cairn.accounts.models import Membership
from cairn.assessment.models import Answer
from cairn.assessment.tests.factories import actor, start
from cairn.records.models import Child
from tests.journeys.helpers import assert_accessible, sign_in

pytestmark = pytest.mark.browser

STABLE = "Is the child's home stable and suitable?"
FOLLOW_UP_KEY = "living_arrangements.concerns"


def test_a_follow_up_appears_and_goes_as_its_answer_changes(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    child: Child,
) -> None:
    as_demo(practitioner)
    stage = start(child, actor(practitioner))
    sign_in(page, practitioner)
    page.goto(f"/stages/{stage.pk}/sections/living_arrangements/")
    stable = page.get_by_role("group", name=STABLE)
    follow_up = page.locator("#slot-living-arrangements-concerns textarea")
    expect(follow_up).to_have_count(0)

    stable.get_by_role("radio", name="No").check()

    expect(page.locator("#status-living-arrangements-is-stable")).to_contain_text(
        "A follow-up question appeared below"
    )
    expect(follow_up).to_be_visible()
    assert_accessible(page, "a follow-up appeared")
    follow_up.fill("Rent is two months behind; the family may be evicted (mum, 3 May).")
    follow_up.blur()
    expect(page.locator("#status-living-arrangements-concerns")).to_contain_text("Saved at")
    assert Answer.objects.get(stage=stage, key=FOLLOW_UP_KEY).value.startswith("Rent is two")

    stable.get_by_role("radio", name="Yes").check()

    expect(follow_up).to_have_count(0)
    assert_accessible(page, "the follow-up went")
