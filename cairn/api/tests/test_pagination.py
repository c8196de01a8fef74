"""Every paginated route: a page of at most 100, nonsense refused with 422 (never a database
error), and a list of children read through the API recorded once per request."""

from __future__ import annotations

import datetime as dt

import pytest

from cairn.audit.models import AuditEvent
from cairn.records.models import Child

pytestmark = pytest.mark.django_db

ROUTES = [
    "/api/v1/children",
    "/api/v1/children/{child}/offences",
    "/api/v1/children/{child}/life-events",
    "/api/v1/children/{child}/stages",
]
NONSENSE = [
    "limit=0",
    "limit=-1",
    "limit=ten",
    "limit=1.5",
    "limit=99999999999999999999999",
    f"limit={'9' * 50_000}",
    "offset=-1",
    "offset=99999999999999999999999",
    f"offset={2**63}",
    "offset=nine",
]


@pytest.fixture
def api(client_for, practitioner):
    return client_for(practitioner)


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("query", NONSENSE)
def test_nonsense_limits_and_offsets_are_refused_with_422(api, child, route, query):
    response = api.get(f"{route.format(child=child.pk)}?{query}")

    assert response.status_code == 422, response.content[:200]
    assert response.json()["detail"][0]["loc"][0] == "query"


@pytest.mark.parametrize("route", ROUTES)
def test_the_largest_offset_answers_an_empty_page(api, child, route):
    response = api.get(f"{route.format(child=child.pk)}?offset={2**31 - 1}&limit=100")

    assert response.status_code == 200
    assert response.json()["items"] == []


def test_children_pages_are_capped_at_100(api, northshire, practitioner):
    Child.objects.bulk_create(
        Child(
            organisation=northshire,
            team=practitioner.team,
            local_id=f"N{index:04d}",
            given_name="Given",
            family_name=f"Family{index:04d}",
            date_of_birth=dt.date(2011, 1, 1),
            sex="female",
        )
        for index in range(105)
    )

    capped = api.get("/api/v1/children?limit=500").json()
    default = api.get("/api/v1/children").json()
    rest = api.get("/api/v1/children?limit=100&offset=100").json()

    assert len(capped["items"]) == 100
    assert len(default["items"]) == 100
    assert capped["count"] == 105
    assert len(rest["items"]) == 5


def test_reading_the_list_of_children_is_recorded_once_with_how_many_it_showed(
    api, make_child, northshire
):
    for index in range(3):
        make_child(northshire, "Child", f"Number{index}")
    before = AuditEvent.objects.filter(event_type="records.children.listed").count()

    response = api.get("/api/v1/children?limit=2")

    assert response.status_code == 200
    events = AuditEvent.objects.filter(event_type="records.children.listed")
    assert events.count() == before + 1
    event = events.latest("id")
    assert event.detail == {"page": "api children", "shown": 2}
    assert event.actor_username == "pat.practitioner"
