"""No lost updates: two colleagues on the same section of the same stage, in two browsers.

Whoever saves second from an old version is told, sees both answers and chooses; nothing
saved is ever silently overwritten, with JavaScript (autosave) and without (the section form).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, Request, Route, expect

from cairn.accounts.models import Membership
from cairn.assessment import operations
from cairn.assessment.models import Answer, Stage
from cairn.audit.operations import Actor
from cairn.records.models import Child
from tests.journeys.helpers import assert_accessible, sign_in

pytestmark = pytest.mark.browser

SECTION = "living_arrangements"
KEY = f"{SECTION}.child_view"
LABEL = "What does the child say about where they live?"
THEIRS = "Kai told Pat he is happy living with his mum and his brother."
MINE = "Kai told Mo he wants to move back to his nan's house."
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL | re.IGNORECASE)


@pytest.fixture
def stage(child: Child, practitioner: Membership) -> Stage:
    """An out-of-court stage with two answers already saved (version 1 each)."""
    by = Actor(user=practitioner.user, organisation=practitioner.organisation)
    started = operations.start_stage(by=by, child=child, stage_type="out_of_court")
    for key, value in {
        f"{SECTION}.lives_with": "one_parent",
        f"{SECTION}.is_stable": "yes",
    }.items():
        operations.record_answer(by=by, stage=started, key=key, value=value, version=0)
    return started


def others(stage: Stage) -> dict[str, tuple[Any, int]]:
    return {
        answer.key: (answer.value, answer.version)
        for answer in Answer.objects.filter(stage=stage).exclude(key=KEY)
    }


def answer(stage: Stage) -> Answer:
    return Answer.objects.get(stage=stage, key=KEY)


def assert_accessible_without_scripts(page: Page, inspector: Page, where: str) -> None:
    """axe needs scripts: check the script-less page's DOM, scripts removed, in `inspector`."""
    html = SCRIPT.sub("", page.content())
    url = page.url.split("#")[0]

    def fulfil(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

    inspector.route(lambda candidate: candidate == url, fulfil)
    try:
        inspector.goto(url)
    finally:
        inspector.unroute_all()
    assert_accessible(inspector, f"{where} (without JavaScript)")


def open_section(
    new_context: Callable[..., BrowserContext], member: Membership, stage: Stage, **options: Any
) -> Page:
    page = new_context(**options).new_page()
    sign_in(page, member)
    page.goto(f"/stages/{stage.pk}/sections/{SECTION}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Living arrangements and housing")
    return page


def test_the_second_autosave_from_an_old_version_is_a_conflict_not_an_overwrite(
    new_context: Callable[..., BrowserContext],
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    manager: Membership,
    stage: Stage,
) -> None:
    as_demo(practitioner)
    as_demo(manager)
    before = others(stage)
    pat = open_section(new_context, practitioner, stage)
    mo = open_section(new_context, manager, stage)
    for page in (pat, mo):
        expect(page.locator("#version-living-arrangements-child-view")).to_have_value("0")
    mo_saves: list[str] = []

    def record_save(request: Request) -> None:
        if f"/answers/{KEY}/" in request.url:
            mo_saves.append(request.post_data or "")

    mo.on("request", record_save)

    # Pat types: it saves as version 1.
    pat.get_by_label(LABEL).fill(THEIRS)
    expect(pat.locator("#status-living-arrangements-child-view")).to_have_text(
        re.compile(r"^Saved at ")
    )
    assert (answer(stage).value, answer(stage).version) == (THEIRS, 1)

    # Mo's page still holds version 0: Mo's change is refused and both answers are shown.
    mo.get_by_label(LABEL).fill(MINE)
    conflict = mo.locator("#status-living-arrangements-child-view")
    expect(conflict).to_have_class(re.compile(r"\bcairn-save-status--conflict\b"))
    expect(conflict).to_contain_text("Not saved: Pat Tester changed this at")
    expect(conflict.locator(".cairn-conflict__theirs")).to_have_text(THEIRS)
    expect(conflict.locator(".cairn-conflict__yours")).to_have_text(MINE)
    expect(conflict.get_by_role("button", name="Keep mine")).to_be_visible()
    expect(conflict.get_by_role("link", name="Keep theirs")).to_be_visible()
    assert (answer(stage).value, answer(stage).version) == (THEIRS, 1)
    assert_accessible(mo, "section with an autosave conflict")

    # Mo chooses to keep Mo's answer: it saves over Pat's, knowingly, as version 2.
    conflict.get_by_role("button", name="Keep mine").click()
    saved = mo.locator("#status-living-arrangements-child-view")
    expect(saved).to_have_text(re.compile(r"^Saved at "))
    expect(mo.locator("#version-living-arrangements-child-view")).to_have_value("2")
    current = answer(stage)
    assert (current.value, current.version, current.updated_by) == (MINE, 2, manager.user)
    assert [
        (r.version, r.new_value, r.by_name)
        for r in stage.revisions.filter(key=KEY).order_by("version")
    ] == [(1, THEIRS, practitioner.user.username), (2, MINE, manager.user.username)]

    # Pat's other answers were never touched.
    assert others(stage) == before
    # Two saves left Mo's page: the refused one and "Keep mine". Leaving the text box to click
    # did not send the refused answer again (its conflict, redrawn, would swallow the click).
    assert len(mo_saves) == 2, mo_saves
    assert "version%3Aliving_arrangements.child_view=0" in mo_saves[0]
    assert "version%3Aliving_arrangements.child_view=1" in mo_saves[1]
    pat.reload()
    expect(pat.get_by_label(LABEL)).to_have_value(MINE)
    expect(
        pat.get_by_role("group", name="Is the child's home stable and suitable?").get_by_role(
            "radio", name="Yes", exact=True
        )
    ).to_be_checked()


def test_without_javascript_the_second_form_gets_the_conflict_page(
    new_context: Callable[..., BrowserContext],
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    manager: Membership,
    stage: Stage,
) -> None:
    as_demo(practitioner)
    as_demo(manager)
    before = others(stage)
    pat = open_section(new_context, practitioner, stage, java_script_enabled=False)
    mo = open_section(new_context, manager, stage, java_script_enabled=False)

    # Pat submits the form first: saved, and on to the next section.
    pat.get_by_label(LABEL).fill(THEIRS)
    with pat.expect_navigation():
        pat.get_by_role("button", name="Save and continue").click()
    expect(pat.get_by_role("alert", name="Success")).to_contain_text("Your answers have been saved")
    assert (answer(stage).value, answer(stage).version) == (THEIRS, 1)

    # Mo submits from the old version, and changes another answer too.
    mo.get_by_label(LABEL).fill(MINE)
    stable = mo.get_by_role("group", name="Is the child's home stable and suitable?")
    stable.get_by_role("radio", name="No", exact=True).check()
    with mo.expect_navigation() as navigation:
        mo.get_by_role("button", name="Save and continue").click()
    assert navigation.value is not None
    assert navigation.value.status == 409
    expect(mo.get_by_role("heading", level=1)).to_have_text("Living arrangements and housing")
    expect(mo.locator(".govuk-error-summary")).to_contain_text("Some answers were not saved")
    warning = mo.locator("#question-living-arrangements-child-view .cairn-conflict")
    expect(warning).to_contain_text("Pat Tester changed this answer at")
    expect(warning.locator(".cairn-conflict__theirs")).to_have_text(THEIRS)
    expect(warning.locator(".cairn-conflict__yours")).to_have_text(MINE)
    expect(mo.get_by_label(LABEL)).to_have_value(MINE)  # Mo's words are not lost either
    assert_accessible_without_scripts(mo, new_context().new_page(), "section form with a conflict")

    # Nothing of Mo's overwrote Pat's; Mo's unrelated change, based on the current version, saved.
    assert (answer(stage).value, answer(stage).version) == (THEIRS, 1)
    assert others(stage) == {**before, f"{SECTION}.is_stable": ("no", 2)}

    # Submitting again, now from Pat's version, is Mo's informed choice: it saves.
    with mo.expect_navigation():
        mo.get_by_role("button", name="Save and continue").click()
    expect(mo.get_by_role("alert", name="Success")).to_contain_text("Your answers have been saved")
    current = answer(stage)
    assert (current.value, current.version, current.updated_by) == (MINE, 2, manager.user)
