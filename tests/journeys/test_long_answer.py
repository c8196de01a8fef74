"""A long answer is never lost: the box counts characters against the limit the server
enforces, a refused answer stays in its box with the reason, and leaving the page with an
answer the server has not accepted asks first."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Dialog, Page, expect

from cairn.accounts.models import Membership
from cairn.assessment.models import Answer
from cairn.assessment.tests.factories import actor, start
from cairn.records.models import Child
from tests.journeys.helpers import assert_accessible, sign_in

pytestmark = pytest.mark.browser

KEY = "living_arrangements.child_view"
VIEW = "What does the child say about where they live?"  # long text, required
HUNDRED_THOUSAND = "Kai told me about his week. " * 3572  # 100,016 characters
NEXT_SECTION = re.compile("^Family and personal relationships")


def test_a_refused_long_answer_stays_and_leaving_asks_first(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    child: Child,
) -> None:
    as_demo(practitioner)
    stage = start(child, actor(practitioner))
    sign_in(page, practitioner)
    page.goto(f"/stages/{stage.pk}/sections/living_arrangements/")
    box = page.get_by_label(VIEW)
    count = page.locator(f"#{box.get_attribute('id')}-info + .govuk-character-count__status")
    status = page.locator("#status-living-arrangements-child-view")
    dialogs: list[str] = []

    def answer(dialog: Dialog) -> None:
        dialogs.append(dialog.type)
        dialog.dismiss()  # "Stay on page"

    page.on("dialog", answer)

    # The count starts from the server's limit and follows what is typed.
    expect(count).to_have_text("You have 20,000 characters remaining")
    box.fill("Kai says he likes his room.")
    expect(count).to_have_text("You have 19,973 characters remaining")
    expect(status).to_contain_text("Saved at")
    assert_accessible(page, "a long answer with its character count")

    # 100,000 characters: the count says how many too many, and the server refuses the save.
    box.fill(HUNDRED_THOUSAND)
    expect(count).to_have_text("You have 80,016 characters too many")
    expect(status).to_contain_text("Not saved: Answer must be 20,000 characters or fewer")
    assert Answer.objects.get(stage=stage, key=KEY).value == "Kai says he likes his room."
    assert_accessible(page, "a refused long answer")

    # Following a link to another section asks first; staying keeps every character typed.
    map_link = page.get_by_role("navigation", name="Sections of this assessment").get_by_role(
        "link", name=NEXT_SECTION
    )
    map_link.click()
    for _ in range(50):
        if dialogs:
            break
        page.wait_for_timeout(100)
    assert dialogs == ["beforeunload"]
    expect(page.get_by_role("heading", level=1)).to_have_text("Living arrangements and housing")
    assert box.input_value() == HUNDRED_THOUSAND

    # Cut down to the limit, the answer saves, and the page can be left without a question.
    box.fill(HUNDRED_THOUSAND[:20_000])
    expect(status).to_contain_text("Saved at")
    map_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Family and personal relationships, parenting and care"
    )
    assert dialogs == ["beforeunload"]
    assert Answer.objects.get(stage=stage, key=KEY).value == HUNDRED_THOUSAND[:20_000].strip()


def test_the_character_count_speaks_welsh(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    child: Child,
) -> None:
    as_demo(practitioner)
    stage = start(child, actor(practitioner))
    sign_in(page, practitioner)
    page.goto(f"/stages/{stage.pk}/sections/living_arrangements/")
    page.get_by_role("navigation", name="Account and language").get_by_role(
        "link", name="Cymraeg"
    ).click()
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    box = page.locator(".govuk-js-character-count").first
    count = page.locator(f"#{box.get_attribute('id')}-info + .govuk-character-count__status")

    # Welsh writes 20000 with no separator (CLDR's minimum grouping): the browser's own format.
    expect(count).to_have_text(re.compile(r"^Mae gennych 20,?000 nod yn weddill$"))
    box.fill("x" * 20_002)
    expect(count).to_have_text("Mae gennych 2 nod yn ormod")
    assert_accessible(page, "the character count in Welsh")
