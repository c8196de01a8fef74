"""The timeline page and the overview panel: who may see them, zoom by year, the table
alternative, the audit trail and a flat query count."""

from __future__ import annotations

import datetime as dt
import html
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cairn.assessment import operations as assessment_operations
from cairn.audit.models import AuditEvent
from cairn.audit.operations import Actor
from cairn.records.models import Grant
from cairn.records.tests.factories import add_life_event, add_offence, grant

pytestmark = pytest.mark.django_db

MOST_QUERIES = 20


def url(child) -> str:
    return f"/children/{child.pk}/timeline/"


def page(response) -> str:
    return html.unescape(response.content.decode())


def svg_of(response, prefix: str = "timeline") -> ET.Element:
    content = response.content.decode()
    start = content.index(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000', content.index(f'id="{prefix}"')
    )
    end = content.index("</svg>", start) + len("</svg>")
    return ET.fromstring(content[start:end])


def test_the_practitioner_sees_the_timeline_with_its_table(
    client_for, practitioner, child, northshire
):
    add_offence(
        child,
        offence_date=dt.date(2024, 4, 2),
        description="Shoplifting at Spar",
        outcome_type="community_resolution",
        outcome_date=dt.date(2024, 4, 20),
    )
    add_offence(
        child,
        offence_date=dt.date(2024, 6, 1),
        description="Burglary of a house",
        category="burglary_domestic",
        outcome_type="detention_and_training_order",
        outcome_date=dt.date(2024, 7, 1),
        order_end_date=dt.date(2025, 7, 1),
    )
    add_life_event(child, date=dt.date(2023, 9, 1), description="Started at Heron Park")
    assessment_operations.start_stage(
        by=Actor.system(northshire), child=child, stage_type="out_of_court"
    )

    response = client_for(practitioner).get(url(child))

    assert response.status_code == 200
    text = page(response)
    assert '<h1 class="govuk-heading-m">Timeline</h1>' in text
    root = svg_of(response)
    assert root.get("role") == "img"
    assert "2 offences in 2024" in root.find("{http://www.w3.org/2000/svg}desc").text
    assert "Show the timeline as a table" in text
    assert "Shoplifting at Spar (Theft (non-motor))" in text
    assert "Moved home: Started at Heron Park" in text
    assert "Detention and training order for 1 offence (custodial sentence)" in text
    assert "1 July 2024 to about 30 December 2024" in text  # the custodial half of the order
    assert "Out-of-court disposal (In progress)" in text
    assert 'aria-current="page" href="/children/' in text  # the Timeline tab


def test_viewing_the_timeline_is_audited(client_for, practitioner, child):
    client_for(practitioner).get(url(child))

    viewed = AuditEvent.objects.filter(child_id=child.pk, event_type="records.child.viewed")
    assert [event.detail["page"] for event in viewed] == ["timeline"]


def test_another_organisation_gets_not_found(client_for, other_practitioner, child):
    assert client_for(other_practitioner).get(url(child)).status_code == 404


def test_a_summary_only_grant_cannot_see_the_timeline(
    client_for, partner_viewer, partner_agency, child
):
    grant(child, partner_agency, Grant.Scope.SUMMARY)
    add_offence(child, description="Shoplifting at Spar")
    client = client_for(partner_viewer)

    assert client.get(url(child)).status_code == 404
    overview = client.get(f"/children/{child.pk}/")
    assert overview.status_code == 200
    assert "Shoplifting at Spar" not in page(overview)
    assert 'id="overview-timeline"' not in page(overview)


def test_a_custody_grant_reads_the_timeline(client_for, secure_staff, oakwood, child):
    grant(child, oakwood, Grant.Scope.CUSTODY)

    assert client_for(secure_staff).get(url(child)).status_code == 200


def test_zooming_to_a_year_shows_only_that_year(client_for, practitioner, child):
    proven = {"outcome_type": "youth_caution", "outcome_date": dt.date(2025, 6, 1)}
    add_offence(child, offence_date=dt.date(2023, 5, 1), description="Early offence", **proven)
    add_offence(child, offence_date=dt.date(2025, 5, 1), description="Later offence", **proven)
    client = client_for(practitioner)

    zoomed = page(client.get(url(child) + "?from=2025&to=2025"))
    everything = page(client.get(url(child)))

    assert "Later offence" in zoomed
    assert "Early offence" not in zoomed
    assert "1 offence (of 2 in all) in 2025" in zoomed
    raw = client.get(url(child) + "?from=2025&to=2025").content.decode()
    assert f'href="{url(child)}?from=2025&amp;to=2025" aria-current="page"' in raw
    assert "Early offence" in everything
    assert "Later offence" in everything


def test_a_nonsense_zoom_shows_every_year(client_for, practitioner, child):
    add_offence(child, offence_date=dt.date(2023, 5, 1), description="Early offence")

    response = client_for(practitioner).get(url(child) + "?from=<b>&to=20x5")

    assert response.status_code == 200
    assert "Early offence" in page(response)
    assert f'href="{url(child)}" aria-current="page">All years' in response.content.decode()


def test_the_overview_shows_a_compact_timeline_with_a_link(client_for, practitioner, child):
    add_offence(child, offence_date=dt.date(2024, 4, 2), description="Shoplifting at Spar")

    response = client_for(practitioner).get(f"/children/{child.pk}/")

    text = page(response)
    assert 'id="overview-timeline"' in text
    assert svg_of(response, "overview-timeline").get("role") == "img"
    assert f'href="{url(child)}">Open the full timeline' in text
    assert "Show the timeline as a table" in text


def test_the_overview_shows_the_last_three_years_of_a_long_history(client_for, practitioner, child):
    today = dt.date.today()
    add_offence(child, offence_date=dt.date(today.year - 4, 1, 10), description="Long ago")
    add_offence(child, offence_date=dt.date(today.year - 1, 1, 10), description="Last year")

    text = page(client_for(practitioner).get(f"/children/{child.pk}/"))
    panel = text[text.index('id="overview-timeline"') :]

    assert "Last year" in panel
    assert "Long ago" not in panel
    assert f"Showing {today.year - 2} to today." in text


def queries_for(client, address: str) -> int:
    client.get(address)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("where", ["timeline", "overview"])
def test_the_query_count_does_not_grow_with_the_history(
    client_for, practitioner, child, northshire, where
):
    client = client_for(practitioner)
    address = url(child) if where == "timeline" else f"/children/{child.pk}/"
    system = Actor.system(northshire)

    def grow(count: int) -> None:
        for index in range(count):
            add_offence(
                child,
                offence_date=dt.date(2023, 1, 1) + dt.timedelta(days=20 * index),
                outcome_type="detention_and_training_order" if index % 5 == 0 else "youth_caution",
                outcome_date=dt.date(2023, 1, 1) + dt.timedelta(days=20 * index + 5),
                order_end_date=dt.date(2023, 1, 1) + dt.timedelta(days=20 * index + 200),
            )
            add_life_event(child, date=dt.date(2022, 1, 1) + dt.timedelta(days=30 * index))
        for _ in range(max(count // 10, 1)):
            assessment_operations.start_stage(by=system, child=child, stage_type="out_of_court")

    grow(3)
    small = queries_for(client, address)
    grow(27)
    large = queries_for(client, address)

    assert small == large
    assert large <= MOST_QUERIES


def test_the_timeline_reads_in_welsh(client_for, practitioner, child):
    add_offence(
        child,
        offence_date=dt.date(2024, 4, 2),
        outcome_type="youth_caution",
        outcome_date=dt.date(2024, 5, 2),
    )
    client = client_for(practitioner)
    client.cookies["cairn_language"] = "cy"

    text = page(client.get(url(child)))

    assert '<h1 class="govuk-heading-m">Llinell amser</h1>' in text
    assert "1 trosedd yn 2024" in text
    assert "Dangos y llinell amser fel tabl" in text
