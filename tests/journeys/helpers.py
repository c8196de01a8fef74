"""Helpers the journey tests share: sign-in through the real form, GOV.UK form patterns,
and the axe-core check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import quote

from playwright.sync_api import Locator, Page, expect

from cairn.accounts.models import Membership

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PASSWORD = "correct-horse-battery"  # the password the root conftest's make_member gives everyone


def assert_accessible(page: Page, where: str = "") -> None:
    """Run axe-core on the page as it is now; fail listing every violation and its nodes."""
    styled = page.evaluate(
        "() => getComputedStyle(document.querySelector('.govuk-width-container')).maxWidth"
    )
    assert styled != "none", f"{where or page.url}: the stylesheet did not apply; axe would mislead"
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    result: dict[str, Any] = page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        AXE_TAGS,
    )
    violations = result["violations"]
    if violations:
        lines = [f"{len(violations)} axe violation(s) on {where or page.url}:"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"]:
                lines.append(f"    {node['target']}: {node['html'][:300]}")
                lines.append(f"      {node['failureSummary']}")
        raise AssertionError("\n".join(lines))


def fill_sign_in(page: Page, username: str, password: str = PASSWORD, next_path: str = "") -> None:
    """Open the sign-in page and submit a username and password."""
    page.goto("/accounts/sign-in/" + (f"?next={quote(next_path)}" if next_path else ""))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def sign_in(page: Page, membership: Membership, next_path: str = "") -> None:
    """Sign in through the real form as a demo account (demo mode: no two-factor step)."""
    fill_sign_in(page, membership.user.username, next_path=next_path)
    expect(sign_out_button(page)).to_be_visible()


def sign_out_button(page: Page) -> Any:
    return page.get_by_role("banner").get_by_role("button", name="Sign out")


def sign_out(page: Page) -> None:
    sign_out_button(page).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have signed out")


def submit(page: Page, button: str) -> None:
    """Press a form's button and wait for the page the server answers with."""
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("button", name=button, exact=True).click()


def fill_date(page: Page, legend: str, date: dt.date) -> None:
    """Fill a GOV.UK date input (Day, Month, Year inside a fieldset)."""
    group = page.get_by_role("group", name=legend, exact=True)
    group.get_by_label("Day").fill(str(date.day))
    group.get_by_label("Month").fill(str(date.month))
    group.get_by_label("Year").fill(str(date.year))


def error_summary(page: Page) -> Locator:
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("alert")).to_contain_text("There is a problem")
    return summary


def success_banner(page: Page) -> Locator:
    return page.get_by_role("alert", name="Success")


def open_record_tab(page: Page, name: str) -> None:
    """Follow a link in the child's record sub-navigation."""
    nav = page.get_by_role("navigation", name="Child’s record")
    nav.get_by_role("link", name=name, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
