"""Each page's query count stays flat as the data grows (3 rows against 30)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cairn.records.models import Grant
from cairn.records.tests.factories import (
    add_address,
    add_contact,
    add_exclusion,
    add_life_event,
    add_offence,
    grant,
)

pytestmark = pytest.mark.django_db

# A ceiling as well as flatness, so a page cannot quietly grow a fixed number of extra queries.
# (The overview's timeline reads its offences, life events and stages in three narrow queries:
# cheaper than the one UNION ALL it used before.)
MOST_QUERIES = 22


def queries_for(client, url: str) -> int:
    client.get(url)  # warm per-process caches (content types, sessions) before counting
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def flat(client, url: str, grow: Callable[[int], None]) -> tuple[int, int]:
    """Queries for the page with 3 rows, then with 30."""
    grow(3)
    small = queries_for(client, url)
    grow(27)
    large = queries_for(client, url)
    return small, large


@pytest.mark.parametrize("url", ["/caseload/", "/caseload/team/"])
def test_caseload_query_count_does_not_grow_with_the_children(
    client_for, manager, make_child, northshire, url
):
    made = []

    def grow(count: int) -> None:
        for _ in range(count):
            index = len(made)
            child = make_child(
                northshire,
                "Child",
                f"Number{index:02d}",
                case_worker=manager.user,
                team=manager.team,
                has_exploitation_concern=index % 2 == 0,
                exploitation_note="Concern",
            )
            add_offence(child)
            made.append(child)

    small, large = flat(client_for(manager), url, grow)

    assert small == large
    assert large <= MOST_QUERIES


def test_shared_caseload_query_count_does_not_grow_with_the_children(
    client_for, secure_staff, oakwood, make_child, northshire
):
    def grow(count: int) -> None:
        for _ in range(count):
            grant(make_child(northshire), oakwood, Grant.Scope.CUSTODY)

    small, large = flat(client_for(secure_staff), "/shared/", grow)

    assert small == large
    assert large <= MOST_QUERIES


def test_overview_query_count_does_not_grow_with_the_record(client_for, practitioner, child):
    client = client_for(practitioner)
    url = f"/children/{child.pk}/"

    def grow(count: int) -> None:
        for _ in range(count):
            add_offence(
                child,
                outcome_type="youth_caution",
                outcome_date=child.tenth_birthday + dt.timedelta(days=500),
            )
            add_life_event(child)
            add_contact(child)
            client.post(
                f"/children/{child.pk}/alerts/edit/",
                {
                    "has_exploitation_concern": "no",
                    "has_risk_to_staff": "no",
                    "version": str(child_version(child)),
                },
            )

    small, large = flat(client, url, grow)

    assert small == large
    assert large <= MOST_QUERIES


def child_version(child) -> int:
    child.refresh_from_db()
    return child.version


@pytest.mark.parametrize(
    ("section", "add"),
    [
        ("personal", add_address),
        ("family", add_contact),
        ("education", add_exclusion),
        ("offences", add_offence),
        ("life-events", add_life_event),
    ],
)
def test_section_query_count_does_not_grow_with_the_items(
    client_for, practitioner, child, section, add
):
    def grow(count: int) -> None:
        for _ in range(count):
            add(child)

    small, large = flat(client_for(practitioner), f"/children/{child.pk}/{section}/", grow)

    assert small == large
    assert large <= MOST_QUERIES


def test_access_log_query_count_does_not_grow_with_the_events(client_for, manager, child):
    client = client_for(manager)

    def grow(count: int) -> None:
        for _ in range(count):
            client.get(f"/children/{child.pk}/health/")

    small, large = flat(client, f"/children/{child.pk}/access-log/", grow)

    assert small == large
    assert large <= MOST_QUERIES


def test_overview_through_a_grant_query_count_does_not_grow(
    client_for, secure_staff, oakwood, child
):
    grant(child, oakwood, Grant.Scope.CUSTODY)

    def grow(count: int) -> None:
        for _ in range(count):
            add_offence(child)

    small, large = flat(client_for(secure_staff), f"/children/{child.pk}/", grow)

    assert small == large
    assert large <= MOST_QUERIES
