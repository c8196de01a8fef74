"""The timeline of a prolific demo child (Jordan Pike, 23 offences), on the overview and on its
own page: no axe violations, the drawing visible, the table alternative there, zoom by year,
and printing on landscape A4 without the navigation."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from cairn.records.demo.load import DEMO_PASSWORD
from cairn.records.models import Child
from tests.journeys.helpers import assert_accessible, fill_sign_in, open_record_tab

pytestmark = pytest.mark.browser

A4_LANDSCAPE = re.compile(rb"/MediaBox\s*\[\s*0 0 84[12](\.\d+)? 59[45](\.\d+)?\s*\]")


@pytest.fixture
def jordan(demo_mode: None) -> Child:
    call_command("loaddemo", stdout=io.StringIO())
    child = Child.objects.get(local_id="NOR-00003")
    assert child.offences.count() >= 20
    return child


def drawing(page: Page) -> Any:
    return page.get_by_role("img", name=re.compile("^Timeline for Jordan Pike"))


def test_the_timeline_of_a_prolific_child_passes_axe_and_prints(page: Page, jordan: Child) -> None:
    fill_sign_in(page, "pat.practitioner", DEMO_PASSWORD, next_path=f"/children/{jordan.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overview")

    # The overview: the last three years, drawn, with the table and a link to the rest.
    panel = page.locator("#overview-timeline")
    expect(drawing(page)).to_be_visible()
    expect(panel.locator("summary")).to_have_text("Show the timeline as a table")
    expect(panel.locator("table tbody tr").first).to_be_attached()
    assert_accessible(page, "overview with the timeline panel")

    # The full timeline, from the record's tabs.
    open_record_tab(page, "Timeline")
    expect(drawing(page)).to_be_visible()
    expect(page.locator(".cairn-timeline__summary")).to_contain_text("23 offences between")
    expect(page.locator(".cairn-timeline__summary")).to_contain_text(
        "longest period without offending"
    )
    assert_accessible(page, "timeline")

    # The table alternative, open.
    page.get_by_text("Show the timeline as a table").click()
    table = page.locator(".cairn-timeline__table table")
    expect(table).to_be_visible()
    lanes = table.locator("tbody td:nth-child(2)")
    expect(lanes.filter(has_text=re.compile("^Offence$"))).to_have_count(23)
    expect(table).to_contain_text("without offending")
    assert_accessible(page, "timeline with its table open")

    # Zoom to one year, and back to all years.
    years = page.get_by_role("navigation", name="Years to show")
    first_year = years.get_by_role("link").nth(1)
    year = first_year.inner_text()
    first_year.click()
    expect(years.get_by_role("link", name=year, exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    expect(page.get_by_role("img", name=f"Timeline for Jordan Pike, {year}")).to_be_visible()
    assert_accessible(page, f"timeline for {year}")
    years.get_by_role("link", name="All years").click()
    expect(years.get_by_role("link", name="All years")).to_have_attribute("aria-current", "page")

    # Printed: the drawing without the navigation, on landscape A4.
    page.emulate_media(media="print")
    expect(drawing(page)).to_be_visible()
    expect(page.get_by_role("navigation", name="Child’s record")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Account and language")).to_be_hidden()
    expect(years).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_have_text("Timeline")
    pdf = page.pdf(prefer_css_page_size=True)
    assert A4_LANDSCAPE.search(pdf), "the timeline should print on landscape A4"
