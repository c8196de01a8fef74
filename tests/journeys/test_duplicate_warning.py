"""Adding a child the organisation already has a record for: Cairn warns, links to the
existing record, and creates a second record only when the practitioner confirms."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from cairn.accounts.models import Membership, Organisation, Team
from cairn.records.models import Child
from tests.journeys.helpers import assert_accessible, fill_date, sign_in, submit, success_banner

pytestmark = pytest.mark.browser


def add_kai_brennan(page: Page, existing: Child) -> None:
    page.get_by_label("First name").fill("Kai")
    page.get_by_label("Last name").fill("Brennan")
    fill_date(page, "Date of birth", existing.date_of_birth)
    page.get_by_role("radio", name="Male", exact=True).check()
    submit(page, "Save and continue")


def test_same_name_and_date_of_birth_warns_and_needs_confirmation(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    northshire: Organisation,
    north_team: Team,
    make_child: Callable[..., Child],
) -> None:
    existing = make_child(northshire, case_worker=practitioner.user, team=north_team)
    sign_in(page, as_demo(practitioner))

    page.goto("/children/new/")
    add_kai_brennan(page, existing)

    warning = page.get_by_role("region", name="Important")
    expect(warning).to_contain_text(
        "already has a record for a child with this name and date of birth"
    )
    link = warning.get_by_role(
        "link", name=f"Kai Brennan, born 14 March 2012 ({existing.local_id})"
    )
    expect(link).to_have_attribute("href", f"/children/{existing.pk}/")
    expect(page.get_by_label("First name")).to_have_value("Kai")
    assert_accessible(page, "duplicate warning")
    assert Child.objects.filter(given_name="Kai", family_name="Brennan").count() == 1

    # Saving again without confirming still only warns.
    submit(page, "Save and continue")
    expect(page.get_by_role("region", name="Important")).to_be_visible()
    assert Child.objects.filter(given_name="Kai", family_name="Brennan").count() == 1

    # The link opens the existing record.
    with page.expect_navigation():
        page.get_by_role("region", name="Important").get_by_role("link").click()
    expect(page.get_by_role("main")).to_contain_text(existing.local_id)

    # Confirming creates the second record.
    page.goto("/children/new/")
    add_kai_brennan(page, existing)
    page.get_by_label("I have checked: this is a different child").check()
    submit(page, "Save and continue")
    expect(success_banner(page)).to_contain_text("Kai Brennan’s record has been created")
    assert_accessible(page, "second Kai Brennan's overview")
    assert Child.objects.filter(given_name="Kai", family_name="Brennan").count() == 2
    assert f"/children/{existing.pk}/" not in page.url
