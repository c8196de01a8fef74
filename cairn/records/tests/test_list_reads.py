"""Reading a list of children is recorded: one audit event a request, naming how many children
it showed (the API's list is in cairn/api/tests/test_pagination.py)."""

from __future__ import annotations

import pytest

from cairn.assessment import operations as assessment_operations
from cairn.audit.models import AuditEvent
from cairn.audit.operations import Actor
from cairn.quality.models import SignoffRequest

pytestmark = pytest.mark.django_db

LISTED = "records.children.listed"


def _listed() -> list[dict]:
    return list(
        AuditEvent.objects.filter(event_type=LISTED).order_by("id").values_list("detail", flat=True)
    )


@pytest.mark.parametrize(
    ("url", "page"),
    [
        ("/caseload/", "mine caseload"),
        ("/caseload/team/", "team caseload"),
        ("/caseload/?q=Number", "mine caseload search"),
    ],
)
def test_a_caseload_read_is_recorded_once_with_how_many_children_it_showed(
    client_for, manager, make_child, northshire, url, page
):
    for index in range(3):
        make_child(
            northshire, "Child", f"Number{index}", case_worker=manager.user, team=manager.team
        )

    response = client_for(manager).get(url)

    assert response.status_code == 200
    assert _listed() == [{"page": page, "shown": 3}]


def test_the_sign_off_queue_and_deadlines_are_recorded(client_for, manager, practitioner, child):
    stage = assessment_operations.start_stage(
        by=Actor.system(child.organisation), child=child, stage_type="out_of_court"
    )
    SignoffRequest.objects.create(stage=stage, sections="both", requested_by=practitioner.user)
    client = client_for(manager)

    assert client.get("/signoff-requests/").status_code == 200
    assert client.get("/deadlines/").status_code == 200
    queue, deadlines = _listed()
    assert queue == {"page": "sign-off queue", "shown": 1}
    assert deadlines["page"] == "deadlines"
