"""Pages that list or show stages make as many queries with many stages as with one."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cairn.assessment import operations
from cairn.audit.operations import Actor

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    client.get(url)  # warm caches shared by every request (catalogue, sessions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["list", "detail", "left", "changes"])
def test_stage_pages_do_not_grow_with_the_number_of_stages(client_for, practitioner, child, page):
    client = client_for(practitioner)
    first = operations.start_stage(by=Actor.system(), child=child, stage_type="out_of_court")
    urls = {
        "list": f"/children/{child.pk}/stages/",
        "detail": f"/stages/{first.pk}/",
        "left": f"/stages/{first.pk}/left/",
        "changes": f"/stages/{first.pk}/changes/",
    }
    few = _queries(client, urls[page])
    for _ in range(12):
        operations.start_stage(by=Actor.system(), child=child, stage_type="review")
    many = _queries(client, urls[page])
    assert many == few
