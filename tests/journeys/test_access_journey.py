"""Who may see a child: another service's practitioner meets "Page not found" (so the child's
existence does not leak), and a manager can see in the access log who has looked."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from cairn.accounts.models import Membership
from cairn.records.models import Child
from tests.journeys.helpers import assert_accessible, open_record_tab, sign_in

pytestmark = pytest.mark.browser


def test_another_services_practitioner_gets_the_not_found_page(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    other_practitioner: Membership,
    child: Child,
) -> None:
    sign_in(page, as_demo(other_practitioner))

    response = page.goto(f"/children/{child.pk}/")

    assert response is not None
    assert response.status == 404
    expect(page).to_have_title("Page not found – Cairn")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("main")).not_to_contain_text(child.full_name)
    # The page is the service's own, in the design system: header, navigation, footer.
    expect(page.get_by_role("banner")).to_contain_text("Southmoor Youth Justice Service")
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_be_visible()
    assert_accessible(page, "404 for another service's child")

    page.get_by_role("link", name="Go to the start page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My caseload")
    expect(page.get_by_role("status")).to_have_text("0 children")


def test_manager_sees_practitioners_views_in_the_access_log(
    new_context: Callable[..., BrowserContext],
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    manager: Membership,
    other_practitioner: Membership,
    child: Child,
) -> None:
    # The practitioner reads the record; a practitioner from elsewhere tries to.
    practitioner_page = new_context().new_page()
    sign_in(practitioner_page, as_demo(practitioner))
    practitioner_page.goto(f"/children/{child.pk}/")
    open_record_tab(practitioner_page, "Offences and outcomes")
    expect(practitioner_page.get_by_role("navigation", name="Child’s record")).not_to_contain_text(
        "Access log"
    )
    response = practitioner_page.goto(f"/children/{child.pk}/access-log/")
    assert response is not None
    assert response.status == 403
    expect(practitioner_page.get_by_role("heading", level=1)).to_have_text(
        "You do not have permission to see this page"
    )
    assert_accessible(practitioner_page, "403 on the access log for a practitioner")

    outsider_page = new_context().new_page()
    sign_in(outsider_page, as_demo(other_practitioner))
    assert outsider_page.goto(f"/children/{child.pk}/").status == 404  # type: ignore[union-attr]

    # The manager opens the access log.
    page = new_context().new_page()
    sign_in(page, as_demo(manager))
    page.get_by_role("link", name="Team caseload").click()
    page.get_by_role("link", name="Brennan, Kai").click()
    open_record_tab(page, "Access log")
    log = page.get_by_role("table", name="Access log")
    practitioner_rows = log.get_by_role("row").filter(has_text=practitioner.user.username)
    expect(practitioner_rows.filter(has_text="Viewed the overview")).to_have_count(1)
    expect(practitioner_rows.filter(has_text="Viewed offences and outcomes")).to_have_count(1)
    expect(practitioner_rows.first).to_contain_text("Northshire Youth Justice Service")
    expect(log).not_to_contain_text(other_practitioner.user.username)
    # Newest first: the manager's own view of the overview heads the log.
    expect(log.get_by_role("row").nth(1)).to_contain_text(manager.user.username)
    assert_accessible(page, "access log")
