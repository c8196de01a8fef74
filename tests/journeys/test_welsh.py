"""Cairn in Welsh: the header's "Cymraeg" link switches the language, the page declares
lang="cy", and the Welsh pages pass axe like the English ones."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from cairn.accounts.models import Membership
from cairn.records.models import Child
from tests.journeys.helpers import assert_accessible

pytestmark = pytest.mark.browser


def heading(page: Page) -> object:
    return page.get_by_role("heading", level=1)


def test_switch_to_welsh_and_back(
    page: Page, as_demo: Callable[[Membership], Membership], practitioner: Membership, child: Child
) -> None:
    as_demo(practitioner)
    page.goto("/accounts/sign-in/")
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")

    language = page.get_by_role("navigation", name="Account and language")
    cymraeg = language.get_by_role("link", name="Cymraeg")
    expect(cymraeg).to_have_attribute("lang", "cy")
    cymraeg.click()
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page).to_have_url(f"{page.url.split('/accounts/')[0]}/accounts/sign-in/")
    expect(heading(page)).to_have_text("Mewngofnodi i Cairn")
    expect(page.get_by_role("link", name="Neidio i’r prif gynnwys")).to_be_attached()
    assert_accessible(page, "sign-in in Welsh")

    # The choice is remembered: signing in and moving around stays in Welsh.
    page.locator("#id_username").fill(practitioner.user.username)
    page.locator("#id_password").fill("correct-horse-battery")
    page.get_by_role("button", name="Mewngofnodi").click()
    main_menu = page.get_by_role("navigation", name="Prif ddewislen")
    expect(main_menu.get_by_role("link", name="Fy llwyth achosion")).to_have_attribute(
        "aria-current", re.compile(r"^(true|page)$")
    )
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    assert_accessible(page, "caseload in Welsh")

    page.goto(f"/children/{child.pk}/")
    expect(heading(page)).to_have_text("Trosolwg")
    assert_accessible(page, "child overview in Welsh")

    page.get_by_role("link", name="Ychwanegu plentyn").click()
    expect(heading(page)).to_have_text("Ychwanegu plentyn")
    with page.expect_navigation():
        page.get_by_role("button", name="Cadw a pharhau").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Mae problem")
    assert_accessible(page, "add a child with errors in Welsh")

    response = page.goto("/children/999999/")
    assert response is not None
    assert response.status == 404
    expect(heading(page)).to_have_text("Heb ddod o hyd i’r dudalen")
    assert_accessible(page, "page not found in Welsh")

    # And back to English, from the same header.
    english = page.get_by_role("navigation", name=re.compile(".")).get_by_role(
        "link", name="English"
    )
    expect(english).to_have_attribute("lang", "en")
    english.click()
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    expect(heading(page)).to_have_text("Page not found")
