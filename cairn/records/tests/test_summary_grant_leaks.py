"""A partner with a summary grant sees nothing outside the summary's scope on the "Children
shared with us" list either: no looked-after alert, no filter that picks looked-after children
out, and on the summary only the town the child lives in, not with whom."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from cairn.audit.operations import Actor
from cairn.records import operations
from cairn.records.access import Access
from cairn.records.models import Address, Child, Grant
from cairn.records.tests.factories import grant
from cairn.reports import summary

pytestmark = pytest.mark.django_db


@pytest.fixture
def looked_after(make_child, northshire, practitioner) -> Child:
    child = make_child(
        northshire,
        "Ellie",
        "Marsh",
        case_worker=practitioner.user,
        looked_after=Child.LookedAfter.CARE_ORDER,
        has_exploitation_concern=True,
        exploitation_note="Seen with older men at the station",
    )
    operations.add_to_record(
        by=Actor.system(northshire),
        child=child,
        model=Address,
        data={
            "line_1": "4 Beech Road",
            "town": "Northtown",
            "postcode": "NS1 4BR",
            "living_with": "residential children's home",
            "from_date": dt.date(2026, 1, 5),
        },
        part="addresses",
    )
    return child


def test_the_shared_list_shows_no_looked_after_alert_to_a_summary_grant(
    client_for, partner_viewer, partner_agency, looked_after
):
    grant(looked_after, partner_agency, Grant.Scope.SUMMARY)

    page = client_for(partner_viewer).get(reverse("records:shared-with-us")).content.decode()

    assert "Marsh" in page
    assert "Looked after" not in page.split("<table", 1)[-1]
    assert "Care order" not in page
    assert "Exploitation concern" in page  # in the summary's scope
    assert "older men" not in page  # the note is not


def test_the_looked_after_filter_does_not_pick_out_a_summary_grant_child(
    client_for, partner_viewer, partner_agency, looked_after
):
    grant(looked_after, partner_agency, Grant.Scope.SUMMARY)

    page = client_for(partner_viewer).get(
        reverse("records:shared-with-us"), {"alert": "looked_after"}
    )

    assert "Marsh" not in page.content.decode()


def test_the_looked_after_filter_still_works_where_the_grant_reads_the_record(
    client_for, secure_staff, oakwood, looked_after
):
    grant(looked_after, oakwood, Grant.Scope.CUSTODY)

    page = client_for(secure_staff).get(
        reverse("records:shared-with-us"), {"alert": "looked_after"}
    )

    assert "Marsh" in page.content.decode()


def test_a_summary_says_only_the_town_the_child_lives_in(looked_after):
    looked_after.refresh_from_db()

    partner = {
        fact.label: fact.value for fact in summary.summary_for(looked_after, Access.SUMMARY).facts
    }
    own = {fact.label: fact.value for fact in summary.summary_for(looked_after, Access.READ).facts}

    assert partner["Lives"] == "Northtown"
    assert own["Lives"] == "Northtown, with residential children's home"
