"""A practitioner's day: find a child, record a new one, add an offence and a life event,
correct a detail, and see it all on the overview. Every page and error state passes axe."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from cairn.accounts.models import Membership, Organisation, Team
from cairn.records.models import Child
from tests.journeys.helpers import (
    assert_accessible,
    error_summary,
    fill_date,
    fill_sign_in,
    open_record_tab,
    sign_out,
    submit,
    success_banner,
)

pytestmark = pytest.mark.browser


def test_practitioner_records_a_child_an_offence_and_a_life_event(
    page: Page,
    as_demo: Callable[[Membership], Membership],
    practitioner: Membership,
    northshire: Organisation,
    north_team: Team,
    make_child: Callable[..., Child],
) -> None:
    make_child(northshire, case_worker=practitioner.user, team=north_team)  # Kai Brennan
    as_demo(practitioner)
    today = timezone.localdate()
    born = dt.date(today.year - 14, 5, 20)

    # Sign in: the caseload is the start page.
    fill_sign_in(page, practitioner.user.username)
    expect(page.get_by_role("heading", level=1)).to_have_text("My caseload")
    assert_accessible(page, "my caseload")

    # Search the caseload.
    page.get_by_label("Name, ID or date of birth").fill("Brennan")
    submit(page, "Search")
    expect(page.get_by_role("status")).to_contain_text("1 child")
    expect(page.get_by_role("link", name="Brennan, Kai")).to_be_visible()
    assert_accessible(page, "caseload search results")

    # Add a child: first with mistakes.
    page.get_by_role("link", name="Add a child").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a child")
    assert_accessible(page, "add a child")
    fill_date(page, "Date of birth", dt.date(today.year + 1, 1, 1))
    submit(page, "Save and continue")
    summary = error_summary(page)
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary
    expect(summary).to_contain_text("Enter the child’s first name")
    expect(summary).to_contain_text("Enter the child’s last name")
    expect(summary).to_contain_text(re.compile(r"Date of birth must be (today or )?in the past"))
    expect(page).to_have_title(re.compile(r"^Error: Add a child"))
    assert_accessible(page, "add a child with errors")
    summary.get_by_role("link", name="Enter the child’s first name").click()
    expect(page.get_by_label("First name")).to_be_focused()

    # Then correctly.
    page.get_by_label("First name").fill("Jordan")
    page.get_by_label("Last name").fill("Ashby")
    fill_date(page, "Date of birth", born)
    page.get_by_role("radio", name="Female", exact=True).check()
    submit(page, "Save and continue")
    expect(success_banner(page)).to_contain_text("Jordan Ashby’s record has been created")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overview")
    assert_accessible(page, "new child's overview")

    # An offence: before the tenth birthday is refused, with the reason.
    open_record_tab(page, "Offences and outcomes")
    assert_accessible(page, "offences, none yet")
    page.get_by_role("button", name=re.compile(r"^Add (an )?offence")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Add (an )?offence"))
    assert_accessible(page, "add an offence")
    fill_date(page, "Offence date", born.replace(year=born.year + 9))
    page.get_by_label("Description").fill("Theft of a bicycle from a garden")
    page.get_by_label("Category").select_option(label="Theft (non-motor)")
    submit(page, "Save")
    summary = error_summary(page)
    expect(summary).to_contain_text("Offence date must be on or after Jordan’s tenth birthday")
    assert_accessible(page, "add an offence with errors")
    fill_date(page, "Offence date", born.replace(year=born.year + 12))
    submit(page, "Save")
    expect(success_banner(page)).to_contain_text("added")
    expect(page.get_by_role("heading", name="Theft of a bicycle from a garden")).to_be_visible()
    assert_accessible(page, "offences with one offence")

    # A life event.
    open_record_tab(page, "Life events")
    page.get_by_role("button", name=re.compile(r"^Add (a )?life event")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Add (a )?life event"))
    fill_date(page, "Date", born.replace(year=born.year + 11))
    page.get_by_label("Type").select_option(label="Moved home")
    page.get_by_label("Description").fill("Moved to Northport with her aunt")
    assert_accessible(page, "add a life event")
    submit(page, "Save")
    expect(success_banner(page)).to_contain_text("added")
    assert_accessible(page, "life events with one event")

    # Personal details: she prefers to be called Jo.
    open_record_tab(page, "Personal details")
    page.get_by_role("link", name="Change personal details").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change personal details")
    assert_accessible(page, "change personal details")
    page.get_by_label("Preferred name").fill("Jo")
    submit(page, "Save")
    expect(success_banner(page)).to_contain_text("Personal details saved")
    assert_accessible(page, "personal details after the change")

    # The overview shows all three.
    open_record_tab(page, "Overview")
    main = page.get_by_role("main")
    expect(main).to_contain_text("(known as Jo)")
    expect(main.get_by_role("table", name="Recent offences")).to_contain_text(
        "Theft of a bicycle from a garden"
    )
    expect(main).to_contain_text("Moved to Northport with her aunt")
    changes = main.get_by_role("heading", name="Recent changes").locator(
        "xpath=following-sibling::*[1]"
    )
    expect(changes).to_contain_text("Changed personal details")
    expect(changes).to_contain_text("Jo")
    assert_accessible(page, "overview with the new entries")

    sign_out(page)
    assert_accessible(page, "signed out")
