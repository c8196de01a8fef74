"""Every step of recording a child works with JavaScript switched off (progressive
enhancement: plain links and form posts).

axe-core cannot run in a page whose scripts are disabled (it needs timers), so each page's
DOM, exactly as the browser built it without JavaScript, is loaded into a second,
script-enabled page at the same address with its scripts removed, and checked there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, Route, expect

from cairn.accounts.models import Membership
from cairn.records.models import Child, Offence
from tests.journeys.helpers import (
    assert_accessible,
    error_summary,
    fill_date,
    fill_sign_in,
    open_record_tab,
    sign_out_button,
    submit,
    success_banner,
)

pytestmark = pytest.mark.browser

SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL | re.IGNORECASE)


class NoScriptChecker:
    """Runs axe on a snapshot of a script-less page, in a page that may run scripts."""

    def __init__(self, inspector: Page) -> None:
        self.inspector = inspector

    def check(self, page: Page, where: str) -> None:
        html = SCRIPT.sub("", page.content())
        url = page.url.split("#")[0]  # requests never carry the fragment

        def fulfil(route: Route) -> None:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

        self.inspector.route(lambda candidate: candidate == url, fulfil)
        try:
            self.inspector.goto(url)
        finally:
            self.inspector.unroute_all()
        expect(self.inspector.locator("body")).not_to_have_class(re.compile(r"\bjs-enabled\b"))
        assert_accessible(self.inspector, f"{where} (without JavaScript)")


def test_sign_in_add_a_child_and_an_offence_without_javascript(
    new_context: Callable[..., BrowserContext],
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
) -> None:
    page = new_context(java_script_enabled=False).new_page()
    axe = NoScriptChecker(new_context().new_page())
    today = timezone.localdate()
    born = dt.date(today.year - 15, 2, 3)
    as_demo(practitioner)

    fill_sign_in(page, practitioner.user.username)
    expect(page.get_by_role("heading", level=1)).to_have_text("My caseload")
    expect(page.locator("body")).not_to_have_class(
        re.compile(r"\bjs-enabled\b")
    )  # scripts really are off
    expect(sign_out_button(page)).to_be_visible()
    axe.check(page, "my caseload")

    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Add a child").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a child")
    axe.check(page, "add a child")
    submit(page, "Save and continue")
    expect(error_summary(page)).to_contain_text("Enter the child’s first name")
    axe.check(page, "add a child with errors")

    page.get_by_label("First name").fill("Rhys")
    page.get_by_label("Last name").fill("Morgan")
    fill_date(page, "Date of birth", born)
    page.get_by_role("radio", name="Male", exact=True).check()
    submit(page, "Save and continue")
    expect(success_banner(page)).to_contain_text("Rhys Morgan’s record has been created")
    axe.check(page, "overview")

    open_record_tab(page, "Offences and outcomes")
    axe.check(page, "offences")
    page.get_by_role("button", name=re.compile(r"^Add (an )?offence")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Add (an )?offence"))
    axe.check(page, "add an offence")
    fill_date(page, "Offence date", born.replace(year=born.year + 13))
    page.get_by_label("Description").fill("Criminal damage to a bus shelter")
    page.get_by_label("Category").select_option(label="Criminal damage")
    page.get_by_label("Outcome", exact=True).select_option(label="Youth caution")
    fill_date(page, "Outcome date", born.replace(year=born.year + 13) + dt.timedelta(days=30))
    submit(page, "Save")
    expect(success_banner(page)).to_contain_text("added")
    expect(page.get_by_role("heading", name="Criminal damage to a bus shelter")).to_be_visible()
    axe.check(page, "offences with the new offence")

    child = Child.objects.get(given_name="Rhys", family_name="Morgan")
    offence = Offence.objects.get(child=child)
    assert offence.outcome_type == Offence.Outcome.YOUTH_CAUTION
    assert child.case_worker == practitioner.user
