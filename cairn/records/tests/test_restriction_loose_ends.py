"""A restricted record tells staff not named on it that it exists, by its name, and nothing
more: not by an identifier or date of birth in a search, not its local ID in the duplicate
warning; and the restriction page says truly that other organisations' grants go on."""

from __future__ import annotations

from typing import Any

import pytest

from cairn.accounts.models import Membership
from cairn.audit.operations import Actor
from cairn.records import operations
from cairn.records.models import Child, Grant
from cairn.records.tests.factories import grant, text

pytestmark = pytest.mark.django_db

PNC = "26/0070052N"


@pytest.fixture
def colleague(make_member: Any, northshire: Any, north_team: Any) -> Membership:
    return make_member("cal.colleague", northshire, Membership.Role.PRACTITIONER, north_team)


@pytest.fixture
def kept(make_child: Any, northshire: Any, practitioner: Membership, manager: Membership) -> Child:
    child = make_child(
        northshire, case_worker=practitioner.user, team=practitioner.team, pnc_number=PNC
    )
    operations.restrict_record(
        by=Actor(user=manager.user, organisation=manager.organisation),
        child=child,
        reason="Child of a member of staff",
        user_ids={practitioner.user_id},
    )
    return child


@pytest.mark.parametrize("query", ["local_id", "pnc"])
def test_an_identifier_search_does_not_confirm_a_restricted_record(
    kept, colleague, practitioner, client_for, query
):
    typed = {"local_id": kept.local_id, "pnc": PNC}[query]

    found = text(client_for(colleague).get("/caseload/team/", {"q": typed}))
    named = text(client_for(practitioner).get("/caseload/team/", {"q": typed}))

    assert "Brennan, Kai" not in found
    assert "Brennan, Kai" in named


def test_a_name_search_still_shows_the_restricted_record(kept, colleague, client_for):
    assert "Brennan, Kai" in text(client_for(colleague).get("/caseload/team/", {"q": "kai bren"}))


def test_the_duplicate_warning_shows_no_local_id_of_a_restricted_record(
    kept, colleague, practitioner, client_for
):
    form = {
        "given_name": "Kai",
        "family_name": "Brennan",
        "date_of_birth_day": "14",
        "date_of_birth_month": "3",
        "date_of_birth_year": "2012",
        "sex": "male",
    }

    warned = text(client_for(colleague).post("/children/new/", form))
    named = text(client_for(practitioner).post("/children/new/", form))

    assert "already has a record" in warned
    assert kept.local_id not in warned
    assert "restricted record" in warned
    assert kept.local_id in named


def test_the_restriction_page_says_sharing_goes_on_and_lists_the_grants(
    child, manager, partner_agency, client_for
):
    grant(child, partner_agency, Grant.Scope.SUMMARY)

    page = text(client_for(manager).get(f"/children/{child.pk}/restriction/"))

    assert "Only the people you name will be able to open" not in page
    assert "In your service, only the people you name" in page
    assert "A restriction does not stop sharing" in page
    assert partner_agency.name in page
