"""Reads and the access policy behind them: one rule for object checks and queryset filters."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import Http404
from django.utils import timezone

from cairn.accounts.models import Membership
from cairn.records import queries
from cairn.records.access import Access, access_to, may_read_access_log, visible_filter
from cairn.records.models import Child, Grant
from cairn.records.tests.factories import add_life_event, add_offence, grant

pytestmark = pytest.mark.django_db


def visible(membership, at_least=Access.SUMMARY) -> set[int]:
    return set(
        Child.objects.filter(visible_filter(membership, at_least)).values_list("pk", flat=True)
    )


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("practitioner", Access.EDIT),
        ("manager", Access.EDIT),
        ("administrator", Access.NONE),
        ("other_practitioner", Access.NONE),
        ("secure_staff", Access.NONE),
        ("partner_viewer", Access.NONE),
    ],
)
def test_access_to_a_child_without_grants(request, child, who, expected):
    assert access_to(request.getfixturevalue(who), child) == expected


@pytest.mark.parametrize(
    ("scope", "who", "expected"),
    [
        (Grant.Scope.CUSTODY, "secure_staff", Access.READ),
        (Grant.Scope.PLACEMENT, "placements_officer", Access.READ),
        (Grant.Scope.SUMMARY, "partner_viewer", Access.SUMMARY),
        (Grant.Scope.TRANSFER, "other_practitioner", Access.EDIT),
    ],
)
def test_access_through_a_grant_follows_its_scope(request, child, scope, who, expected):
    membership = request.getfixturevalue(who)
    grant(child, membership.organisation, scope)

    assert access_to(membership, child) == expected
    assert visible(membership, expected) == {child.pk}
    if expected < Access.EDIT:
        assert visible(membership, Access(expected + 1)) == set()


def test_object_check_and_queryset_filter_agree(
    request, make_child, northshire, southmoor, oakwood, partner_agency
):
    kai = make_child(northshire, "Kai", "Brennan")
    lee = make_child(northshire, "Lee", "Carter")
    sam = make_child(southmoor, "Sam", "Smith")
    grant(kai, oakwood, Grant.Scope.CUSTODY)
    grant(lee, partner_agency, Grant.Scope.SUMMARY)
    grant(lee, oakwood, Grant.Scope.CUSTODY, revoked=True)
    people = [
        request.getfixturevalue(who)
        for who in (
            "practitioner",
            "other_practitioner",
            "secure_staff",
            "partner_viewer",
            "administrator",
        )
    ]

    for membership in people:
        for level in (Access.SUMMARY, Access.READ, Access.EDIT):
            by_object = {
                child.pk for child in (kai, lee, sam) if access_to(membership, child) >= level
            }
            assert visible(membership, level) == by_object, (membership.user.username, level)


def test_inactive_membership_reaches_nothing(practitioner, child):
    practitioner.is_active = False

    assert access_to(practitioner, child) == Access.NONE
    assert visible(practitioner) == set()


def test_no_membership_reaches_nothing(child):
    assert access_to(None, child) == Access.NONE
    assert visible(None) == set()
    assert may_read_access_log(None, child) is False


def test_grant_ending_now_is_no_longer_in_force(secure_staff, oakwood, child):
    grant(
        child,
        oakwood,
        Grant.Scope.CUSTODY,
        valid_from=timezone.now() - dt.timedelta(days=1),
        valid_until=timezone.now(),
    )

    assert access_to(secure_staff, child) == Access.NONE


def test_child_for_returns_the_child_and_the_callers_access(practitioner, child):
    found, access = queries.child_for(practitioner, child.pk)

    assert (found, access) == (child, Access.EDIT)


def test_child_for_below_the_level_asked_is_not_found(partner_viewer, partner_agency, child):
    grant(child, partner_agency, Grant.Scope.SUMMARY)

    assert queries.child_for(partner_viewer, child.pk)[1] == Access.SUMMARY
    with pytest.raises(Http404):
        queries.child_for(partner_viewer, child.pk, Access.READ)


def test_child_for_a_missing_child_is_not_found(practitioner):
    with pytest.raises(Http404):
        queries.child_for(practitioner, 123456)


def test_likely_duplicates_match_name_ignoring_case_and_spaces_and_exact_date_of_birth(
    practitioner, make_child, northshire, southmoor
):
    same = make_child(northshire, "Kai", "Brennan", date_of_birth=dt.date(2012, 3, 14))
    make_child(northshire, "Kai", "Brennan", date_of_birth=dt.date(2012, 3, 15))
    make_child(northshire, "Kai", "Brennan-Smith", date_of_birth=dt.date(2012, 3, 14))
    make_child(southmoor, "Kai", "Brennan", date_of_birth=dt.date(2012, 3, 14))

    found = queries.likely_duplicates(
        practitioner, given_name=" kai ", family_name="BRENNAN", date_of_birth=dt.date(2012, 3, 14)
    )

    assert found == [same]


def test_shared_caseload_lists_only_other_organisations_children_under_grants(
    practitioner, make_child, northshire, southmoor
):
    mine = make_child(northshire, "Kai", "Brennan")
    theirs = make_child(southmoor, "Sam", "Smith")
    make_child(southmoor, "Una", "Shared-not")
    grant(theirs, northshire, Grant.Scope.TRANSFER)

    shared = queries.caseload(practitioner, scope="shared", filters=queries.CaseloadFilter())

    assert list(shared) == [theirs]
    assert mine not in queries.caseload(
        practitioner, scope="shared", filters=queries.CaseloadFilter()
    )


def test_team_caseload_of_a_manager_in_another_organisation_is_empty(make_member, southmoor, child):
    southmoor_manager = make_member("max.south", southmoor, Membership.Role.MANAGER)

    assert (
        list(queries.caseload(southmoor_manager, scope="team", filters=queries.CaseloadFilter()))
        == []
    )


def test_offences_and_life_events_are_newest_first(child):
    older = add_offence(child, offence_date=dt.date(2023, 1, 1))
    newer = add_offence(child, offence_date=dt.date(2024, 1, 1))
    same_day = add_offence(child, offence_date=dt.date(2024, 1, 1))
    first_event = add_life_event(child, date=dt.date(2020, 1, 1))
    second_event = add_life_event(child, date=dt.date(2021, 1, 1))

    assert list(queries.offences_of(child)) == [same_day, newer, older]
    assert list(queries.life_events_of(child)) == [second_event, first_event]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14/03/2012", dt.date(2012, 3, 14)),
        ("14-03-2012", dt.date(2012, 3, 14)),
        ("2012-03-14", dt.date(2012, 3, 14)),
        ("14 03 2012", dt.date(2012, 3, 14)),
        ("14 March 2012", dt.date(2012, 3, 14)),
        ("14 Mar 2012", dt.date(2012, 3, 14)),
        ("31/02/2012", None),
        ("Kai", None),
        ("NOR-00001", None),
    ],
)
def test_search_text_is_read_as_a_date_of_birth_when_it_is_one(text, expected):
    assert queries._parse_date(text) == expected
