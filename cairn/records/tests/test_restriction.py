"""Restricted records (records.access): a manager keeps a child's record to named staff.

The organisation's other staff see that the child exists, and whom to ask, but nothing of the
record: every page, PDF and API call under the child answers 403 with the same refusal.
Managers always see and manage the restriction, and open the record only once they name
themselves (audited). Other organisations' grants keep their scope.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from cairn.accounts.models import Membership
from cairn.assessment import operations as assessment_operations
from cairn.audit.operations import Actor
from cairn.records import operations
from cairn.records.models import Child, Grant, Restriction
from cairn.records.tests.factories import events, grant, text

pytestmark = pytest.mark.django_db

REASON = "Harmful sexual behaviour: kept to the team working with the child"


@pytest.fixture
def colleague(make_member: Any, northshire: Any, north_team: Any) -> Membership:
    return make_member("cal.colleague", northshire, Membership.Role.PRACTITIONER, north_team)


@pytest.fixture
def other_manager(make_member: Any, northshire: Any) -> Membership:
    return make_member("meg.manager", northshire, Membership.Role.MANAGER)


@pytest.fixture
def restricted(child: Child, manager: Membership, practitioner: Membership) -> Restriction:
    """Kai's record kept to his case worker and the manager who restricted it."""
    return operations.restrict_record(
        by=Actor(user=manager.user, organisation=manager.organisation),
        child=child,
        reason=REASON,
        user_ids={practitioner.user_id},
    )


def _pages(child: Child, stage_id: int) -> list[str]:
    return [
        f"/children/{child.pk}/",
        f"/children/{child.pk}/personal/",
        f"/children/{child.pk}/offences/new/",
        f"/children/{child.pk}/access-log/",
        f"/children/{child.pk}/summary/",
        f"/children/{child.pk}/summary.pdf",
        f"/children/{child.pk}/timeline/",
        f"/children/{child.pk}/stages/",
        f"/stages/{stage_id}/",
    ]


def test_staff_not_named_get_the_restricted_page_on_every_page_and_pdf(
    restricted, child, colleague, client_for
):
    stage = assessment_operations.start_stage(
        by=Actor.system(child.organisation), child=child, stage_type="out_of_court"
    )
    client = client_for(colleague)
    for url in _pages(child, stage.pk):
        response = client.get(url)
        assert response.status_code == 403, url
        page = text(response)
        assert "This record is restricted" in page, url
        assert "ask Mo Tester" in page, url
        assert "2012" not in page, url  # not even the date of birth
    assert len(events(child, "records.child.refused")) == len(_pages(child, stage.pk))
    assert events(child, "records.child.viewed") == []


def test_the_api_refuses_staff_not_named_with_403_and_leaves_the_child_out_of_lists(
    restricted, child, colleague, client_for
):
    client = client_for(colleague)
    response = client.get(f"/api/v1/children/{child.pk}")
    assert response.status_code == 403
    assert response.json() == {
        "detail": "This record is restricted. Ask Mo Tester if you need to see it."
    }
    assert client.get(f"/api/v1/children/{child.pk}/offences").status_code == 403
    listed = client.get("/api/v1/children").json()
    assert child.pk not in [item["id"] for item in listed["items"]]


def test_named_staff_and_the_restricting_manager_open_the_record(
    restricted, child, practitioner, manager, client_for
):
    for member in (practitioner, manager):
        client = client_for(member)
        assert client.get(f"/children/{child.pk}/").status_code == 200
        assert client.get(f"/api/v1/children/{child.pk}").status_code == 200
        assert child.pk in [item["id"] for item in client.get("/api/v1/children").json()["items"]]


def test_caseloads_show_a_restricted_child_by_name_with_whom_to_ask(
    restricted, child, colleague, client_for
):
    client = client_for(colleague)
    page = text(client.get("/caseload/team/"))
    assert "Brennan, Kai" in page
    assert "Restricted record" in page
    assert "Ask Mo Tester" in page
    assert "14 Mar 2012" not in page
    # A filter on what is inside the record does not pick it out.
    Child.objects.filter(pk=child.pk).update(has_risk_to_staff=True)
    assert "Brennan, Kai" not in text(client.get("/caseload/team/?alert=risk_to_staff"))
    assert "Brennan, Kai" not in text(client.get("/caseload/team/?q=14/03/2012"))


def test_named_staff_see_the_caseload_row_as_before(restricted, child, practitioner, client_for):
    page = text(client_for(practitioner).get("/caseload/team/"))
    assert "14 Mar 2012" in page
    assert "Ask Mo Tester" not in page


def test_a_manager_not_named_manages_the_restriction_but_cannot_open_the_record(
    restricted, child, other_manager, client_for
):
    client = client_for(other_manager)
    refused = client.get(f"/children/{child.pk}/")
    assert refused.status_code == 403
    assert "Manage the restriction" in text(refused)
    page = client.get(f"/children/{child.pk}/restriction/")
    assert page.status_code == 200
    assert REASON in text(page)
    assert "Pat Tester" in text(page)
    assert "You are not named" in text(page)


def test_a_manager_who_names_themselves_may_open_the_record_and_it_is_audited(
    restricted, child, practitioner, manager, other_manager, client_for
):
    client = client_for(other_manager)
    response = client.post(
        f"/children/{child.pk}/restriction/",
        {
            "reason": REASON,
            "named": [practitioner.user_id, manager.user_id, other_manager.user_id],
            "version": restricted.version,
        },
    )
    assert response.status_code == 302
    assert client.get(f"/children/{child.pk}/").status_code == 200
    [changed] = events(child, "records.child.restriction_changed")
    assert changed.actor == other_manager.user
    assert changed.detail["added"] == ["meg.manager"]
    assert changed.detail["named_themselves"] is True


def test_a_manager_restricts_a_record_from_its_page(
    child, manager, practitioner, colleague, client_for
):
    client = client_for(manager)
    page = client.get(f"/children/{child.pk}/")
    assert "Restrict this record" in text(page)
    form = client.get(f"/children/{child.pk}/restriction/")
    assert form.status_code == 200
    response = client.post(
        f"/children/{child.pk}/restriction/",
        {"reason": REASON, "named": [practitioner.user_id], "version": 0},
    )
    assert response.status_code == 302
    [made] = events(child, "records.child.restricted")
    assert made.detail == {"reason": REASON, "named": ["mo.manager", "pat.practitioner"]}
    assert client_for(colleague).get(f"/children/{child.pk}/").status_code == 403
    assert client_for(practitioner).get(f"/children/{child.pk}/").status_code == 200


def test_a_restriction_needs_a_reason(child, manager, client_for):
    response = client_for(manager).post(
        f"/children/{child.pk}/restriction/", {"reason": "", "named": [manager.user_id]}
    )
    assert response.status_code == 400
    assert "Enter why the record is restricted" in text(response)
    assert not Restriction.objects.filter(child=child).exists()


def test_only_staff_of_the_childs_service_can_be_named(
    child, manager, other_practitioner, partner_viewer
):
    by = Actor(user=manager.user, organisation=manager.organisation)
    for outsider in (other_practitioner, partner_viewer):
        with pytest.raises(operations.RestrictionError):
            operations.restrict_record(
                by=by, child=child, reason=REASON, user_ids={outsider.user_id}
            )
    assert not Restriction.objects.filter(child=child).exists()


def test_a_stale_change_is_refused(restricted, manager, practitioner):
    by = Actor(user=manager.user, organisation=manager.organisation)
    operations.change_restriction(
        by=by,
        restriction=restricted,
        reason="Changed",
        user_ids={manager.user_id},
        version=restricted.version,
    )
    with pytest.raises(operations.StaleRestrictionError):
        operations.change_restriction(
            by=by,
            restriction=restricted,
            reason="Again",
            user_ids={manager.user_id, practitioner.user_id},
            version=restricted.version,
        )


def test_lifting_the_restriction_opens_the_record_again_and_is_audited(
    restricted, child, other_manager, colleague, client_for
):
    client = client_for(other_manager)
    response = client.post(
        f"/children/{child.pk}/restriction/lift/",
        {"lift-reason": "The child has moved on", "lift-version": restricted.version},
    )
    assert response.status_code == 302
    assert not Restriction.objects.filter(child=child).exists()
    [lifted] = events(child, "records.child.unrestricted")
    assert lifted.detail["reason"] == "The child has moved on"
    assert lifted.detail["restricted_because"] == REASON
    assert client_for(colleague).get(f"/children/{child.pk}/").status_code == 200


def test_lifting_needs_a_reason(restricted, child, manager, client_for):
    response = client_for(manager).post(
        f"/children/{child.pk}/restriction/lift/",
        {"lift-reason": "", "lift-version": restricted.version},
    )
    assert response.status_code == 400
    assert "Enter why the restriction is lifted" in text(response)
    assert Restriction.objects.filter(child=child).exists()


def test_staff_who_are_not_managers_cannot_manage_a_restriction(
    restricted, child, practitioner, other_practitioner, client_for
):
    assert client_for(practitioner).get(f"/children/{child.pk}/restriction/").status_code == 403
    assert (
        client_for(other_practitioner).get(f"/children/{child.pk}/restriction/").status_code == 404
    )


def test_grants_to_other_organisations_keep_their_scope(
    restricted, child, secure_staff, partner_viewer, client_for
):
    grant(child, secure_staff.organisation, Grant.Scope.CUSTODY)
    grant(child, partner_viewer.organisation, Grant.Scope.SUMMARY)
    secure: Client = client_for(secure_staff)
    assert secure.get(f"/children/{child.pk}/personal/").status_code == 200
    assert secure.get(f"/api/v1/children/{child.pk}").status_code == 200
    assert "Restricted record" not in text(secure.get("/shared/"))
    partner: Client = client_for(partner_viewer)
    assert partner.get(f"/children/{child.pk}/").status_code == 200
    assert partner.get(f"/children/{child.pk}/summary/").status_code == 200
