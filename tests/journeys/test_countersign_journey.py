"""Countersigning in a browser: a manager opens the queue, reads what changed in the stage a
practitioner sent for sign-off, comments on the changed answer, first tries to ask for changes
without saying which, then signs it off; the practitioner sees the comment beside the answer
and the stage frozen. A stage not yet complete cannot be sent: the page lists what is left and
refuses the request with an error summary; a countersigner whose request went out of date sees
that first and can only ask for changes, and the practitioner sees it too and withdraws it with a
reason; a stage returned for changes shows on the practitioner's caseload. Every page (the queue, the request, the stage's sign-off
page, the policy, the deadlines dashboard) passes axe."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from cairn.accounts.models import Membership
from cairn.assessment.models import Stage
from cairn.assessment.tests import factories
from cairn.judgements.tests import arrange
from cairn.quality import operations
from cairn.quality.models import Sections, SignoffRequest
from cairn.records.models import Child
from tests.journeys.helpers import (
    assert_accessible,
    error_summary,
    sign_in,
    sign_out,
    submit,
    success_banner,
)

pytestmark = pytest.mark.browser

ANSWER = "Lives with his mother and sister; sees his father at weekends."


@pytest.fixture
def stage(child: Child, practitioner: Membership) -> Stage:
    by = factories.actor(practitioner)
    stage = factories.start(child, by=by)
    question = factories.pick(kinds=("long_text",))
    factories.answer(stage, question, ANSWER, by=by)
    factories.answer_everything_required(stage, by=by)  # sign-off needs it complete
    operations.request_signoff(by=by, stage=stage, sections=Sections.BOTH)
    return stage


def test_a_manager_signs_off_after_reading_what_changed(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    manager: Membership,
    stage: Stage,
) -> None:
    as_demo(manager)
    as_demo(practitioner)
    question = factories.pick(kinds=("long_text",))
    sign_in(page, manager)
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Sign-off").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Waiting for sign-off")
    expect(page.get_by_role("row", name="Kai Brennan")).to_contain_text("0 days")
    assert_accessible(page, "the sign-off queue")

    page.get_by_role("link", name="Kai Brennan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign-off request")
    changes = page.get_by_role("heading", name="What changed")
    expect(changes).to_be_visible()
    row = page.get_by_role("row", name=question.label.en)
    expect(row).to_contain_text(ANSWER)
    assert_accessible(page, "the sign-off request")

    row.get_by_role("link", name="Comment").click()
    expect(page.get_by_label("About", exact=True)).to_have_value(question.key)
    page.get_by_label("Comment", exact=True).fill("Who else stays at the house?")
    submit(page, "Add comment")
    expect(success_banner(page)).to_contain_text("Comment added")
    expect(page.get_by_text("Who else stays at the house?")).to_be_visible()
    assert_accessible(page, "the request with a comment")

    page.get_by_label("Ask for changes").check()
    submit(page, "Save decision")
    expect(error_summary(page)).to_contain_text("Enter a comment saying what should change")
    assert_accessible(page, "the decision with an error")

    page.get_by_label("Sign off").check()
    submit(page, "Save decision")
    expect(success_banner(page)).to_contain_text("Signed off")
    expect(page.get_by_text("Nothing is waiting for sign-off.")).to_be_visible()
    assert SignoffRequest.objects.get(stage=stage).status == SignoffRequest.Status.SIGNED_OFF
    assert_accessible(page, "the empty queue")

    page.get_by_role("link", name="Which stages need countersigning").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Countersigning policy")
    assert_accessible(page, "the countersigning policy")

    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Deadlines").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Deadlines")
    expect(page.get_by_role("row", name="Kai Brennan")).to_be_visible()
    assert_accessible(page, "the deadlines dashboard")

    sign_out(page)
    sign_in(page, practitioner, next_path=f"/stages/{stage.pk}/signoff/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign-off")
    expect(page.get_by_text("The stage can no longer be changed")).to_be_visible()
    assert_accessible(page, "the stage's sign-off page")
    page.goto(f"/stages/{stage.pk}/sections/{question.section_key}/")
    expect(page.get_by_text("Who else stays at the house?")).to_be_visible()
    assert_accessible(page, "the section with the comment beside the answer")


def test_sign_off_waits_for_a_complete_and_current_stage(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    manager: Membership,
    child: Child,
) -> None:
    as_demo(manager)
    as_demo(practitioner)
    by = factories.actor(practitioner)
    unfinished = factories.start(child, by=by)
    sign_in(page, practitioner, next_path=f"/stages/{unfinished.pk}/signoff/")
    expect(page.locator("#left-before-signoff")).to_contain_text("required questions to answer")
    expect(page.get_by_label("Pathways and Planning", exact=True)).to_be_visible()
    assert_accessible(page, "the sign-off page with what is left")
    page.locator("#left-before-signoff a").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert "/sections/" in page.url

    # A request that went out of date after it was made (a judgement to reconfirm).
    factories.answer_everything_required(unfinished, by=by)
    question = arrange.feeding("safety_wellbeing", unfinished.stage_type)
    arrange.change_answer(unfinished, question, by=by)
    arrange.decide(unfinished, by, "safety_wellbeing", "low")
    request = operations.request_signoff(by=by, stage=unfinished, sections=Sections.BOTH)
    SignoffRequest.objects.filter(pk=request.pk).update(status=SignoffRequest.Status.WITHDRAWN)
    arrange.change_answer(unfinished, question, by=by)
    stale = SignoffRequest.objects.create(
        stage=unfinished, sections=Sections.BOTH, requested_by=practitioner.user
    )
    sign_out(page)
    sign_in(page, manager, next_path=f"/signoff-requests/{stale.pk}/")
    expect(page.locator("#out-of-date")).to_contain_text("to reconfirm")
    expect(page.get_by_label("Sign off", exact=True)).to_have_count(0)
    assert_accessible(page, "the request gone out of date")

    # The practitioner who asked sees it is out of date, and withdraws it with a reason.
    sign_out(page)
    sign_in(page, practitioner, next_path=f"/stages/{unfinished.pk}/signoff/")
    expect(page.locator("#request-out-of-date")).to_contain_text("to reconfirm")
    assert_accessible(page, "the practitioner's request gone out of date")
    submit(page, "Withdraw request")
    expect(error_summary(page)).to_contain_text("Enter why you are withdrawing this request")
    page.get_by_label("Why are you withdrawing this request?").fill("Reconfirming the judgement")
    submit(page, "Withdraw request")
    expect(success_banner(page)).to_contain_text("Sign-off request withdrawn")
    expect(page.get_by_text("Reconfirming the judgement").first).to_be_visible()
    assert_accessible(page, "the sign-off page after withdrawing")

    # Returned for changes: the practitioner's caseload says so, linking to the stage.
    SignoffRequest.objects.create(
        stage=unfinished,
        sections=Sections.BOTH,
        requested_by=practitioner.user,
        status=SignoffRequest.Status.CHANGES_REQUIRED,
        decided_by_name="Mo Manager",
        decided_at=stale.requested_at,
        comment="Please reconfirm",
    )
    page.goto("/caseload/")
    expect(page.locator("#signoff-notice")).to_contain_text("1 stage returned to you for changes")
    assert_accessible(page, "my caseload with a stage returned for changes")
    page.locator("#returned-for-changes a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign-off")
