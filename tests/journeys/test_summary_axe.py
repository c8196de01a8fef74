"""The one-page summary page passes axe: for the child's practitioner (with the tab, the stage
link and the PDF links), for a partner agency holding a summary grant, in Welsh, and for a child
with no assessment yet. The PDF link answers a PDF."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from cairn.accounts.models import Membership
from cairn.audit.operations import Actor
from cairn.records import operations as record_operations
from cairn.records.models import Child, Grant
from cairn.reports.tests.builders import build_assessed_child
from tests.journeys.helpers import assert_accessible, sign_in

pytestmark = pytest.mark.browser


def heading(page: Page) -> object:
    return page.get_by_role("heading", level=1)


def test_the_summary_page_passes_axe(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    child: Child,
) -> None:
    pat = Actor(user=practitioner.user, organisation=practitioner.organisation)
    build_assessed_child(child, pat)
    as_demo(practitioner)
    sign_in(page, practitioner, next_path=f"/children/{child.pk}/")
    page.get_by_role("navigation", name="Child’s record").get_by_role(
        "link", name="Summary", exact=True
    ).click()
    expect(heading(page)).to_have_text("One-page summary")
    expect(page.get_by_role("table")).to_contain_text("OGRS3 (adult model), not the official YOGRS")
    expect(page.get_by_role("heading", name="Key concerns")).to_be_visible()
    assert_accessible(page, "summary page")

    link = page.get_by_role("link", name="Download the summary as a PDF")
    response = page.request.get(link.get_attribute("href") or "")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"

    # In Welsh.
    page.goto(f"/language/cy/?next=/children/{child.pk}/summary/")
    expect(heading(page)).to_have_text("Crynodeb un dudalen")
    assert_accessible(page, "summary page in Welsh")


def test_the_summary_page_for_a_partner_and_without_an_assessment_passes_axe(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    partner_viewer: Membership,
    child: Child,
) -> None:
    record_operations.open_grant(
        by=Actor.system(child.organisation),
        child=child,
        organisation=partner_viewer.organisation,
        scope=Grant.Scope.SUMMARY,
        reason="Child in need meeting",
    )
    as_demo(partner_viewer)
    sign_in(page, partner_viewer, next_path=f"/children/{child.pk}/")
    page.get_by_role("link", name="View the one-page summary").click()
    expect(heading(page)).to_have_text("One-page summary")
    expect(page.get_by_role("main")).to_contain_text("No assessment has been made yet.")
    expect(page.get_by_role("main")).to_contain_text("Your organisation can see this summary only")
    assert_accessible(page, "summary page for a summary grant holder")
