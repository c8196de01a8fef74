"""GOV.UK Frontend's JavaScript starts under the service's own Content Security Policy.

The other journeys open pages with `bypass_csp` (to inject axe-core), so they would pass even
if the policy blocked every script. These open pages as a browser does, with the policy
enforced, and fail on any CSP violation or script error."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from cairn.accounts.models import Membership
from cairn.assessment.tests.factories import actor, start
from cairn.records.models import Child
from tests.journeys.helpers import sign_in

pytestmark = pytest.mark.browser


class Problems(list[str]):
    """Console errors, uncaught script errors and CSP violations seen by a page."""


@pytest.fixture
def strict_page(browser_with_csp: BrowserContext) -> tuple[Page, Problems]:
    page = browser_with_csp.new_page()
    problems = Problems()
    page.on(
        "console",
        lambda message: (
            problems.append(f"console {message.type}: {message.text}")
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    # Every violation, whichever script or element caused it, reaches this listener.
    page.add_init_script(
        """document.addEventListener("securitypolicyviolation", (event) => {
            console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
        });"""
    )
    return page, problems


@pytest.fixture
def browser_with_csp(new_context: Callable[..., BrowserContext]) -> BrowserContext:
    """A context that enforces the page's Content-Security-Policy (no `bypass_csp`)."""
    return new_context(bypass_csp=False)


def supported(page: Page) -> bool:
    result: bool = page.evaluate(
        "() => document.body.classList.contains('govuk-frontend-supported')"
    )
    return result


def test_govuk_frontend_starts_with_the_policy_enforced(
    strict_page: tuple[Page, Problems],
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
) -> None:
    page, problems = strict_page

    page.goto("/accounts/sign-in/")

    assert supported(page), "GOV.UK Frontend's inline script did not run"
    # The sign-in button prevents double clicks: the Button component marks itself started.
    expect(page.locator("[data-module=govuk-button]")).to_have_attribute(
        "data-govuk-button-init", ""
    )
    # The error summary's script moves focus to it: only GOV.UK Frontend's JavaScript does.
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    assert problems == []

    as_demo(practitioner)
    sign_in(page, practitioner)
    page.goto("/caseload/")
    assert supported(page)
    expect(page.locator("[data-module=govuk-service-navigation]")).to_have_attribute(
        "data-govuk-service-navigation-init", ""
    )
    assert problems == []


def test_a_section_page_autosaves_and_counts_with_the_policy_enforced(
    strict_page: tuple[Page, Problems],
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    child: Child,
) -> None:
    page, problems = strict_page
    as_demo(practitioner)
    stage = start(child, actor(practitioner))
    sign_in(page, practitioner)

    page.goto(f"/stages/{stage.pk}/sections/living_arrangements/")
    box = page.get_by_label("What does the child say about where they live?")
    box.fill("Kai says he likes his room.")

    count = f"#{box.get_attribute('id')}-info + .govuk-character-count__status"
    expect(page.locator(count)).to_have_text("You have 19,973 characters remaining")
    expect(page.locator("#status-living-arrangements-child-view")).to_contain_text("Saved at")
    assert problems == []
